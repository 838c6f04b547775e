/**
 * Writes a letter as a PDF the way real producers do, with content streams written by hand
 * (pdf-lib only holds the objects): one TJ array per line with kerning and no space
 * characters, bold outcome words on their own baseline, a bordered header table with
 * right-aligned values, tight leading with wide paragraph gaps, rotated and offset pages,
 * running headers and footers, ligature glyphs, a logo image. Tests check that the
 * extractor reads the same items and outcomes as the letter's text.
 */
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont, type PDFRef } from 'pdf-lib';
import { advance, isCapsHeading, wrap, type HeaderRow } from './pdfWriter';

export interface ProducerOptions {
  fontSize?: number;
  /** Baseline-to-baseline distance in font sizes (default 1.2). */
  leading?: number;
  /** Extra space above a paragraph that follows a blank source line (default one line). */
  paragraphGap?: number;
  /** Body lines per page (default: as many as fit between the margins). */
  linesPerPage?: number;
  /** Each line is one TJ array: words placed by numeric offsets (no spaces), glyph pairs kerned. */
  kernedTJ?: boolean;
  /** An item heading's outcome is a separate bold run, `dy` points up and at `size` points. */
  boldOutcome?: { dy: number; size: number };
  /** Section headings (all capitals) in bold. */
  boldHeadings?: boolean;
  /** Header table: drawn as bordered cells, values right-aligned in their cells, value baselines `valueDy` above the labels'. */
  header?: HeaderRow[];
  valueDy?: number;
  /** A letterhead on page 1: a logo image and the office's address lines right-aligned beside it. */
  letterhead?: boolean;
  /** Page /Rotate; `contentTurned` draws the text turned so the page displays upright (else it displays sideways). */
  rotate?: 90 | 180 | 270;
  contentTurned?: boolean;
  /** Lower-left corner of the MediaBox (the drawing is shifted with it). */
  origin?: [number, number];
  /** A CropBox inset this many points from the MediaBox. */
  cropInset?: number;
  /** Running header on pages 2.. and footer on every page (1-based page, page count). */
  runningHeader?: (page: number, pages: number) => string;
  footer?: (page: number, pages: number) => string;
  /** The running header on page 1 too (a fax machine's header line). */
  runningHeaderOnPage1?: boolean;
  /** Baseline of the footer, from the bottom of the page (default 36). */
  footerY?: number;
  /** `fi` and `fl` are drawn as the ligature glyphs of the font's encoding. */
  ligatures?: boolean;
  /** Sizes carried by the text matrix (`/F1 1 Tf 10 0 0 10 x y Tm`), as Quartz and others write. */
  unitFontSize?: boolean;
  /** Drawn at a tenth of the scale (`0.1 0 0 0.1 0 0 cm`), coordinates in tenths, as Ghostscript writes. */
  tenthsCtm?: boolean;
  /** The page's text drawn through a Form XObject scaled by this factor (a page printed "fit to page" or stamped). */
  formScale?: number;
  /** An OCR text layer: invisible words, each its own run, baselines and sizes jittered, widths fitted by Tz. */
  ocr?: boolean;
  /**
   * Fonts as Word writes them: Type0, Identity-H two-byte glyph ids with a ToUnicode map,
   * no font file; with `ligatures`, `fi` and `fl` are single glyphs mapped to two letters.
   */
  cidFonts?: boolean;
  /** Bold text printed twice per word, a quarter point apart (a printer driver's fake bold). */
  fakeBold?: boolean;
  /** The whole page drawn turned by this many degrees about its centre (a page scanned askew, with its OCR layer). */
  skew?: number;
  /** Guideline lines slanted by the text matrix (a synthetic italic). */
  slantedGuidelines?: boolean;
  /** Break the page after each line for which this returns true. */
  breakAfter?: (line: string) => boolean;
}

const W = 612;
const H = 792;
const MARGIN = 72;
const OUTCOME_HEADING = /^(.*:)\s*(Upheld|Overturned)$/;

interface Piece {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  slanted?: boolean;
}

