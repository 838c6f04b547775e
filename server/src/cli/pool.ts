/**
 * Lints files on worker threads: each worker (dist/imr-lint-worker.js) takes a batch of
 * paths, reads, analyses and formats them, and posts back the outcomes. Batches are handed
 * out as workers free up, so a slow file does not hold the others back.
 */
import { Worker } from 'worker_threads';
import type { Candidate } from './walk';
import { lintFile, type LintOptions } from './lintFile';
import type { FileOutcome } from './report';

export interface BatchRequest {
  id: number;
  files: Candidate[];
}

export interface BatchReply {
  id: number;
  outcomes: FileOutcome[];
}

/** Calls `onOutcome(index, outcome)` for every file, in completion order. */
export async function lintInWorkers(
  files: Candidate[],
  options: LintOptions,
  jobs: number,
  workerPath: string,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (jobs * 16))));
  const batches: Array<{ start: number; files: Candidate[] }> = [];
  for (let start = 0; start < files.length; start += batchSize) batches.push({ start, files: files.slice(start, start + batchSize) });
  let nextBatch = 0;
  const orphaned: number[] = []; // batches lost with a crashed worker: linted here instead

  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(workerPath, { workerData: options });
      let current = -1;
      const dispatch = (): void => {
        if (nextBatch >= batches.length) {
          current = -1;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = nextBatch++;
        const request: BatchRequest = { id: current, files: batches[current].files };
        worker.postMessage(request);
      };
      worker.on('message', (reply: BatchReply) => {
        const batch = batches[reply.id];
        reply.outcomes.forEach((o, i) => onOutcome(batch.start + i, o));
        dispatch();
      });
      worker.on('error', () => {
        if (current >= 0) orphaned.push(current);
        current = -1;
        resolve();
      });
      worker.on('exit', () => {
        if (current >= 0) orphaned.push(current);
        current = -1;
        resolve();
      });
      dispatch();
    });

  await Promise.all(Array.from({ length: Math.min(jobs, batches.length) }, runWorker));
  // Whatever a crashed worker held, and whatever no worker got to, is linted on this thread.
  for (let b = nextBatch; b < batches.length; b++) orphaned.push(b);
  for (const b of orphaned) {
    const batch = batches[b];
    for (let i = 0; i < batch.files.length; i++) onOutcome(batch.start + i, await lintFile(batch.files[i].path, batch.files[i].origin, options));
  }
}
