/** The CLI's name and version (read from the package.json next to dist/ at run time). */
import { readFileSync } from 'fs';
import { join } from 'path';

export const TOOL_NAME = 'imr-lint';
export const TOOL_URI = 'https://github.com/imr-tools/imr-letters';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached === undefined) {
    cached = '0.0.0';
    // Bundled, this file is dist/imr-lint*.js (root one up); run from source (tsx), server/src/cli (three up).
    for (const up of ['..', join('..', '..', '..')]) {
      try {
        const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'imr-letters' && pkg.version) {
          cached = pkg.version;
          break;
        }
      } catch {
        // try the next candidate
      }
    }
  }
  return cached;
}
