/** Every seed rendered through every extraction artifact parses to the clean seed's items. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, analyzeText } from '../../../server/src/languageService';
import { readSeed, SEED_EXPECTATIONS } from '../../helpers/seeds';
import { RENDERERS, COMBINATIONS, applyAll, concatLetters } from '../../helpers/artifacts';
import { assertRangesInside } from '../../helpers/fixtures';

const variants = { ...Object.fromEntries(Object.entries(RENDERERS).map(([k, r]) => [k, [r]])), ...COMBINATIONS };

for (const [prefix, expected] of Object.entries(SEED_EXPECTATIONS)) {
  const clean = readSeed(prefix);
  for (const [name, renderers] of Object.entries(variants)) {
    test(`seed ${prefix} through ${name}: same items and outcomes`, () => {
      const text = applyAll(clean, renderers);
      const doc = parseDocument(text);
      assert.equal(doc.letters.length, 1);
      const letter = doc.letters[0];
      assert.deepEqual(letter.sections.map((s) => s.kind), ['howMade', 'caseSummary', 'decisions']);
      assert.deepEqual(letter.items.map((i) => [i.title, i.outcome]), expected);
      for (const item of letter.items) {
        assert.deepEqual(item.guidelines.map((g) => g.source), ['claimsAdministrator', 'maximus'], item.title);
        assert.ok(item.rationale?.conclusion?.finding, `${item.title}: conclusion found`);
      }
      assertRangesInside(text, doc);
      const errors = analyzeText(text).diagnostics.filter((d) => d.severity === 1);
      assert.deepEqual(errors.map((d) => d.message), []);
    });
  }
}

test('all five seeds concatenated give five letters with their items', () => {
  const prefixes = Object.keys(SEED_EXPECTATIONS);
  const text = concatLetters(prefixes.map(readSeed));
  const doc = parseDocument(text);
  assert.deepEqual(
    doc.letters.map((l) => l.items.map((i) => [i.title, i.outcome])),
    prefixes.map((p) => SEED_EXPECTATIONS[p]),
  );
  assertRangesInside(text, doc);
});
