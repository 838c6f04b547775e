/**
 * Lays a letter's text out as a PDF with pdf-lib (pure JS), the way a letter office's
 * word processor would: Helvetica, wrapped lines, page breaks after N lines, an optional
 * two-column header table, centred section headings, running page headers/footers.
 * Tests feed it their own letter text and check what the extractor reads back.
 */
import { PDFDocument, StandardFonts, degrees, type PDFFont, type PDFPage } from 'pdf-lib';

/** One header-table row: up to two label/value cells. */
export type HeaderRow = Array<{ label: string; value: string }>;

export interface PdfLayoutOptions {
  /** Body lines per page before a page break (default 46). */
  linesPerPage?: number;
  fontSize?: number;
  /** Header table drawn at the top of page 1 (labels x=72 / values x=200, second column 330 / 450). */
  header?: HeaderRow[];
  /** Labels wider than their column wrap onto a second line (`Application` / `Received:`). */
  wrapLongLabels?: boolean;
  /** Lines for which this returns true are drawn centred (section headings). */
  centre?: (line: string) => boolean;
  /** Running header / footer text per page (1-based page, page count). */
  pageHeader?: (page: number, pages: number) => string;
  pageFooter?: (page: number, pages: number) => string;
  /** Where the page header's baseline sits, down from the top (default 40), and where the text starts (default 72). */
  pageHeaderFromTop?: number;
  topMargin?: number;
  /** Degrees to tilt a line by (a heading set a little askew), drawn as one run. */
  tilt?: (line: string) => number;
  /** Split each line into word-sized text runs (as many real PDF producers do). */
  wordRuns?: boolean;
  /** Draw every character as its own run, spaces included (as some producers and OCR layers do). */
  charRuns?: boolean;
  /** Stretch the spaces of every full line so it ends at the right margin. */
  justify?: boolean;
  /** A diagonal watermark drawn across every page, over the text. */
  watermark?: string;
  /** Draw nothing but a rectangle (a "scanned" page with no text layer). */
  noText?: boolean;
}

const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 72;

/** Section headings of the reference layout: all capitals, no lower-case letters. */
export const isCapsHeading = (line: string): boolean => /[A-Z]{3}/.test(line) && !/[a-z]/.test(line) && line.trim().length > 10;

export async function writeLetterPdf(text: string, options: PdfLayoutOptions = {}): Promise<Uint8Array> {
  const fontSize = options.fontSize ?? 10;
  const leading = fontSize * 1.2;
  const perPage = options.linesPerPage ?? 46;
  const doc = await PDFDocument.create();
  doc.setProducer('imr-letters test writer');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  if (options.noText) {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    page.drawRectangle({ x: 100, y: 100, width: 300, height: 400 });
    return doc.save();
  }

  // Body lines: each source paragraph wrapped to the text width; '' marks a blank line.
  // `last` marks a paragraph's last line (never stretched when justifying).
  const body: Array<{ text: string; last: boolean }> = [];
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (para.trim() === '') body.push({ text: '', last: true });
    else {
      const wrapped = wrap(para.trim(), font, fontSize, PAGE_W - 2 * MARGIN);
      wrapped.forEach((w, i) => body.push({ text: w, last: i === wrapped.length - 1 }));
    }
  }

  const headerRows = options.header ?? [];
  const headerLines = headerRows.length + (options.wrapLongLabels ? headerRows.filter((r) => r.some((c) => tooWide(c.label, bold, fontSize))).length : 0);
  const pages: Array<Array<{ text: string; last: boolean }>> = [];
  let current: Array<{ text: string; last: boolean }> = [];
  let room = perPage - headerLines - (headerLines ? 1 : 0);
  for (const line of body) {
    if (current.length >= room) {
      pages.push(current);
      current = [];
      room = perPage;
    }
    if (line.text === '' && current.length === 0) continue;
    current.push(line);
  }
  if (current.length) pages.push(current);

  pages.forEach((lines, index) => {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    let y = PAGE_H - (options.topMargin ?? MARGIN);
    if (options.pageHeader) page.drawText(options.pageHeader(index + 1, pages.length), { x: MARGIN, y: PAGE_H - (options.pageHeaderFromTop ?? 40), size: 8, font });
    if (options.pageFooter) {
      const footer = options.pageFooter(index + 1, pages.length);
      page.drawText(footer, { x: (PAGE_W - font.widthOfTextAtSize(footer, 8)) / 2, y: 40, size: 8, font });
    }
    if (index === 0 && headerRows.length) {
      y = drawHeader(page, headerRows, y, { font, bold, fontSize, leading, wrapLongLabels: !!options.wrapLongLabels });
      y -= leading;
    }
    lines.forEach(({ text: line, last }) => {
      if (line !== '') {
        const centred = options.centre?.(line) ?? false;
        const f = centred ? bold : font;
        const x = centred ? (PAGE_W - f.widthOfTextAtSize(line, fontSize)) / 2 : MARGIN;
        // Justified: every line but a paragraph's last is stretched to the right margin.
        const stretch = options.justify && !centred && !last ? PAGE_W - 2 * MARGIN - f.widthOfTextAtSize(line, fontSize) : 0;
        const tilt = options.tilt?.(line) ?? 0;
        if (tilt) page.drawText(line, { x, y, size: fontSize, font: f, rotate: degrees(tilt) });
        else if (options.charRuns) drawChars(page, line, x, y, f, fontSize, stretch);
        else drawRuns(page, line, x, y, f, fontSize, !!options.wordRuns || stretch > 0, stretch);
      }
      y -= leading;
    });
    if (options.watermark) page.drawText(options.watermark, { x: 150, y: 250, size: 60, font: bold, rotate: degrees(45), opacity: 0.2 });
  });
  return doc.save();
}

