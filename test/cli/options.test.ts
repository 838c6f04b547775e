/** Options, usage errors and the config file. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeLetter } from './letters';
import { lint, removeTempDirs, ROOT, tempDir, writeFile } from './run';

let dir: string;

before(() => {
  dir = tempDir();
  writeFile(join(dir, 'clean.imr'), writeLetter({ items: [{ title: 'Tramadol 50mg #60', outcome: 'Upheld' }] }));
  writeFile(join(dir, 'broken.imr'), writeLetter({ items: [{ title: 'Naproxen 550mg #90', outcome: 'Upheld' }], withoutSummary: true }));
  writeFile(join(dir, 'off.json'), JSON.stringify({ rules: { 'missing-section': 'off' } }));
  writeFile(join(dir, 'warn.json'), JSON.stringify({ rules: { 'missing-section': 'warning' } }));
  writeFile(join(dir, 'bad.json'), '{ "rules": { "missing-section": "off", } ');
  writeFile(join(dir, 'unknown.json'), JSON.stringify({ rules: { 'no-such-rule': 'off', 'missing-section': 'hint' } }));
});
after(removeTempDirs);

test('exit 0 for a clean letter, 1 for an error diagnostic', () => {
  assert.equal(lint(['clean.imr'], dir).status, 0);
  assert.equal(lint(['broken.imr'], dir).status, 1);
  assert.equal(lint(['clean.imr', 'broken.imr'], dir).status, 1);
});

test('usage errors exit 2 with a message', () => {
  for (const args of [[], ['--format', 'xml', 'clean.imr'], ['--bogus', 'clean.imr'], ['--jobs', '0', 'clean.imr'], ['--max-size', 'lots', 'clean.imr'], ['--config']]) {
    const r = lint(args, dir);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^imr-lint: .+\nRun "imr-lint --help" for usage\.\n$/, args.join(' '));
    assert.equal(r.stdout, '');
  }
});

test('--help and --version', () => {
  const help = lint(['--help'], dir);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: imr-lint \[options\] PATH\.\.\./);
  for (const option of ['--format', '--config', '--jobs', '--max-size', '--quiet']) assert.ok(help.stdout.includes(option), option);
  const version = lint(['--version'], dir);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout, `imr-lint ${pkg.version}\n`);
});

test('--config turns a rule off or changes its severity', () => {
  const off = lint(['--config', 'off.json', 'broken.imr'], dir);
  assert.equal(off.status, 0, off.stderr);
  assert.doesNotMatch(off.stdout, /missing-section/);
  const warn = lint(['--config=warn.json', 'broken.imr'], dir);
  assert.equal(warn.status, 0, warn.stderr);
  assert.match(warn.stdout, /broken\.imr:\d+:\d+ warning missing-section /);
});

test('--config: invalid JSON exits 2 before linting; unknown codes are warnings', () => {
  const bad = lint(['--config', 'bad.json', 'clean.imr'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /bad\.json: error: Config file is not valid JSON/);
  assert.equal(bad.stdout, '');
  const missing = lint(['--config', 'nope.json', 'clean.imr'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read config file nope\.json: ENOENT/);
  const unknown = lint(['--config', 'unknown.json', 'broken.imr'], dir);
  assert.match(unknown.stderr, /unknown\.json: warning: Unknown rule "no-such-rule"/);
  assert.equal(unknown.status, 0);
  assert.match(unknown.stdout, /hint missing-section/);
});

test('--quiet keeps errors only', () => {
  const loud = lint(['--config', 'warn.json', 'broken.imr'], dir);
  assert.match(loud.stdout, /warning missing-section/);
  const quiet = lint(['--quiet', '--config', 'warn.json', 'broken.imr'], dir);
  assert.equal(quiet.stdout, '');
  assert.equal(quiet.stderr, '');
  const errors = lint(['-q', 'broken.imr'], dir);
  assert.match(errors.stdout, /error missing-section/);
  assert.equal(errors.status, 1);
});

test('an empty folder: valid empty outputs, exit 0', () => {
  const empty = tempDir();
  const json = lint(['--format', 'json', empty], dir);
  assert.deepEqual(JSON.parse(json.stdout), []);
  assert.equal(json.status, 0);
  assert.match(json.stderr, /no letters found/);
  const sarif = JSON.parse(lint(['--format', 'sarif', empty], dir).stdout);
  assert.deepEqual(sarif.runs[0].results, []);
  assert.equal(lint(['--format', 'csv', empty], dir).stdout, 'file,case_number,letter,item,outcome,treatment,generic,category,guidelines,line,page\r\n');
});
