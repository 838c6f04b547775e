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
      // Two batches in flight per worker, so it never waits for the main thread between batches.
      const inFlight = new Set<number>();
      const dispatch = (): void => {
        if (nextBatch < batches.length) {
          const id = nextBatch++;
          inFlight.add(id);
          const request: BatchRequest = { id, files: batches[id].files };
          worker.postMessage(request);
        } else if (inFlight.size === 0) {
          void worker.terminate().then(() => resolve());
        }
      };
      const lost = (): void => {
        orphaned.push(...inFlight);
        inFlight.clear();
        resolve();
      };
      worker.on('message', (reply: BatchReply) => {
        inFlight.delete(reply.id);
        const batch = batches[reply.id];
        reply.outcomes.forEach((o, i) => onOutcome(batch.start + i, o));
        dispatch();
      });
      worker.on('error', lost);
      worker.on('exit', lost);
      dispatch();
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
