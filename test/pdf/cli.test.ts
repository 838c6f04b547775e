/**
 * The bundled CLI on PDFs: `--extract`, linting PDFs and folders of PDFs with pages in the
 * output. Runs dist/imr-lint.js, which loads pdfjs from dist/pdf.js (the bundled path).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLetterPdf, isCapsHeading } from '../helpers/pdfWriter';
import { FIXTURES } from './letters';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'imr-lint.js');
let dir = '';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  for (const f of ['imr-lint.js', 'pdf.js']) assert.ok(existsSync(join(ROOT, 'dist', f)), `dist/${f} missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'imr-pdf-cli-'));
  mkdirSync(join(dir, 'letters'));
  for (const [i, f] of FIXTURES.entries()) {
    writeFileSync(join(dir, 'letters', `letter${i}.pdf`), await writeLetterPdf(f.text, { header: f.header, linesPerPage: 20, centre: isCapsHeading }));
  }
  // One item without its rationale: a diagnostic on page 3.
  const broken = FIXTURES[0].text.replace(/Decision rationale: The ACOEM[^\n]*\n/, '');
  writeFileSync(join(dir, 'broken.pdf'), await writeLetterPdf(broken, { header: FIXTURES[0].header, linesPerPage: 20 }));
  writeFileSync(join(dir, 'scan.pdf'), await writeLetterPdf('', { noText: true }));
  writeFileSync(join(dir, 'fake.pdf'), 'Case Number: CM16-0000001\n');
  writeFileSync(join(dir, 'no-letter.pdf'), await writeLetterPdf('Minutes of the safety committee\nThe committee met on Tuesday and reviewed the ladder policy.'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('imr-lint --extract prints the letter text read from the PDF', () => {
  const r = cli('--extract', 'letters/letter0.pdf');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Case Number: CM16-0307415');
  assert.ok(lines.includes('Tizanidine 4mg #90: Upheld'));
  assert.ok(lines.includes('MRI of the lumbar spine without contrast: Overturned'));
});

test('imr-lint --extract --json gives the page of every line', () => {
  const r = cli('--extract', 'letters/letter1.pdf', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { text: string; pageOfLine: number[]; pageCount: number };
  assert.equal(out.pageOfLine.length, out.text.split('\n').length - 1);
  assert.equal(out.pageOfLine[out.pageOfLine.length - 1], out.pageCount);
  assert.ok(out.pageCount >= 3);
});

test('imr-lint lints a folder of PDFs; JSON items carry their page', () => {
  const r = cli('-f', 'json', 'letters');
  assert.equal(r.code, 0, r.stderr);
  const files = JSON.parse(r.stdout) as Array<{ file: string; letters: Array<{ items: Array<{ title: string; outcome: string; page: number }> }> }>;
  assert.equal(files.length, 2);
  for (const [i, f] of FIXTURES.entries()) {
    const items = files[i].letters[0].items;
    assert.deepEqual(items.map((it) => [it.title, it.outcome]), f.items);
    for (const it of items) assert.ok(it.page >= 1 && it.page <= 4, `${it.title} page ${it.page}`);
  }
});

test('imr-lint csv and sarif give the PDF page of each item and problem, as json does', () => {
  const json = JSON.parse(cli('-f', 'json', 'letters').stdout) as Array<{ letters: Array<{ items: Array<{ title: string; page: number }> }> }>;
  const pages = json.flatMap((f) => f.letters[0].items.map((it) => String(it.page)));
  const csv = cli('-f', 'csv', 'letters').stdout.trim().split('\r\n');
  assert.equal(csv[0].split(',').at(-1), 'page');
  // The page is the last field of each row (titles here hold no comma or quote).
  assert.deepEqual(csv.slice(1).map((row) => row.split(',').at(-1)), pages);
  const sarif = JSON.parse(cli('-f', 'sarif', 'broken.pdf').stdout) as { runs: Array<{ results: Array<{ ruleId: string; properties?: { pdfPage?: number } }> }> };
  const rationale = sarif.runs[0].results.find((res) => res.ruleId === 'missing-rationale');
  assert.ok(rationale?.properties?.pdfPage !== undefined && rationale.properties.pdfPage >= 1, JSON.stringify(rationale));
});

test('a PDF whose text holds no letter is linted with a warning saying so, not passed as clean', () => {
  const r = cli('no-letter.pdf');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /no-letter\.pdf: warning: no IMR letter found in the text read from this PDF/);
  const [file] = JSON.parse(cli('-f', 'json', 'no-letter.pdf').stdout) as Array<{ letters: unknown[]; problems?: Array<{ kind: string; severity: string }> }>;
  assert.deepEqual([file.letters.length, file.problems], [0, [{ kind: 'pdf', severity: 'warning', message: 'no IMR letter found in the text read from this PDF (imr-lint --extract shows that text)' }]]);
  // A letter read from a PDF gets no such warning.
  assert.doesNotMatch(cli('letters/letter0.pdf').stderr, /no IMR letter/);
});

test('imr-lint text output names the PDF page of a diagnostic', () => {
  const r = cli('broken.pdf');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /broken\.pdf:\d+:\d+ error missing-rationale .*\(page \d\)/);
});

test('unreadable PDFs: a clear message and exit 2, never a crash', () => {
  for (const [file, why] of [
    ['scan.pdf', /OCR/],
    ['fake.pdf', /Invalid PDF structure/],
  ] as const) {
    const lint = cli(file);
    assert.equal(lint.code, 2);
    assert.match(lint.stdout + lint.stderr, why);
    const extract = cli('--extract', file);
    assert.equal(extract.code, 2);
    assert.match(extract.stderr, why);
    assert.doesNotMatch(extract.stderr, /internal error|at .*\.js:\d+/);
  }
  assert.equal(cli('--extract').code, 2);
});