export async function writeProducerPdf(text: string, o: ProducerOptions = {}): Promise<Uint8Array> {
  const size = o.fontSize ?? 10;
  const leading = size * (o.leading ?? 1.2);
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fontName = (b?: boolean) => (b ? '/F2' : '/F1');
  const fontOf = (b?: boolean) => (b ? bold : regular);

  // Lay the body out as pages of pieces, in portrait coordinates (y up from the bottom).
  const pages: Piece[][] = [[]];
  let y = H - MARGIN;
  let linesOnPage = 0;
  const newPage = () => {
    pages.push([]);
    y = H - MARGIN;
    linesOnPage = 0;
  };
  const place = (pieces: Piece[]) => pages[pages.length - 1].push(...pieces);

  if (o.letterhead) {
    place([
      { text: 'Independent Medical Review', x: 0, y: H - 40, size: 8 },
      { text: 'P.O. Box 138009', x: 0, y: H - 50, size: 8 },
      { text: 'Sacramento, CA 95813-8009', x: 0, y: H - 60, size: 8 },
    ].map((p) => ({ ...p, x: W - MARGIN - advance(regular, p.text, 8) })));
    y = H - 100;
  }
  let headerBorders: string[] = [];
  if (o.header?.length) {
    const table = headerCells(o.header, y, size, o.valueDy ?? 0, regular);
    place(table.pieces);
    headerBorders = table.borders;
    y = table.bottom;
  }

  let pendingGap = false;
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (para.trim() === '') {
      pendingGap = linesOnPage > 0;
      continue;
    }
    const heading = isCapsHeading(para);
    const wrapped = wrap(para.trim(), heading && o.boldHeadings ? bold : regular, size, W - 2 * MARGIN);
    wrapped.forEach((line, i) => {
      if (o.linesPerPage ? linesOnPage >= o.linesPerPage : y < MARGIN) newPage();
      if (pendingGap && linesOnPage > 0) y -= o.paragraphGap ?? leading;
      pendingGap = false;
      const m = i === wrapped.length - 1 && o.boldOutcome ? OUTCOME_HEADING.exec(para.trim()) : null;
      const outcome = m ? / (Upheld|Overturned)$/.exec(line) : null;
      if (m && outcome) {
        const before = line.slice(0, outcome.index + 1);
        const x2 = MARGIN + advance(regular, before, size);
        place([
          { text: before, x: MARGIN, y, size },
          { text: outcome[1], x: x2, y: y + o.boldOutcome!.dy, size: o.boldOutcome!.size, bold: true },
        ]);
      } else place([{ text: line, x: MARGIN, y, size, bold: heading && o.boldHeadings, slanted: o.slantedGuidelines && /guideline:/.test(para) }]);
      y -= leading;
      linesOnPage++;
      if (o.breakAfter?.(line)) newPage();
    });
  }
  if (!pages[pages.length - 1].length) pages.pop();

  // Ligatures: a copy of Helvetica whose encoding puts the fi / fl glyphs at codes 1 and 2.
  const ligatureFont = o.ligatures && !o.cidFonts
    ? doc.context.register(
        doc.context.obj({
          Type: 'Font',
          Subtype: 'Type1',
          BaseFont: 'Helvetica',
          Encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [1, 'fi', 'fl'] },
        }),
      )
    : undefined;
  let image: PDFRef | undefined;
  if (o.letterhead) {
    const pixels = new Uint8Array(64 * 16).map((_, i) => ((i % 64) + (i >> 6)) * 3);
    image = doc.context.register(
      doc.context.flateStream(pixels, { Type: 'XObject', Subtype: 'Image', Width: 64, Height: 16, ColorSpace: 'DeviceGray', BitsPerComponent: 8 }),
    );
  }

  const [ox, oy] = o.origin ?? [0, 0];
  const turned = o.rotate && o.contentTurned;
  const [pw, ph] = turned && o.rotate !== 180 ? [H, W] : [W, H];
  const xobjects: Record<string, PDFRef> = image ? { Im1: image } : {};
  const fonts: Record<string, PDFRef> = o.cidFonts
    ? { F1: cidFont(doc, 'ABCDEE+Calibri', regular), F2: cidFont(doc, 'ABCDEF+Calibri-Bold', bold) }
    : { F1: regular.ref, F2: bold.ref, ...(ligatureFont ? { F3: ligatureFont } : {}) };
  pages.forEach((pieces, index) => {
    const extra: Piece[] = [];
    const runningHeader = index > 0 || o.runningHeaderOnPage1 ? o.runningHeader?.(index + 1, pages.length) : undefined;
    if (runningHeader) extra.push({ text: runningHeader, x: W - MARGIN - advance(regular, runningHeader, 8), y: H - 36, size: 8 });
    const footer = o.footer?.(index + 1, pages.length);
    if (footer) extra.push({ text: footer, x: (W - advance(regular, footer, 8)) / 2, y: o.footerY ?? 36, size: 8 });

    const ops: string[] = [];
    // Page coordinates -> user space: shifted to the MediaBox origin, turned for a rotated page.
    const turn: Record<number, string> = { 90: `0 1 -1 0 ${pw} 0`, 180: `-1 0 0 -1 ${pw} ${ph}`, 270: `0 -1 1 0 0 ${ph}` };
    ops.push(`q 1 0 0 1 ${ox} ${oy} cm`);
    if (turned) ops.push(`${turn[o.rotate!]} cm`);
    if (o.skew) {
      const [c, s] = [Math.cos((o.skew * Math.PI) / 180), Math.sin((o.skew * Math.PI) / 180)];
      ops.push(`1 0 0 1 ${W / 2} ${H / 2} cm ${c.toFixed(5)} ${s.toFixed(5)} ${(-s).toFixed(5)} ${c.toFixed(5)} 0 0 cm 1 0 0 1 ${-W / 2} ${-H / 2} cm`);
    }
    if (image) ops.push(`q 160 0 0 40 ${MARGIN} ${H - 64} cm /Im1 Do Q`);
    if (index === 0) ops.push(...headerBorders);
    const text = ['BT', ...[...pieces, ...extra].flatMap((p) => showPiece(p, o, fontName, fontOf)), 'ET'];
    if (o.tenthsCtm) text.unshift('q 0.1 0 0 0.1 0 0 cm'), text.push('Q');
    if (o.formScale) {
      // The text lives in a Form XObject, shrunk about the page centre.
      const form = doc.context.register(
        doc.context.flateStream(text.join('\n'), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, W, H], Resources: { Font: fonts } }),
      );
      const f = o.formScale;
      ops.push(`q ${f} 0 0 ${f} ${((W * (1 - f)) / 2).toFixed(2)} ${((H * (1 - f)) / 2).toFixed(2)} cm /Fm${index} Do Q`);
      xobjects[`Fm${index}`] = form;
    } else ops.push(...text);
    ops.push('Q');

    const page = doc.addPage([pw, ph]);
    page.node.set(PDFName.of('MediaBox'), doc.context.obj([ox, oy, ox + pw, oy + ph]));
    if (o.cropInset) {
      const c = o.cropInset;
      page.node.set(PDFName.of('CropBox'), doc.context.obj([ox + c, oy + c, ox + pw - c, oy + ph - c]));
    }
    if (o.rotate) page.node.set(PDFName.of('Rotate'), doc.context.obj(o.rotate));
    page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: fonts, XObject: xobjects }));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(ops.join('\n'))));
  });
  return doc.save();

}

