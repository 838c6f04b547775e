/** Each layout's fixture rendered through every extraction artifact keeps its items, outcomes and findings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/languageService';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFixture, assertRangesInside } from '../../helpers/fixtures';
import { RENDERERS, COMBINATIONS, applyAll } from '../../helpers/artifacts';

const variants = { ...Object.fromEntries(Object.entries(RENDERERS).map(([k, r]) => [k, [r]])), ...COMBINATIONS };
const LAYOUT_FIXTURES = [
  'reference-four-items',
  'header-two-column',
  'notice-2013',
  'professional-review',
  'documents-reviewed',
  'outcome-variants',
  'eighteen-items',
  'dosing-abbreviation-wraps',
  'partial-outcome-own-line',
  'long-wraps-unlabelled-ca',
  'notice-five-items',
  'notice-guideline-per-source',
  'notice-guideline-sentences-unheaded',
  'colon-paren-titles',
  'heading-trail-furniture',
  'title-abbreviation-furniture',
  'pharma-dosing-titles',
  'single-line-paragraphs',
  'surgery-cover-page',
  'numbered-headings-no-guidelines',
  'header-spellings-outcome-words',
  'twenty-two-mixed',
  'cover-dotted-list-appeal',
  'footer-every-page-proof-of-service',
];

const summary = (text: string) =>
  parseDocument(text).letters.map((l) => ({
    layout: l.layout,
    items: l.items.map((i) => [i.title, i.outcome, i.outcomeText ?? null, i.rationale?.conclusion?.finding ?? null]),
    caseNumber: l.header.caseNumber?.value ?? null,
  }));

const SAMPLE = resolve(__dirname, '..', '..', '..', 'examples', 'sample-letter.imr');

for (const name of [...LAYOUT_FIXTURES, 'sample-letter']) {
  const clean = name === 'sample-letter' ? readFileSync(SAMPLE, 'utf8') : readFixture(name);
  const expected = summary(clean);
  const partials = (text: string) => parseDocument(text).letters.flatMap((l) => l.items.map((i) => i.partial ?? null));
  const expectedPartials = partials(clean);
  for (const [variant, renderers] of Object.entries(variants)) {
    test(`fixture ${name} through ${variant}`, () => {
      const text = applyAll(clean, renderers);
      assert.deepEqual(summary(text), expected);
      assert.deepEqual(partials(text), expectedPartials);
      assertRangesInside(text, parseDocument(text));
    });
  }
}
