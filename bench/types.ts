/** What a bench case module exports and what it reports: one table row per measure. */

export interface BenchContext {
  /** `--quick`: smaller inputs and fewer runs, to validate the harness. */
  quick: boolean;
  /** How many timed runs per measure (the median is reported). */
  runs: number;
  /** Repository root (dist/, bin/ live here). */
  root: string;
  /** A scratch folder for generated inputs, kept between runs. */
  scratch: string;
  log(message: string): void;
}

export interface Row {
  case: string;
  measure: string;
  /** The median of the runs; null when the measure could not be taken (see `note`). */
  median: number | null;
  unit: string;
  /** The baseline measured in the same run, when the target compares against one. */
  baseline?: { name: string; value: number | null; unit: string };
  /** How the measure compares to its baseline or to the smallest case, e.g. 3.2 (x). */
  ratio?: number | null;
  /** The target in words, e.g. ">= 3x faster than markdown-it". */
  target?: string;
  /** true = PASS, false = FAIL, null = not applicable / could not be measured. */
  pass?: boolean | null;
  note?: string;
  /** Every run's value, for the JSON output. */
  samples?: number[];
}

export interface BenchCase {
  name: string;
  run(ctx: BenchContext): Promise<Row[]>;
}
