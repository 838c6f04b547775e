/** Each layout's fixture rendered through every extraction artifact keeps its items and outcomes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/languageService';
import { readFixture, assertRangesInside } from '../../helpers/fixtures';
import { RENDERERS, COMBINATIONS, applyAll } from '../../helpers/artifacts';

const variants = { ...Object.fromEntries(Object.entries(RENDERERS).map(([k, r]) => [k, [r]])), ...COMBINATIONS };
const LAYOUT_FIXTURES = ['reference-four-items', 'header-two-column', 'notice-2013', 'professional-review', 'documents-reviewed', 'outcome-variants'];

const summary = (text: string) =>
  parseDocument(text).letters.map((l) => ({
    layout: l.layout,
    items: l.items.map((i) => [i.title, i.outcome, i.outcomeText ?? null]),
    caseNumber: l.header.caseNumber?.value ?? null,
  }));

for (const name of LAYOUT_FIXTURES) {
  const clean = readFixture(name);
  const expected = summary(clean);
  for (const [variant, renderers] of Object.entries(variants)) {
    test(`fixture ${name} through ${variant}`, () => {
      const text = applyAll(clean, renderers);
      assert.deepEqual(summary(text), expected);
      assertRangesInside(text, parseDocument(text));
    });
  }
}
