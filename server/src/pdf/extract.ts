/**
 * Drives pdfjs: opens the bytes with every network, font and eval feature off, reads each
 * page's positioned text runs, and hands them to `layoutPages` for reading-order lines.
 */
import { PdfExtractionError, type PdfExtraction } from './api';
import { classifyPdfError, EMPTY_MESSAGE } from './errors';
import { layoutPages, type PageText, type TextRun } from './layout';
import { loadPdfjs, type Pdfjs } from './loadPdfjs';

export async function extractWithPdfjs(data: Uint8Array): Promise<PdfExtraction> {
  if (data.length === 0) throw new PdfExtractionError('corrupt', 'Invalid PDF structure: the file is empty (0 bytes).');
  const pdfjs = await loadPdfjs().catch((err: unknown) => {
    throw new PdfExtractionError('unsupported', `PDF support could not be loaded (dist/pdf.js missing or broken): ${String(err)}`);
  });
  const task = pdfjs.getDocument({
    // A plain Uint8Array copy: pdfjs refuses Node Buffers and may take ownership of the bytes.
    data: new Uint8Array(data),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(pdfjs, await doc.getPage(n)));
    const { lines, pageOfLine } = layoutPages(pages);
    if (!lines.some((l) => l.trim() !== '')) throw new PdfExtractionError('empty', EMPTY_MESSAGE);
    return { text: lines.join('\n') + '\n', pageOfLine, pageCount: doc.numPages };
  } catch (err) {
    throw classifyPdfError(err);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

async function readPage(pdfjs: Pdfjs, page: PdfPage): Promise<PageText> {
  const content = await page.getTextContent();
  let viewport = page.getViewport({ scale: 1 });
  // A page turned by a viewer (/Rotate) or drawn turned shows its text sideways: read it in
  // the direction most of its text runs, so its lines are upright again.
  const turn = dominantTurn(pdfjs, viewport.transform, content.items);
  if (turn) viewport = page.getViewport({ scale: 1, rotation: (viewport.rotation + turn) % 360 });
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    // Viewport coordinates: y grows down the page, rotation and crop box applied.
    const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    const size = Math.hypot(m[2], m[3]) || item.height;
    const upright = Math.abs(m[1]) <= 0.01 * size && Math.abs(m[2]) <= 0.01 * size;
    runs.push({ str: item.str, x: m[4], y: m[5], width: item.width, size, upright });
  }
  page.cleanup();
  return { runs, width: viewport.width, height: viewport.height };
}

type TextItems = Awaited<ReturnType<PdfPage['getTextContent']>>['items'];

/**
 * The quarter turn (0, 90, 180 or 270 degrees) that makes most of a page's text upright,
 * counting characters; 0 when most of it already is (a diagonal watermark never turns a page).
 */
function dominantTurn(pdfjs: Pdfjs, viewportTransform: number[], items: TextItems): number {
  const chars = [0, 0, 0, 0];
  for (const item of items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = pdfjs.Util.transform(viewportTransform, item.transform) as number[];
    // Reading direction in viewport coordinates (y down): 0 = left to right, 90 = downwards.
    const angle = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
    const quarter = Math.round(angle / 90);
    if (Math.abs(angle - quarter * 90) > 1) continue;
    chars[(quarter + 4) % 4] += item.str.length;
  }
  const best = chars.indexOf(Math.max(...chars));
  return best === 0 || chars[best] <= chars[0] ? 0 : (360 - best * 90) % 360;
}
