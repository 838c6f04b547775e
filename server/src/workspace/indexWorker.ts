/**
 * Worker thread entry (dist/index-worker.js): reads and analyses the letter files of a
 * workspace rebuild (PDFs through the shared extractor, which loads dist/pdf.js beside this
 * bundle on first use), batch by batch, and sends back their index entries.
 */
import { readFileSync, statSync } from 'node:fs';
import { workerData } from 'worker_threads';
import { serveBatches } from '../workers/workerSide';
import { extractPdf } from '../pdf/api';
import { analyseLetterFile, letterFileKind, readLetterFile, uriOf, type IndexResult, type IndexWorkerData, type LetterFileIo } from './workspaceIndex';

const { rules, maxFileSize } = workerData as IndexWorkerData;

// Synchronous reads: this thread has nothing else to do, and an awaited read per file costs
// more in latency than the analysis itself.
const io: LetterFileIo = { fileSize: (path) => statSync(path).size, readFile: (path) => readFileSync(path), extractPdf };

serveBatches(async (path: string): Promise<IndexResult> => {
  const kind = letterFileKind(path);
  if (!kind) return { skipped: null };
  const { read, skipped } = await readLetterFile(path, kind, io, maxFileSize);
  return read === null ? { skipped: skipped ?? null } : analyseLetterFile(uriOf(path), read.text, rules, read.pageOfLine);
});
