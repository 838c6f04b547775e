/**
 * Profiles the full analysis on the parse case's 10 MB input, for finding why a target is
 * missed: node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profile.ts [MB]
 * then `node bench/topFunctions.mjs DIR` lists the functions with the most self time.
 */
import { composeCorpus } from './generate';
import { fullAnalysis } from './cases/analysis';
import { MB } from './stats';

const size = Number(process.argv[2] ?? 10) * MB;
const text = composeCorpus(101, size, 'varied');
for (let i = 0; i < 4; i++) {
  const t0 = performance.now();
  fullAnalysis(text);
  process.stderr.write(`run ${i + 1}: ${(performance.now() - t0).toFixed(0)} ms\n`);
}
