/**
 * Worker thread entry (dist/index-worker.js): reads and analyses the text letters of a
 * workspace rebuild, batch by batch, and sends back their index entries.
 */
import { readFileSync, statSync } from 'node:fs';
import { workerData } from 'worker_threads';
import { serveBatches } from '../workers/workerSide';
import { analyseLetterFile, decodeTextLetter, letterFileKind, oversizeSkip, uriOf, type IndexResult, type IndexWorkerData } from './workspaceIndex';

const { rules, maxFileSize } = workerData as IndexWorkerData;

serveBatches((path: string): IndexResult => {
  const kind = letterFileKind(path);
  if (!kind || kind === 'pdf') return { skipped: null };
  try {
    const tooBig = oversizeSkip(path, statSync(path).size, maxFileSize);
    if (tooBig) return { skipped: tooBig };
    // A synchronous read: this thread has nothing else to do, and an awaited read per file costs
    // more in latency than the analysis itself.
    const text = decodeTextLetter(kind, readFileSync(path));
    return text === null ? { skipped: null } : analyseLetterFile(uriOf(path), text, rules);
  } catch (e) {
    return { skipped: `Cannot read ${path}: ${(e as Error).message}` };
  }
});
