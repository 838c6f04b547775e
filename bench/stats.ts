/** Timing helpers: medians over repeated runs, with a GC between runs when node allows it. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Collects garbage if node was started with --expose-gc, so one run's garbage does not bill the next. */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the milliseconds of each timed run. */
export function timeRuns(runs: number, fn: () => unknown, warmup = 1): number[] {
  return timeInterleaved(runs, [fn], warmup)[0];
}

/**
 * Times several functions round by round (each once per round, GC before each), so a
 * machine that speeds up or slows down mid-run (shared hosts do) affects them alike and
 * ratios can be taken per round. Returns each function's samples, in round order.
 */
export function timeInterleaved(runs: number, fns: Array<() => unknown>, warmup = 1): number[][] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const out: number[][] = fns.map(() => []);
  for (let round = 0; round < runs; round++) {
    fns.forEach((fn, k) => {
      gc();
      const t0 = performance.now();
      fn();
      out[k].push(performance.now() - t0);
    });
  }
  return out;
}

/** The median of the per-round ratios a[i] / b[i] (samples from timeInterleaved). */
export function medianRatio(a: number[], b: number[]): number {
  return median(a.map((x, i) => x / b[i]));
}

export async function timeRunsAsync(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export const MB = 1e6;

/** Rounds for display only (the JSON keeps the raw samples). */
export function fmt(n: number | null | undefined, digits = 3): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return 'n/a';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  return Number(n.toPrecision(digits)).toString();
}
