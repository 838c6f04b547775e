/**
 * A folder with everything that can go wrong: each problem is reported on stderr (and in
 * the JSON), the real letters are still linted, and the exit code is 2.
 *
 * Unreadable files: tests run as root, so chmod 000 does not stop reads. What we use
 * instead: a dangling symlink named like a letter and a FIFO named like a letter (reading
 * a FIFO would block; the CLI must see it is not a regular file and never open it).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeLetter } from './letters';
import { lint, removeTempDirs, tempDir, writeFile } from './run';
import { problemFromError } from '../../server/src/cli/readInput';

interface JFile {
  file: string;
  letters: Array<{ items: Array<{ title: string; outcome: string | null }> }>;
  diagnostics: Array<{ severity: string }>;
  problems?: Array<{ kind: string; severity: string; message: string }>;
}

let dir: string;
let outside: string;
const clean = (title: string) => writeLetter({ items: [{ title, outcome: 'Upheld' }] });

before(() => {
  dir = tempDir();
  outside = tempDir();
  const ws = join(dir, 'ws');
  writeFile(join(ws, 'good.imr'), clean('Tramadol 50mg #60'));
  writeFile(join(ws, 'notes.txt'), 'Shopping list\nmilk\n'); // not a letter: ignored
  // Latin-1 bytes (0xE9 = é) are not valid UTF-8: read as Latin-1 with a warning.
  writeFile(join(ws, 'latin.txt'), Buffer.from(writeLetter({ items: [{ title: 'Naproxen 550mg #90', outcome: 'Upheld' }], summaryNote: 'Seen by Dr. Ren\u00e9 Aub\u00e9.' }), 'latin1'));
  writeFile(join(ws, 'binary.imr'), Buffer.concat([Buffer.from('Case Number: CM15-0000001\n'), Buffer.from([0, 1, 2, 0, 255])]));
  writeFile(join(ws, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])); // a stray binary .txt: not a letter
  writeFile(join(ws, 'huge.imr'), clean('Gabapentin 300mg #90') + '\n' + 'x'.repeat(20_000));
  writeFile(join(ws, 'node_modules', 'dep.imr'), clean('Omeprazole 20mg #30'));
  writeFile(join(ws, '.hidden', 'secret.imr'), clean('Omeprazole 20mg #30'));
  symlinkSync(join(ws, 'nowhere.imr'), join(ws, 'dangling.imr'));
  const fifo = spawnSync('mkfifo', [join(ws, 'pipe.imr')]);
  assert.equal(fifo.status, 0, 'mkfifo is needed for this test');
  mkdirSync(join(ws, 'sub'));
  writeFile(join(ws, 'sub', 'deep.imr'), clean('Tizanidine 4mg #60'));
  symlinkSync('..', join(ws, 'sub', 'loop')); // a link back to an ancestor
  writeFile(join(outside, 'far.imr'), clean('Lidocaine patch 5% #30'));
  symlinkSync(outside, join(ws, 'elsewhere')); // a folder outside the walked one: not followed
  symlinkSync(join(outside, 'far.imr'), join(ws, 'linked.imr')); // a linked file: followed
});
after(removeTempDirs);

test('every problem is reported, the rest is linted, exit code 2', () => {
  const r = lint(['--format', 'json', '--max-size', '8KB', 'ws'], dir);
  assert.equal(r.status, 2, r.stderr);
  const files = JSON.parse(r.stdout) as JFile[];
  const byName = new Map(files.map((f) => [f.file, f]));
  assert.deepEqual([...byName.keys()], ['ws/binary.imr', 'ws/dangling.imr', 'ws/good.imr', 'ws/huge.imr', 'ws/latin.txt', 'ws/linked.imr', 'ws/pipe.imr', 'ws/sub/deep.imr']);

  const kind = (name: string) => byName.get(name)!.problems?.map((p) => `${p.severity}:${p.kind}`);
  assert.deepEqual(kind('ws/binary.imr'), ['error:binary']);
  assert.deepEqual(kind('ws/dangling.imr'), ['error:missing']);
  assert.deepEqual(kind('ws/huge.imr'), ['error:tooBig']);
  assert.deepEqual(kind('ws/pipe.imr'), ['error:notFile']);
  assert.deepEqual(kind('ws/latin.txt'), ['warning:encoding']);
  for (const name of ['ws/good.imr', 'ws/linked.imr', 'ws/sub/deep.imr']) assert.equal(byName.get(name)!.problems, undefined, name);

  // Linted files have their letters; skipped ones have none.
  assert.deepEqual(byName.get('ws/good.imr')!.letters[0].items.map((i) => [i.title, i.outcome]), [['Tramadol 50mg #60', 'Upheld']]);
  assert.deepEqual(byName.get('ws/latin.txt')!.letters[0].items.map((i) => i.title), ['Naproxen 550mg #90']);
  assert.deepEqual(byName.get('ws/linked.imr')!.letters[0].items.map((i) => i.title), ['Lidocaine patch 5% #30']);
  assert.deepEqual(byName.get('ws/binary.imr')!.letters, []);

  // stderr says each in words.
  assert.match(r.stderr, /ws\/binary\.imr: error: binary file/);
  assert.match(r.stderr, /ws\/dangling\.imr: error: cannot read: no such file \(or a dangling symlink\)/);
  assert.match(r.stderr, /ws\/huge\.imr: error: file is 2\d\.\d KB, over the --max-size limit of 8\.0 KB/);
  assert.match(r.stderr, /ws\/pipe\.imr: error: not a regular file \(a FIFO\)/);
  assert.match(r.stderr, /ws\/latin\.txt: warning: not valid UTF-8; read as Latin-1/);
  assert.match(r.stderr, /ws\/sub\/loop: warning: symlink loop/);
  assert.match(r.stderr, /ws\/elsewhere: warning: symlink to a folder outside/);
  assert.doesNotMatch(r.stderr + r.stdout, /notes\.txt|binary\.txt|node_modules|secret/);
});

test('the Latin-1 fallback keeps the accented text', () => {
  const r = lint(['--format', 'json', 'ws/latin.txt'], dir);
  assert.equal(r.status, 0, r.stderr);
  const [f] = JSON.parse(r.stdout) as JFile[];
  assert.equal(f.problems?.[0].kind, 'encoding');
  // Not the same file as the clean letters: the é survived as é, so diagnostics and ranges are the usual ones.
  assert.deepEqual(f.diagnostics, []);
});

test('without problem files the same folder exits by its diagnostics; a named file is linted whatever its name', () => {
  const r = lint(['ws/good.imr', 'ws/notes.txt'], dir);
  // notes.txt is named, so it is linted: no letter structure found is an error of the rule set.
  const named = lint(['--format', 'json', 'ws/notes.txt'], dir);
  const [f] = JSON.parse(named.stdout) as JFile[];
  assert.equal(f.file, 'ws/notes.txt');
  const hasError = f.diagnostics.some((d) => d.severity === 'error');
  assert.equal(named.status, hasError ? 1 : 0);
  assert.equal(r.status, hasError ? 1 : 0, r.stderr);
});

test('a missing PATH is reported, the other paths are still linted, exit 2', () => {
  const r = lint(['--format', 'json', 'ws/good.imr', 'ws/no-such-file.imr'], dir);
  assert.equal(r.status, 2);
  const files = JSON.parse(r.stdout) as JFile[];
  assert.deepEqual(files.map((f) => f.file), ['ws/good.imr', 'ws/no-such-file.imr']);
  assert.equal(files[0].letters.length, 1);
  assert.match(r.stderr, /ws\/no-such-file\.imr: error: cannot read: no such file/);
});

test('text format: problems on stderr, diagnostics on stdout, exit 2', () => {
  const r = lint(['--max-size', '8KB', 'ws'], dir);
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stdout, /binary|FIFO/);
  assert.match(r.stderr, /4 files could not be linted/);
  assert.match(r.stderr, /4 letter files linted/);
});

test('UTF-16 letters with a byte order mark (NUL bytes, yet text) are read as text, not binary', () => {
  const here = tempDir();
  const text = writeLetter({ items: [{ title: 'Gabapentin 300mg #90', outcome: 'Overturned' }] });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16(); // big-endian: the same code units with their bytes swapped (BOM becomes FE FF)
  writeFile(join(here, 'le.txt'), le);
  writeFile(join(here, 'be.imr'), be);
  const r = lint(['--format', 'json', here], dir);
  assert.equal(r.status, 0, r.stderr);
  const files = JSON.parse(r.stdout) as JFile[];
  assert.equal(files.length, 2);
  for (const f of files) {
    assert.equal(f.problems, undefined, f.file);
    assert.deepEqual(f.letters[0].items.map((i) => [i.title, i.outcome]), [['Gabapentin 300mg #90', 'Overturned']], f.file);
  }
});

test('read errors are put in plain words with their code; unknown codes print as they are', () => {
  const message = (code: string) => {
    const input = problemFromError(Object.assign(new Error(`${code}: failed`), { code }));
    assert.equal(input.kind, 'problem');
    return input.kind === 'problem' ? input.problem.message : '';
  };
  assert.equal(message('EACCES'), 'cannot read: permission denied (EACCES); skipped');
  assert.equal(message('EIO'), 'cannot read: input/output error (EIO); skipped');
  assert.equal(message('ENOTCONN'), 'cannot read: ENOTCONN; skipped');
  assert.match(message('ENOENT'), /no such file/);
});
