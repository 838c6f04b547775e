/** Item headings that a producer numbered or bulleted keep only the item as their title. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/languageService/parser/parseDocument';
import { VALID_LETTER } from '../rules/letterFixture';
import { textAt } from '../../helpers/fixtures';

test('a bullet or list number before an item heading is not part of the title', () => {
  const text = VALID_LETTER.replace('Norco 10/325mg #90: Upheld', '\u2022 Norco 10/325mg #90: Upheld').replace('Flexeril 7.5mg #60: Overturned', '2) Flexeril 7.5mg #60: Overturned');
  assert.notEqual(text, VALID_LETTER);
  const items = parseDocument(text).letters.flatMap((l) => l.items);
  assert.deepEqual(
    items.map((i) => [i.title, i.outcome, textAt(text, i.titleRange)]),
    [
      ['Norco 10/325mg #90', 'Upheld', 'Norco 10/325mg #90'],
      ['Flexeril 7.5mg #60', 'Overturned', 'Flexeril 7.5mg #60'],
    ],
  );
});

test('a title that starts with a number of its own keeps it', () => {
  const text = VALID_LETTER.replace('Norco 10/325mg #90: Upheld', '12 sessions of physical therapy: Upheld');
  const items = parseDocument(text).letters.flatMap((l) => l.items);
  assert.equal(items[0].title, '12 sessions of physical therapy');
});
