/**
 * Lints files on worker threads (dist/imr-lint-worker.js, see worker.ts): each worker reads,
 * analyses and formats a batch of files and posts back the outcomes.
 */
import type { Candidate } from './walk';
import { lintFile, type LintOptions } from './lintFile';
import type { FileOutcome } from './report';
import { runInBatches } from '../workers/batchPool';

/** Calls `onOutcome(index, outcome)` for every file, in completion order. */
export async function lintInWorkers(
  files: Candidate[],
  options: LintOptions,
  jobs: number,
  workerPath: string,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  const left = await runInBatches<Candidate, FileOutcome>(files, { jobs, workerPath, workerData: options }, onOutcome);
  // Whatever a crashed worker held is linted on this thread.
  for (const i of left) onOutcome(i, await lintFile(files[i].path, files[i].origin, options));
}
