/** Builds the production bundles and packages the .vsix exactly as `npm run package` does. */
import { existsSync, statSync } from 'node:fs';
import { REPO, VSIX } from './paths';
import { runAsync } from './processes';

export async function packageVsix(): Promise<{ path: string; bytes: number }> {
  await runAsync('npm', ['run', '--silent', 'package'], REPO);
  if (!existsSync(VSIX)) throw new Error(`npm run package did not produce ${VSIX}`);
  return { path: VSIX, bytes: statSync(VSIX).size };
}
