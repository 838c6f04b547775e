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
  const items = content.items.filter((item): item is TextItem => 'str' in item && item.str !== '');
  let viewport = page.getViewport({ scale: 1 });
  let placed = place(pdfjs, viewport.transform, items);
  // A page turned by a viewer (/Rotate) or drawn turned shows its text sideways: read it in
  // the direction most of its text runs, so its lines are upright again.
  const turn = dominantTurn(placed);
  if (turn) {
    viewport = page.getViewport({ scale: 1, rotation: (viewport.rotation + turn) % 360 });
    placed = place(pdfjs, viewport.transform, items);
  }
  // A page scanned a little askew has its OCR text at that angle: turn it level about the page's centre.
  const skew = dominantSkew(placed);
  const [cos, sin] = [Math.cos((skew * Math.PI) / 180), Math.sin((skew * Math.PI) / 180)];
  const [cx, cy] = [viewport.width / 2, viewport.height / 2];
  const runs: TextRun[] = placed.map(({ item, m, angle }) => ({
    str: item.str,
    x: cx + (m[4] - cx) * cos + (m[5] - cy) * sin,
    y: cy + (m[5] - cy) * cos - (m[4] - cx) * sin,
    width: item.width,
    size: Math.hypot(m[2], m[3]) || item.height,
    upright: Math.abs(angle - skew) <= UPRIGHT_DEGREES,
  }));
  page.cleanup();
  return { runs, width: viewport.width, height: viewport.height };
}

type TextItem = Extract<Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number], { str: string }>;

interface Placed {
  item: TextItem;
  /** The item's matrix in viewport coordinates: y grows down the page, rotation and crop box applied. */
  m: number[];
  /** Reading direction in degrees, (-180, 180]: 0 = left to right, 90 = downwards. */
  angle: number;
}

/** Text within this many degrees of the page's reading direction is upright (a diagonal watermark is not). */
const UPRIGHT_DEGREES = 2;
/** A page's text is taken as askew by up to this many degrees. */
const MAX_SKEW = 10;

function place(pdfjs: Pdfjs, viewportTransform: number[], items: TextItem[]): Placed[] {
  return items.map((item) => {
    const m = pdfjs.Util.transform(viewportTransform, item.transform) as number[];
    return { item, m, angle: (Math.atan2(m[1], m[0]) * 180) / Math.PI };
  });
}

/**
 * The quarter turn (0, 90, 180 or 270 degrees) that makes most of a page's text upright,
 * counting characters; 0 when most of it already is (a diagonal watermark never turns a page).
 */
function dominantTurn(placed: readonly Placed[]): number {
  const chars = [0, 0, 0, 0];
  for (const { item, angle } of placed) {
    const quarter = Math.round(angle / 90);
    if (Math.abs(angle - quarter * 90) > MAX_SKEW) continue;
    chars[(quarter + 4) % 4] += item.str.trim().length;
  }
  const best = chars.indexOf(Math.max(...chars));
  return best === 0 || chars[best] <= chars[0] ? 0 : (360 - best * 90) % 360;
}

/** The angle (degrees) most of a page's nearly level text runs at, counting characters; 0 below a fifth of a degree. */
function dominantSkew(placed: readonly Placed[]): number {
  const level = placed.filter((p) => Math.abs(p.angle) <= MAX_SKEW && p.item.str.trim() !== '').sort((a, b) => a.angle - b.angle);
  let half = level.reduce((n, p) => n + p.item.str.trim().length, 0) / 2;
  for (const p of level) {
    half -= p.item.str.trim().length;
    if (half <= 0) return Math.abs(p.angle) < 0.2 ? 0 : p.angle;
  }
  return 0;
}
