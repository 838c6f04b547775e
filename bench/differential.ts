/**
 * A guard for speed work on the parser: records what the analysis reads from many thousands
 * of letters (the model, the diagnostics and the outline, one hash per input), so a faster
 * parser can be checked to read exactly the same thing.
 *
 *   node --import tsx bench/differential.ts --write before.json     (on the old code)
 *   node --import tsx bench/differential.ts --compare before.json   (on the new code)
 * Both take `--ignore key,key` to leave model keys out of the hash (the same on both sides).
 *
 * Inputs: every fixture and seed letter under every extraction artifact and combination,
 * thousands of mutated and junk letters (fast-check, fixed seed), and generated corpora.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { LanguageService } from '../server/src/languageService/service';
import { fixtureNames, readFixture } from '../test/helpers/fixtures';
import { SEEDS_DIR, seedNames, readSeed } from '../test/helpers/seeds';
import { RENDERERS, COMBINATIONS, applyAll, concatLetters } from '../test/helpers/artifacts';
import { letterTextArb, mutatedArb, junkTextArb } from '../test/helpers/mutators';
import { composeCorpus } from './generate';

function* inputs(): Generator<[string, string]> {
  const bases: Array<[string, string]> = fixtureNames().map((n) => [n, readFixture(n)]);
  if (existsSync(SEEDS_DIR)) for (const n of seedNames()) bases.push([n, readSeed(n)]);
  for (const [name, text] of bases) {
    yield [name, text];
    for (const [r, render] of Object.entries(RENDERERS)) yield [`${name} ${r}`, render(text)];
    for (const [c, renderers] of Object.entries(COMBINATIONS)) yield [`${name} ${c}`, applyAll(text, renderers)];
  }
  yield ['all bases concatenated', concatLetters(bases.map(([, t]) => t))];
  const samples = [
    ...fc.sample(mutatedArb(letterTextArb), { numRuns: 4000, seed: 7 }),
    ...fc.sample(junkTextArb, { numRuns: 1000, seed: 8 }),
  ];
  for (let i = 0; i < samples.length; i++) yield [`sample ${i}`, samples[i]];
  for (const seed of [1, 2, 3]) yield [`varied corpus ${seed}`, composeCorpus(seed, 1024 * 1024, 'varied')];
  yield ['repeated corpus', composeCorpus(4, 1024 * 1024, 'repeat')];
}

function digest(text: string, n: number): string {
  const service = new LanguageService();
  const doc = { uri: `differential:///${n}.imr`, version: 1, getText: () => text };
  const record = {
    parsed: service.parse(doc),
    diagnostics: service.getDiagnostics(doc),
    symbols: service.getDocumentSymbols(doc),
  };
  // Keys left out (--ignore) let a change that is meant to alter them show that it altered nothing else.
  return createHash('sha1').update(JSON.stringify(record, (key, value) => (ignored.has(key) ? undefined : value))).digest('hex');
}

const [mode, file, ignoreFlag, ignoreList] = process.argv.slice(2);
if ((mode !== '--write' && mode !== '--compare') || !file || (ignoreFlag !== undefined && (ignoreFlag !== '--ignore' || !ignoreList))) {
  console.error('usage: differential.ts --write FILE | --compare FILE  [--ignore key,key]');
  process.exit(2);
}
const ignored = new Set(ignoreList ? ignoreList.split(',') : []);
const hashes: Record<string, string> = {};
let n = 0;
for (const [name, text] of inputs()) hashes[`${n} ${name}`] = digest(text, n++);
if (mode === '--write') {
  writeFileSync(file, JSON.stringify(hashes));
  console.log(`${n} inputs recorded in ${file}`);
} else {
  const before: Record<string, string> = JSON.parse(readFileSync(file, 'utf8'));
  const differ = Object.keys(hashes).filter((k) => before[k] !== hashes[k]);
  for (const k of differ.slice(0, Number(process.env.DIFF_LIST ?? 20))) console.log(`differs: ${k}`);
  console.log(`${n} inputs, ${differ.length} differ from ${file}`);
  process.exit(differ.length ? 1 : 0);
}
