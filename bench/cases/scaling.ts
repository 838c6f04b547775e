/**
 * Scaling: time per MB of the full analysis for growing documents, both one letter
 * repeated and many different letters concatenated. Linear cost means every size costs
 * about the same per MB; the target allows 2x over the smallest size.
 */
import type { BenchCase, BenchContext, Row } from '../types';
import { composeCorpus } from '../generate';
import { median, timeRuns, gc, MB } from '../stats';
import { fullAnalysis } from './analysis';

export const scalingCase: BenchCase = {
  name: 'scaling',
  async run(ctx: BenchContext): Promise<Row[]> {
    const sizes = ctx.quick ? [0.1, 1, 5] : [0.1, 1, 10, 50];
    const rows: Row[] = [];
    for (const mode of ['repeat', 'varied'] as const) {
      let smallest: number | null = null;
      for (const mb of sizes) {
        const text = composeCorpus(202, mb * MB, mode);
        const size = Buffer.byteLength(text) / MB;
        // Small inputs are timed as several back-to-back analyses so one sample is not a few ms of noise.
        const reps = Math.max(1, Math.round(1 / size));
        const runs = mb >= 50 ? Math.min(ctx.runs, 3) : ctx.runs;
        ctx.log(`scaling: ${mode} ${size.toFixed(2)} MB x${reps}, ${runs} runs`);
        const samples = timeRuns(runs, () => {
          for (let r = 0; r < reps; r++) fullAnalysis(text);
        }).map((ms) => ms / reps / size);
        const perMb = median(samples);
        smallest ??= perMb;
        const ratio = perMb / smallest;
        rows.push({
          case: 'scaling',
          measure: `${mode === 'repeat' ? 'one letter repeated' : 'different letters'}, ${size.toFixed(1)} MB`,
          median: perMb,
          unit: 'ms/MB',
          baseline: { name: `${sizes[0]} MB case`, value: smallest, unit: 'ms/MB' },
          ratio,
          target: '<= 2x smallest',
          pass: ratio <= 2,
          samples,
        });
        gc();
      }
    }
    return rows;
  },
};
