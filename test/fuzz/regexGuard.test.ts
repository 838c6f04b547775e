/**
 * Catastrophic-backtracking guard: every regular expression of the core is run on
 * adversarial lines (long runs of spaces, digits, `#`, colons, hyphens..., behind the
 * words the patterns look for, with and without a character that forces a failed match)
 * of 1k and 16k characters.
 *
 * Measuring without flaky time limits: a cheap screen first runs each pattern once on the
 * 16k line; only patterns slower than SCREEN_MS go on to the real check, which compares
 * the median time of one 16k run with that of sixteen 1k runs (the same number of
 * characters). Linear matching gives a ratio near 1; quadratic gives about 16; the bound
 * MAX_RATIO = 5 sits between them, and a pattern fails only if every attempt exceeds it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { regexLiterals, exportedRegexes, SERVER_DIR, type CatalogEntry } from './regexCatalog';
import { medianTime } from './scaling';

const SMALL = 1_000;
const FACTOR = 16;
const SCREEN_MS = 2;
const MAX_RATIO = 5;

const RUNS = [' ', '\t', '1', '#', ':', '-', '.', ',', 'a', ' 1', ': ', '# ', '1-', 'a ', '1/', '\u00a0'];
const PREFIXES = [
  '',
  'Soma 350 mg ',
  'Case Number: ',
  'Decision rationale: ',
  'Claims Administrator guideline: ',
  'MAXIMUS guideline: Decision based on ',
  'Page(s): ',
  'Upheld ',
  'CM16-',
  'The remaining IMR eligible portion of the original request, ',
  'Norco was the original request. ',
  'original request. Norco ',
  'State(s) of Licensure: ',
  'Certification(s)/Specialty: ',
  '51 year old ',
  'injury on ',
  '1) MAXIMUS Federal Services, Inc. has determined the request for ',
  '1) Regarding the request for ',
  'IMR ISSUES, DECISIONS ',
  'HOW THE IMR ',
];
const SUFFIXES = ['\u0001', ': x', ' is'];

function adversarial(length: number): string[] {
  const out: string[] = [];
  for (const p of PREFIXES) for (const r of RUNS) for (const s of SUFFIXES) out.push(p + r.repeat(Math.ceil(length / r.length)).slice(0, length) + s);
  return out;
}

/** What the parser does with a pattern: test from the start, and scan for all matches. */
function exercise(re: RegExp, s: string): void {
  const single = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  single.test(s);
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  s.replace(global, '');
}

function ratioFor(re: RegExp, small: string, large: string): number {
  const tSmall = medianTime(() => {
    for (let i = 0; i < FACTOR; i++) exercise(re, small);
  }, 3);
  const tLarge = medianTime(() => exercise(re, large), 3);
  return Math.max(0.01, tLarge) / Math.max(0.01, tSmall);
}

// The whole server side (core, CLI, workspace index, PDF layout), not only the core: all of it reads letter text.
const { entries: literals, dynamicSites } = regexLiterals(SERVER_DIR);
const catalog: CatalogEntry[] = [...literals, ...exportedRegexes()];

test('the catalog finds the server-side regexes', (t) => {
  // Guard against a broken scanner: the core is known to hold dozens of patterns.
  assert.ok(literals.length >= 20, `found only ${literals.length} regex literals`);
  t.diagnostic(`${literals.length} regex literals, ${catalog.length - literals.length} exported RegExp values, ${dynamicSites.length} new RegExp sites (${dynamicSites.join(', ')})`);
});

test('every server-side regex (core, CLI, index, PDF layout) stays linear on adversarial lines', (t) => {
  const smalls = adversarial(SMALL);
  const larges = adversarial(SMALL * FACTOR);
  const failures: string[] = [];
  let screened = 0;
  let measured = 0;
  for (const { where, regex } of catalog) {
    for (let i = 0; i < larges.length; i++) {
      screened++;
      const t0 = performance.now();
      exercise(regex, larges[i]);
      if (performance.now() - t0 < SCREEN_MS) continue;
      measured++;
      let best = Infinity;
      for (let attempt = 0; attempt < 3 && best >= MAX_RATIO; attempt++) best = Math.min(best, ratioFor(regex, smalls[i], larges[i]));
      if (best >= MAX_RATIO) {
        failures.push(`${where} ${regex} on ${JSON.stringify(larges[i].slice(0, 70))}...: 16x input took ${best.toFixed(1)}x time`);
        break; // one counterexample per pattern is enough (and quadratic runs are slow)
      }
    }
  }
  t.diagnostic(`${catalog.length} regexes x ${larges.length} adversarial lines = ${screened} runs screened, ${measured} measured`);
  assert.deepEqual(failures, []);
});

test('the guard itself catches a quadratic pattern', () => {
  // The measure must be able to fail: a known-quadratic pattern has to exceed the bound.
  const bad = /\s+$/;
  const small = ' '.repeat(SMALL) + 'x';
  const large = ' '.repeat(SMALL * FACTOR) + 'x';
  // Like the linear check, judged on the best of a few attempts: a busy machine can squeeze
  // one measurement, but not every one.
  const ratios: number[] = [];
  for (let attempt = 0; attempt < 5 && !ratios.some((r) => r >= MAX_RATIO); attempt++) ratios.push(ratioFor(bad, small, large));
  assert.ok(ratios.some((r) => r >= MAX_RATIO), `ratios ${ratios.map((r) => r.toFixed(1)).join(', ')}`);
});
