/**
 * Property-based tests of formatting, quick fixes and the other editor features over
 * synthetic and mutated letters (invariants in editInvariants.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAll } from './invariants';
import { checkFormatting, checkQuickFixes, checkReadOnlyFeatures, quickFixStats } from './editInvariants';
import { fcParams } from './config';
import { letterTextArb, mutatedArb, junkTextArb } from '../helpers/mutators';
import { readSeed, seedNames } from '../helpers/seeds';

const seedArb = fc.constantFrom(...seedNames().map((n) => readSeed(n.slice(0, 3))));
const anyInput = fc.oneof(letterTextArb, mutatedArb(letterTextArb, 8), mutatedArb(seedArb), junkTextArb);

test('formatting keeps every non-whitespace character in order and is idempotent', () => {
  fc.assert(
    fc.property(anyInput, (text) => {
      const formatted = checkFormatting(text);
      checkAll(formatted); // the formatted text is a valid input too
    }),
    fcParams(150),
  );
});

test('formatting the seeds keeps their items', () => {
  for (const name of seedNames()) {
    const text = readSeed(name.slice(0, 3));
    const before = checkAll(text).parsed.letters.flatMap((l) => l.items.map((i) => [i.title, i.outcome]));
    const after = checkAll(checkFormatting(text)).parsed.letters.flatMap((l) => l.items.map((i) => [i.title, i.outcome]));
    assert.deepEqual(after, before, name);
  }
});

test('every quick fix removes its diagnostic and touches nothing outside its edit', (t) => {
  const start = quickFixStats.applied;
  fc.assert(fc.property(fc.oneof(mutatedArb(letterTextArb, 8), mutatedArb(seedArb)), (text) => checkQuickFixes(text)), fcParams(150));
  t.diagnostic(`${quickFixStats.applied - start} quick fixes applied`);
  assert.ok(quickFixStats.applied - start > 0, 'the generated inputs produced fixable diagnostics');
});

test('folding, selection ranges, code lenses, highlights, completions, workspace symbols and summaries stay inside the document', () => {
  fc.assert(fc.property(anyInput, (text) => checkReadOnlyFeatures(text)), fcParams(150));
});
