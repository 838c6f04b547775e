/**
 * Inputs the fuzzers found that broke a property once. Each is kept, shrunk, as a fixed
 * case so the bug cannot come back unnoticed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFormatting, checkQuickFixes } from './editInvariants';
import { regexLiterals, SERVER_DIR } from './regexCatalog';

const HOW = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
const SUMMARY = 'CLINICAL CASE SUMMARY';
const ISSUES = 'IMR ISSUES, DECISIONS AND RATIONALES';

test('formatting: the edit never ends between \\r and \\n (a letter in \\n endings then one in \\r\\n endings)', () => {
  const lf = [HOW, 'Reviewer text.', SUMMARY, 'Summary text.', ISSUES, 'The Final Determination was based on decisions for the disputed items/services set forth below:'].join('\n');
  const text = lf + '\n\n' + lf.replace(/\n/g, '\r\n') + '\r\n';
  checkFormatting(text);
});

test('formatting: a byte order mark inside the text (concatenated exports) formats to a fixpoint', () => {
  const text = `\n\ufeff${HOW}\nReviewer text.\n${SUMMARY}\nSummary text.\n`;
  const once = checkFormatting(text);
  assert.ok(!once.includes('\ufeff'), 'the stray BOM is removed');
});

test('quick fix "Add outcome" on a heading with trailing spaces removes missing-outcome', () => {
  const letter = [SUMMARY, 'A 47 year old male.', ISSUES, 'Soma 350 mg #60:  ', 'Decision rationale: Soma 350 mg #60 is not medically necessary.'].join('\n');
  checkQuickFixes(letter + '\n\n' + [HOW, 'x', SUMMARY, 'y', ISSUES].join('\n'));
});

test('no trailing-run regex in the core lacks its lookbehind guard', () => {
  // The pattern that backtracked in five files: a bare class run anchored at the end, /[...]+$/.
  const bare = regexLiterals(SERVER_DIR).entries.filter(({ regex }) => /^\[[^\]]*\][+*]\$$/.test(regex.source));
  assert.deepEqual(bare.map((e) => `${e.where} ${e.regex}`), []);
});
