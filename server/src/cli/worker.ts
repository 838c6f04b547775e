/** Worker thread entry (dist/imr-lint-worker.js): lints the batches the main thread sends. */
import { workerData } from 'worker_threads';
import { lintFile, type LintOptions } from './lintFile';
import type { Candidate } from './walk';
import { serveBatches } from '../workers/workerSide';

const options = workerData as LintOptions;

serveBatches((f: Candidate) => lintFile(f.path, f.origin, options));