/**
 * The header table as bordered cells: label 72-190, value 190-306, label 306-424, value
 * 424-540, rows two font sizes tall; values right-aligned, `valueDy` above the labels.
 */
function headerCells(rows: HeaderRow[], top: number, fs: number, valueDy: number, font: PDFFont): { pieces: Piece[]; borders: string[]; bottom: number } {
  const cols = [72, 190, 306, 424, 540];
  const rowH = fs * 2;
  const pieces: Piece[] = [];
  const borders: string[] = ['0.5 w'];
  let at = top;
  for (const row of rows) {
    const base = at - rowH + fs * 0.6;
    row.slice(0, 2).forEach((cell, c) => {
      const [l, v, end] = [cols[2 * c], cols[2 * c + 1], cols[2 * c + 2]];
      pieces.push(
        { text: cell.label, x: l + 3, y: base, size: fs, bold: true },
        { text: cell.value, x: end - 3 - advance(font, cell.value, fs), y: base + valueDy, size: fs },
      );
      borders.push(`${l} ${at - rowH} ${v - l} ${rowH} re S`, `${v} ${at - rowH} ${end - v} ${rowH} re S`);
    });
    at -= rowH;
  }
  return { pieces, borders, bottom: at - 2 * fs };
}

/** Text-showing operators for one piece: a plain Tj, or a TJ array with kerning and positioned word gaps. */
function showPiece(p: Piece, o: ProducerOptions, fontName: (b?: boolean) => string, fontOf: (b?: boolean) => PDFFont): string[] {
  const font = fontOf(p.bold);
  const name = o.ligatures && !o.cidFonts && !p.bold && /f[il]/.test(p.text) ? '/F3' : fontName(p.bold);
  const literal = (t: string) => encode(t, o);
  const k = o.tenthsCtm ? 10 : 1;
  const slant = p.slanted ? 0.21 : 0;
  const at = (x: number, y: number, size: number) =>
    o.unitFontSize
      ? [`${name} 1 Tf`, `${size * k} 0 ${slant * size * k} ${size * k} ${(x * k).toFixed(2)} ${(y * k).toFixed(2)} Tm`]
      : [`${name} ${size * k} Tf`, `1 0 ${slant} 1 ${(x * k).toFixed(2)} ${(y * k).toFixed(2)} Tm`];
  if (o.ocr) {
    // Word boxes from an OCR engine: each word sized and placed on its own, stretched to its box.
    const ops = ['3 Tr'];
    let x = p.x;
    p.text.split(' ').forEach((word, w) => {
      const jitter = ((w * 7919) % 5) - 2;
      const size = p.size + jitter * 0.3;
      const width = advance(font, word, p.size);
      ops.push(...at(x, p.y + jitter * 0.4, size), `${((100 * width) / advance(font, word, size)).toFixed(1)} Tz`, `${literal(word)} Tj`);
      x += width + advance(font, ' ', p.size);
    });
    return [...ops, '100 Tz', '0 Tr'];
  }
  if (o.fakeBold && p.bold) {
    const ops: string[] = [];
    let x = p.x;
    for (const word of p.text.split(' ')) {
      for (const dx of [0, 0.25]) ops.push(...at(x + dx, p.y, p.size), `${literal(word)} Tj`);
      x += advance(font, `${word} `, p.size);
    }
    return ops;
  }
  const head = at(p.x, p.y, p.size);
  if (!o.kernedTJ) return [...head, `${literal(p.text)} Tj`];
  // Words separated by a negative offset of one space width plus a little (no space glyphs),
  // and every third glyph pair kerned by a few thousandths.
  const space = (font.widthOfTextAtSize(' ', 1000) | 0) + 20;
  const parts: string[] = [];
  p.text.split(' ').forEach((word, w) => {
    if (w > 0) parts.push(String(-space));
    for (let i = 0; i < word.length; i += 3) {
      parts.push(literal(word.slice(i, i + 3)));
      if (i + 3 < word.length) parts.push(i % 2 ? '15' : '-8');
    }
  });
  return [...head, `[${parts.join(' ')}] TJ`];
}

