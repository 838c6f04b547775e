/**
 * Rebuilds reading-order text lines from positioned PDF text runs. Pure (no pdfjs), so it
 * can be tested on hand-made runs. Coordinates are viewport coordinates: x to the right,
 * y DOWN the page, y at the baseline.
 *
 * What it does, per page: groups runs sharing a baseline into lines, orders each line by x,
 * splits a line into "fragments" where a wide gap separates table columns, rejoins a table
 * label wrapped over two lines (`Application` / `Received:`), drops running page headers and
 * footers, and marks paragraph gaps with one blank line. Page breaks add nothing.
 */

export interface TextRun {
  str: string;
  x: number;
  /** Baseline, measured down from the top of the page. */
  y: number;
  width: number;
  /** Font size in page units. */
  size: number;
  /** False for text at an angle (a diagonal "COPY" watermark, a rotated margin note). */
  upright?: boolean;
}

export interface PageText {
  runs: TextRun[];
  width: number;
  height: number;
}

export interface LaidOutText {
  lines: string[];
  /** 1-based page of each line. */
  pageOfLine: number[];
}

/** A run of text within one line with no column gap inside it. */
interface Fragment {
  x: number;
  end: number;
  text: string;
}

interface PageLine {
  /** Baseline of the first and of the last physical line merged into this one. */
  y: number;
  lastY: number;
  size: number;
  fragments: Fragment[];
}

/** Gaps wider than this many font sizes separate table columns. */
const COLUMN_GAP = 1.5;
/** Gaps wider than this many font sizes are word spaces. */
const WORD_GAP = 0.08;
/** Baselines closer than this many font sizes are the same line. */
const BASELINE_TOLERANCE = 0.35;
/** Table cells on baselines closer than this many font sizes, with no text above one another, are one row. */
const CELL_TOLERANCE = 0.5;
/** Running headers/footers live in this fraction of the page height at the top/bottom. */
const MARGIN_BAND = 0.08;

export function layoutPages(pages: readonly PageText[]): LaidOutText {
  const perPage = pages.map((p) => mergeWrappedLabels(mergeCentredLabels(groupLines(p.runs))));
  dropRunningHeaders(perPage, pages);
  const lines: string[] = [];
  const pageOfLine: number[] = [];
  perPage.forEach((pageLines, index) => {
    const spacing = typicalSpacing(pageLines);
    pageLines.forEach((line, i) => {
      const prev = pageLines[i - 1];
      if (prev && line.y - prev.lastY > spacing * 1.5 && lines.length && lines[lines.length - 1] !== '') {
        lines.push('');
        pageOfLine.push(index + 1);
      }
      lines.push(lineText(line));
      pageOfLine.push(index + 1);
    });
  });
  while (lines.length && lines[lines.length - 1] === '') {
    lines.pop();
    pageOfLine.pop();
  }
  return { lines, pageOfLine };
}

/** Groups runs by baseline (top to bottom) and each line's runs into fragments (left to right). */
function groupLines(runs: readonly TextRun[]): PageLine[] {
  // Text at an angle is not part of the letter's lines, unless the page has nothing else.
  const upright = runs.some((r) => r.upright !== false && r.str.trim() !== '') ? runs.filter((r) => r.upright !== false) : runs;
  const visible = upright
    .map((r) => ({ ...r, str: cleanRun(r.str) }))
    .filter((r) => r.str.trim() !== '' && Number.isFinite(r.x) && Number.isFinite(r.y));
  visible.sort((a, b) => a.y - b.y || a.x - b.x);
  const buckets: TextRun[][] = [];
  let bucket: TextRun[] = [];
  let bucketY = 0;
  for (const run of visible) {
    const size = run.size > 0 ? run.size : 10;
    if (bucket.length && Math.abs(run.y - bucketY) > BASELINE_TOLERANCE * size) {
      buckets.push(bucket);
      bucket = [];
    }
    if (!bucket.length) bucketY = run.y;
    bucket.push(run);
  }
  if (bucket.length) buckets.push(bucket);
  return joinOffsetCells(buckets).map(buildLine);
}

/**
 * Table cells whose baselines differ by up to half a font size (a value cell aligned
 * differently from its label cell) join one line, when no text of one sits above or below
 * text of the other: two lines of running text that close would overprint.
 */
