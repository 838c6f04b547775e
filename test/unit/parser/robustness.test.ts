/** Inputs at the edges: never a throw, exact line counts, the right number of items at scale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/languageService';
import { assertRangesInside } from '../../helpers/fixtures';

const ITEM = (n: number) =>
  `Drug${n} 10mg #${n}: ${n % 3 === 0 ? 'Overturned' : 'Upheld'}\n\nClaims Administrator guideline: Decision based on MTUS Page(s): ${n}.\n\n` +
  `MAXIMUS guideline: Decision based on ODG Pain.\n\nDecision rationale: The request for Drug${n} is ${n % 3 === 0 ? '' : 'not '}medically necessary.\n\n`;
const HEAD = 'HOW THE IMR FINAL DETERMINATION WAS MADE\nCLINICAL CASE SUMMARY\nIMR ISSUES, DECISIONS AND RATIONALES\n';

test('odd small inputs give a model, never an exception', () => {
  for (const text of ['', '\r', '\n', '\r\n\r\n', '\ufeff', ':', 'Upheld', ': Upheld', '\f\f\f', 'IMR ISSUES, DECISIONS AND RATIONALES', 'x'.repeat(3) + '\u2028']) {
    const doc = parseDocument(text);
    assert.equal(doc.lineCount, text.split(/\r\n|\r|\n/).length, JSON.stringify(text));
    assertRangesInside(text, doc);
  }
  const lone = parseDocument('IMR ISSUES, DECISIONS AND RATIONALES\n: Upheld\n');
  assert.equal(lone.letters.length, 1);
});

test('10,000 items in one letter are all found with their outcomes', () => {
  const text = HEAD + Array.from({ length: 10000 }, (_, i) => ITEM(i + 1)).join('');
  const doc = parseDocument(text);
  assert.equal(doc.letters.length, 1);
  const items = doc.letters[0].items;
  assert.equal(items.length, 10000);
  assert.deepEqual([items[0].title, items[0].outcome], ['Drug1 10mg #1', 'Upheld']);
  assert.deepEqual([items[2].title, items[2].outcome], ['Drug3 10mg #3', 'Overturned']);
  assert.equal(items.filter((i) => i.outcome === 'Overturned').length, 3333);
  assert.equal(items.filter((i) => i.rationale?.conclusion?.finding === 'necessary').length, 3333);
});

test('a 5 MB single line and 100,000 empty lines parse', () => {
  const line = 'Soma #60: Upheld '.repeat(300000);
  const doc = parseDocument(HEAD + line + '\nClaims Administrator guideline: x\n');
  assert.equal(doc.letters.length, 1);
  assert.equal(doc.letters[0].items.length, 1);
  const empty = parseDocument('\n'.repeat(100000));
  assert.deepEqual([empty.letters.length, empty.lineCount], [0, 100001]);
  const crs = parseDocument('\r'.repeat(100000));
  assert.equal(crs.lineCount, 100001);
});

test('adversarial runs behind the words the parser looks for still parse', () => {
  const runs = [' ', ':', '-', '#', '1', 'a', '"', '.'];
  const words = ['Soma', 'was the original request', 'remaining IMR eligible portion of the original request,', 'Decision rationale:', 'Case Number:', '1) MAXIMUS Federal Services, Inc. has determined the request for'];
  for (const w of words) {
    for (const r of runs) {
      const text = `${HEAD}${w}${r.repeat(20000)}: Upheld\nClaims Administrator guideline: ${w}${r.repeat(20000)}\nDecision rationale: ${r.repeat(20000)}`;
      const doc = parseDocument(text);
      assert.equal(doc.letters.length, 1, `${w} + ${JSON.stringify(r)}`);
    }
  }
});

test('letters without their opening line are still split where the layout changes', async () => {
  const { readFixture } = await import('../../helpers/fixtures');
  const professional = readFixture('professional-review').replace(/^\s*MEDICAL PROFESSIONAL REVIEW\s*$/m, '');
  const notice = readFixture('notice-2013').replace(/^Notice of Independent Medical Review Determination$/m, '');
  const text = [readFixture('documents-reviewed'), professional, notice].join('\n\n');
  const doc = parseDocument(text);
  assert.deepEqual(
    doc.letters.map((l) => [l.layout, l.items.length]),
    [['documentsReviewed', 3], ['professionalReview', 1], ['notice2013', 3]],
  );
  assertRangesInside(text, doc);
});
