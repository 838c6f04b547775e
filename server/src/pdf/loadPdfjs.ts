/**
 * Loads pdfjs on first use. Bundled (dist/server.js, dist/imr-lint.js): `dist/pdf.js` sits
 * next to the bundle and is required from there, so pdfjs never lands in the server bundle.
 * From source (tests under tsx): pdfjs's ESM files are imported directly.
 */
import { existsSync } from 'fs';
import { join } from 'path';

export type Pdfjs = typeof import('./pdfjsEntry');

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= load().catch((err) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

async function load(): Promise<Pdfjs> {
  const bundled = join(__dirname, 'pdf.js');
  // pdfjs warns on stdout at import time about canvas polyfills that text extraction does
  // not need; stdout is the language server's JSON-RPC channel, so keep it quiet.
  const log = console.log;
  console.log = () => undefined;
  try {
    if (existsSync(bundled)) return require(bundled) as Pdfjs;
    // Specifiers kept in variables so esbuild does not pull pdfjs into the main bundles.
    const lib = 'pdfjs-dist/legacy/build/pdf.mjs';
    const workerLib = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const worker = await import(workerLib);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const pdfjs = await import(lib);
    return { getDocument: pdfjs.getDocument, Util: pdfjs.Util } as Pdfjs;
  } finally {
    console.log = log;
  }
}
