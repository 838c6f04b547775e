// Runs the node:test suites (TypeScript through tsx) and the grammar tests.
// Usage: node scripts/run-tests.mjs [group ...]   groups: folders under test/ (default: all fast ones)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// The five reference letters are read from ../shared/seeds beside the repository (they are
// not ours to copy in). A clone without them runs every other test and says loudly which
// files it left out; CI sets IMR_REQUIRE_SEEDS=1, so there a missing folder fails the run.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS_DIR = resolve(ROOT, '..', 'shared', 'seeds');
const SEED_HELPER = resolve(ROOT, 'test', 'helpers', 'seeds.ts');

/** Relative imports of a TypeScript file, resolved to files. */
function importsOf(file) {
  const out = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const base = resolve(dirname(file), m[1]);
    const found = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
    if (found) out.push(found);
  }
  return out;
}

/** True when `file` imports the seed helper, directly or through other test helpers. */
function readsSeeds(file, seen = new Set()) {
  if (file === SEED_HELPER) return true;
  if (seen.has(file) || !file.startsWith(join(ROOT, 'test'))) return false;
  seen.add(file);
  return importsOf(file).some((f) => readsSeeds(f, seen));
}

let failed = false;
let files = groups.filter((g) => g !== 'grammar').flatMap((g) => findTests(join('test', g)));
let leftOut = [];
if (!existsSync(SEEDS_DIR)) {
  if (process.env.IMR_REQUIRE_SEEDS === '1') {
    console.error(`run-tests: the reference letters are missing (${SEEDS_DIR}) and IMR_REQUIRE_SEEDS=1: failing.`);
    process.exit(1);
  }
  leftOut = files.filter((f) => readsSeeds(resolve(f)));
  files = files.filter((f) => !leftOut.includes(f));
}
const sayLeftOut = () => {
  if (leftOut.length) console.error(`\nrun-tests: NOT RUN: ${leftOut.length} test files read the reference letters, which are not at ${SEEDS_DIR}:\n  ${leftOut.join('\n  ')}\n`);
};
sayLeftOut();
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
sayLeftOut(); // again at the end, where a reader of the log looks
process.exit(failed ? 1 : 0);
