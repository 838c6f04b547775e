import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_COLUMNS, csvField, decisionRows, formatDecisions } from '../../../client/src/commands/exportFormat';
import { item, letter, letterText, summarize } from './letters';
import { parseCsv } from '../../helpers/csv';


const LETTERS = summarize('file:///ws/letters/a.txt', letterText('CM16-0213037', [
  ['Soma 350 mg #60', 'Upheld'],
  ['Acupuncture, 6 sessions, "as needed"', 'Overturned'],
]));
const rel = (uri: string) => uri.replace('file:///ws/', '');

describe('export of decisions', () => {
  it('writes one CSV row per item under a header, readable back field for field', () => {
    const rows = parseCsv(formatDecisions(LETTERS, 'csv', rel));
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 3);
    const col = (name: string, r: string[]) => r[CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number])];
    assert.equal(col('file', rows[1]), 'letters/a.txt');
    assert.equal(col('caseNumber', rows[1]), 'CM16-0213037');
    assert.equal(col('title', rows[1]), 'Soma 350 mg #60');
    assert.equal(col('outcome', rows[1]), 'Upheld');
    assert.equal(col('generic', rows[1]), 'carisoprodol');
    assert.equal(col('title', rows[2]), 'Acupuncture, 6 sessions, "as needed"');
    assert.equal(col('outcome', rows[2]), 'Overturned');
    assert.equal(Number(col('line', rows[1])), LETTERS[0].items[0].headingRange.start.line + 1);
  });

  it('writes JSON with the same rows', () => {
    const json = JSON.parse(formatDecisions(LETTERS, 'json', rel)) as { decisions: Array<Record<string, unknown>> };
    assert.deepEqual(json.decisions, decisionRows(LETTERS, rel));
    assert.equal(json.decisions[1].outcome, 'Overturned');
    assert.equal(json.decisions[0].item, 1);
    assert.equal(json.decisions[1].item, 2);
  });

  it('leaves the outcome empty and keeps the word seen when it is not a valid outcome', () => {
    const rows = decisionRows([letter('file:///ws/x.txt', [{ ...item('Norco', null, 3), outcomeText: 'Uphold' }])], rel);
    assert.equal(rows[0].outcome, '');
    assert.equal(rows[0].outcomeText, 'Uphold');
  });

  it('quotes fields with commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField(12), '12');
  });

  it('orders rows by file, then letter, then item', () => {
    const rows = decisionRows([letter('file:///ws/b.txt', [item('B1', 'Upheld', 1)]), letter('file:///ws/a.txt', [item('A1', 'Upheld', 1), item('A2', 'Overturned', 9)])], rel);
    assert.deepEqual(rows.map((r) => r.title), ['A1', 'A2', 'B1']);
  });
});
