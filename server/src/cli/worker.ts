/** Worker thread entry (dist/imr-lint-worker.js): lints the batches the main thread sends. */
import { workerData } from 'worker_threads';
import { lintFile, type LintOptions } from './lintFile';
import type { FileOutcome } from './report';
import type { Candidate } from './walk';
import { serveBatches } from '../workers/workerSide';

const options = workerData as LintOptions;
// TextEncoder gives each chunk its own ArrayBuffer, which can be transferred.
const encoder = new TextEncoder();

serveBatches(
  async (f: Candidate): Promise<FileOutcome> => {
    const outcome = await lintFile(f.path, f.origin, options);
    return typeof outcome.chunk === 'string' && outcome.chunk ? { ...outcome, chunk: encoder.encode(outcome.chunk) } : outcome;
  },
  (outcome) => (outcome.chunk instanceof Uint8Array ? [outcome.chunk.buffer as ArrayBuffer] : []),
);