/** Glyph ids of the hand-made CID fonts: a character's code plus 3, the ligatures at 200 and 201. */
const CID_OFFSET = 3;
const LIGATURE_CIDS: Record<string, number> = { fi: 200, fl: 201 };

/**
 * A PDF string for `text`: a literal with one byte per character, or hex glyph ids for the
 * CID fonts; with ligatures, `fi` and `fl` become one glyph.
 */
function encode(text: string, o: ProducerOptions): string {
  if (o.cidFonts) {
    const parts = o.ligatures ? text.split(/(fi|fl)/) : [text];
    const cids = parts.flatMap((part) => (LIGATURE_CIDS[part] ? [LIGATURE_CIDS[part]] : [...part].map((ch) => ch.charCodeAt(0) + CID_OFFSET)));
    return `<${cids.map((c) => c.toString(16).padStart(4, '0')).join('')}>`;
  }
  let s = text.replace(/[\\()]/g, (c) => `\\${c}`);
  if (o.ligatures) s = s.replace(/fi/g, '\\001').replace(/fl/g, '\\002');
  return `(${s})`;
}

/** A Type0 font with Identity-H glyph ids, widths and a ToUnicode map, and no font file (pdfjs substitutes one). */
function cidFont(doc: PDFDocument, baseFont: string, metrics: PDFFont): PDFRef {
  const codes = Array.from({ length: 95 }, (_, i) => i + 32);
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${codes.length + 2} beginbfchar`,
    ...codes.map((c) => `<${hex(c + CID_OFFSET)}> <${hex(c)}>`),
    `<${hex(LIGATURE_CIDS.fi)}> <00660069>`,
    `<${hex(LIGATURE_CIDS.fl)}> <0066006C>`,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = doc.context.register(doc.context.flateStream(cmap));
  const widths = codes.map((c) => Math.round(metrics.widthOfTextAtSize(String.fromCharCode(c), 1000)));
  const descriptor = doc.context.obj({ Type: 'FontDescriptor', FontName: baseFont, Flags: 32, FontBBox: [-665, -325, 2000, 1040], ItalicAngle: 0, Ascent: 905, Descent: -212, CapHeight: 716, StemV: 80 });
  const descendant = doc.context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: baseFont,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: doc.context.register(descriptor),
    CIDToGIDMap: 'Identity',
    DW: 1000,
    W: [32 + CID_OFFSET, widths, LIGATURE_CIDS.fi, LIGATURE_CIDS.fl, 500],
  });
  return doc.context.register(
    doc.context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: baseFont, Encoding: 'Identity-H', DescendantFonts: [doc.context.register(descendant)], ToUnicode: toUnicode }),
  );
}
