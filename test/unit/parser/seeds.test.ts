import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, analyzeText } from '../../../server/src/languageService';
import { readSeed, SEED_EXPECTATIONS } from '../../helpers/seeds';

for (const [prefix, expected] of Object.entries(SEED_EXPECTATIONS)) {
  test(`seed ${prefix} parses to its items and outcomes`, () => {
    const doc = parseDocument(readSeed(prefix));
    assert.equal(doc.letters.length, 1);
    const letter = doc.letters[0];
    assert.equal(letter.layout, 'reference');
    assert.deepEqual(letter.sections.map((s) => s.kind), ['howMade', 'caseSummary', 'decisions']);
    assert.deepEqual(letter.items.map((i) => [i.title, i.outcome]), expected);
    for (const item of letter.items) {
      assert.deepEqual(item.guidelines.map((g) => g.source), ['claimsAdministrator', 'maximus'], item.title);
      assert.ok(item.rationale && item.rationale.text.length > 50, `${item.title} has a rationale`);
    }
  });

  test(`seed ${prefix} has no diagnostics`, () => {
    assert.deepEqual(analyzeText(readSeed(prefix)).diagnostics, []);
  });
}

// The reviewer's credentials, from the credentials block (000, 002) or the how-made prose,
// where "Board Certified in X, has a subspecialty in Y" names two specialties (001, 004).
const SEED_REVIEWERS: Record<string, [string[], string[]]> = {
  '000': [['Preventive Medicine', 'Occupational Medicine', 'Public Health & General Preventive Medicine'], ['Iowa', 'Illinois', 'California']],
  '001': [['Anesthesiology', 'Pain Management'], ['California']],
  '002': [['Preventive Medicine', 'Occupational Medicine'], ['California']],
  '003': [['Occupational Medicine'], ['California']],
  '004': [['Anesthesiology', 'Pain Medicine'], ['Connecticut']],
};

for (const [prefix, [specialties, licensure]] of Object.entries(SEED_REVIEWERS)) {
  test(`seed ${prefix}: the reviewer's specialties and states of licensure`, () => {
    const { reviewer } = parseDocument(readSeed(prefix)).letters[0];
    assert.deepEqual([reviewer.specialties, reviewer.licensure], [specialties, licensure]);
  });
}

test('deleting a section heading reports missing-section at the next section', () => {
  const text = readSeed('002').replace('CLINICAL CASE SUMMARY', '');
  const { diagnostics } = analyzeText(text);
  const d = diagnostics.find((x) => x.code === 'missing-section');
  assert.ok(d, 'missing-section reported');
  const decisionsLine = text.split('\n').findIndex((l) => l.startsWith('IMR ISSUES, DECISIONS AND RATIONALES'));
  assert.equal(d.range.start.line, decisionsLine);
  assert.match(d.message, /CLINICAL CASE SUMMARY/);
});

test('deleting an outcome reports missing-outcome on the item heading line', () => {
  const text = readSeed('003').replace('Oxycodone 30mg: Upheld', 'Oxycodone 30mg:');
  const { diagnostics, parsed } = analyzeText(text);
  const line = text.split('\n').findIndex((l) => l.startsWith('Oxycodone 30mg:'));
  const d = diagnostics.find((x) => x.code === 'missing-outcome');
  assert.ok(d, 'missing-outcome reported');
  assert.equal(d.range.start.line, line);
  assert.equal(parsed.letters[0].items.length, 4, 'the item is still found');
  assert.equal(parsed.letters[0].items[2].outcome, null);
});
