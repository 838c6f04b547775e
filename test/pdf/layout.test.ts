/** layoutPages on hand-made text runs: reading order without pdfjs in the way. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutPages, type TextRun, type PageText } from '../../server/src/pdf/layout';

const run = (str: string, x: number, y: number, size = 10): TextRun => ({ str, x, y, width: str.length * size * 0.5, size });
const page = (...runs: TextRun[]): PageText => ({ runs, width: 612, height: 792 });

test('runs on one baseline are ordered by x, whatever order the PDF drew them in', () => {
  const out = layoutPages([page(run('Upheld', 172, 100), run('Soma #60:', 72, 100.5), run('Second line', 72, 112))]);
  assert.deepEqual(out.lines, ['Soma #60: Upheld', 'Second line']);
  assert.deepEqual(out.pageOfLine, [1, 1]);
});

test('a label wrapped under itself is rejoined on the line holding the value, either way round', () => {
  const valueFirst = layoutPages([page(run('Priority:', 72, 100), run('Standard', 200, 100), run('Application', 330, 100), run('11/03/2016', 450, 100), run('Received:', 330, 112))]);
  assert.deepEqual(valueFirst.lines, ['Priority: Standard  Application Received: 11/03/2016']);
  const valueSecond = layoutPages([page(run('Application', 72, 100), run('Received:', 72, 112), run('11/03/2016', 200, 112))]);
  assert.deepEqual(valueSecond.lines, ['Application Received: 11/03/2016']);
});

test('a wider gap between paragraphs becomes one blank line; a page break adds none', () => {
  const p1 = page(run('First paragraph line one', 72, 100), run('line two.', 72, 112), run('Next paragraph.', 72, 136));
  const p2 = page(run('continued on page two.', 72, 100));
  const out = layoutPages([p1, p2]);
  assert.deepEqual(out.lines, ['First paragraph line one', 'line two.', '', 'Next paragraph.', 'continued on page two.']);
  assert.deepEqual(out.pageOfLine, [1, 1, 1, 1, 2]);
});

test('running headers, footers and page numbers in the margins are dropped; body text is not', () => {
  const pages = [1, 2, 3].map((n) =>
    page(
      run(`Page ${n} of 3`, 72, 30, 8),
      run('CM16-0213037', 400, 30, 8),
      run(`Body text of page ${n}`, 72, 100),
      run('Independent Medical Review, Sacramento, CA', 72, 760, 8),
      run(`${n}`, 300, 775, 8),
    ),
  );
  assert.deepEqual(layoutPages(pages).lines, ['Body text of page 1', 'Body text of page 2', 'Body text of page 3']);
  // The same line in the body of two pages stays.
  const body = [page(run('Decision rationale: see above.', 72, 300)), page(run('Decision rationale: see above.', 72, 300))];
  assert.equal(layoutPages(body).lines.length, 2);
});

test('a bulk export keeps every letter header at the top of its page; a running case header keeps its first', () => {
  const bulk = ['CM16-0000001', 'CM16-0000002'].map((cn) => page(run('Case Number:', 72, 40), run(cn, 200, 40), run('HOW THE IMR FINAL DETERMINATION WAS MADE', 150, 55)));
  assert.deepEqual(layoutPages(bulk).lines, [
    'Case Number: CM16-0000001',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'Case Number: CM16-0000002',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
  ]);
  const running = [1, 2, 3].map((n) => page(run('Case Number: CM16-0213037', 72, 30, 8), run(`Text ${n}`, 72, 100)));
  assert.deepEqual(layoutPages(running).lines, ['Case Number: CM16-0213037', '', 'Text 1', 'Text 2', 'Text 3']);
});

test('text printed twice to fake bold comes out once; whitespace-only runs are ignored', () => {
  const out = layoutPages([page(run('CLINICAL CASE SUMMARY', 200, 100), run('CLINICAL CASE SUMMARY', 200.4, 100), run('   ', 320, 100))]);
  assert.deepEqual(out.lines, ['CLINICAL CASE SUMMARY']);
});

test('no runs at all: no lines', () => {
  assert.deepEqual(layoutPages([page(), page()]), { lines: [], pageOfLine: [] });
});

test('control characters are dropped; a soft hyphen ending a line prints as a hyphen', () => {
  const out = layoutPages([page(run('Non\u00ad', 72, 100), run('MTUS Cita\u00adtion\u0000', 72, 112))]);
  assert.deepEqual(out.lines, ['Non-', 'MTUS Citation']);
});

test("a symbol font's private-use bullet (Word's U+F0B7) is dropped, in a run of its own or not", () => {
  const out = layoutPages([page(run('\uf0b7', 72, 100), run('Soma 350 mg #60:', 90, 100), run('Upheld', 175, 100), run('\uf0a7 TENS unit: Upheld', 72, 112))]);
  assert.deepEqual(out.lines, ['Soma 350 mg #60: Upheld', 'TENS unit: Upheld']);
});

test('a wrapped label beside vertically centred cells moves onto its value line', () => {
  // Row cells centred vertically: `Application` above the row's baseline, `Received:` below.
  const out = layoutPages([
    page(
      run('Date Assigned:', 72, 88),
      run('11/09/2016', 200, 88),
      run('Application', 330, 94),
      run('Priority:', 72, 100),
      run('Standard', 200, 100),
      run('11/03/2016', 450, 100),
      run('Received:', 330, 106),
      run('Body text.', 72, 130),
    ),
  ]);
  assert.deepEqual(out.lines, ['Date Assigned: 11/09/2016', 'Priority: Standard  Application Received: 11/03/2016', '', 'Body text.']);
});

test('text at an angle is left out, unless a page holds nothing else', () => {
  const mark = { ...run('CONFIDENTIAL', 200, 100), upright: false };
  assert.deepEqual(layoutPages([page(run('Soma #60: Upheld', 72, 100), mark)]).lines, ['Soma #60: Upheld']);
  assert.deepEqual(layoutPages([page(mark)]).lines, ['CONFIDENTIAL']);
});

test('table cells up to half a font size off the row baseline join it; overprinting lines do not', () => {
  const row = layoutPages([page(run('Case Number:', 75, 100), run('CM16-0213037', 240, 96), run('Date Assigned:', 75, 120), run('11/09/2016', 240, 124))]);
  assert.deepEqual(row.lines, ['Case Number: CM16-0213037', 'Date Assigned: 11/09/2016']);
  // Text above other text is a line of its own, however close.
  const stacked = layoutPages([page(run('Soma #60: Upheld', 72, 100), run('Claims Administrator', 72, 104.5))]);
  assert.deepEqual(stacked.lines, ['Soma #60: Upheld', 'Claims Administrator']);
});

test('a page number above the margin band goes when it is the first or last line of its page; a number in the text stays', () => {
  const pages = [1, 2].map((n) => page(run(`Page ${n} of 2`, 72, 90, 8), run('Body line one', 72, 300), run('2', 72, 312), run('Body line three', 72, 324), run(`${n}`, 300, 700, 8)));
  assert.deepEqual(layoutPages(pages).lines, ['Body line one', '2', 'Body line three', 'Body line one', '2', 'Body line three']);
});

test('a running Case Number header is dropped when the letter header already gave the case number', () => {
  const pages = [1, 2, 3].map((n) => page(run('Case Number: CM16-0213037', 72, 30, 8), run(`Text ${n}`, 72, 100)));
  pages[0].runs.splice(0, 1, run('Case Number:', 72, 88), run('CM16-0213037', 200, 88));
  assert.deepEqual(layoutPages(pages).lines, ['Case Number: CM16-0213037', 'Text 1', 'Text 2', 'Text 3']);
});

test("an item's first lines at the very top of two pages are letter text, not a running header or page number", () => {
  const line = 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines';
  const pages = [1, 2].map((n) => page(run(line, 72, 40), run(`Page(s): ${n}.`, 72, 52)));
  assert.deepEqual(layoutPages(pages).lines, [line, 'Page(s): 1.', line, 'Page(s): 2.']);
});

test('fake bold printed twice per word reads once, however pdfjs glued the shifted copies', () => {
  // pdfjs items for CLINICAL CASE SUMMARY printed word by word, each word twice 0.3pt apart.
  const glued = layoutPages([
    page(run('CLINICAL', 72, 100), run('CLINICAL', 72.3, 100), run('CASE', 125, 100), run('CASE SUMMARY', 125.3, 100), run('SUMMARY', 155.3, 100)),
  ]);
  assert.deepEqual(glued.lines, ['CLINICAL CASE SUMMARY']);
  // The shifted copy glued to the next word, the next word's copy glued to the one after.
  const overlapping = layoutPages([page(run('Flexeril', 72, 100), run('Flexeril #60:', 72.25, 100), run('#60: Overturned', 110.25, 100), run('Overturned', 135.25, 100))]);
  assert.deepEqual(overlapping.lines, ['Flexeril #60: Overturned']);
});

test("a fax machine's header and a Bates number footer go; letter lines in the margins that differ only in numbers stay", () => {
  const pages = [1, 2].map((n) =>
    page(run(`11/29/2016 14:0${n} FAX 916 605 4270 #000${n}/0002`, 72, 30, 8), run(`Text ${n}`, 72, 100), run(`Page(s): 6${n}-66.`, 72, 740), run(`IMR00012${n}`, 500, 770, 8)),
  );
  assert.deepEqual(layoutPages(pages).lines, ['Text 1', '', 'Page(s): 61-66.', 'Text 2', '', 'Page(s): 62-66.']);
});

test('footers that name the page with its number, in the shapes word processors print, go', () => {
  const footers: Array<(n: number) => string> = [
    (n) => `${n} | Page`,
    (n) => `Page: ${n} of 3`,
    (n) => `Pg. ${n} of 3`,
    (n) => `IMR Final Determination ${n}/3`,
    (n) => `06/01/2015   ${n}`,
  ];
  for (const footer of footers) {
    // Each page ends in the footer; the next page opens with an item heading it must not join.
    const pages = [1, 2, 3].map((n) => page(run(`Soma ${n}0mg #60: Upheld`, 72, 100), run('The rationale ends here.', 72, 112), run(footer(n), 280, 760, 8)));
    assert.deepEqual(layoutPages(pages).lines, ['Soma 10mg #60: Upheld', 'The rationale ends here.', 'Soma 20mg #60: Upheld', 'The rationale ends here.', 'Soma 30mg #60: Upheld', 'The rationale ends here.'], footer(1));
  }
});

test('a running header without numbers, set apart above the text an inch down, goes; a repeated first line of the text stays', () => {
  const header = 'Independent Medical Review - Final Determination Letter';
  const pages = [1, 2, 3].map((n) => page(run(header, 72, 72), run(`Zanaflex ${n}mg #90: Upheld`, 72, 110), run('Decision rationale: not recommended.', 72, 122)));
  assert.deepEqual(layoutPages(pages).lines, [1, 2, 3].flatMap((n) => [`Zanaflex ${n}mg #90: Upheld`, 'Decision rationale: not recommended.']));
  // The same sentence opening two pages, in the run of the text (no wider gap below it): kept.
  const sentence = 'The records show no change in pain or function since the last visit.';
  const body = [1, 2].map((n) => page(run(sentence, 72, 72), run(`Line ${n} of the rationale.`, 72, 84), run('More text.', 72, 96)));
  assert.deepEqual(layoutPages(body).lines, [sentence, 'Line 1 of the rationale.', 'More text.', sentence, 'Line 2 of the rationale.', 'More text.']);
});
