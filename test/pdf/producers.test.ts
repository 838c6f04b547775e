/**
 * Letters written as PDFs the way real producers write them (content streams by hand:
 * test/helpers/producerPdf.ts) must read back with the items and outcomes of their text,
 * every word in order, and the header's case number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdf } from '../../server/src/pdf/api';
import { parseDocument } from '../../server/src/languageService/parser/parseDocument';
import { writeProducerPdf, type ProducerOptions } from '../helpers/producerPdf';
import { seedNames, readSeed, SEED_EXPECTATIONS } from '../helpers/seeds';
import { FIXTURES, headerText } from './letters';

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);
const itemsOf = (text: string) => parseDocument(text).letters.flatMap((l) => l.items.map((i) => [i.title, i.outcome]));
const LETTERHEAD = 'Independent Medical Review\nP.O. Box 138009\nSacramento, CA 95813-8009';
const pageOf = (p: number, n: number) => `Page ${p} of ${n}`;
/** Breaks the page after an item heading that waits for its outcome, and after every complete heading. */
const afterHeadings = (line: string) => /:$|: (Upheld|Overturned)$/.test(line) && !/guideline|rationale/.test(line);

const SHAPES: Record<string, (f: (typeof FIXTURES)[number]) => ProducerOptions> = {
  'one TJ per line, kerned, words placed by offsets with no spaces': (f) => ({ header: f.header, kernedTJ: true }),
  'bold outcome run, larger and raised; bold headings': (f) => ({ header: f.header, boldOutcome: { dy: 0.8, size: 11 }, boldHeadings: true }),
  'fake bold: bold headings and outcomes printed twice per word, shifted': (f) => ({ header: f.header, boldHeadings: true, boldOutcome: { dy: 0, size: 10 }, fakeBold: true }),
  'bold outcome run, lowered, inside kerned TJ lines': (f) => ({ header: f.header, kernedTJ: true, boldOutcome: { dy: -1.2, size: 10 } }),
  'bordered header cells, right-aligned values 2pt above the labels': (f) => ({ header: f.header, valueDy: 2 }),
  'bordered header cells, values 4pt above the labels': (f) => ({ header: f.header, valueDy: 4 }),
  'bordered header cells, values 4pt below the labels': (f) => ({ header: f.header, valueDy: -4 }),
  'leading 1.0, 20pt between paragraphs, 9pt': (f) => ({ header: f.header, fontSize: 9, leading: 1.0, paragraphGap: 20 }),
  '/Rotate 90, text turned to display upright': (f) => ({ header: f.header, rotate: 90, contentTurned: true }),
  '/Rotate 270, text turned to display upright': (f) => ({ header: f.header, rotate: 270, contentTurned: true }),
  '/Rotate 90 set by a viewer: the text displays sideways': (f) => ({ header: f.header, rotate: 90, footer: pageOf }),
  '/Rotate 270 set by a viewer: the text displays sideways': (f) => ({ header: f.header, rotate: 270 }),
  '/Rotate 180 set by a viewer: the text displays upside down': (f) => ({ header: f.header, rotate: 180, kernedTJ: true }),
  'MediaBox origin off zero, CropBox inset': (f) => ({ header: f.header, origin: [-200, 300], cropInset: 20, footer: pageOf }),
  '"Page n of N" footers and a running Case Number header on pages 2..': (f) => ({
    header: f.header,
    linesPerPage: 20,
    footer: pageOf,
    runningHeader: () => `Case Number: ${f.caseNumber}`,
  }),
  "a fax machine's header and a Bates number footer on every page; an item heading waits on the page before for its outcome": (f) => ({
    header: f.header,
    runningHeaderOnPage1: true,
    runningHeader: (p, n) => `11/29/2016 14:0${p} FAX 916 605 4270 MAXIMUS FEDERAL #000${p}/000${n}`,
    footer: (p) => `IMR00012${p}`,
    breakAfter: (line) => /spine:$/.test(line),
  }),
  'footer set high, above the bottom margin band': (f) => ({ header: f.header, footer: pageOf, footerY: 70, breakAfter: afterHeadings }),
  'item headings last on their page, guidelines on the next': (f) => ({ header: f.header, breakAfter: afterHeadings, footer: pageOf, kernedTJ: true }),
  'fi and fl ligature glyphs': (f) => ({ header: f.header, ligatures: true }),
  'Type0 fonts with glyph ids and ToUnicode, fi/fl ligature glyphs, kerned TJ (as Word writes)': (f) => ({
    header: f.header,
    cidFonts: true,
    ligatures: true,
    kernedTJ: true,
    boldOutcome: { dy: 0, size: 10 },
    footer: pageOf,
  }),
  'logo image and address letterhead on page 1': (f) => ({ header: f.header, letterhead: true, boldHeadings: true }),
  'sizes in the text matrix (1 Tf)': (f) => ({ header: f.header, unitFontSize: true, kernedTJ: true }),
  'drawn at a tenth of the scale (0.1 cm), sizes in the text matrix': (f) => ({ header: f.header, tenthsCtm: true, unitFontSize: true, boldOutcome: { dy: 0.5, size: 10 } }),
  'page content in a Form XObject shrunk to 92%': (f) => ({ header: f.header, formScale: 0.92, footer: pageOf }),
  'OCR text layer: invisible words, jittered baselines and sizes': (f) => ({ header: f.header, ocr: true, footer: pageOf }),
  'OCR text layer of a page scanned 2 degrees askew': (f) => ({ header: f.header, ocr: true, skew: 2, footer: pageOf }),
  'page scanned 1.2 degrees askew the other way, kerned TJ lines': (f) => ({ header: f.header, kernedTJ: true, skew: -1.2, valueDy: 2 }),
  'guideline lines in a synthetic italic (slanted text matrix)': (f) => ({ header: f.header, slantedGuidelines: true, unitFontSize: true }),
};

