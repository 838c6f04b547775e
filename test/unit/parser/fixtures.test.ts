/**
 * One test per fixture letter (test/fixtures/letters): exact items and outcomes, key
 * fields, ranges inside the document, and no error diagnostic on the valid ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument, analyzeText, type Letter, type ParsedDocument } from '../../../server/src/languageService';
import { readFixture, fixtureNames, assertRangesInside, textAt, squash } from '../../helpers/fixtures';
import { getDocumentSymbols } from '../../../server/src/languageService/features/documentSymbols';

type ItemRow = [title: string, outcome: 'Upheld' | 'Overturned' | null];

/** The four items of the reference-four-items letter and of every artifact rendering of it. */
const FOUR_ITEMS: ItemRow[] = [
  ['Retrospective request for Lidocaine 5% patch #30 (DOS 05/12/2015)', 'Upheld'],
  ['MRI of the lumbar spine without contrast', 'Overturned'],
  ['Chiropractic treatment 2 times a week for 4 weeks for the lumbar and bilateral knees', 'Upheld'],
  ['Ultram 50mg one b.i.d. #60', 'Upheld'],
];
const TWO_COLUMN_ITEMS: ItemRow[] = [
  ['Occupational therapy 12 sessions for the left hand', 'Overturned'],
  ['Norco 5/325mg #45', 'Upheld'],
];
const NOTICE_ITEMS: ItemRow[] = [
  ['Lidoderm 5% patches #30', 'Upheld'],
  ['8 sessions of aquatic therapy for the lumbar spine', 'Overturned'],
  ['urine drug screen', 'Upheld'],
];
const PROFESSIONAL_ITEMS: ItemRow[] = [['Right shoulder arthroscopy with subacromial decompression', 'Upheld']];
const DOCUMENTS_ITEMS: ItemRow[] = [
  ['Naproxen 550mg #60', 'Overturned'],
  ['Omeprazole 20mg #30', 'Upheld'],
  ['Left knee hinged brace', 'Upheld'],
];

interface Expectation {
  letters: Array<{ layout: Letter['layout']; items: ItemRow[] }>;
  /** Fixtures that are deliberately wrong (the rules must flag them). */
  invalid?: boolean;
  check?: (doc: ParsedDocument, text: string) => void;
}