function joinOffsetCells(buckets: TextRun[][]): TextRun[][] {
  const out: TextRun[][] = [];
  let top = 0;
  for (const b of buckets) {
    // Runs of a bucket come sorted by baseline: its first is the highest, its last the lowest.
    const [first, last] = [b[0], b[b.length - 1]];
    b.sort((r, q) => r.x - q.x);
    const a = out[out.length - 1];
    if (a && last.y - top < CELL_TOLERANCE * Math.max(sizeOf(a[0]), sizeOf(first)) && !overlapsX(a, b)) {
      for (const run of b) a.push(run); // not push(...b): a spread of 100,000 runs overflows the stack
      a.sort((r, q) => r.x - q.x);
    } else {
      out.push(b);
      top = first.y;
    }
  }
  return out;
}

const sizeOf = (run: TextRun): number => (run.size > 0 ? run.size : 10);

/** Whether any run of `a` shares x with a run of `b` (both sorted by x). */
function overlapsX(a: TextRun[], b: TextRun[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [r, q] = [a[i], b[j]];
    if (r.x < q.x + q.width && q.x < r.x + r.width) return true;
    if (r.x + r.width <= q.x + q.width) i++;
    else j++;
  }
  return false;
}

function buildLine(runs: TextRun[]): PageLine {
  runs.sort((a, b) => a.x - b.x);
  // A loop, not Math.max(...runs): a spread of 100,000 runs on one baseline overflows the stack.
  let size = -Infinity;
  for (const run of runs) size = Math.max(size, sizeOf(run));
  const fragments: Fragment[] = [];
  let current: Fragment | null = null;
  for (const run of withoutDoublePrints(runs, size)) {
    const gap = current ? run.x - current.end : 0;
    if (!current || gap > COLUMN_GAP * size) {
      current = { x: run.x, end: run.x + run.width, text: run.str.trim() };
      fragments.push(current);
    } else {
      // The text so far never ends in white space (it is trimmed) and no run is blank (those
      // were dropped), so trimming the run trims the joined text. Testing and trimming the
      // joined text itself flattened it on every run: quadratic on a line of many runs.
      const needsSpace = gap > WORD_GAP * size && !/^\s/.test(run.str);
      current.text += needsSpace ? ' ' + run.str.trim() : run.str.trimEnd();
      current.end = Math.max(current.end, run.x + run.width);
    }
  }
  const y = runs[0].y;
  return { y, lastY: y, size, fragments };
}

/**
 * Producers fake bold by printing text twice, slightly shifted; pdfjs may glue a shifted copy
 * to the next word (`CASE` at 125, `CASE SUMMARY` at 125.3, `SUMMARY` at 155.3). A run that
 * starts where the last kept one starts and extends its text replaces it; a run ending where
 * the last kept one ends, whose text that one ends with, is dropped; a run starting inside it
 * whose first characters repeat its last ones is joined to it without the repeat. Runs
 * sorted by x.
 */
function withoutDoublePrints(runs: readonly TextRun[], size: number): TextRun[] {
  const kept: TextRun[] = [];
  const slack = 0.2 * size;
  for (const run of runs) {
    const last = kept[kept.length - 1];
    const lastEnd = last ? last.x + last.width : 0;
    if (!last || run.x >= lastEnd - slack) kept.push(run);
    else if (Math.abs(run.x - last.x) < slack && bare(run.str).startsWith(bare(last.str))) kept[kept.length - 1] = run;
    else if (Math.abs(run.x + run.width - lastEnd) < slack && bare(last.str).endsWith(bare(run.str))) continue;
    else {
      const repeat = repeatedStart(last, run);
      kept[kept.length - 1] = repeat ? { ...last, str: last.str.trimEnd() + run.str.trimStart().slice(repeat), width: Math.max(lastEnd, run.x + run.width) - last.x } : last;
      if (!repeat) kept.push(run);
    }
  }
  return kept;
}

const bare = (str: string): string => str.replace(/\s+/g, '');

/**
 * How many leading characters of `run` (which starts inside `last`) print over the end of
 * `last`: the number its overlap's width suggests, give or take one, when `last` ends with
 * them; 0 when none fits.
 */
function repeatedStart(last: TextRun, run: TextRun): number {
  const a = last.str.trimEnd();
  const b = run.str.trimStart();
  if (!b.length || run.width <= 0) return 0;
  const estimate = Math.round(((last.x + last.width - run.x) / run.width) * b.length);
  for (let k = Math.min(b.length, estimate + 1); k >= Math.max(1, estimate - 1); k--) if (a.endsWith(b.slice(0, k))) return k;
  return 0;
}

