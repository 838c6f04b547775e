/**
 * Linear-time checks without flaky wall-clock limits: we never assert an absolute time.
 * Instead we time the same work on an input of size n and of size 4n (median of several
 * runs, after a warm-up) and require the ratio to stay below a generous bound. Linear code
 * gives about 4x; quadratic code gives about 16x, and the gap widens with n, so a bound of
 * 12x separates them while tolerating noise from a busy 2-core machine.
 */
import { performance } from 'node:perf_hooks';

export const GROWTH = 4;
export const MAX_RATIO = 12;
const MIN_SAMPLE_MS = 5;

export function medianTime(work: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export interface Scaling {
  small: number;
  large: number;
  ratio: number;
}

/**
 * Times `work(input(n))` against `work(input(4n))`. Tiny times are floored at 0.05 ms so
 * timer granularity cannot fake a huge ratio.
 */
export function measureScaling<T>(input: (n: number) => T, work: (x: T) => void, n: number, runs = 5): Scaling {
  const a = input(n);
  const b = input(n * GROWTH);
  work(a); // warm-up: JIT and caches
  work(b);
  // Sub-millisecond samples are mostly timer and GC noise: repeat the work so each small
  // sample lasts at least MIN_SAMPLE_MS, and repeat the large one the same number of times.
  const reps = Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(0.01, medianTime(() => work(a), 3))));
  const repeat = (x: T) => () => {
    for (let i = 0; i < reps; i++) work(x);
  };
  const small = Math.max(0.05, medianTime(repeat(a), runs));
  const large = Math.max(0.05, medianTime(repeat(b), runs));
  return { small, large, ratio: large / small };
}

export function describeScaling(s: Scaling): string {
  return `n: ${s.small.toFixed(2)} ms, 4n: ${s.large.toFixed(2)} ms, ratio ${s.ratio.toFixed(2)} (bound ${MAX_RATIO})`;
}

/**
 * Passes when any of `attempts` measurements is under the bound: noise only ever makes a
 * linear ratio look worse, while quadratic work stays above the bound on every attempt.
 */
export function assertLinear<T>(label: string, input: (n: number) => T, work: (x: T) => void, n: number, attempts = 3): Scaling {
  const seen: string[] = [];
  for (let i = 0; i < attempts; i++) {
    const s = measureScaling(input, work, n);
    if (s.ratio < MAX_RATIO) return s;
    seen.push(describeScaling(s));
  }
  throw new Error(`${label} looks super-linear: ${seen.join('; ')}`);
}