const EXPECTED: Record<string, Expectation> = {
  'reference-four-items': {
    letters: [{ layout: 'reference', items: FOUR_ITEMS }],
    check(doc) {
      const [lido, mri, , ultram] = doc.letters[0].items;
      assert.deepEqual(doc.letters[0].reviewer.licensure, ['California']);
      assert.deepEqual(doc.letters[0].reviewer.specialties, ['Family Practice']);
      assert.deepEqual(lido.guidelines[1].citations.map((c) => [c.kind, c.pages]), [['MTUS', '111-113'], ['ODG', undefined]]);
      assert.equal(mri.guidelines[0].citations[0].kind, 'ACOEM');
      assert.equal(mri.guidelines[0].citations[0].chapter, '12');
      assert.equal(mri.rationale?.conclusion?.finding, 'necessary');
      // Quoted "not recommended" is guideline text, not the conclusion.
      assert.match(lido.rationale!.conclusion!.text, /^The retrospective request for Lidocaine/);
      assert.deepEqual(
        [ultram.treatment?.brand, ultram.treatment?.generic, ultram.treatment?.dose, ultram.treatment?.quantity, ultram.treatment?.frequency],
        ['Ultram', 'tramadol', '50mg', '#60', 'b.i.d.'],
      );
      assert.equal(ultram.rationale?.conclusion?.finding, 'notNecessary');
    },
  },
  'wrapped-headings': {
    letters: [{ layout: 'reference', items: FOUR_ITEMS }],
    check(doc, text) {
      const chiro = doc.letters[0].items[2];
      assert.equal(chiro.headingRange.end.line - chiro.headingRange.start.line, 2, 'heading spans three lines');
      assert.equal(textAt(text, chiro.outcomeRange!), 'Upheld');
    },
  },
  'outcome-own-line': {
    letters: [{ layout: 'reference', items: FOUR_ITEMS }],
    check(doc, text) {
      const mri = doc.letters[0].items[1];
      assert.equal(textAt(text, mri.outcomeRange!), 'Overturned');
      assert.ok(mri.outcomeRange!.start.line > mri.titleRange.end.line, 'outcome on a later line');
    },
  },
  hyphenated: {
    letters: [{ layout: 'reference', items: FOUR_ITEMS }],
    check(doc) {
      const [lido, , , ultram] = doc.letters[0].items;
      assert.match(lido.guidelines[1].text, /Non-MTUS Citation/);
      assert.equal(lido.guidelines[1].citations[1].kind, 'ODG');
      assert.equal(ultram.rationale?.conclusion?.finding, 'notNecessary');
    },
  },
  'indented-headings': { letters: [{ layout: 'reference', items: FOUR_ITEMS }] },
  'crlf-bom-nbsp-curly': {
    letters: [{ layout: 'reference', items: FOUR_ITEMS }],
    check(doc, text) {
      assert.equal(doc.letters[0].sections[0].kind, 'howMade');
      const mri = doc.letters[0].items[1];
      assert.equal(textAt(text, mri.outcomeRange!), 'Overturned');
      assert.equal(textAt(text, mri.titleRange), 'MRI of the lumbar spine without contrast');
    },
  },
  'form-feeds-page-gaps': { letters: [{ layout: 'reference', items: FOUR_ITEMS }] },
  'double-spaced-trailing': { letters: [{ layout: 'reference', items: FOUR_ITEMS }] },
  'header-two-column': {
    letters: [{ layout: 'reference', items: TWO_COLUMN_ITEMS }],
    check(doc, text) {
      const h = doc.letters[0].header;
      assert.deepEqual(
        [h.caseNumber?.value, h.dateAssigned?.value, h.dateOfInjury?.value, h.decisionDate?.value, h.urDenialDate?.value, h.priority?.value, h.applicationReceived?.value],
        ['CM16-0213090', '2016-11-09', '2014-10-13', '2016-12-09', '2016-11-03', 'Expedited', '2016-11-04'],
      );
      assert.equal(textAt(text, h.applicationReceived!.range), '11/04/2016');
      assert.equal(textAt(text, h.urDenialDate!.range), '11/03/2016');
      const p = doc.letters[0].patient;
      assert.deepEqual([p.age, p.sex, p.dateOfInjury?.value], [29, 'female', '2014-10-13']);
      assert.equal(doc.letters[0].items[1].guidelines[0].noneCited, true);
    },
  },
  'header-labels-first': {
    letters: [{ layout: 'reference', items: [['Cognitive behavioral therapy x 6 sessions', 'Overturned']] }],
    check(doc, text) {
      const h = doc.letters[0].header;
      assert.deepEqual(
        [h.caseNumber?.value, h.dateAssigned?.value, h.decisionDate?.value, h.dateOfInjury?.value, h.urDenialDate?.value, h.priority?.value, h.applicationReceived?.value],
        ['CM17-0044518', '2017-03-01', '2017-03-28', '2012-05-09', '2017-02-17', 'Standard', '2017-02-24'],
      );
      assert.equal(textAt(text, h.caseNumber!.range), 'CM17-0044518');
      assert.deepEqual(doc.letters[0].reviewer.specialties, ['Psychiatry']);
      assert.deepEqual(doc.letters[0].reviewer.licensure, ['California', 'Arizona']);
      assert.deepEqual([doc.letters[0].patient.age, doc.letters[0].patient.sex], [44, 'male']);
    },
  },
  'notice-2013': {
    letters: [{ layout: 'notice2013', items: NOTICE_ITEMS }],
    check(doc, text) {
      const letter = doc.letters[0];
      assert.deepEqual(letter.items.map((i) => i.number), [1, 2, 3]);
      assert.equal(letter.header.caseNumber?.value, 'CM13-0041877');
      assert.equal(letter.header.noticeDate?.value, '2013-12-18');
      const decisions = letter.sections.find((s) => s.kind === 'decisions')!;
      for (const item of letter.items) {
        assert.ok(item.range.start.line > decisions.range.start.line && item.range.end.line <= decisions.range.end.line, 'item inside the decisions section');
        assert.ok(item.rationale, `${item.title} has its rationale`);
        assert.deepEqual(item.guidelines.map((g) => g.source), ['claimsAdministrator', 'reviewer']);
      }
      assert.equal(textAt(text, letter.items[0].titleRange), 'Lidoderm 5% patches #30');
      // The outline nests the numbered decisions under the notice's decisions section.
      const notice = getDocumentSymbols(doc).find((s) => s.name === 'Notice of Independent Medical Review Determination');
      assert.equal(notice?.children?.length, 3);
      assert.equal(letter.items[1].rationale?.conclusion?.finding, 'necessary');
      assert.equal(letter.items[2].guidelines[0].noneCited, true);
      assert.deepEqual(letter.reviewer.specialties, ['Anesthesiology']);
      assert.deepEqual([letter.patient.age, letter.patient.sex], [52, 'female']);
    },
  },
  'professional-review': {
    letters: [{ layout: 'professionalReview', items: PROFESSIONAL_ITEMS }],
    check(doc, text) {
      const letter = doc.letters[0];
      const kinds = letter.sections.map((s) => s.kind);
      assert.deepEqual(kinds, ['other', 'issueAtDispute', 'caseSummary', 'documentsReviewed', 'guidelinesRelied', 'rationale', 'qualifications']);
      const relied = letter.sections[4];
      assert.equal(relied.headingRange.end.line - relied.headingRange.start.line, 1, 'wrapped heading spans two lines');
      const item = letter.items[0];
      assert.equal(textAt(text, item.titleRange), 'Right shoulder arthroscopy with subacromial decompression');
      assert.deepEqual(item.guidelines.map((g) => g.source), ['reviewer']);
      assert.deepEqual(item.guidelines[0].citations.map((c) => c.kind), ['ACOEM', 'ODG']);
      assert.equal(item.treatment?.category, 'Surgery');
      assert.equal(letter.header.caseNumber?.value, 'CM15-0099812');
      // The outline shows the one item under ISSUE AT DISPUTE.
      const issue = getDocumentSymbols(doc).find((s) => s.name === 'ISSUE AT DISPUTE:');
      assert.deepEqual(issue?.children?.map((c) => c.name), ['Right shoulder arthroscopy with subacromial decompression']);
    },
  },
  'documents-reviewed': { letters: [{ layout: 'documentsReviewed', items: DOCUMENTS_ITEMS }] },
  'bulk-export': {
    letters: [
      { layout: 'reference', items: TWO_COLUMN_ITEMS },
      { layout: 'notice2013', items: NOTICE_ITEMS },
      { layout: 'professionalReview', items: PROFESSIONAL_ITEMS },
      { layout: 'documentsReviewed', items: DOCUMENTS_ITEMS },
    ],
    check(doc) {
      assert.deepEqual(doc.letters.map((l) => l.header.caseNumber?.value), ['CM16-0213090', 'CM13-0041877', 'CM15-0099812', undefined]);
      for (let i = 1; i < doc.letters.length; i++) assert.ok(doc.letters[i].range.start.line > doc.letters[i - 1].range.end.line, 'letters do not overlap');
    },
  },
  'combined-artifacts': {
    letters: [{ layout: 'reference', items: TWO_COLUMN_ITEMS }],
    check(doc) {
      assert.equal(doc.letters[0].header.priority?.value, 'Expedited');
      assert.equal(doc.letters[0].header.applicationReceived?.value, '2016-11-04');
    },
  },
  'outcome-variants': {
    invalid: true,
    letters: [
      {
        layout: 'reference',
        items: [
          ['Soma 350mg #60', null],
          ['Gabapentin 600mg #90', null],
          ['Home health aide 4 hours a day', null],
          ['Lumbar epidural steroid injection L4-5', null],
          ['Topical compound cream 240gm', null],
          ['Functional restoration program', null],
          ['Pain management consultation', 'Upheld'],
          ['Transportation to medical appointments', null],
        ],
      },
    ],
    check(doc, text) {
      const items = doc.letters[0].items;
      assert.deepEqual(items.map((i) => i.outcomeText), ['Uphold', 'overturn', 'Upheld.', 'Denied', 'Partially Overturned', undefined, 'upheld', undefined]);
      for (const item of items) if (item.outcomeRange) assert.equal(textAt(text, item.outcomeRange), item.outcomeText);
      const codes = analyzeText(text).diagnostics.filter((d) => d.severity === 1).map((d) => d.code);
      assert.equal(codes.filter((c) => c === 'unknown-outcome').length, 6);
      assert.equal(codes.filter((c) => c === 'missing-outcome').length, 2);
    },
  },
  'unknown-text': { letters: [] },
};

