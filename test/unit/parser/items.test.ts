/** Where items begin and end when a rationale closes in an unusual way. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, parseDocument } from '../../../server/src/languageService';
import { VALID_LETTER, broken } from '../rules/letterFixture';

const NORCO_END = 'None are recorded here. Therefore, the request for Norco 10/325mg #90 is not medically necessary.';

test('a citation in brackets after the concluding sentence ends the rationale, not the next heading', () => {
  // The last line, after one that ends a sentence, could pass for the first line of a wrapped heading.
  const text = broken(NORCO_END, 'None are recorded here.\nTherefore, the request is not medically necessary. (MTUS, pages 78-80)');
  const items = parseDocument(text).letters[0].items;
  const expected = parseDocument(VALID_LETTER).letters[0].items;
  assert.deepEqual(items.map((i) => [i.title, i.outcome]), expected.map((i) => [i.title, i.outcome]));
  assert.equal(items[0].rationale?.conclusion?.finding, 'notNecessary');
});

test('a note in brackets or a stray semicolon after the outcome: the heading keeps its title and outcome', () => {
  for (const [written, outcome] of [
    ['Norco 10/325mg #90: Upheld (see below)', 'Upheld'],
    ['Norco 10/325mg #90: Upheld;', 'Upheld'],
  ] as const) {
    const { parsed, diagnostics } = analyzeText(broken('Norco 10/325mg #90: Upheld', written));
    const item = parsed.letters[0].items[0];
    assert.deepEqual([item.title, item.outcome, item.outcomeText], ['Norco 10/325mg #90', outcome, 'Upheld'], written);
    assert.deepEqual(diagnostics.filter((d) => /outcome/.test(String(d.code))), [], written);
  }
});
