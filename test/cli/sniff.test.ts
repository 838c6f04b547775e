/** Which walked .txt files count as letters: only the first non-blank line decides. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeLetter } from '../../server/src/cli/sniff';

test('letter openings of every layout, after blank lines, BOM, form feeds and indentation', () => {
  for (const head of [
    'HOW THE IMR FINAL DETERMINATION WAS MADE\n',
    '\ufeff  HOW THE IMR FINAL DETERMINATION WAS MADE \r\n',
    '\n\n \f\nCase Number:          CM16-0213037\n',
    'MAXIMUS FEDERAL SERVICES, INC.\nNotice of Independent Medical Review Determination',
    'Maximus Federal Services\n',
    'Notice of Independent Medical Review Determination\n',
    'MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:',
    '\u00a0HOW  THE IMR   FINAL DETERMINATION\nWAS MADE',
  ]) {
    assert.equal(looksLikeLetter(head), true, JSON.stringify(head));
  }
});

test('other text is not a letter, even when a letter heading comes later', () => {
  for (const head of ['', '\n\n', 'Shopping list\nHOW THE IMR FINAL DETERMINATION WAS MADE', 'Case notes: CM16-0213037', 'The case number is below']) {
    assert.equal(looksLikeLetter(head), false, JSON.stringify(head));
  }
});
