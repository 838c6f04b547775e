/**
 * Worker threads: a folder of 120 generated letters linted with --jobs 1 (in-process) and
 * --jobs 2 (two worker threads) gives byte-identical output, in path order.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generatedLetter } from './letters';
import { lint, removeTempDirs, tempDir, writeFile } from './run';

const COUNT = 120;
let dir: string;

before(() => {
  dir = tempDir();
  // Written in an order unlike path order, in nested folders, so ordering is really tested.
  for (let i = COUNT - 1; i >= 0; i--) writeFile(join(dir, 'letters', `batch-${i % 3}`, `letter-${String(i).padStart(3, '0')}.txt`), generatedLetter(i));
});
after(removeTempDirs);

for (const format of ['json', 'text', 'sarif', 'csv']) {
  test(`--jobs 1 and --jobs 2 print the same ${format}`, () => {
    const one = lint(['--jobs', '1', '--format', format, 'letters'], dir);
    const two = lint(['--jobs', '2', '--format', format, 'letters'], dir);
    assert.equal(one.status, 1, one.stderr); // every ninth letter lacks a section
    assert.equal(two.status, 1, two.stderr);
    assert.ok(one.stdout.length > 0);
    assert.equal(two.stdout, one.stdout);
  });
}

test('--jobs 2 really uses two worker threads on 50+ files; --jobs 1 and small runs stay on the main thread', () => {
  assert.match(lint(['--verbose', '--jobs', '2', 'letters'], dir).stderr, /120 candidate files; 2 worker threads/);
  assert.match(lint(['--verbose', '--jobs', '1', 'letters'], dir).stderr, /120 candidate files; linting on the main thread/);
  assert.match(lint(['--verbose', '--jobs', '2', 'letters/batch-0/letter-000.txt'], dir).stderr, /1 candidate files; linting on the main thread/);
});

test('the JSON covers every letter once, sorted by path, with its items', () => {
  const files = JSON.parse(lint(['--jobs', '2', '--format', 'json', 'letters'], dir).stdout) as Array<{ file: string; letters: Array<{ items: unknown[] }>; diagnostics: Array<{ code: string }> }>;
  assert.equal(files.length, COUNT);
  const names = files.map((f) => f.file);
  assert.deepEqual(names, [...names].sort());
  for (const f of files) {
    const i = Number(/letter-(\d+)/.exec(f.file)![1]);
    assert.equal(f.letters[0].items.length, 1 + (i % 4), f.file);
    assert.equal(f.diagnostics.some((d) => d.code === 'missing-section'), i % 9 === 4, f.file);
  }
});
