import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildGroups,
  countItems,
  describeCounts,
  findItemNode,
  itemAtLine,
  letterLabel,
  statusText,
  type GroupNode,
} from '../../../client/src/decisionTree/model';
import { item, letter, letterText, summarize } from './letters';

const A = summarize('file:///ws/a.txt', letterText('CM15-0000123', [
  ['Soma 350 mg #60', 'Upheld'],
  ['Physical therapy x 8 sessions', 'Overturned'],
  ['Norco 10/325mg #90', 'Denied'],
]));
const B = summarize('file:///ws/b%20letter.imr', letterText(null, [['Carisoprodol 350mg #30', 'Upheld']]));
const ALL = [...B, ...A]; // deliberately out of order: the view sorts by file

const titles = (g: GroupNode) => g.items.map((n) => n.ref.item.title);

describe('decision tree model: grouping', () => {
  it('groups by letter in file order, labelled by case number or file name', () => {
    const groups = buildGroups(ALL, 'letter');
    assert.deepEqual(groups.map((g) => g.label), ['CM15-0000123', 'b letter.imr']);
    assert.deepEqual(titles(groups[0]), ['Soma 350 mg #60', 'Physical therapy x 8 sessions', 'Norco 10/325mg #90']);
    assert.equal(groups[0].letter?.uri, 'file:///ws/a.txt');
  });

  it('groups by outcome: Upheld, Overturned, then missing (an unknown word counts as missing)', () => {
    const groups = buildGroups(ALL, 'outcome');
    assert.deepEqual(groups.map((g) => g.label), ['Upheld', 'Overturned', 'Missing outcome']);
    assert.deepEqual(titles(groups[0]), ['Soma 350 mg #60', 'Carisoprodol 350mg #30']);
    assert.deepEqual(titles(groups[2]), ['Norco 10/325mg #90']);
  });

  it('groups by treatment: brand and generic names meet under the generic name; categories when no generic', () => {
    const groups = buildGroups(ALL, 'treatment');
    const carisoprodol = groups.find((g) => g.label === 'Carisoprodol');
    assert.ok(carisoprodol, `groups: ${groups.map((g) => g.label).join(', ')}`);
    assert.deepEqual(titles(carisoprodol), ['Soma 350 mg #60', 'Carisoprodol 350mg #30']);
    assert.ok(groups.some((g) => g.label === 'Rehabilitation' && titles(g)[0] === 'Physical therapy x 8 sessions'));
  });

  it('puts items with no recognised treatment under "Other", last', () => {
    const letters = [letter('file:///x.txt', [item('Zzz gadget', 'Upheld', 5), item('Baclofen', 'Upheld', 9, { name: 'Baclofen', generic: 'baclofen' })])];
    const groups = buildGroups(letters, 'treatment');
    assert.deepEqual(groups.map((g) => g.label), ['Baclofen', 'Other']);
  });

  it('keeps a letter with no items visible unless a filter is on', () => {
    const empty = letter('file:///empty.txt', []);
    assert.equal(buildGroups([empty], 'letter').length, 1);
    assert.equal(buildGroups([empty], 'letter', { text: 'soma', outcome: 'all' }).length, 0);
  });

  it('gives every node a unique id and a parent that exists', () => {
    for (const by of ['letter', 'outcome', 'treatment'] as const) {
      const groups = buildGroups(ALL, by);
      const ids = [...groups.map((g) => g.id), ...groups.flatMap((g) => g.items.map((n) => n.id))];
      assert.equal(new Set(ids).size, ids.length, by);
      for (const g of groups) for (const n of g.items) assert.equal(n.parentId, g.id);
    }
  });
});

describe('decision tree model: filtering and counts', () => {
  it('filters by text in title, generic name or case number, case-insensitively', () => {
    assert.deepEqual(buildGroups(ALL, 'letter', { text: 'CARISOPRODOL', outcome: 'all' }).flatMap(titles), ['Soma 350 mg #60', 'Carisoprodol 350mg #30']);
    assert.deepEqual(buildGroups(ALL, 'letter', { text: '0000123', outcome: 'all' }).flatMap(titles).length, 3);
    assert.deepEqual(buildGroups(ALL, 'letter', { text: 'nothing like this', outcome: 'all' }), []);
  });

  it('filters by outcome', () => {
    assert.deepEqual(buildGroups(ALL, 'letter', { text: '', outcome: 'overturned' }).flatMap(titles), ['Physical therapy x 8 sessions']);
    assert.deepEqual(buildGroups(ALL, 'outcome', { text: '', outcome: 'missing' }).map((g) => g.label), ['Missing outcome']);
  });

  it('counts items by outcome and describes them', () => {
    const counts = countItems(ALL);
    assert.deepEqual(counts, { letters: 2, items: 4, upheld: 2, overturned: 1, missing: 1 });
    assert.equal(describeCounts(counts), '2 letters · 4 items: 2 upheld, 1 overturned, 1 missing');
    const filter = { text: '', outcome: 'upheld' as const };
    assert.equal(describeCounts(countItems(ALL, filter), filter), '2 letters · 2 items: 2 upheld, 0 overturned · filtered');
  });

  it('writes the status bar text of one file', () => {
    const four = [letter('file:///s.txt', [item('a', 'Upheld', 1), item('b', 'Upheld', 2), item('c', 'Upheld', 3), item('d', 'Overturned', 4)])];
    assert.equal(statusText(four), '4 items: 3 upheld, 1 overturned');
    assert.equal(statusText([letter('file:///s.txt', [item('a', 'Overturned', 1)])]), '1 item: 0 upheld, 1 overturned');
    assert.equal(statusText([...A, { ...B[0], uri: A[0].uri, index: 1 }]), '2 letters, 4 items: 2 upheld, 1 overturned, 1 missing');
  });
});

describe('decision tree model: following the cursor', () => {
  it('finds the item whose block holds a line, and none before the first heading', () => {
    const [soma, pt, norco] = A[0].items;
    assert.equal(itemAtLine(A, 'file:///ws/a.txt', soma.headingRange.start.line)?.item.title, soma.title);
    assert.equal(itemAtLine(A, 'file:///ws/a.txt', pt.headingRange.start.line - 1)?.item.title, soma.title);
    assert.equal(itemAtLine(A, 'file:///ws/a.txt', norco.headingRange.start.line + 3)?.item.title, norco.title);
    assert.equal(itemAtLine(A, 'file:///ws/a.txt', 2), null);
    assert.equal(itemAtLine(A, 'file:///ws/other.txt', soma.headingRange.start.line), null);
  });

  it('finds the tree node of an item in any grouping', () => {
    const ref = itemAtLine(A, 'file:///ws/a.txt', A[0].items[1].headingRange.start.line)!;
    for (const by of ['letter', 'outcome', 'treatment'] as const) {
      const node = findItemNode(buildGroups(ALL, by), ref);
      assert.equal(node?.ref.item.title, 'Physical therapy x 8 sessions', by);
    }
    assert.equal(findItemNode(buildGroups(ALL, 'letter', { text: '', outcome: 'upheld' }), ref), undefined);
  });

  it('labels a later letter of a bundle by file name and position', () => {
    assert.equal(letterLabel(letter('file:///ws/bulk.txt', [], { index: 2 })), 'bulk.txt #3');
  });
});
