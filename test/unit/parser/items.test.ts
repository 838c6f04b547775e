/** Where items begin and end when a rationale closes in an unusual way. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/languageService';
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
