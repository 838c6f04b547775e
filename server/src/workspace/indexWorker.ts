/**
 * Worker thread entry (dist/index-worker.js): reads and analyses the letter files of a
 * workspace rebuild (PDFs through the shared extractor, which loads dist/pdf.js beside this
 * bundle on first use), batch by batch, and sends back their index entries.
 */
import { readFileSync, statSync } from 'node:fs';
import { workerData } from 'worker_threads';
import { serveBatches } from '../workers/workerSide';
import { extractPdf } from '../pdf/api';
import { analyseLetterFile, decodeTextLetter, letterFileKind, oversizeSkip, uriOf, type IndexResult, type IndexWorkerData } from './workspaceIndex';

const { rules, maxFileSize } = workerData as IndexWorkerData;

serveBatches(async (path: string): Promise<IndexResult> => {
  const kind = letterFileKind(path);
  if (!kind) return { skipped: null };
  try {
    const tooBig = oversizeSkip(path, statSync(path).size, maxFileSize);
    if (tooBig) return { skipped: tooBig };
    // A synchronous read: this thread has nothing else to do, and an awaited read per file costs
    // more in latency than the analysis itself.
    const bytes = readFileSync(path);
    if (kind === 'pdf') {
      let pdfText: string;
      try {
        pdfText = (await extractPdf(bytes)).text;
      } catch (e) {
        return { skipped: `Skipping PDF ${path}: ${(e as Error).message}` };
      }
      return analyseLetterFile(uriOf(path), pdfText, rules);
    }
    const text = decodeTextLetter(kind, bytes);
    return text === null ? { skipped: null } : analyseLetterFile(uriOf(path), text, rules);
  } catch (e) {
    return { skipped: `Cannot read ${path}: ${(e as Error).message}` };
  }
});