/**
 * Control characters some producers leave in text go, and so do private-use characters (a
 * symbol font's bullet, U+F0B7 from Word); a soft hyphen (U+00AD) at the end of a run is the
 * hyphen printed at a line end, kept as `-` like any hyphenated line end.
 */
function cleanRun(str: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = str.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ue000-\uf8ff]/g, '');
  return plain.endsWith('\u00ad') ? plain.slice(0, -1).replace(/\u00ad/g, '') + '-' : plain.replace(/\u00ad/g, '');
}

/** One space after a label (`Case Number: CM16-...`), two between table columns. */
function lineText(line: PageLine): string {
  let out = '';
  // The text so far ends as the last fragment does (or in a space after an empty one): asking
  // `out` instead flattened it on every fragment, quadratic on a line of many fragments.
  let endsWithColon = false;
  for (const f of line.fragments) {
    if (out) out += endsWithColon ? ' ' : '  ';
    out += f.text;
    endsWithColon = f.text.endsWith(':');
  }
  return out;
}

const LABEL_START = /^[A-Za-z][A-Za-z ()'/&.-]{0,30}$/;
const LABEL_END = /^[A-Za-z][A-Za-z ()'/&.-]{0,30}:$/;

/**
 * A table label too wide for its cell wraps: `Application` on the row's line, `Received:`
 * under it at the same x. Rejoins the label on the line holding its value.
 */
function mergeWrappedLabels(lines: PageLine[]): PageLine[] {
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (b.y - a.lastY > 1.6 * Math.max(a.size, b.size)) continue;
    if (a.fragments.length < 2 && b.fragments.length < 2) continue;
    if (!mayBeHeaderRows(a, b)) continue;
    for (let k = 0; k < b.fragments.length; k++) {
      const fb = b.fragments[k];
      if (!LABEL_END.test(fb.text)) continue;
      const j = a.fragments.findIndex((fa) => Math.abs(fa.x - fb.x) <= 2 && LABEL_START.test(fa.text));
      if (j < 0) continue;
      const fa = a.fragments[j];
      const valueInA = j + 1 < a.fragments.length && !a.fragments[j + 1].text.endsWith(':');
      const valueInB = k + 1 < b.fragments.length && !b.fragments[k + 1].text.endsWith(':');
      if (valueInB && !valueInA) {
        fb.text = `${fa.text} ${fb.text}`;
        a.fragments.splice(j, 1);
      } else {
        fa.text = `${fa.text} ${fb.text}`;
        b.fragments.splice(k, 1);
        k--;
      }
    }
    if (b.fragments.length === 0) {
      a.lastY = b.lastY;
      lines.splice(i + 1, 1);
    }
    if (a.fragments.length === 0) {
      b.y = a.y;
      lines.splice(i, 1);
    }
  }
  return lines;
}

/**
 * Fragments in a row of a header table: a few dozen at most. Label merging compares every
 * fragment of one row with every fragment of the next, so rows with more (no header table,
 * a hostile page) are left alone: a line of 2,000 fragments cost 8 to 17 times a line of 500.
 */
const MAX_HEADER_ROW_FRAGMENTS = 64;

function mayBeHeaderRows(...rows: PageLine[]): boolean {
  return rows.every((row) => row.fragments.length <= MAX_HEADER_ROW_FRAGMENTS);
}

/**
 * The same wrapped label in a row whose other cells are centred vertically: `Application`
 * above the row's line, `Received:` below it, the value between them. Moves the whole
 * label onto the value's line.
 */
function mergeCentredLabels(lines: PageLine[]): PageLine[] {
  for (let i = 0; i + 2 < lines.length; i++) {
    const [a, b, c] = [lines[i], lines[i + 1], lines[i + 2]];
    if (c.y - a.lastY > 2.4 * Math.max(a.size, c.size)) continue;
    if (!mayBeHeaderRows(a, b, c)) continue;
    for (let k = 0; k < c.fragments.length; k++) {
      const fc = c.fragments[k];
      if (!LABEL_END.test(fc.text)) continue;
      const j = a.fragments.findIndex((fa) => Math.abs(fa.x - fc.x) <= 2 && LABEL_START.test(fa.text));
      if (j < 0) continue;
      const fa = a.fragments[j];
      const valueRight = b.fragments.some((f) => f.x > Math.max(fa.end, fc.end));
      const cellFree = !b.fragments.some((f) => f.end > fa.x - 2 && f.x < Math.max(fa.end, fc.end));
      if (!valueRight || !cellFree) continue;
      b.fragments.push({ x: fa.x, end: Math.max(fa.end, fc.end), text: `${fa.text} ${fc.text}` });
      b.fragments.sort((f, g) => f.x - g.x);
      a.fragments.splice(j, 1);
      c.fragments.splice(k, 1);
      k--;
    }
    if (c.fragments.length === 0) {
      b.lastY = c.lastY;
      lines.splice(i + 2, 1);
    }
    if (a.fragments.length === 0) {
      b.y = a.y;
      lines.splice(i, 1);
    }
  }
  return lines;
}

const PAGE_NUMBER = /^(?:page\s*#+(?:\s*(?:of|\/)\s*#+)?|#+\s*(?:of|\/)\s*#+|-\s*#+\s*-|#+)$/;
/** Lines that belong to a letter even when they repeat at the top of pages (bulk exports, an item's first lines). */
const LETTER_CONTENT = /^(?:HOW THE IMR|CLINICAL CASE SUMMARY|IMR ISSUES|IMR DECISION|DOCUMENTS REVIEWED|MAXIMUS FEDERAL SERVICES|Notice of Independent Medical Review|INDEPENDENT MEDICAL REVIEW|MEDICAL PROFESSIONAL REVIEW|Claims Administrator guideline|MAXIMUS guideline|Decision rationale)/;
const CASE_LABEL = /\bcase (?:number|no)\b/i;

const exactKey = (line: PageLine): string => lineText(line).replace(/\s+/g, ' ').trim();
const digitsKey = (line: PageLine): string => exactKey(line).toLowerCase().replace(/\d+/g, '#');

/**
 * Numbered page furniture, numbers masked as `#`: a page named with its number ("Page 2",
 * "1 | Page", "Page: 2 of 5", "Pg. 2"), "2/6" or "2 of 6" closing a line ("IMR Final
 * Determination 2/6"), a date and a page number ("06/01/2015 2"), or a fax header.
 */
const NUMBERED_FURNITURE = /\b(?:page|pg)\.?\s*:?\s*#|#\s*\|?\s*(?:page|pg)\b|#\s*(?:of|\/)\s*#$|^#\/#\/# #$|\bfax\b/;
/** Outcome words, and a heading's closing colon: never in a page's furniture. */
const ITEM_TEXT = /\b(?:upheld|overturned|uphold|overturn)\b|:$/i;

/** A line that may be a header or footer: short, and not the text of an item or a section heading. */
function mayBeFurniture(text: string): boolean {
  return text.length <= 80 && !LETTER_CONTENT.test(text) && !ITEM_TEXT.test(text);
}

/** A page number may also sit further in: as a page's first or last line within this fraction of the page height. */
const PAGE_NUMBER_BAND = 0.2;
/** Case numbers (`CM16-0213037`, `13-000004`) in a running header: not page numbers or years. */
const CASE_NUMBER = /\b[A-Z]*\d[\w-]{4,}/g;

type Band = 'top' | 'bottom' | null;

/**
 * Running headers and footers. In the top or bottom margin band: a page number (`Page 2 of
 * 4`, `- 2 -`), a line repeated word for word on two or more pages, or a line naming the
 * page or a fax that repeats but for its numbers (`Page 2 of 4  CM16-0213037`, a fax
 * machine's header), or a one-word footer that does (a Bates number). A page number is also
 * dropped as a page's first or last line a little further in (a footer set high above a deep
 * bottom margin), and so is such an edge line repeated on two or more pages: numbered page
 * furniture but for its numbers, or word for word when set apart from the text by a wider gap. Case numbers differ between letters of a bulk export, so those lines stay;
 * a running `Case Number: ...` header is kept once, where its case number first appears, and
 * dropped when the letter's own header table already gave it, repeated or not.
 */
function dropRunningHeaders(perPage: PageLine[][], pages: readonly PageText[]): void {
  const band = (line: PageLine, page: PageText, fraction: number): Band =>
    line.y < page.height * fraction ? 'top' : line.y > page.height * (1 - fraction) ? 'bottom' : null;
  const exact = new Map<string, number>();
  const digits = new Map<string, number>();
  perPage.forEach((lines, p) => {
    const seenHere = new Set<string>();
    for (const line of lines) {
      const where = band(line, pages[p], MARGIN_BAND);
      if (!where) continue;
      for (const [map, key] of [
        [exact, `${where}|${exactKey(line)}`],
        [digits, `${where}|${digitsKey(line)}`],
      ] as const) {
        if (seenHere.has(key)) continue;
        seenHere.add(key);
        map.set(key, (map.get(key) ?? 0) + 1);
      }
    }
  });
  // A page's first and last lines a little further in (within PAGE_NUMBER_BAND), by their
  // text with numbers masked: a header or footer set inside the margin band's edge repeats there.
  const edges = new Map<string, number>();
  perPage.forEach((lines, p) => {
    for (const i of new Set([0, lines.length - 1])) {
      const where = lines[i] ? band(lines[i], pages[p], PAGE_NUMBER_BAND) : null;
      if (!where) continue;
      const key = `${where}|${digitsKey(lines[i])}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  });
  const caseNumbersSeen = new Set<string>();
  perPage.forEach((lines, p) => {
    perPage[p] = lines.filter((line, i) => {
      const text = exactKey(line);
      const caseNumbers = CASE_LABEL.test(text) ? (text.match(CASE_NUMBER) ?? []) : [];
      const outer = i === 0 || i === lines.length - 1 ? band(line, pages[p], PAGE_NUMBER_BAND) : null;
      const loose = digitsKey(line);
      if (outer && PAGE_NUMBER.test(loose)) return false;
      // "IMR Final Determination 2/6", "1 | Page", "06/01/2015  2": the same line but for its
      // numbers, at the same edge of two or more pages.
      if (outer && caseNumbers.length === 0 && (edges.get(`${outer}|${loose}`) ?? 0) >= 2) {
        if (NUMBERED_FURNITURE.test(loose) && mayBeFurniture(text)) return false;
        // Without a number ("Independent Medical Review - Final Determination Letter"), only a
        // line set apart from the page's text, as headers and footers are: a sentence of the
        // letter may begin two pages word for word.
        if (!loose.includes('#') && mayBeFurniture(text) && setApart(lines, i)) return false;
      }
      const keep = keepInMargin(line, text, band(line, pages[p], MARGIN_BAND), caseNumbers);
      if (keep) for (const n of caseNumbers) caseNumbersSeen.add(n);
      return keep;
    });
  });

  function keepInMargin(line: PageLine, text: string, where: Band, caseNumbers: string[]): boolean {
    if (!where) return true;
    const loose = digitsKey(line);
    if (PAGE_NUMBER.test(loose)) return false;
    if (LETTER_CONTENT.test(text)) return true;
    // A running case header on page 2 only (a first page with its own header) repeats nothing.
    if (caseNumbers.length > 0 && caseNumbers.every((n) => caseNumbersSeen.has(n))) return false;
    // Lines that differ from page to page only in their numbers: page and fax headers, and a
    // footer of one word (a Bates number, `IMR000123`). Other lines that differ only in their
    // numbers stay: they may be the letter's own ("Page(s): 61-66." at the top of two pages).
    const numbered = NUMBERED_FURNITURE.test(loose) || (where === 'bottom' && !/\s/.test(text));
    const repeated = (exact.get(`${where}|${text}`) ?? 0) >= 2 || (numbered && (digits.get(`${where}|${loose}`) ?? 0) >= 2);
    return !repeated || caseNumbers.length > 0;
  }
}

/** True when a page's first or last line is further from its neighbour than twice the page's usual line spacing. */
function setApart(lines: readonly PageLine[], i: number): boolean {
  if (lines.length < 3) return false;
  const gap = i === 0 ? lines[1].y - lines[0].lastY : lines[i].y - lines[i - 1].lastY;
  return gap > 2 * typicalSpacing(lines);
}

/** The usual baseline-to-baseline distance on a page (lower quartile of the small gaps: most gaps are within paragraphs). */
function typicalSpacing(lines: readonly PageLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i].y - lines[i - 1].lastY;
    if (gap > 0 && gap < 3 * lines[i].size) gaps.push(gap);
  }
  if (!gaps.length) return (lines[0]?.size ?? 10) * 1.2;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 4)];
}
