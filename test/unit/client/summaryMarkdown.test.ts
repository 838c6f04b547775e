import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summaryMarkdown } from '../../../client/src/commands/summaryMarkdown';
import { letterText, summarize } from './letters';

describe('letter summary (Markdown)', () => {
  it('lists each item with its outcome, treatment and line', () => {
    const uri = 'file:///ws/case.txt';
    const letters = summarize(uri, letterText('CM14-0000042', [['Flexeril 10mg #30', 'Upheld'], ['Norco | 10/325', 'Overturned']]));
    const md = summaryMarkdown(uri, letters);
    assert.match(md, /^# IMR letter summary: case\.txt/);
    assert.match(md, /2 items: 1 upheld, 1 overturned/);
    assert.match(md, /## CM14-0000042/);
    const line = letters[0].items[0].headingRange.start.line + 1;
    assert.match(md, new RegExp(`\\| 1 \\| Flexeril 10mg #30 \\| Upheld \\| cyclobenzaprine / Pharmaceuticals \\| ${line} \\|`));
    assert.ok(md.includes('Norco \\| 10/325'), 'a pipe in a title is escaped so the table keeps its columns');
  });

  it('says so when no letter is recognised', () => {
    assert.match(summaryMarkdown('file:///ws/notes.txt', []), /No IMR letter was recognised/);
  });
});
