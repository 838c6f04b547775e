/** Worker thread entry (dist/imr-lint-worker.js): lints the batches the main thread sends. */
import { parentPort, workerData } from 'worker_threads';
import { lintFile, type LintOptions } from './lintFile';
import type { BatchReply, BatchRequest } from './pool';

const options = workerData as LintOptions;

parentPort?.on('message', async (request: BatchRequest) => {
  const outcomes = [];
  for (const f of request.files) outcomes.push(await lintFile(f.path, f.origin, options));
  const reply: BatchReply = { id: request.id, outcomes };
  parentPort!.postMessage(reply);
});
