/**
 * Fuzz run settings. Seeded so every run is reproducible; `IMR_FUZZ_RUNS` scales the
 * number of generated inputs per property (default keeps `npm test` quick on 2 cores),
 * `IMR_FUZZ_SEED` replays another seed.
 */
export const FUZZ_SEED = Number(process.env.IMR_FUZZ_SEED ?? 42);

/** Runs per property: `base` by default, or IMR_FUZZ_RUNS when set. */
export function runs(base: number): number {
  const env = Number(process.env.IMR_FUZZ_RUNS);
  return Number.isFinite(env) && env > 0 ? Math.floor(env) : base;
}

export function fcParams(base: number) {
  return { seed: FUZZ_SEED, numRuns: runs(base), includeErrorInReport: true };
}
