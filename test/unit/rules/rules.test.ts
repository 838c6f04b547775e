import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, RULES } from '../../../server/src/languageService';
import { VALID_LETTER, broken, lineOf } from './letterFixture';

const codes = (text: string, settings = {}) => analyzeText(text, settings).diagnostics.map((d) => String(d.code));
const find = (text: string, code: string) => analyzeText(text).diagnostics.filter((d) => d.code === code);

test('the valid fixture letter gets no diagnostic at all', () => {
  assert.deepEqual(analyzeText(VALID_LETTER).diagnostics, []);
});

test('every rule has a kebab-case code, a severity, a description and a doc link', () => {
  assert.ok(RULES.length >= 12);
  for (const r of RULES) {
    assert.match(r.code, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.defaultSeverity));
    assert.ok(r.description.length > 10);
  }
  const d = find(broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90:'), 'missing-outcome')[0];
  assert.equal(d.codeDescription?.href, 'https://github.com/imr-tools/imr-letters#rule-missing-outcome');
});

test('missing-section: a dropped CLINICAL CASE SUMMARY heading is an error at the next section', () => {
  const text = broken('CLINICAL CASE SUMMARY\n', 'CLINICAL NOTES\n');
  const [d] = find(text, 'missing-section');
  assert.equal(d.severity, 1);
  assert.match(d.message, /CLINICAL CASE SUMMARY/);
  assert.equal(d.range.start.line, lineOf(text, 'IMR ISSUES'));
});

test('section-order: the case summary after the decisions is a warning', () => {
  const summary = VALID_LETTER.slice(VALID_LETTER.indexOf('CLINICAL CASE SUMMARY'), VALID_LETTER.indexOf('IMR ISSUES'));
  const text = VALID_LETTER.replace(summary, '') + '\n' + summary;
  const ds = find(text, 'section-order');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].severity, 2);
  assert.equal(ds[0].range.start.line, lineOf(text, 'CLINICAL CASE SUMMARY'));
});

test('no-items: a decisions section without items is an error', () => {
  const text = VALID_LETTER.slice(0, VALID_LETTER.indexOf('Norco 10/325mg #90: Upheld'));
  assert.deepEqual(codes(text), ['no-items']);
});

test('missing-outcome and unknown-outcome', () => {
  assert.deepEqual(codes(broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90:')), ['missing-outcome']);
  for (const word of ['Uphold', 'Upheld.', 'Denied']) {
    const ds = find(broken('Norco 10/325mg #90: Upheld', `Norco 10/325mg #90: ${word}`), 'unknown-outcome');
    assert.equal(ds.length, 1, word);
    assert.equal(ds[0].severity, 1);
  }
  assert.equal(find(broken('Flexeril 7.5mg #60: Overturned', 'Flexeril 7.5mg #60: overturn'), 'unknown-outcome').length, 1);
});

test('missing-guideline: one warning per missing label', () => {
  const text = broken('MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 78-80.\n', '');
  const ds = find(text, 'missing-guideline');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].severity, 2);
  assert.match(ds[0].message, /MAXIMUS guideline/);
});

test('missing-rationale: an item without a Decision rationale is an error', () => {
  const text = broken(
    'Decision rationale: The guidelines call for documented pain relief and functional gains on opioids.\nNone are recorded here. Therefore, the request for Norco 10/325mg #90 is not medically necessary.\n',
    '',
  );
  assert.deepEqual(codes(text), ['missing-rationale']);
});

test('outcome-contradicts-rationale: both directions; quoted guideline text is not the conclusion', () => {
  const up = broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90: Overturned');
  const [d] = find(up, 'outcome-contradicts-rationale');
  assert.ok(d);
  assert.equal(d.range.start.line, lineOf(up, 'None are recorded'));
  const over = broken('Flexeril 7.5mg #60: Overturned', 'Flexeril 7.5mg #60: Upheld');
  assert.equal(find(over, 'outcome-contradicts-rationale').length, 1);
  // The Flexeril rationale quotes "not recommended" and still concludes necessity: no problem in the valid letter.
  assert.equal(find(VALID_LETTER, 'outcome-contradicts-rationale').length, 0);
});

test('duplicate-item: the same item twice is a warning on the second', () => {
  const block = VALID_LETTER.slice(VALID_LETTER.indexOf('Norco 10/325mg #90: Upheld'), VALID_LETTER.indexOf('Flexeril 7.5mg #60: Overturned'));
  const text = VALID_LETTER + block;
  const ds = find(text, 'duplicate-item');
  assert.equal(ds.length, 1);
  assert.ok(ds[0].range.start.line > lineOf(text, 'Flexeril 7.5mg #60: Overturned'));
});

