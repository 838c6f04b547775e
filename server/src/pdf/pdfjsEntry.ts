/**
 * Entry of the separate `dist/pdf.js` bundle: pdfjs (legacy Node build) with its worker
 * code running in-thread (pdfjs's "fake worker" picks up `globalThis.pdfjsWorker`).
 * Loaded lazily by `loadPdfjs.ts` on the first PDF, so the server starts without it.
 */
import './nodeShims';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export { getDocument, Util };
