/** The worker side of batchPool.ts: answers each batch with one result per item, in order. */
import { parentPort } from 'worker_threads';
import type { BatchReply, BatchRequest } from './batchPool';

/**
 * `transfer` names buffers inside a result that are moved to the main thread rather than
 * copied (each must own its whole ArrayBuffer: never a slice of Node's shared pool).
 */
export function serveBatches<T, R>(handle: (item: T) => Promise<R> | R, transfer?: (result: R) => ArrayBuffer[]): void {
  parentPort?.on('message', async (request: BatchRequest<T>) => {
    const results: R[] = [];
    for (const item of request.items) results.push(await handle(item));
    const reply: BatchReply<R> = { id: request.id, results };
    parentPort!.postMessage(reply, transfer ? results.flatMap(transfer) : undefined);
  });
}
