/** PDF letters go through the shared extractor; a PDF it cannot read is a per-file problem. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeLetterPdf, isCapsHeading } from '../helpers/pdfWriter';
import { writeLetter } from './letters';
import { lint, removeTempDirs, tempDir, writeFile } from './run';

let dir: string;

before(async () => {
  dir = tempDir();
  const text = writeLetter({ caseNumber: 'CM17-0304050', items: [{ title: 'Tizanidine 4mg #60', outcome: 'Upheld' }, { title: 'MRI of the right knee', outcome: 'Overturned' }] });
  writeFile(join(dir, 'in', 'good.pdf'), await writeLetterPdf(text, { centre: isCapsHeading, linesPerPage: 30 }));
  writeFile(join(dir, 'in', 'bad.pdf'), 'this is not a PDF at all');
});
after(removeTempDirs);

test('a folder with a good and a broken PDF: the good one is linted, the broken one reported, exit 2', () => {
  const r = lint(['--format', 'json', 'in'], dir);
  assert.equal(r.status, 2, r.stderr);
  const files = JSON.parse(r.stdout) as Array<{ file: string; letters: Array<{ items: Array<{ title: string; outcome: string }> }>; problems?: Array<{ kind: string }> }>;
  assert.deepEqual(files.map((f) => f.file), ['in/bad.pdf', 'in/good.pdf']);
  assert.deepEqual(files[0].problems?.map((p) => p.kind), ['pdf']);
  assert.match(r.stderr, /in\/bad\.pdf: error: cannot extract text from PDF \(corrupt/);
  assert.deepEqual(files[1].letters[0].items.map((i) => [i.title, i.outcome]), [
    ['Tizanidine 4mg #60', 'Upheld'],
    ['MRI of the right knee', 'Overturned'],
  ]);
});
