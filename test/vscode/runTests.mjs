// Runs the @vscode/test-electron suite inside a desktop VS Code.
// 1. Bundles the suite (test/vscode/suite) with esbuild into out/vscode-test/suite.js, so a
//    broken suite fails here even on machines without VS Code.
// 2. Finds VS Code: $VSCODE_EXECUTABLE_PATH, else a `code` binary on PATH. It never downloads
//    one (these machines cannot); without one it prints SKIPPED and exits 0.
// 3. Builds a throw-away workspace (the seed letters from ../shared/seeds when present, plus
//    letters the suite writes itself) and runs the suite against the built extension.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'out', 'vscode-test');

await build({
  entryPoints: [join(root, 'test', 'vscode', 'suite', 'index.ts')],
  outfile: join(outDir, 'suite.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`bundled the VS Code suite into ${join('out', 'vscode-test', 'suite.js')}`);

function findVsCode() {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`VSCODE_EXECUTABLE_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  if (!onPath) return undefined;
  // /usr/bin/code is usually a link to <install>/bin/code, a launcher script; the
  // Electron binary next to it (<install>/code) is what test-electron should start.
  const real = realpathSync(onPath);
  const electron = join(dirname(real), '..', 'code');
  return dirname(real).endsWith('bin') && existsSync(electron) ? electron : real;
}

const vscodeExecutablePath = findVsCode();
if (!vscodeExecutablePath) {
  console.log('SKIPPED: no VS Code executable on this machine (set VSCODE_EXECUTABLE_PATH)');
  process.exit(0);
}

const workspace = mkdtempSync(join(tmpdir(), 'imr-vscode-ws-'));
const seeds = resolve(root, '..', 'shared', 'seeds');
if (existsSync(seeds)) for (const name of readdirSync(seeds)) cpSync(join(seeds, name), join(workspace, name));

const { runTests } = await import('@vscode/test-electron');
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(outDir, 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { IMR_TEST_WORKSPACE: workspace, IMR_SEEDS: existsSync(seeds) ? 'yes' : 'no' },
  });
} catch (error) {
  console.error(`the VS Code suite failed to run: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code === 0 ? 0 : 1);
