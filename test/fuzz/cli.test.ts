/**
 * imr-lint on a hostile folder: many generated and mutated letters (enough to use the
 * worker threads) mixed with a binary file, a dangling symlink, a symlink loop, a FIFO, a
 * file over --max-size, non-UTF-8 text and a file that cannot be opened. Every bad file is
 * reported by name, every letter is still linted with exactly the core's diagnostics, and
 * the exit code is the documented 2.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, symlinkSync, mkdirSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../server/src/languageService/service';
import { letterTextArb, mutatedArb, hugeSingleLine } from '../helpers/mutators';
import { FUZZ_SEED, runs } from './config';

const BIN = resolve(__dirname, '..', '..', 'bin', 'imr-lint.js');
const dir = mkdtempSync(join(tmpdir(), 'imr-fuzz-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface JsonFile {
  file: string;
  diagnostics: Array<{ code: string; range: { start: { line: number; character: number } } }>;
  problems?: Array<{ kind: string; severity: string }>;
}

test('a folder of mutated letters and hostile files: bad files reported, the rest linted like the core, exit 2', () => {
  // Letters that all start with a heading, so the walker keeps them as letters.
  const count = runs(60);
  const letters = fc.sample(mutatedArb(letterTextArb, 4), { seed: FUZZ_SEED, numRuns: count }).map((t) => 'HOW THE IMR FINAL DETERMINATION WAS MADE\n' + t);
  letters.forEach((text, i) => writeFileSync(join(dir, `letter-${String(i).padStart(3, '0')}.imr`), text));

  const hostile: Record<string, RegExp> = {};
  writeFileSync(join(dir, 'binary.imr'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0]));
  hostile['binary.imr'] = /binary/;
  symlinkSync(join(dir, 'no-such-target.imr'), join(dir, 'dangling.imr'));
  hostile['dangling.imr'] = /cannot read|dangling/;
  spawnSync('mkfifo', [join(dir, 'pipe.imr')]);
  hostile['pipe.imr'] = /not a regular file/;
  writeFileSync(join(dir, 'huge.imr'), 'HOW THE IMR FINAL DETERMINATION WAS MADE\n' + hugeSingleLine(3 * 1024 * 1024));
  hostile['huge.imr'] = /size|large|MB/i;
  mkdirSync(join(dir, 'sub'));
  symlinkSync(dir, join(dir, 'sub', 'back-to-root'));
  hostile['back-to-root'] = /loop/;
  // Unreadable for a normal user; root reads anything, so only expect the report when not root.
  writeFileSync(join(dir, 'locked.imr'), 'HOW THE IMR FINAL DETERMINATION WAS MADE\n');
  chmodSync(join(dir, 'locked.imr'), 0o000);
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) hostile['locked.imr'] = /cannot read|permission/i;
  // Latin-1 text is linted with a warning, not skipped.
  writeFileSync(join(dir, 'latin1.imr'), Buffer.from('HOW THE IMR FINAL DETERMINATION WAS MADE\nThe claimant, a 40 year old caf\xe9 worker.\n', 'latin1'));

  const r = spawnSync(process.execPath, [BIN, '--format', 'json', '--jobs', '2', '--max-size', '1MB', dir], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  assert.equal(r.error, undefined);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace: every problem is reported as a message');
  assert.equal(r.status, 2, `documented exit code 2 when a file could not be linted; stderr: ${r.stderr}`);
  for (const [name, pattern] of Object.entries(hostile)) {
    const line = r.stderr.split('\n').find((l) => l.includes(name));
    assert.ok(line, `${name} is reported on stderr`);
    assert.match(line!, pattern, `${name}: ${line}`);
  }

  const out = JSON.parse(r.stdout) as JsonFile[];
  const byName = new Map(out.map((f) => [f.file.slice(f.file.lastIndexOf('/') + 1), f]));
  let binary = 0;
  letters.forEach((text, i) => {
    const name = `letter-${String(i).padStart(3, '0')}.imr`;
    const got = byName.get(name);
    assert.ok(got, `${name} is in the report`);
    // Documented: NUL bytes in the first 8 KB mean a binary file, reported and skipped.
    if (Buffer.from(text).subarray(0, 8192).includes(0)) {
      assert.ok(got!.problems?.some((p) => /binary/.test(p.kind)), `${name} (NUL bytes) is reported as binary`);
      binary++;
      return;
    }
    const expected = analyzeText(text).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    assert.deepEqual(got!.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`), expected, `${name}: CLI and core disagree`);
  });
  assert.ok(byName.get('latin1.imr')?.problems?.some((p) => p.kind === 'encoding'), 'the Latin-1 file is linted, with an encoding warning');
  console.log(`# cli: ${letters.length} mutated letters (${binary} with NUL bytes, reported as binary) + ${Object.keys(hostile).length} hostile files (root: ${asRoot})`);
});