test('every fixture file has an expectation', () => {
  assert.deepEqual(fixtureNames().map((f) => f.replace(/\.txt$/, '')).sort(), Object.keys(EXPECTED).sort());
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`fixture ${name}`, () => {
    const text = readFixture(name);
    const doc = parseDocument(text);
    assert.deepEqual(
      doc.letters.map((l) => ({ layout: l.layout, items: l.items.map((i): ItemRow => [i.title, i.outcome]) })),
      expected.letters,
    );
    assertRangesInside(text, doc);
    for (const letter of doc.letters) {
      for (const item of letter.items) {
        // The title range covers the title as written (wraps collapsed).
        assert.equal(squash(textAt(text, item.titleRange)).replace(/- /g, '-'), item.title, `title range of ${item.title}`);
      }
    }
    if (!expected.invalid) {
      const errors = analyzeText(text).diagnostics.filter((d) => d.severity === 1);
      assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], 'no error diagnostics on a valid letter');
    }
    expected.check?.(doc, text);
  });
}

test('examples/sample-letter.imr: three items, a partial authorization, no diagnostics', () => {
  const text = readFileSync(resolve(__dirname, '..', '..', '..', 'examples', 'sample-letter.imr'), 'utf8');
  const doc = parseDocument(text);
  assert.equal(doc.letters.length, 1);
  const letter = doc.letters[0];
  assert.deepEqual(letter.items.map((i) => [i.title, i.outcome]), [
    ['Tramadol ER 150mg #30', 'Overturned'],
    ['Cyclobenzaprine 7.5mg #30', 'Upheld'],
    ['Physical therapy 2x4 for the lumbar spine', 'Upheld'],
  ]);
  assert.deepEqual(letter.items[1].partial, {
    originalRequest: 'Cyclobenzaprine 7.5mg #90',
    authorized: 'Cyclobenzaprine 7.5mg #60',
    remaining: 'Cyclobenzaprine 7.5mg #30',
  });
  assert.equal(textAt(text, letter.items[1].titleRange), 'Cyclobenzaprine 7.5mg #30');
  assert.equal(letter.header.caseNumber?.value, 'CM16-0187345');
  assert.deepEqual(letter.reviewer.licensure, ['California', 'Oregon']);
  assert.deepEqual([letter.patient.age, letter.patient.sex, letter.patient.dateOfInjury?.value], [46, 'male', '2013-04-17']);
  assert.equal(letter.items[0].guidelines[1].citations[0].section, 'Tramadol (Ultram)');
  assertRangesInside(text, doc);
  assert.deepEqual(analyzeText(text).diagnostics, []);
});
