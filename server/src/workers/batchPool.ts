/**
 * Runs work items on worker threads in batches, handed out as workers free up (two batches
 * in flight per worker, so a worker never waits for the main thread), and reports each
 * item's result as it arrives. Used by `imr-lint` and by the workspace index. The worker
 * side is `serveBatches` (workerSide.ts).
 */
import { Worker } from 'worker_threads';

export interface BatchRequest<T> {
  id: number;
  items: T[];
}

export interface BatchReply<R> {
  id: number;
  results: R[];
}

export interface PoolOptions {
  jobs: number;
  workerPath: string;
  /** Handed to every worker as `workerData`. */
  workerData?: unknown;
  /** Checked before each batch is handed out: true stops handing out. */
  isCancelled?: () => boolean;
}

/**
 * Calls `onResult(index, result)` for every item a worker finished, in completion order.
 * Resolves with the indexes of the items no worker finished (a worker crashed holding them,
 * or the run was cancelled): the caller does those itself, or drops them.
 */
export async function runInBatches<T, R>(items: readonly T[], options: PoolOptions, onResult: (index: number, result: R) => void): Promise<number[]> {
  const { jobs, workerPath, workerData, isCancelled = () => false } = options;
  const batchSize = Math.max(1, Math.min(64, Math.ceil(items.length / (jobs * 16))));
  const batches: Array<{ start: number; items: T[] }> = [];
  for (let start = 0; start < items.length; start += batchSize) batches.push({ start, items: items.slice(start, start + batchSize) });
  let nextBatch = 0;
  const orphaned: number[] = [];

  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(workerPath, { workerData });
      const inFlight = new Set<number>();
      const dispatch = (): void => {
        if (nextBatch < batches.length && !isCancelled()) {
          const id = nextBatch++;
          inFlight.add(id);
          const request: BatchRequest<T> = { id, items: batches[id].items };
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
      worker.on('message', (reply: BatchReply<R>) => {
        inFlight.delete(reply.id);
        const batch = batches[reply.id];
        reply.results.forEach((r, i) => onResult(batch.start + i, r));
        dispatch();
      });
      worker.on('error', lost);
      worker.on('exit', lost);
      dispatch();
      dispatch();
    });

  await Promise.all(Array.from({ length: Math.min(jobs, batches.length) }, runWorker));
  for (let b = nextBatch; b < batches.length; b++) orphaned.push(b);
  return orphaned.flatMap((b) => batches[b].items.map((_, i) => batches[b].start + i));
}
