// Runs the node:test suites (TypeScript through tsx) and the grammar tests.
// Usage: node scripts/run-tests.mjs [group ...]   groups: folders under test/ (default: all fast ones)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const FAST_GROUPS = ['unit', 'server', 'cli', 'fuzz', 'privacy', 'pdf', 'grammar'];
const groups = process.argv.slice(2).length ? process.argv.slice(2) : FAST_GROUPS;

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let failed = false;
const files = groups.filter((g) => g !== 'grammar').flatMap((g) => findTests(join('test', g)));
if (files.length) {
  // A test waits for events; one that never comes must fail with its name, not hang CI.
  // The real-editor tests start code-server and Chromium, so they get longer.
  const timeout = groups.includes('e2e') ? 15 * 60_000 : 3 * 60_000;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-timeout=${timeout}`, ...files], { stdio: 'inherit' });
  failed ||= r.status !== 0;
}
if (groups.includes('grammar')) {
  const r = spawnSync('npx', ['vscode-tmgrammar-test', '-g', 'syntaxes/imr.tmLanguage.json', 'test/grammar/**/*.imr'], { stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
