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
import { isPageFurniture } from '../../../server/src/languageService/text/lines';

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

/** Blind-test letters (written from letter-formats.md, not from the parser): see each fixture. */
const NOTICE_FIVE_ITEMS: ItemRow[] = [
  ['12 additional sessions of postoperative physical therapy for the right shoulder, 2 times per week for 6 weeks', 'Upheld'],
  ['Tramadol ER 150mg #30', 'Overturned'],
  ['a cold therapy unit (purchase)', 'Upheld'],
  ['Omeprazole 20mg #60', 'Upheld'],
  ['a follow-up visit with the orthopedic surgeon', 'Overturned'],
];
const PARTIAL_OWN_LINE_ITEMS: ItemRow[] = [
  ['Individual psychotherapy, 12 sessions (1x week for 12 weeks)', 'Overturned'],
  ['Trazodone 100 mg #30 (the higher dose)', 'Upheld'],
];
const EIGHTEEN_ITEMS: ItemRow[] = [
  ['OxyContin 20 mg #60', 'Upheld'],
  ['Norco 10/325 mg #90', 'Upheld'],
  ['Soma 350 mg #90', 'Upheld'],
  ['Xanax 1 mg #60', 'Upheld'],
  ['Ambien 10 mg #30', 'Upheld'],
  ['Prilosec 20 mg #60', 'Overturned'],
  ['Colace 100 mg #60', 'Overturned'],
  ['Senna 8.6 mg #60', 'Overturned'],
  ['Lyrica 75 mg #60', 'Overturned'],
  ['Celebrex 200 mg #30', 'Overturned'],
  ['Cymbalta 60 mg #30', 'Overturned'],
  ['Lidoderm 5% patch #30', 'Upheld'],
  ['Urine drug screen', 'Overturned'],
  ['Psychiatric consultation', 'Overturned'],
  ['Aquatic therapy x 12 sessions', 'Upheld'],
  ['Gym membership x 6 months', 'Upheld'],
  ['Home health aide 4 hours per day, 3 days per week', 'Upheld'],
  ['Transportation to and from medical appointments', 'Upheld'],
];

/** Third blind test: 22 items, every third heading wrapped, titles that contain outcome words. */
const TWENTY_TWO_ITEMS: ItemRow[] = [
  ['Continued use of Norco as previously overturned 10/325mg #60', 'Upheld'],
  ['Soma 350mg #90', 'Upheld'],
  ['Repeat MRI of the lumbar spine without contrast, previously upheld on 01/05/2015 and now requested again by the treating physician', 'Overturned'],
  ['Gabapentin 600mg #90', 'Overturned'],
  ['Physical therapy, medically necessary per treating physician, 2x6 for the neck', 'Upheld'],
  ['Omeprazole 20mg #60 with 2 refills, to be taken once daily with food for gastric protection while on anti-inflammatory medication', 'Overturned'],
  ['Urine drug screen', 'Overturned'],
  ['Lidoderm 5% patch #30', 'Upheld'],
  ['Right shoulder subacromial injection under ultrasound guidance with lidocaine and Kenalog, one injection, as an outpatient', 'Upheld'],
  ['Acupuncture x 6 sessions', 'Overturned'],
  ['TENS unit purchase', 'Upheld'],
  ['Interferential stimulator rental for 30 days, with supplies including electrodes and batteries, for home use for the low back', 'Upheld'],
  ['Cyclobenzaprine 7.5mg #60', 'Upheld'],
  ['Tramadol ER 100mg #30', 'Overturned'],
  ['Functional capacity evaluation, overturned request from prior review, resubmitted with new documentation from the primary treating physician', 'Upheld'],
  ['Pain psychology evaluation', 'Overturned'],
  ['Home exercise kit', 'Upheld'],
  ['EMG/NCV of the bilateral lower extremities to rule out lumbar radiculopathy versus peripheral neuropathy, as requested on 02/11/2015', 'Upheld'],
  ['Naproxen 550mg #60', 'Overturned'],
  ['Lumbar support brace', 'Upheld'],
  ['Follow-up visit with pain management in 4 weeks', 'Overturned'],
  ['Hot and cold therapy unit, 30 day rental, post-injection, to be used at home three times a day for twenty minutes each time', 'Upheld'],
];

/** Fourth blind test: the letter body wrapped in mailing material (cover page, appeal rights, cc list, page furniture). */
const COVER_DOTTED_ITEMS: ItemRow[] = [
  ['Soma 350mg #60', 'Upheld'],
  ['Norco 10/325mg #90', 'Overturned'],
  ['Lumbar epidural steroid injection at L4-5', 'Overturned'],
  ['Urine drug screen', 'Upheld'],
];
const SUMMARY_LIST_ITEMS: ItemRow[] = [
  ['Zanaflex 4mg #60', 'Upheld'],
  ['Acupuncture 6 sessions for the low back', 'Overturned'],
];
const EXPEDITED_ITEMS: ItemRow[] = [['Right knee MRI without contrast', 'Overturned']];

/** The last item's block ends at its rationale: closing material after it is no part of it. */
function assertLastItemEndsBefore(doc: ParsedDocument, text: string, marker: string, letter = 0): void {
  const items = doc.letters[letter].items;
  const last = items[items.length - 1];
  const lines = text.split(/\r?\n|\r/);
  const at = lines.findIndex((l, i) => i > last.headingRange.start.line && l.includes(marker));
  assert.ok(at > 0, `marker ${marker} found`);
  assert.ok(last.range.end.line < at, `${last.title} ends before "${marker}"`);
  assert.ok(last.rationale?.range && last.rationale.range.end.line < at, 'rationale ends before the closing');
}

