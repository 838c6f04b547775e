/** The concluding sentence and its finding, for the phrasings letters use. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../../server/src/languageService/text/lines';
import { JoinedText } from '../../../server/src/languageService/text/joined';
import { readConclusion } from '../../../server/src/languageService/parser/conclusion';

const conclude = (text: string) => readConclusion(new JoinedText(splitLines(text)));

const CASES: Array<[string, 'necessary' | 'notNecessary' | null, string]> = [
  ['The records show no benefit. The request is not medically necessary.', 'notNecessary', 'The request is not medically necessary.'],
  ['No improvement is shown. Therefore, the request for Soma 350mg one TID #90 is\nnot medically necessary and is non-certified.', 'notNecessary', 'Therefore, the request for Soma 350mg one TID #90 is not medically necessary and is non-certified.'],
  ['The criteria are unmet. The request is not seen as medically necessary.', 'notNecessary', 'The request is not seen as medically necessary.'],
  ['The brace was determined to be not medically necessary.', 'notNecessary', 'The brace was determined to be not medically necessary.'],
  ['It has maintained effectiveness. Medical necessity has been established.', 'necessary', 'Medical necessity has been established.'],
  ['The criteria are met. Physical therapy x 6 is medically necessary.', 'necessary', 'Physical therapy x 6 is medically necessary.'],
  // Quoted guideline text is never the conclusion.
  ['ODG says it is "not recommended. Not medically necessary for chronic use." Here it is a short trial. The request is medically necessary.', 'necessary', 'The request is medically necessary.'],
  ['The MTUS states the drug is "recommended for short-term use and medically necessary for spasm." The records show two years of use. The medical necessity of this request has not been clearly demonstrated.', 'notNecessary', 'The medical necessity of this request has not been clearly demonstrated.'],
  // What utilization review decided is not the reviewer's conclusion.
  ['Utilization review found the request not medically necessary. The new records show a clear benefit and return to work. This treatment remains an option.', null, 'This treatment remains an option.'],
  // A plain finding in the last sentence when it speaks of the request.
  ['There is no documentation of a trial. Therefore, the request is not supported.', 'notNecessary', 'Therefore, the request is not supported.'],
  ['Use of "Norco" is discussed. It is described.', null, 'It is described.'],
  // A negation a few words before "medically necessary".
  ['Relief was 40%. Therefore, the request does not appear to be medically necessary.', 'notNecessary', 'Therefore, the request does not appear to be medically necessary.'],
  ['No bursitis is noted. The request cannot be considered medically necessary.', 'notNecessary', 'The request cannot be considered medically necessary.'],
  ['Pain is unchanged. Norco is neither medically necessary nor appropriate.', 'notNecessary', 'Norco is neither medically necessary nor appropriate.'],
  ['Neither applies. There is no medical necessity for the evaluation.', 'notNecessary', 'There is no medical necessity for the evaluation.'],
  ['The request is not considered to be medically necessary.', 'notNecessary', 'The request is not considered to be medically necessary.'],
  ['It is warranted. The request is not unreasonable and is medically necessary.', 'necessary', 'The request is not unreasonable and is medically necessary.'],
  ['Criteria are met. The medical necessity of the request is established.', 'necessary', 'The medical necessity of the request is established.'],
  ['The kit duplicates the home program. The request is deemed medically unnecessary.', 'notNecessary', 'The request is deemed medically unnecessary.'],
  // A numbered references list after the conclusion: its numbers are not sentences of their own.
  ['No benefit is shown. The request for Oxycodone 15mg #120 is not medically necessary.\nReferences:\n1. MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pages 74-96.\n2. Official Disability Guidelines, Pain (Chronic), Opioids, criteria for use.', 'notNecessary', 'The request for Oxycodone 15mg #120 is not medically necessary.'],
  // Any treatment named between "medical necessity for" and "has been established".
  ['Sleep has improved. Medical necessity for the follow-up visit has been established.', 'necessary', 'Medical necessity for the follow-up visit has been established.'],
  ['Mood scores fell. Medical necessity for the cognitive behavioral therapy, 6 sessions has been established.', 'necessary', 'Medical necessity for the cognitive behavioral therapy, 6 sessions has been established.'],
  ['No gains are recorded. Medical necessity for the second lumbar epidural injection has not been established.', 'notNecessary', 'Medical necessity for the second lumbar epidural injection has not been established.'],
  // A hypothetical after the conclusion states no finding about the request as made.
  ['No lasting change. The request is not medically necessary. Should a flare occur, 1-2 visits may be medically necessary at that time.', 'notNecessary', 'The request is not medically necessary.'],
  ['The trial is medically necessary. A purchase would not be medically necessary unless the trial shows gains.', 'necessary', 'The trial is medically necessary.'],
  ['If the trial succeeds, a purchase is medically necessary.', null, 'If the trial succeeds, a purchase is medically necessary.'],
  // "medically indicated", "is therefore denied", "is approved".
  ['Ibuprofen caused dyspepsia. This medication is medically indicated.', 'necessary', 'This medication is medically indicated.'],
  ['No exercise program is documented. The request does not meet guideline criteria and is therefore denied.', 'notNecessary', 'The request does not meet guideline criteria and is therefore denied.'],
  ['Criteria are met. Therefore, the request is approved.', 'necessary', 'Therefore, the request is approved.'],
  // A word a justified PDF split over two lines: the finding reads through the break, the
  // sentence shown keeps the hyphen as extracted.
  ['Imaging confirms the level. The facet block at right L4-L5 is medi-\ncally necessary.', 'necessary', 'The facet block at right L4-L5 is medi-cally necessary.'],
  ['No home trial is recorded. So the unit is not medi-\ncally necessary.', 'notNecessary', 'So the unit is not medi-cally necessary.'],
  ['Gains are measured. Hence the course of therapy is medically neces-\nsary.', 'necessary', 'Hence the course of therapy is medically neces-sary.'],
  ['Pain scores are unchanged. The refill of tramadol is not med-\nically necessary and is denied.', 'notNecessary', 'The refill of tramadol is not med-ically necessary and is denied.'],
  ['The exam is normal. Further visits have no medical neces-\nsity.', 'notNecessary', 'Further visits have no medical neces-sity.'],
  // Compounds split at their own hyphen read as before; codes keep theirs.
  ['There is no benefit. The second block at L5-\nS1 is therefore non-\ncertified.', 'notNecessary', 'The second block at L5-S1 is therefore non-certified.'],
  // A split word inside an attributed sentence does not make it the reviewer's finding.
  ['The injury is old. Utilization re-\nview found it not medically necessary.', null, 'Utilization re-view found it not medically necessary.'],
];

for (const [text, finding, sentence] of CASES) {
  test(`conclusion of: ${text.slice(0, 60)}`, () => {
    const c = conclude(text);
    assert.ok(c);
    assert.equal(c.finding, finding);
    assert.equal(c.text, sentence);
  });
}

test('an empty rationale has no conclusion', () => {
  assert.equal(conclude(''), null);
  assert.equal(conclude('   \n  '), null);
});