test('empty-section: a heading with nothing under it', () => {
  const text = broken('MAXIMUS Federal Services sent the case file to an expert reviewer with no affiliation to the parties.\n', '');
  const ds = find(text, 'empty-section');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].range.start.line, lineOf(text, 'HOW THE IMR'));
});

test('summary-item-mismatch: UR acted on a drug no item disputes, and an item the summary never mentions', () => {
  const extra = broken('Norco 10/325mg #90 and Flexeril', 'Norco 10/325mg #90, Lyrica 75mg #60 and Flexeril');
  const ds = find(extra, 'summary-item-mismatch');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].severity, 3);
  assert.match(ds[0].message, /Lyrica/);
  const silent = broken('Norco 10/325mg #90 and Flexeril 7.5mg #60.', 'Norco 10/325mg #90.');
  const [d] = find(silent, 'summary-item-mismatch');
  assert.match(d.message, /cyclobenzaprine/);
});

test('summary-item-mismatch: a two-word brand in the summary names the same drug as the item (Tylenol #3, MS Contin)', () => {
  // "Tylenol #3" is acetaminophen/codeine; "Tylenol" alone is acetaminophen. The summary read
  // word by word took the first and the item title the second, and reported both ways.
  const swap = (name: string) => {
    let text = broken('and Flexeril 7.5mg #60.', `and ${name} #60.`);
    text = broken('Flexeril 7.5mg #60: Overturned', `${name} #60: Overturned`, text);
    return find(text, 'summary-item-mismatch').map((d) => d.message);
  };
  assert.deepEqual(swap('Tylenol #3'), []);
  assert.deepEqual(swap('Tylenol with codeine'), []);
  assert.deepEqual(swap('MS Contin 15mg'), []);
  // Plain Tylenol in the summary is still not the codeine combination an item disputes.
  const text = broken('Flexeril 7.5mg #60: Overturned', 'Tylenol #3 #60: Overturned', broken('and Flexeril 7.5mg #60.', 'and Tylenol #60.'));
  assert.deepEqual(
    find(text, 'summary-item-mismatch').map((d) => d.message),
    [
      'The case summary says Utilization Review acted on Tylenol, but no disputed item is about acetaminophen.',
      '"Tylenol #3 #60" is disputed but the case summary never mentions acetaminophen/codeine.',
    ],
  );
});

test('header-date-order: a decision before the date assigned', () => {
  const text = broken('Decision Date:        06/01/2015', 'Decision Date:        05/01/2015');
  const ds = find(text, 'header-date-order');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /Decision Date 05\/01\/2015 is before Date Assigned/);
});

test('settings: off silences a rule, a severity overrides the default', () => {
  const text = broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90:');
  assert.deepEqual(codes(text, { 'missing-outcome': 'off' }), []);
  assert.equal(analyzeText(text, { 'missing-outcome': 'hint' }).diagnostics[0].severity, 4);
});

test('a letter with a two-column header table and a partial authorization item gets no diagnostic', () => {
  const letter = [
    'Case Number:          CM16-0300300',
    'Date Assigned:        11/09/2016                      Date of Injury:      10/13/2016',
    'Decision Date:        12/09/2016                      UR Denial Date:      11/03/2016',
    'Priority:             Standard                        Application          11/03/2016',
    '                                                      Received:',
    '',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'An expert reviewer with no ties to the parties reviewed the case file.',
    'CLINICAL CASE SUMMARY',
    'The injured worker is a 35-year-old female. The Utilization Review dated 11/03/2016 modified the',
    'request for Cyclobenzaprine 7.5mg #90 to Cyclobenzaprine 7.5mg #63.',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'Cyclobenzaprine 7.5mg #90 was the original request. Cyclobenzaprine 7.5mg #63 was',
    'authorized by the Claims Administrator. The remaining IMR eligible portion of the',
    'original request, Cyclobenzaprine 7.5mg #27 is: Upheld',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Page(s): 63-66.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Page(s): 63-66.',
    'Decision rationale: MTUS supports "a short course" of muscle relaxants only. The remaining',
    'Cyclobenzaprine 7.5mg #27 is not medically necessary.',
  ].join('\n');
  assert.deepEqual(analyzeText(letter).diagnostics, []);
  const early = broken('Decision Date:        12/09/2016', 'Decision Date:        11/01/2016', letter);
  assert.deepEqual(
    find(early, 'header-date-order').map((d) => d.message),
    ['Decision Date 11/01/2016 is before Date Assigned 11/09/2016.', 'Decision Date 11/01/2016 is before UR Denial Date 11/03/2016.'],
  );
});