/** Header values in one order: case number, date assigned, decision date, date of injury, UR denial date, priority, application received. */
function headerValues(h: Letter['header']): Array<string | null | undefined> {
  return [h.caseNumber?.value, h.dateAssigned?.value, h.decisionDate?.value, h.dateOfInjury?.value, h.urDenialDate?.value, h.priority?.value, h.applicationReceived?.value];
}

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
      assert.deepEqual(headerValues(h), ['CM16-0213090', '2016-11-09', '2016-12-09', '2014-10-13', '2016-11-03', 'Expedited', '2016-11-04']);
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
      assert.deepEqual(headerValues(h), ['CM17-0044518', '2017-03-01', '2017-03-28', '2012-05-09', '2017-02-17', 'Standard', '2017-02-24']);
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
      assert.deepEqual(letter.reviewer.specialties, ['Anesthesiology', 'Pain Medicine']);
      assert.deepEqual([letter.patient.age, letter.patient.sex], [52, 'female']);
    },
  },
  // Notice guideline lines under one heading per source, and with no heading at all.
  'notice-guideline-per-source': {
    letters: [
      {
        layout: 'notice2013',
        items: [
          ['Voltaren gel 1% 100g', 'Upheld'],
          ['6 sessions of acupuncture for the neck', 'Overturned'],
          ['a cervical pillow', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const items = doc.letters[0].items;
      for (const item of items) assert.deepEqual(item.guidelines.map((g) => g.source), ['claimsAdministrator', 'reviewer'], item.title);
      assert.equal(items[0].guidelines[0].label, 'Medical Treatment Guideline(s) the Claims Administrator based its decision on:');
      assert.equal(items[0].guidelines[1].text, 'The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines, Topical Analgesics, Non-steroidal antinflammatory agents (NSAIDs), page 112.');
      assert.equal(items[1].guidelines[0].noneCited, true);
      // A heading about the Claims Administrator makes a line that names no source the administrator's.
      assert.equal(items[2].guidelines[0].text, 'Official Disability Guidelines (ODG), Neck and Upper Back, Pillow.');
      assert.equal(
        textAt(text, items[1].guidelines[1].range),
        'Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:\nMTUS Acupuncture Medical Treatment Guidelines, section 9792.24.1, pages 8-9.',
      );
    },
  },
  'notice-guideline-sentences-unheaded': {
    letters: [
      {
        layout: 'notice2013',
        items: [
          ['Flector patch 1.3% #60', 'Upheld'],
          ['a lumbar support brace', 'Upheld'],
          ['an EMG of the left lower extremity', 'Overturned'],
        ],
      },
    ],
    check(doc, text) {
      const [flector, brace, emg] = doc.letters[0].items;
      assert.deepEqual(flector.guidelines.map((g) => [g.source, g.label]), [['claimsAdministrator', ''], ['reviewer', '']]);
      assert.equal(
        textAt(text, flector.guidelines[0].range),
        'The Claims Administrator based its decision on the MTUS Chronic Pain Medical Treatment\nGuidelines, Topical Analgesics, pages 111-113.',
      );
      // Prose about what the reviewer read is not a guideline line; the two sentences after it are.
      assert.deepEqual(brace.guidelines.map((g) => g.source), ['claimsAdministrator', 'reviewer']);
      assert.equal(brace.guidelines[0].noneCited, true);
      assert.equal(brace.guidelines[1].text, 'The Expert Reviewer based his/her decision on the ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, page 301.');
      // "The Claims Administrator denied the request ..." is prose, not a guideline sentence.
      assert.deepEqual(emg.guidelines, []);
      for (const item of doc.letters[0].items) assert.ok(item.rationale?.conclusion?.finding, item.title);
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
      // "Board Certified in Anesthesiology, has a subspecialty in Pain Medicine and is licensed to practice in California and Nevada"
      const notice = doc.letters[1].reviewer;
      assert.deepEqual(notice.specialties, ['Anesthesiology', 'Pain Medicine']);
      assert.deepEqual(notice.licensure, ['California', 'Nevada']);
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
          // Uphold / overturn / Upheld. still say which way the item went (and are reported).
          ['Soma 350mg #60', 'Upheld'],
          ['Gabapentin 600mg #90', 'Overturned'],
          ['Home health aide 4 hours a day', 'Upheld'],
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
  'colon-paren-titles': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['MRI of the lumbar spine without contrast', 'Upheld'],
          ['Physical therapy 2x6 (12 sessions) for the right shoulder', 'Overturned'],
          ['Retrospective request for Toradol 60 mg IM injection (DOS 3/4/15)', 'Upheld'],
          ['Topical compound: Flurbiprofen 20%/Lidocaine 5% cream 180 gm', 'Upheld'],
          ['DME: TENS unit 30-day home trial (rental)', 'Overturned'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      const h = letter.header;
      assert.deepEqual(headerValues(h), ['CM15-0187221', '2015-09-24', '2015-10-29', '2013-04-02', '2015-09-10', 'Standard', '2015-09-18']);
      // The colon inside a title stays in it; only the last colon before the outcome ends the title.
      assert.equal(textAt(text, letter.items[3].titleRange), 'Topical compound: Flurbiprofen 20%/Lidocaine 5% cream 180 gm');
      assert.equal(letter.items[4].rationale?.conclusion?.finding, 'necessary');
      assert.equal(letter.items[1].treatment?.frequency, '2x6');
    },
  },
  'capital-outcomes-tabs': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Norco 10/325 mg #120', 'Upheld'],
          ['Soma 350 mg #60', 'Overturned'],
          ['Gabapentin 600 mg #90', 'Overturned'],
          ['Repeat cervical epidural steroid injection at C5-C6 under fluoroscopy', 'Upheld'],
          ['Cervical traction pillow', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      assert.deepEqual(letter.items.map((i) => i.outcomeText), ['UPHELD', 'OVERTURNED', 'Overturned', 'Upheld', 'Upheld']);
      for (const item of letter.items) assert.equal(textAt(text, item.outcomeRange!), item.outcomeText);
      // Board certification prose: the specialty stops before "with a subspecialty", the states before the next sentence.
      assert.deepEqual(letter.reviewer.specialties, ['Anesthesiology', 'Pain Medicine']);
      assert.deepEqual(letter.reviewer.licensure, ['California', 'Nevada', 'Arizona']);
      assert.equal(letter.items[1].guidelines[0].noneCited, true);
      assert.equal(letter.header.urDenialDate?.value, '2016-02-22');
    },
  },
  'eighteen-items': {
    letters: [{ layout: 'reference', items: EIGHTEEN_ITEMS }],
    check(doc) {
      const items = doc.letters[0].items;
      assert.deepEqual(items[1].partial, { originalRequest: 'Norco 10/325 mg #180', authorized: 'Norco 10/325 mg #90', remaining: 'Norco 10/325 mg #90' });
      assert.deepEqual(items.filter((i) => i.guidelines[0]?.noneCited).map((i) => i.title), ['Ambien 10 mg #30']);
      for (const item of items) {
        assert.deepEqual(item.guidelines.map((g) => g.source), ['claimsAdministrator', 'maximus'], item.title);
        assert.equal(item.rationale?.conclusion?.finding, item.outcome === 'Upheld' ? 'notNecessary' : 'necessary', item.title);
      }
    },
  },
  'quoted-guideline-three-line': {
    letters: [
      {
        layout: 'reference',
        items: [
          [
            'Left knee arthroscopy with partial medial meniscectomy and chondroplasty as an outpatient procedure at the surgery center with pre-operative clearance including labs, EKG and chest x-ray',
            'Upheld',
          ],
          ['Lumbar epidural steroid injection at L5-S1 under fluoroscopic guidance with moderate sedation, left side', 'Overturned'],
          ['Post-operative physical therapy 3 times a week for 4 weeks for the left knee', 'Upheld'],
          ['Pre-operative clearance with internal medicine including labs, EKG and chest x-ray', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const [knee, esi, , clearance] = doc.letters[0].items;
      assert.equal(knee.headingRange.end.line - knee.headingRange.start.line, 2, 'three-line heading');
      // Outcome alone after a form feed, blank lines and page furniture.
      assert.equal(textAt(text, esi.outcomeRange!), 'Overturned');
      assert.ok(esi.outcomeRange!.start.line - esi.titleRange.end.line > 4);
      // Quoted "is medically necessary" guideline text is not the conclusion.
      assert.equal(knee.rationale?.conclusion?.text, 'The request is not medically necessary.');
      assert.equal(clearance.rationale?.conclusion?.finding, 'notNecessary');
      assert.equal(esi.rationale?.conclusion?.text, 'Medical necessity has been established.');
    },
  },
  'documents-reviewed-six-items': {
    letters: [
      {
        layout: 'documentsReviewed',
        items: [
          ['EMG/NCV of the bilateral upper extremities', 'Upheld'],
          ['Right carpal tunnel release', 'Overturned'],
          ['Post-operative occupational therapy 8 sessions', 'Overturned'],
          ['Ergonomic workstation evaluation', 'Upheld'],
          ['Terocin lotion 120 ml', 'Upheld'],
          ['Naproxen 550 mg #30', 'Overturned'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      // Labels above their values, two columns.
      const h = letter.header;
      assert.deepEqual(headerValues(h), ['CM14-0099881', '2014-07-02', '2014-08-14', '2012-11-30', '2014-06-13', 'Standard', '2014-06-20']);
      assert.equal(textAt(text, h.decisionDate!.range), '08/14/2014');
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'documentsReviewed', 'caseSummary', 'decisions']);
      assert.equal(letter.items[5].partial?.originalRequest, 'Naproxen 550 mg #60');
    },
  },
  'professional-plural-issue': {
    letters: [{ layout: 'professionalReview', items: [['twelve sessions of acupuncture for the cervical spine and right upper extremity', 'Upheld']] }],
    check(doc) {
      const letter = doc.letters[0];
      // "licensed in California and Texas and is Board Certified in ...": two states, one specialty.
      assert.deepEqual(letter.reviewer.licensure, ['California', 'Texas']);
      assert.deepEqual(letter.reviewer.specialties, ['Physical Medicine and Rehabilitation']);
      // The quoted "is medically necessary" is guideline text; the last sentence decides.
      assert.equal(letter.items[0].rationale?.conclusion?.finding, 'notNecessary');
      assert.equal(letter.header.priority?.value, 'Expedited');
    },
  },
  'notice-five-items': {
    letters: [{ layout: 'notice2013', items: NOTICE_FIVE_ITEMS }],
    check(doc) {
      const letter = doc.letters[0];
      assert.deepEqual(letter.items.map((i) => i.number), [1, 2, 3, 4, 5]);
      assert.equal(letter.header.noticeDate?.value, '2013-11-27');
      assert.equal(letter.header.caseNumber?.value, 'CM13-0029914');
      for (const item of letter.items) assert.ok(item.rationale?.conclusion, `${item.title} has its rationale`);
      assert.equal(letter.items[2].guidelines[0].noneCited, true);
    },
  },
  'artifact-soup': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Botox 155 units intramuscular injections for chronic migraine prophylaxis, one session', 'Upheld'],
          ['MRI of the brain without contrast', 'Overturned'],
          ['Neuro-psychological evaluation and testing, 8 hours', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'caseSummary', 'decisions']);
      assert.equal(letter.header.applicationReceived?.value, '2017-06-21');
      assert.deepEqual(letter.items[0].guidelines[1].citations.map((c) => c.kind), ['MTUS', 'ODG']);
      assert.deepEqual([letter.patient.age, letter.patient.sex, letter.patient.dateOfInjury?.value], [33, 'male', '2015-09-03']);
    },
  },
  'dosing-abbreviation-wraps': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Retrospective request for Ibuprofen 800 mg one tablet by mouth three times a day as needed, p.r.n. #90 (DOS 01/12/2016)', 'Overturned'],
          ['Flurbiprofen 20% cream 120 gm, apply a thin layer to the right knee b.i.d. (DOS 01/12/2016)', 'Upheld'],
          ['Tizanidine 4 mg one p.o. q.h.s. #30', 'Upheld'],
          ['Hinged right knee brace, purchase', 'Upheld'],
          ['Additional physical therapy for the right knee, 2 times a week, as medically indicated x 6 sessions', 'Overturned'],
          ['Tramadol ER 150 mg #30', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const items = doc.letters[0].items;
      // A partial authorization after a rationale without a final stop starts at "X was the original request".
      assert.deepEqual(items[5].partial, { originalRequest: 'Tramadol ER 150 mg #60', authorized: 'Tramadol ER 150 mg #30', remaining: 'Tramadol ER 150 mg #30' });
      assert.match(items[4].rationale!.text, /\(MTUS, Physical Medicine\)$/);
      // A rationale that ends without a stop keeps its last line.
      assert.match(items[1].rationale!.text, /\(MTUS, Topical Analgesics\)$/);
      assert.match(items[2].rationale!.text, /The request is not medically necessary$/);
      for (const item of items) assert.equal(item.guidelines.length, 2, item.title);
    },
  },
  'partial-outcome-own-line': {
    letters: [{ layout: 'reference', items: PARTIAL_OWN_LINE_ITEMS }],
    check(doc, text) {
      const letter = doc.letters[0];
      const trazodone = letter.items[1];
      assert.deepEqual(trazodone.partial, {
        originalRequest: 'Trazodone 100 mg #30',
        authorized: 'Trazodone 50 mg #30',
        remaining: 'Trazodone 100 mg #30 (the higher dose)',
      });
      assert.equal(textAt(text, trazodone.outcomeRange!), 'Upheld');
      // The psychotherapy rationale ends at its own conclusion, not in the next heading.
      assert.equal(letter.items[0].rationale?.conclusion?.text, 'Further sessions are medically necessary.');
      // Header with each label on its own line and its value on the next.
      const h = letter.header;
      assert.deepEqual([h.caseNumber?.value, h.priority?.value, h.applicationReceived?.value], ['CM16-0098345', 'Standard', '2016-05-17']);
      assert.deepEqual(letter.reviewer.licensure, ['Ohio', 'California']);
      assert.deepEqual(letter.reviewer.specialties, ['Psychiatry & Neurology']);
    },
  },
  'conclusion-phrasings': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Radiofrequency ablation, right L3-L4 and L4-L5 medial branches', 'Upheld'],
          ['Right hip intra-articular corticosteroid injection under ultrasound', 'Upheld'],
          ['Norco 5/325 mg #60', 'Upheld'],
          ['Functional capacity evaluation', 'Upheld'],
          ['Lumbar support (LSO brace)', 'Upheld'],
          ['Aqua therapy 2 times a week for 6 weeks', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      // "does not appear to be", "cannot be considered", "neither ... nor", "no medical necessity",
      // "has not been shown to be": all not necessary; "not unreasonable and is medically necessary": necessary.
      assert.deepEqual(
        doc.letters[0].items.map((i) => i.rationale?.conclusion?.finding),
        ['notNecessary', 'notNecessary', 'notNecessary', 'notNecessary', 'notNecessary', 'necessary'],
      );
    },
  },
  'long-wraps-unlabelled-ca': {
    letters: [
      {
        layout: 'reference',
        items: [
          [
            'Chiropractic manipulation with myofascial release and electrical muscle stimulation, 2 times a week for 4 weeks (8 visits), for the cervical, thoracic and lumbar spine and the bilateral shoulders, as an outpatient',
            'Upheld',
          ],
          [
            'Home cervical traction unit (over-the-door) for the neck, purchase, for use at home with the home exercise program as instructed by the treating chiropractor, with instruction',
            'Upheld',
          ],
          ['Massage therapy 1 time a week for 6 weeks', 'Overturned'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      // The whole header table on one line.
      const h = letter.header;
      assert.deepEqual(headerValues(h), ['CM16-0151200', '2016-08-08', '2016-09-06', '2012-02-29', '2016-07-26', 'Standard', '2016-08-01']);
      const [chiro, traction, massage] = letter.items;
      assert.equal(chiro.titleRange.end.line - chiro.titleRange.start.line, 2, 'three title lines');
      assert.equal(textAt(text, chiro.outcomeRange!), 'Upheld');
      assert.deepEqual(traction.guidelines.map((g) => [g.source, g.noneCited]), [['claimsAdministrator', true], ['maximus', false]]);
      // The claims administrator's sentence without its label still counts as its guideline line.
      assert.deepEqual(massage.guidelines.map((g) => [g.source, g.noneCited, g.label]), [['claimsAdministrator', true, ''], ['maximus', false, 'MAXIMUS guideline:']]);
    },
  },
  'bulk-three-layouts': {
    letters: [
      { layout: 'notice2013', items: NOTICE_FIVE_ITEMS },
      { layout: 'reference', items: PARTIAL_OWN_LINE_ITEMS },
      { layout: 'professionalReview', items: [['Acupuncture x 6 sessions for the cervical spine and right upper extremity', 'Overturned']] },
    ],
    check(doc) {
      assert.deepEqual(doc.letters.map((l) => l.header.caseNumber?.value), ['CM13-0029914', 'CM16-0098345', 'CM14-0051033']);
      // "1." numbering and "the requested X" in the notice list.
      assert.deepEqual(doc.letters[0].items.map((i) => i.number), [1, 2, 3, 4, 5]);
      for (let i = 1; i < doc.letters.length; i++) assert.ok(doc.letters[i].range.start.line > doc.letters[i - 1].range.end.line, 'letters do not overlap');
    },
  },
  /* Second blind test: letters written from letter-formats.md, each probing what the first round left out. */
  'imaging-month-name-dates': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['MR arthrogram of the right shoulder with and without contrast', 'Overturned'],
          ['CT scan of the cervical spine without contrast', 'Upheld'],
          ['X-rays of the lumbar spine, 3 views (AP, lateral and flexion/extension)', 'Upheld'],
          ['EMG/NCV of both upper extremities', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      // Dates written "January 5, 2015".
      assert.deepEqual(headerValues(letter.header), ['CM15-0004411', '2015-01-05', '2015-02-11', '2012-03-03', '2014-12-19', 'Standard', '2014-12-29']);
      // "injured his neck and right shoulder on March 3, 2012".
      assert.equal(letter.patient.dateOfInjury?.value, '2012-03-03');
      assert.deepEqual(letter.items.map((i) => i.treatment?.category), ['Diagnostic Testing', 'Diagnostic Testing', 'Diagnostic Testing', 'Diagnostic Testing']);
      // "is medically necessary and appropriate", "The request is certified."
      assert.deepEqual(letter.items.map((i) => i.rationale?.conclusion?.finding), ['necessary', 'notNecessary', 'notNecessary', 'necessary']);
      assert.equal(letter.items[3].rationale?.conclusion?.text, 'The request is certified.');
    },
  },
  'dme-case-number-next-line': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['TENS unit purchase (versus continued rental) with supplies', 'Overturned'],
          ['Home health aide 6 hours per day, 7 days per week for 6 weeks', 'Upheld'],
          ['Lumbar brace (LSO)', 'Upheld'],
          ['Hot/cold therapy unit, 30 day rental', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      // "Case Number:" alone, the number on the next line; dates written 6/2/16.
      assert.deepEqual(headerValues(letter.header), ['CM16-0102233', '2016-06-02', '2016-07-08', '2013-09-14', '2016-05-20', 'Expedited', '2016-05-27']);
      assert.equal(textAt(text, letter.header.caseNumber!.range), 'CM16-0102233');
      assert.deepEqual(letter.items.map((i) => i.treatment?.category), ['DMEPOS', 'Home Health', 'DMEPOS', 'DMEPOS']);
      assert.equal(letter.items[3].guidelines[0].noneCited, true);
    },
  },
  'rehab-programs-dashed-dates': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Functional restoration program 160 hours (4 weeks), 5 days a week', 'Overturned'],
          ['Individual psychotherapy sessions x 6 (1 session per week)', 'Overturned'],
          ['Chiropractic 2x3 for the lumbar spine', 'Upheld'],
          ['Acupuncture x 6 for the cervical spine', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      assert.deepEqual(headerValues(letter.header), ['CM15-0231877', '2015-01-05', '2015-02-09', '2011-08-22', '2014-12-15', 'Standard', '2014-12-22']);
      assert.deepEqual(
        letter.items.map((i) => [i.treatment?.category, i.treatment?.quantity, i.treatment?.frequency]),
        [
          ['Programs', undefined, undefined],
          ['Psych Services', 'x 6', undefined],
          ['Rehabilitation', undefined, '2x3'],
          ['Rehabilitation', 'x 6', undefined],
        ],
      );
    },
  },
  'surgery-cover-page': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Left knee arthroscopy with partial medial meniscectomy', 'Overturned'],
          ['Pre-operative medical clearance with history and physical, CBC, BMP and EKG', 'Overturned'],
          ['Post-operative physical therapy 12 sessions for the left knee', 'Overturned'],
          ['Cortisone injection to the left shoulder (subacromial)', 'Upheld'],
          ['Transportation to and from the surgery center', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      // A cover letter before the header table belongs to the header.
      assert.equal(letter.range.start.line, 0);
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'caseSummary', 'decisions']);
      assert.deepEqual(headerValues(letter.header), ['CM17-0098764', '2017-06-12', '2017-07-14', '2016-01-09', '2017-05-31', 'Standard', '2017-06-06']);
      assert.deepEqual(
        letter.items.map((i) => i.treatment?.category),
        ['Surgery', 'Evaluation & Management', 'Rehabilitation', 'Injection', 'Transportation'],
      );
      // 2017 MTUS chapters are named, not numbered.
      assert.deepEqual(letter.items[0].guidelines[1].citations.map((c) => [c.kind, c.chapter]), [['ACOEM', 'Knee Disorders'], ['ODG', 'Knee & Leg']]);
    },
  },
  'pharma-dosing-titles': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Norco 10/325mg 1-2 tablets by mouth Q 4-6 hours PRN pain #120', 'Upheld'],
          ['Tylenol #3 (acetaminophen with codeine 300/30mg) one tablet twice a day #60', 'Upheld'],
          ['Prilosec 20mg 1 tab daily with meals #30', 'Overturned'],
          ['Ambien 10mg at bedtime #30', 'Upheld'],
          ['Compound cream: Flurbiprofen 20%, Baclofen 2%, Lidocaine 5% in Lipoderm base, 180gm', 'Upheld'],
          ['Retrospective Toradol 60mg IM injection given on 10/30/2017', 'Upheld'],
          ['Urine drug screen', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const t = doc.letters[0].items.map((i) => i.treatment!);
      const row = (x: (typeof t)[number]) => [x.name, x.generic, x.drugClass, x.dose, x.quantity, x.frequency];
      assert.deepEqual(row(t[0]), ['Norco', 'hydrocodone/acetaminophen', 'Opioids', '10/325mg', '#120', 'Q 4-6 hours']);
      // "#3" is part of the brand, not the quantity.
      assert.deepEqual(row(t[1]), ['Tylenol #3', 'acetaminophen/codeine', 'Opioids', '300/30mg', '#60', 'twice a day']);
      assert.deepEqual(row(t[2]), ['Prilosec', 'omeprazole', 'Proton Pump Inhibitors', '20mg', '#30', 'daily']);
      assert.deepEqual(row(t[3]), ['Ambien', 'zolpidem', 'Hypnotic', '10mg', '#30', 'at bedtime']);
      // A compound is the product, not its first ingredient.
      assert.deepEqual(row(t[4]), ['Compound cream', undefined, 'Topical Compounds', '20%', undefined, undefined]);
      assert.deepEqual(row(t[5]), ['Toradol', 'ketorolac', 'NSAID', '60mg', undefined, undefined]);
      assert.deepEqual(doc.letters[0].items[0].guidelines[1].citations.map((c) => [c.chapter, c.pages]), [['Opioids', '1-90'], [undefined, '76-80, 86']]);
    },
  },
  'uphold-overturn-vocabulary': {
    invalid: true,
    letters: [
      {
        layout: 'reference',
        items: [
          ['Mobic 15mg #30', 'Overturned'],
          ['Counterforce elbow strap for the right elbow', 'Upheld'],
          ['Occupational therapy 12 sessions for the right wrist', null],
        ],
      },
    ],
    check(doc, text) {
      const items = doc.letters[0].items;
      assert.deepEqual(items.map((i) => i.outcomeText), ['Overturn', 'Uphold', 'Partially Overturn']);
      const errors = analyzeText(text).diagnostics.filter((d) => d.severity === 1);
      assert.deepEqual(errors.map((d) => d.code), ['unknown-outcome', 'unknown-outcome', 'unknown-outcome']);
      assert.deepEqual([items[0].treatment?.generic, items[0].treatment?.drugClass], ['meloxicam', 'NSAID']);
    },
  },
  'label-spellings': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Tramadol 50mg #120', 'Upheld'],
          ['Omeprazole 20mg #60', 'Overturned'],
          ['Cervical pillow', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      // "Guideline(s):", "Claims Administrators", "MAXIMUS Federal Services", a bare "Rationale:" and "RATIONALE:".
      for (const item of doc.letters[0].items) {
        assert.deepEqual(item.guidelines.map((g) => g.source), ['claimsAdministrator', 'maximus'], item.title);
        assert.match(item.guidelines[0].text, /^Decision based on/, item.title);
        assert.ok(item.rationale?.conclusion?.finding, `${item.title} has its rationale and finding`);
      }
    },
  },
  'running-header-fax-banner': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Retrospective request for Flurbiprofen 20%/Lidocaine 5% cream 180gm (DOS: 06/02/2015)', 'Upheld'],
          ['Ultram 50mg #120', 'Overturned'],
          ['Lumbar support brace', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      // A fax banner and the case number with its page number, at the top of a page, are page furniture.
      for (const item of doc.letters[0].items) assert.ok(!/FAX|CM15/.test(item.rationale?.text ?? ''), item.title);
      assert.ok(isPageFurniture('CM15-0141877 2'));
      assert.ok(isPageFurniture('08/24/2015 15:42 FAX 9165550142 MAXIMUS FED SVCS @002/004'));
      // A dated sentence is not a fax banner, and a case number in prose is not a header.
      assert.ok(!isPageFurniture('08/24/2015 15:42 the injured worker called the office.'));
      assert.ok(!isPageFurniture('CM15-0141877 2 items were reviewed'));
    },
  },
  'heading-trail-furniture': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Soma 350mg #30', 'Upheld'],
          ['Zanaflex 4mg #60', 'Upheld'],
          ['Gabapentin 600mg #90', 'Overturned'],
          ['Elavil 25mg at bedtime #30', 'Overturned'],
        ],
      },
    ],
    check(doc, text) {
      // " :Upheld", "Upheld   Page 3 of 6", "Overturned*", "Overturned 1".
      const items = doc.letters[0].items;
      for (const item of items) assert.equal(textAt(text, item.outcomeRange!), item.outcomeText);
      assert.deepEqual(items.map((i) => i.outcomeText), ['Upheld', 'Upheld', 'Overturned', 'Overturned']);
      assert.deepEqual([items[3].treatment?.generic, items[3].treatment?.drugClass], ['amitriptyline', 'Antidepressant']);
    },
  },
  'truncated-mid-item': {
    invalid: true,
    letters: [
      {
        layout: 'reference',
        items: [
          ['Cymbalta 30mg #30', 'Overturned'],
          ['Repeat MRI of the lumbar spine with and without gadolinium', 'Upheld'],
          ['Lidoderm 5% patch #30', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const [cymbalta, mri, lidoderm] = doc.letters[0].items;
      assert.equal(cymbalta.rationale?.conclusion?.finding, 'necessary');
      // The rationale that stops mid-sentence states no finding.
      assert.equal(mri.rationale?.conclusion?.finding ?? null, null);
      assert.equal(lidoderm.rationale, null);
      const errors = analyzeText(text).diagnostics.filter((d) => d.severity === 1);
      assert.deepEqual(errors.map((d) => d.code), ['missing-rationale']);
    },
  },
  'single-line-paragraphs': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['OxyContin 20mg #15', 'Overturned'],
          ['Percocet 10/325mg every 6 hours as needed for breakthrough pain #120', 'Upheld'],
          ['Spinal cord stimulator trial with psychological clearance', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      assert.deepEqual(letter.items[0].partial, { originalRequest: 'OxyContin 20mg #60', authorized: 'OxyContin 20mg #45', remaining: 'OxyContin 20mg #15' });
      assert.deepEqual(headerValues(letter.header), ['CM15-0120345', '2015-06-22', '2015-07-27', '2010-11-30', '2015-06-05', 'Standard', '2015-06-15']);
      assert.deepEqual(letter.reviewer.specialties, ['Physical Medicine & Rehabilitation']);
      assert.deepEqual([letter.items[1].treatment?.generic, letter.items[1].treatment?.frequency], ['oxycodone/acetaminophen', 'every 6 hours']);
    },
  },
  'all-caps': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['MRI OF THE RIGHT SHOULDER WITHOUT CONTRAST', 'Upheld'],
          ['NAPROXEN SODIUM 550MG #60', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      assert.deepEqual(headerValues(letter.header), ['CM14-0034512', '2014-03-10', '2014-04-09', '2012-12-01', '2014-02-25', 'Standard', '2014-03-03']);
      assert.deepEqual(letter.items.map((i) => i.rationale?.conclusion?.finding), ['notNecessary', 'necessary']);
      assert.deepEqual(letter.items.map((i) => i.guidelines.map((g) => g.source)), [['claimsAdministrator', 'maximus'], ['claimsAdministrator', 'maximus']]);
    },
  },
  'mtus-2017-other-drugs': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['One (1) prescription of Cymbalta 60mg #30 with two (2) refills', 'Overturned'],
          ['Lidoderm 5% patch, apply 1 patch 12 hours on and 12 hours off, #30', 'Upheld'],
          ['Terocin lotion 120ml (methyl salicylate, capsaicin, menthol and lidocaine)', 'Upheld'],
          ['Lumbar epidural steroid injection at left L4-5 and L5-S1 under fluoroscopy', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const items = doc.letters[0].items;
      assert.deepEqual([items[1].treatment?.generic, items[1].treatment?.dose], ['lidocaine', '5%']);
      // Terocin names its own product, not the lidocaine it contains.
      assert.deepEqual([items[2].treatment?.brand, items[2].treatment?.drugClass], ['Terocin', 'Topical Compounds']);
      assert.deepEqual(items[0].guidelines[0].citations.map((c) => [c.kind, c.chapter]), [['MTUS', 'Chronic Pain']]);
      assert.deepEqual(items[3].guidelines[1].citations.map((c) => [c.kind, c.chapter, c.pages]), [['ACOEM', 'Low Back Disorders', undefined], ['MTUS', undefined, '46']]);
    },
  },
  'hypothetical-conclusions': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Chiropractic manipulation 1 time a week for 6 weeks for the cervical spine', 'Upheld'],
          ['H-wave unit, 30 day home trial', 'Overturned'],
          ['Cervical pillow', 'Upheld'],
          ['Celebrex 200mg #30', 'Overturned'],
          ['Psychology consultation and evaluation', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const c = doc.letters[0].items.map((i) => i.rationale?.conclusion);
      // A hypothetical after the conclusion ("may be medically necessary at that time", "would not be ... unless") is not it.
      assert.equal(c[0]?.text, 'The request is not medically necessary.');
      assert.equal(c[1]?.text, 'The 30 day trial is medically necessary.');
      assert.deepEqual(c.map((x) => x?.finding), ['notNecessary', 'necessary', 'notNecessary', 'necessary', 'necessary']);
    },
  },
  'title-abbreviation-furniture': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Consultation with Dr. Nguyen, pain management specialist, for the cervical spine', 'Overturned'],
          ['Physical therapy 2 times a week for 6 weeks for the cervical spine and right shoulder, as an outpatient', 'Upheld'],
          ['Tramadol 50mg 1-2 tablets Q 4-6 hours PRN #90', 'Upheld'],
          ['Retrospective request for cervical x-rays, 2 views, date of service 03/12/2015', 'Overturned'],
          ['Norco 10/325mg with 2 refills (#60 per month)', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const [consult, pt] = doc.letters[0].items;
      // A first title line ending in "Dr." is not the end of a sentence.
      assert.equal(consult.titleRange.end.line - consult.titleRange.start.line, 1);
      assert.equal(consult.treatment?.category, 'Evaluation & Management');
      // "Page 2 of 4   Final Determination Letter ..." and a lone case number inside the wrapped heading are skipped.
      assert.ok(pt.titleRange.end.line - pt.titleRange.start.line > 3);
    },
  },
  'documents-reviewed-short-dates': {
    letters: [
      {
        layout: 'documentsReviewed',
        items: [
          ['Physical therapy 2x/week x 4 weeks with home exercise instruction for the lumbar spine', 'Overturned'],
          ['Lidocaine 5% ointment 30gm with 1 refill', 'Upheld'],
          ['Toradol 60mg IM x1 given in the office', 'Upheld'],
          ['Radiofrequency ablation at right L4-5 and L5-S1 (2 levels) following positive medial branch blocks', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      // Dates written 3/20/15; board certification prose with a subspecialty.
      assert.deepEqual(headerValues(letter.header), ['CM15-0051515', '2015-03-20', '2015-04-22', '2013-01-05', '2015-03-06', 'Standard', '2015-03-13']);
      assert.deepEqual(letter.reviewer.licensure, ['California', 'Nevada']);
      assert.equal(letter.items[0].treatment?.frequency, '2x/week');
      // An empty "Claims Administrator guideline:" is still the claims administrator's line.
      assert.deepEqual(letter.items[1].guidelines.map((g) => [g.source, g.text]), [['claimsAdministrator', ''], ['maximus', 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Topical Analgesics, Page(s): 111-113.']]);
      assert.equal(letter.items[3].rationale?.conclusion?.text, 'Medical necessity has been established.');
    },
  },
  'one-line-header-colon-own-line': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['retrospective request for a wrist splint (dispensed 11/02/2015)', 'Upheld'],
          ['[Retrospective] Toradol 30mg IM injection', 'Upheld'],
          ['12 sessions of occupational therapy for both wrists, 2 times a week for 6 weeks', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      assert.deepEqual(headerValues(letter.header), ['CM16-0009876', '2016-01-11', '2016-02-08', '2011-05-05', '2015-12-30', 'Standard', '2016-01-05']);
      // "IMR ISSUES, DECISIONS AND" / "RATIONALES" is one heading.
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'caseSummary', 'decisions']);
      assert.deepEqual(letter.items.map((i) => i.rationale?.conclusion?.finding), ['notNecessary', 'notNecessary', 'necessary']);
    },
  },  // Third blind test (written from letter-formats.md, not from the parser).
  'twenty-two-mixed': {
    letters: [{ layout: 'reference', items: TWENTY_TWO_ITEMS }],
    check(doc) {
      const items = doc.letters[0].items;
      // Every third heading wraps over two lines (the short 21st fits on one).
      assert.deepEqual(
        items.filter((i) => i.headingRange.end.line > i.headingRange.start.line).map((i) => items.indexOf(i)),
        [2, 5, 8, 11, 14, 17],
      );
      assert.deepEqual(items.filter((i) => i.guidelines[0]?.noneCited).map((i) => items.indexOf(i)), [4, 9, 14, 19]);
      for (const item of items) assert.equal(item.rationale?.conclusion?.finding, item.outcome === 'Upheld' ? 'notNecessary' : 'necessary', item.title);
    },
  },
  'titlecase-colon-tabs': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Left total knee arthroplasty with 3 day inpatient stay', 'Overturned'],
          ['Front-wheeled walker', 'Overturned'],
          ['Celebrex 200mg #30', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      // Title Case headings with a trailing colon; tabs between the header's labels and values.
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'caseSummary', 'decisions']);
      assert.deepEqual(headerValues(letter.header), ['CM16-0102938', '2016-05-27', '2016-06-30', '2009-08-14', '2016-05-12', 'Standard', '2016-05-20']);
      // "Chapter 13; Non-MTUS Citation ODG, ...": two citations, not one.
      assert.deepEqual(letter.items[0].guidelines[0].citations.map((c) => [c.kind, c.chapter]), [['ACOEM', '13'], ['ODG', 'Knee & Leg']]);
    },
  },
  'numbered-headings-no-guidelines': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Topamax 50mg #60', 'Overturned'],
          ['Cervical MRI without contrast', 'Upheld'],
          ['Nerve conduction study of the right upper extremity', 'Overturned'],
          ['Biofeedback x 6 sessions', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      // "1. HOW THE IMR ...", "2. CLINICAL CASE SUMMARY", "3. IMR ISSUES, ...": the number is part of the heading.
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'caseSummary', 'decisions']);
      assert.equal(textAt(text, letter.sections[3].headingRange), '3. IMR ISSUES, DECISIONS AND RATIONALES');
      assert.deepEqual(letter.items.map((i) => i.guidelines.length), [0, 0, 2, 0]);
      assert.deepEqual(letter.items.map((i) => i.rationale?.conclusion?.finding), ['necessary', 'notNecessary', 'necessary', 'notNecessary']);
      // Guideline lines wrapped over four lines, several sources each.
      assert.deepEqual(letter.items[2].guidelines[1].citations.map((c) => c.kind), ['ACOEM', 'ODG']);
      assert.match(letter.items[2].guidelines[1].text, /Electrodiagnostic studies\.$/);
      // Missing guideline lines are warnings, not errors.
      const codes = analyzeText(text).diagnostics.filter((d) => d.severity === 2).map((d) => d.code);
      assert.equal(codes.filter((c) => c === 'missing-guideline').length, 6);
    },
  },
  'roman-numbered-wrapped-headings': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Individual psychotherapy, 12 sessions, once a week, with the treating psychologist for post-traumatic stress disorder', 'Overturned'],
          ['Klonopin 0.5mg #60', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      // "III. IMR ISSUES, DECISIONS AND" / "RATIONALES:" is one heading.
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'caseSummary', 'decisions']);
      // "UR Determination Date:" and "Application Rec'd:".
      assert.deepEqual(headerValues(letter.header), ['CM16-0150377', '2016-08-01', '2016-09-02', '2014-01-15', '2016-07-18', 'Standard', '2016-07-26']);
    },
  },
  'professional-overturned': {
    letters: [{ layout: 'professionalReview', items: [['six sessions of chiropractic manipulation for the lumbar spine', 'Overturned']] }],
    check(doc) {
      const item = doc.letters[0].items[0];
      // The quoted "not recommended" is guideline text; the last sentence ("are medically necessary") decides.
      assert.equal(item.rationale?.conclusion?.finding, 'necessary');
      assert.deepEqual(item.guidelines.map((g) => g.source), ['reviewer']);
      assert.equal(item.guidelines[0].citations[0].pages, '58-60');
    },
  },
  'header-spellings-outcome-words': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Continued Lyrica 75mg #60 as the prior IMR Overturned on 06/02/2015', 'Upheld'],
          ['Physical therapy as medically necessary, 6 visits for the neck', 'Overturned'],
          ['Ambien 10mg #30 (Upheld at prior IMR, requested again with sleep study results)', 'Upheld'],
          ['Retrospective request for Toradol 60mg IM injection, overturned by the claims administrator on appeal, then denied again on 10/13/2015', 'Upheld'],
          ['Cognitive behavioral therapy 6 sessions', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      // Tab-separated two-column header with "IMR Case Number", "UR Decision Date", "Date Application Received".
      assert.deepEqual(headerValues(letter.header), ['CM15-0208814', '2015-10-26', '2015-12-01', '2007-07-07', '2015-10-13', 'Expedited', '2015-10-19']);
      assert.deepEqual(letter.items.map((i) => i.outcomeText), ['Upheld', 'Overturned', 'Upheld', 'Upheld', 'OVERTURNED']);
    },
  },
  'quoted-paragraphs-rationale': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['OxyContin 30mg #60', 'Upheld'],
          ['Random urine drug screen', 'Overturned'],
          ['Butrans 10mcg/hr patch #4', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const [oxy, uds, butrans] = doc.letters[0].items;
      // Indented quoted blocks with "Recommended", "medically necessary when ..." and a label inside; the last paragraph decides.
      assert.equal(oxy.rationale?.conclusion?.text, 'Therefore, the request is not medically necessary.');
      assert.equal(uds.rationale?.conclusion?.finding, 'necessary');
      assert.equal(butrans.rationale?.conclusion?.text, 'Therefore, the request is not medically necessary.');
    },
  },
  'notice-dot-numbers': {
    letters: [
      {
        layout: 'notice2013',
        items: [
          ['a lumbar epidural steroid injection at left L4-L5 and L5-S1 under fluoroscopy', 'Overturned'],
          ['Medrox patches #30', 'Upheld'],
          ['12 sessions of physical therapy, 3 times a week for 4 weeks, for the lumbar spine', 'Upheld'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      assert.deepEqual(letter.items.map((i) => i.number), [1, 2, 3]);
      for (const item of letter.items) assert.equal(item.rationale?.conclusion?.finding, item.outcome === 'Upheld' ? 'notNecessary' : 'necessary', item.title);
      assert.equal(letter.header.urDenialDate?.value, '2013-09-16');
      assert.equal(letter.header.noticeDate?.value, '2013-11-05');
    },
  },
  'documents-bulleted-records': {
    letters: [
      {
        layout: 'documentsReviewed',
        items: [
          ['Norco 10/325mg #90', 'Upheld'],
          ['Soma 350mg #60', 'Upheld'],
          ['Repeat MRI of the right shoulder without contrast', 'Overturned'],
        ],
      },
    ],
    check(doc) {
      const letter = doc.letters[0];
      // Bulleted records ("Progress report: 02/10/2015", "Prior IMR decision: ...: Upheld") are not items.
      assert.deepEqual(letter.sections.map((s) => s.kind), ['header', 'howMade', 'documentsReviewed', 'caseSummary', 'decisions']);
      const decisions = letter.sections.find((s) => s.kind === 'decisions')!;
      for (const item of letter.items) assert.ok(item.range.start.line > decisions.range.start.line);
    },
  },
  /* Fourth blind test: mailing material around the letter body. */
  'cover-dotted-list-appeal': {
    letters: [{ layout: 'reference', items: COVER_DOTTED_ITEMS }],
    check(doc, text) {
      const letter = doc.letters[0];
      assert.equal(letter.range.start.line, 0);
      assert.deepEqual(headerValues(letter.header), ['CM15-0027781', '2015-01-27', '2015-02-18', '2013-04-22', '2015-01-09', 'Standard', '2015-01-21']);
      // Appeal rights, signature and cc list after the last rationale: its conclusion stays its own.
      assertLastItemEndsBefore(doc, text, 'APPEAL RIGHTS');
      assert.deepEqual(letter.items.map((i) => i.rationale?.conclusion?.finding), ['notNecessary', 'necessary', 'necessary', 'notNecessary']);
      assert.equal(letter.items[3].rationale?.conclusion?.text, 'The urine drug screen is not medically necessary.');
    },
  },
  'treatment-determination-table-pages': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Physical therapy 2x4 for the right shoulder', 'Overturned'],
          ['Lidoderm 5% patch #30', 'Upheld'],
          ['MRI of the cervical spine', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      assert.deepEqual(headerValues(letter.header), ['CM16-0170342', '2016-08-10', '2016-09-02', '2016-02-14', '2016-07-28', 'Standard', '2016-08-04']);
      // The appeal paragraph opens with "This decision is binding ...".
      assertLastItemEndsBefore(doc, text, 'This decision is binding');
      assert.equal(letter.items[2].rationale?.conclusion?.finding, 'notNecessary');
      // The running header (case number and the worker's name) inside a rationale is page furniture.
      for (const item of letter.items) assert.ok(!item.rationale?.text.includes('Villalobos'), item.title);
      assert.ok(isPageFurniture('IMR Case Number CM16-0170342          Villalobos, Teresa'));
      assert.ok(!isPageFurniture('Case Number: CM16-0170342 was assigned to a reviewer on 08/10/2016 after the application.'));
    },
  },
  'summary-list-after-decisions': {
    letters: [{ layout: 'reference', items: SUMMARY_LIST_ITEMS }],
    check(doc, text) {
      // "SUMMARY OF DETERMINATIONS" / "Zanaflex 4mg #60: Upheld" repeats the items: not new ones.
      assertLastItemEndsBefore(doc, text, 'SUMMARY OF DETERMINATIONS');
      assert.equal(doc.letters[0].items[1].rationale?.conclusion?.finding, 'necessary');
      assert.deepEqual(headerValues(doc.letters[0].header), ['CM14-0061187', '2014-05-30', '2014-06-24', '2013-09-11', '2014-05-16', 'Standard', '2014-05-23']);
    },
  },
  'long-cover-double-spaced': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Cervical epidural steroid injection at C5-6', 'Overturned'],
          ['Gabapentin 300mg #90', 'Overturned'],
          ['Cervical pillow', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      const letter = doc.letters[0];
      // The header table ends past line 80 of the letter, after a long cover page: its last rows are read.
      assert.ok(letter.header.applicationReceived!.range.start.line > 80);
      assert.ok(letter.header.priority!.range.start.line > 80);
      assert.deepEqual(headerValues(letter.header), ['CM17-0201456', '2017-10-16', '2017-11-07', '2015-03-30', '2017-10-05', 'Standard', '2017-10-11']);
      assertLastItemEndsBefore(doc, text, 'Respectfully,');
    },
  },
  'expedited-determination-table-after': {
    letters: [{ layout: 'reference', items: EXPEDITED_ITEMS }],
    check(doc, text) {
      // "Treatment: X   Determination: Overturned" after the only item is a summary, not an item.
      assertLastItemEndsBefore(doc, text, 'Treatment: Right knee MRI');
      assert.equal(doc.letters[0].header.priority?.value, 'Expedited');
    },
  },
  'footer-every-page-proof-of-service': {
    letters: [
      {
        layout: 'reference',
        items: [
          ['Functional restoration program, 10 days', 'Upheld'],
          ['Psychological evaluation', 'Overturned'],
          ['Ketoprofen 10% cream 120 grams', 'Upheld'],
        ],
      },
    ],
    check(doc, text) {
      assertLastItemEndsBefore(doc, text, 'PROOF OF SERVICE');
      assert.deepEqual(doc.letters[0].items.map((i) => i.rationale?.conclusion?.finding), ['notNecessary', 'necessary', 'notNecessary']);
    },
  },
  'bulk-wrapped-three': {
    letters: [
      { layout: 'reference', items: COVER_DOTTED_ITEMS },
      { layout: 'reference', items: EXPEDITED_ITEMS },
      { layout: 'reference', items: SUMMARY_LIST_ITEMS },
    ],
    check(doc, text) {
      assert.deepEqual(doc.letters.map((l) => l.header.caseNumber?.value), ['CM15-0027781', 'CM16-0040781', 'CM14-0061187']);
      const lines = text.split('\n');
      // The second letter starts at its letterhead; the third, whose letterhead is in mixed case, at its "RE:" line.
      assert.equal(doc.letters[1].range.start.line, lines.indexOf('MAXIMUS FEDERAL SERVICES, INC.'));
      assert.equal(doc.letters[2].range.start.line, lines.findIndex((l, i) => i > doc.letters[1].items[0].range.end.line && l.startsWith('RE: Independent Medical Review')));
      for (let i = 1; i < doc.letters.length; i++) assert.ok(doc.letters[i].range.start.line > doc.letters[i - 1].range.end.line, 'letters do not overlap');
      for (const [l, marker] of [[0, 'APPEAL RIGHTS'], [1, 'Treatment: Right knee MRI'], [2, 'SUMMARY OF DETERMINATIONS']] as const) assertLastItemEndsBefore(doc, text, marker, l);
    },
  },
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
        // The title range covers the title as written (wraps collapsed, page furniture inside a wrapped title left out).
        const written = textAt(text, item.titleRange).split('\n').filter((l) => !isPageFurniture(squash(l)));
        assert.equal(squash(written.join('\n')).replace(/- /g, '-'), item.title, `title range of ${item.title}`);
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

test('notice-2013 with its numbered decisions split mid-word at line ends still reads each decision where it is first given', () => {
  // A justified PDF breaks "medically" and "necessary" over two lines: "is not medi-" / "cally necessary".
  const clean = readFixture('notice-2013');
  const text = clean
    .replace('#30 is\nnot medically necessary and appropriate.', '#30 is\nnot medi-\ncally necessary and appropriate.')
    .replace('spine is medically necessary and appropriate.', 'spine is medically neces-\nsary and appropriate.')
    .replace('is not\nmedically necessary and appropriate.', 'is not\nmed-\nically necessary and appro-\npriate.');
  assert.notEqual(text, clean);
  const letter = parseDocument(text).letters[0];
  assert.deepEqual(letter.items.map((i) => [i.title, i.outcome]), NOTICE_ITEMS);
  const rationaleHeading = text.split('\n').indexOf('INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE');
  for (const item of letter.items) assert.ok(item.outcomeRange!.start.line < rationaleHeading, `${item.title}: decided in the first list`);
  assert.equal(textAt(text, letter.items[0].outcomeRange!), 'is\nnot medi-\ncally necessary and appropriate');
  assertRangesInside(text, parseDocument(text));
});
