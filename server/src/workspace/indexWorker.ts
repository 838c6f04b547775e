/**
 * Worker thread entry (dist/index-worker.js): reads and analyses the text letters of a
 * workspace rebuild, batch by batch, and sends back their index entries.
 */
import { readFileSync } from 'node:fs';
import { workerData } from 'worker_threads';
import type { RuleSettings } from '../languageService/features/diagnostics';
import { serveBatches } from '../workers/workerSide';
import { analyseLetterFile, decodeTextLetter, letterFileKind, uriOf, type IndexResult } from './workspaceIndex';

const { rules } = workerData as { rules: RuleSettings };

serveBatches((path: string): IndexResult => {
  const kind = letterFileKind(path);
  if (!kind || kind === 'pdf') return { skipped: null };
  try {
    // A synchronous read: this thread has nothing else to do, and an awaited read per file costs
    // more in latency than the analysis itself.
    const text = decodeTextLetter(kind, readFileSync(path));
    return text === null ? { skipped: null } : analyseLetterFile(uriOf(path), text, rules);
  } catch (e) {
    return { skipped: `Cannot read ${path}: ${(e as Error).message}` };
  }
});
