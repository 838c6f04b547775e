/** The worker side of batchPool.ts: answers each batch with one result per item, in order. */
import { parentPort } from 'worker_threads';
import type { BatchReply, BatchRequest } from './batchPool';

export function serveBatches<T, R>(handle: (item: T) => Promise<R> | R): void {
  parentPort?.on('message', async (request: BatchRequest<T>) => {
    const results: R[] = [];
    for (const item of request.items) results.push(await handle(item));
    const reply: BatchReply<R> = { id: request.id, results };
    parentPort!.postMessage(reply);
  });
}