function drawRuns(page: PDFPage, line: string, x: number, y: number, font: PDFFont, size: number, wordRuns: boolean, stretch = 0): void {
  if (!wordRuns) {
    page.drawText(line, { x, y, size, font });
    return;
  }
  const words = line.split(' ');
  const extra = words.length > 1 ? stretch / (words.length - 1) : 0;
  let at = x;
  for (const word of words) {
    if (word) page.drawText(word, { x: at, y, size, font });
    at += advance(font, word + ' ', size) + extra;
  }
}

/**
 * How far drawing `text` moves the pen: glyph widths without kerning, since drawText does
 * not kern (pdf-lib's widthOfTextAtSize does, which would leave word gaps too narrow).
 */
export function advance(font: PDFFont, text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += font.widthOfTextAtSize(ch, size);
  return w;
}

/** One run per character, spaces drawn too; a trailing space ends the line as word processors leave it. */
function drawChars(page: PDFPage, line: string, x: number, y: number, font: PDFFont, size: number, stretch: number): void {
  const spaces = line.split(' ').length - 1;
  const extra = spaces ? stretch / spaces : 0;
  let at = x;
  for (const ch of line + ' ') {
    page.drawText(ch, { x: at, y, size, font });
    at += advance(font, ch, size) + (ch === ' ' ? extra : 0);
  }
}

const LABEL_COLUMN = 100;
const tooWide = (label: string, font: PDFFont, size: number): boolean => font.widthOfTextAtSize(label, size) > LABEL_COLUMN;

function drawHeader(
  page: PDFPage,
  rows: HeaderRow[],
  top: number,
  o: { font: PDFFont; bold: PDFFont; fontSize: number; leading: number; wrapLongLabels: boolean },
): number {
  const columns = [
    [72, 200],
    [330, 450],
  ];
  let y = top;
  for (const row of rows) {
    let extra = 0;
    row.slice(0, 2).forEach((cell, c) => {
      const [lx, vx] = columns[c];
      if (o.wrapLongLabels && tooWide(cell.label, o.bold, o.fontSize)) {
        // A long label wraps inside its cell; the value stays on the first line.
        const words = cell.label.split(' ');
        const first = words.slice(0, Math.ceil(words.length / 2)).join(' ');
        const rest = words.slice(Math.ceil(words.length / 2)).join(' ');
        page.drawText(first, { x: lx, y, size: o.fontSize, font: o.bold });
        page.drawText(rest, { x: lx, y: y - o.leading, size: o.fontSize, font: o.bold });
        extra = 1;
      } else {
        page.drawText(cell.label, { x: lx, y, size: o.fontSize, font: o.bold });
      }
      page.drawText(cell.value, { x: vx, y, size: o.fontSize, font: o.font });
    });
    y -= o.leading * (1 + extra);
  }
  return y;
}

/** Greedy word wrap by measured width; a word longer than the width gets a line of its own. */
export function wrap(paragraph: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of paragraph.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      out.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) out.push(line);
  return out;
}
