/** Section numbers before headings (`1. CLINICAL CASE SUMMARY`, `III. IMR ISSUES ...`) and what they must not catch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchHeading, matchHeadingDetail } from '../../../server/src/languageService/parser/headings';

test('a section number before a heading is part of the heading', () => {
  assert.equal(matchHeading('1. HOW THE IMR FINAL DETERMINATION WAS MADE'), 'howMade');
  assert.equal(matchHeading('2) Clinical Case Summary:'), 'caseSummary');
  assert.equal(matchHeading('III. IMR ISSUES, DECISIONS AND RATIONALES'), 'decisions');
  assert.equal(matchHeading('B. DOCUMENTS REVIEWED'), 'documentsReviewed');
  assert.equal(matchHeadingDetail('12. IMR DECISION(S) AND RATIONALE(S)')?.length, '12. IMR DECISION(S) AND RATIONALE(S)'.length);
  // A label heading with text after it keeps the number in its length.
  assert.equal(matchHeadingDetail('4. ISSUE AT DISPUTE: Lumbar MRI')?.length, '4. ISSUE AT DISPUTE:'.length);
});

test('numbered lines that are not headings stay prose', () => {
  assert.equal(matchHeading('1) MAXIMUS Federal Services, Inc. has determined the request for Soma 350mg #60 is'), null);
  assert.equal(matchHeading('1. Regarding the request for a clinical case summary:'), null);
  assert.equal(matchHeading('2. Case management: Upheld'), null);
  assert.equal(matchHeading('123. CLINICAL CASE SUMMARY'), null);
  assert.equal(matchHeading('1.CLINICAL CASE SUMMARY'), null);
});