for (const fixture of FIXTURES) {
  for (const [shapeName, shape] of Object.entries(SHAPES)) {
    test(`PDF producer: ${fixture.name} / ${shapeName}`, async () => {
      const options = shape(fixture);
      const out = await extractPdf(await writeProducerPdf(fixture.text, options));
      const letters = parseDocument(out.text).letters;
      assert.equal(letters.length, 1, out.text);
      const source = `${options.letterhead ? `${LETTERHEAD}\n` : ''}${headerText(fixture.header)}\n\n${fixture.text}`;
      assert.deepEqual(itemsOf(out.text), itemsOf(source));
      assert.deepEqual(letters[0].items.map((i) => [i.title, i.outcome]), fixture.items);
      assert.deepEqual(wordsOf(out.text), wordsOf(source));
      assert.equal(letters[0].header.caseNumber?.value, fixture.caseNumber);
      assert.ok(letters[0].header.applicationReceived && letters[0].header.priority, out.text.slice(0, 400));
      const lineCount = out.text.split('\n').length - 1;
      assert.equal(out.pageOfLine.length, lineCount);
      assert.equal(out.pageOfLine[lineCount - 1], out.pageCount);
    });
  }
}

test('PDF producer: header cells on offset baselines come out as label/value rows', async () => {
  for (const valueDy of [4, -4]) {
    const f = FIXTURES[0];
    const out = await extractPdf(await writeProducerPdf(f.text, { header: f.header, valueDy }));
    assert.deepEqual(
      out.text.split('\n').filter(Boolean).slice(0, 4),
      // A right-aligned value ends 6pt before the next label: one word space apart.
      [
        'Case Number: CM16-0307415',
        'Date Assigned: 10/28/2016 Date of Injury: 06/02/2015',
        'Decision Date: 11/29/2016 UR Denial Date: 10/20/2016',
        'Priority: Standard Application Received: 10/24/2016',
      ],
    );
    const header = parseDocument(out.text).letters[0].header;
    assert.deepEqual(
      [header.dateAssigned, header.dateOfInjury, header.decisionDate, header.urDenialDate, header.priority, header.applicationReceived].map((v) => v?.value),
      ['2016-10-28', '2015-06-02', '2016-11-29', '2016-10-20', 'Standard', '2016-10-24'],
    );
  }
});

test('PDF producer: a sideways page reads in page order, with its own page in the page map', async () => {
  const f = FIXTURES[1];
  const out = await extractPdf(await writeProducerPdf(f.text, { header: f.header, rotate: 90, linesPerPage: 30 }));
  const lines = out.text.split('\n');
  assert.equal(lines[0], 'Case Number: CM17-0004128');
  assert.equal(out.pageOfLine[lines.indexOf('TENS unit purchase: Upheld')], out.pageCount);
});

for (const name of seedNames()) {
  const prefix = name.slice(0, 3);
  const text = () =>
    readSeed(prefix)
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .join('\n');
  const shapes: Record<string, ProducerOptions> = {
    'kerned TJ lines, bold outcomes, footers, running case header': {
      kernedTJ: true,
      boldOutcome: { dy: 0.6, size: 10.5 },
      boldHeadings: true,
      linesPerPage: 15,
      footer: pageOf,
      runningHeader: () => 'IMR Case CM16-0000000',
    },
    'OCR layer on sideways pages': { ocr: true, rotate: 90, linesPerPage: 25, breakAfter: afterHeadings },
  };
  for (const [shapeName, options] of Object.entries(shapes)) {
    test(`PDF producer: seed ${prefix} / ${shapeName}`, async () => {
      const out = await extractPdf(await writeProducerPdf(text(), options));
      assert.deepEqual(itemsOf(out.text), SEED_EXPECTATIONS[prefix]);
      assert.deepEqual(wordsOf(out.text), wordsOf(text()));
    });
  }
}

test('PDF producer: a running Case Number header on page 2 only (first page different) goes; the header table gave the number', async () => {
  const f = FIXTURES[0];
  const out = await extractPdf(await writeProducerPdf(f.text, { header: f.header, runningHeader: () => `Case Number: ${f.caseNumber}` }));
  assert.equal(out.pageCount, 2);
  assert.deepEqual(out.text.split('\n').filter((l) => l.includes('Case Number')), [`Case Number: ${f.caseNumber}`]);
  assert.deepEqual(wordsOf(out.text), wordsOf(`${headerText(f.header)}\n\n${f.text}`));
});
