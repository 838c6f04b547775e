/**
 * Property-based tests over mutated letters: whatever the input, the language service
 * never throws, keeps every range inside the document, nests its outline and returns
 * sorted, unique diagnostics (see invariants.ts for the exact properties).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAll } from './invariants';
import { fcParams } from './config';
import { letterTextArb, mutatedArb, junkTextArb, letterSpecArb, renderLetter, applyMutation, type Mutation } from '../helpers/mutators';
import { readSeed, seedNames } from '../helpers/seeds';

const seedTexts = seedNames().map((n) => readSeed(n.slice(0, 3)));
const seedArb = fc.constantFrom(...seedTexts);

test('synthetic letters (all extraction artifacts) satisfy every invariant', () => {
  fc.assert(fc.property(letterTextArb, (text) => void checkAll(text)), fcParams(200));
});

test('synthetic letters parse to the items they were written with', () => {
  // A sanity anchor for the generator: clean letters with valid outcomes must yield their items,
  // so the fuzzing above really exercises the item parser, not just the "no letter" path.
  const clean = letterSpecArb.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, outcome: i.outcome.startsWith('Overturn') ? 'Overturned' : 'Upheld', partial: false })) }));
  fc.assert(
    fc.property(clean, (spec) => {
      const { parsed } = checkAll(renderLetter(spec));
      assert.equal(parsed.letters.length, 1);
      assert.deepEqual(
        parsed.letters[0].items.map((i) => i.outcome),
        spec.items.map((i) => i.outcome),
      );
    }),
    fcParams(100),
  );
});

test('seed letters mutated at byte, line and section level satisfy every invariant', () => {
  fc.assert(fc.property(mutatedArb(seedArb), (text) => void checkAll(text)), fcParams(300));
});

test('synthetic letters mutated at byte, line and section level satisfy every invariant', () => {
  fc.assert(fc.property(mutatedArb(letterTextArb, 10), (text) => void checkAll(text)), fcParams(300));
});

test('arbitrary Unicode junk with letter words mixed in satisfies every invariant', () => {
  fc.assert(fc.property(junkTextArb, (text) => void checkAll(text)), fcParams(300));
});

test('truncation at every character of a seed satisfies every invariant', () => {
  // Exhaustive rather than random: every prefix of the shortest seed.
  const text = seedTexts.reduce((a, b) => (a.length <= b.length ? a : b));
  let checked = 0;
  for (let i = 0; i <= text.length; i += 1) {
    checkAll(applyMutation(text, { kind: 'truncate', at: i / (text.length + 1) } satisfies Mutation));
    checked++;
  }
  assert.equal(checked, text.length + 1);
});
