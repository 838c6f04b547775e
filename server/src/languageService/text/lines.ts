/**
 * Splits a text into lines the way LSP counts them (\r\n, \n or \r end a line) and gives
 * each line a "clean" form for matching: extraction noise (BOM, NBSP, form feeds, tabs,
 * curly quotes) folded to plain ASCII and surrounding spaces trimmed. Matching is done on
 * the clean form; ranges always point into the raw text.
 */
import type { Range } from 'vscode-languageserver-types';

/**
 * One line of the text. Most lines are plain ASCII whose written form is `clean` with
 * spaces around it: such a line keeps no copy of its written form, and `rawOf` builds it
 * when asked (the table holds one string per line, not two). Lines are plain object
 * literals, not class instances: V8 then allocates the table straight into the old
 * generation instead of copying it through every young-generation collection.
 */
export interface Line {
  /** 0-based line number. */
  index: number;
  /** Noise folded and trimmed; '' for a blank line. */
  clean: string;
  /**
   * Code of the first clean character, -1 for a blank line. Tests that rule most lines out by
   * their first character read it here: indexing `clean`, a slice of the text, costs several
   * times more, on every line of every pass.
   */
  first: number;
  /** Character in the raw line where the clean text starts (first non-space). */
  start: number;
  /** Character in the raw line just after the clean text ends (last non-space + 1). */
  end: number;
  /** The line as written when it is more than `clean` between spaces; else its length (see rawOf). */
  written: string | number;
}

/**
 * True for a line with no clean text. Reads `first`, not `clean`: the line object is often in
 * cache where its string is not (scans back over blank lines touch many lines once).
 */
export function isBlank(line: Line): boolean {
  return line.first < 0;
}

/** The line as written, without its terminator. */
export function rawOf(line: Line): string {
  const w = line.written;
  if (typeof w === 'string') return w;
  return line.start === 0 && line.end === w ? line.clean : spaces(line.start) + line.clean + spaces(w - line.end);
}

/** True when the raw line is `clean` between plain spaces: `clean` can be read in its place (shifted by `start`). */
export function isPlain(line: Line): boolean {
  return typeof line.written === 'number';
}

/** rawOf(line).slice(from, to), without building the raw line when the slice lies within the clean text. */
export function rawSlice(line: Line, from: number, to: number): string {
  const w = line.written;
  if (typeof w === 'string') return w.slice(from, to);
  return from >= line.start && to <= line.end ? line.clean.slice(from - line.start, to - line.start) : rawOf(line).slice(from, to);
}

/** Length of the raw line, without building it. */
export function rawLength(line: Line): number {
  const w = line.written;
  return typeof w === 'string' ? w.length : w;
}

const SPACES: string[] = [];
for (let n = 0; n < 64; n++) SPACES.push(' '.repeat(n));
function spaces(n: number): string {
  return n < SPACES.length ? SPACES[n] : ' '.repeat(n);
}

/**
 * What a character of extraction noise folds to: spaces of every width, tabs, form feeds and
 * the BOM to a space; typographic quotes and primes to ASCII quotes; dashes to a hyphen; a soft
 * hyphen to a space. Undefined for a character kept as it is.
 */
function foldedChar(c: number): string | undefined {
  if (c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xad || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return ' ';
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2032) return "'";
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x2033) return '"';
  if (c >= 0x2010 && c <= 0x2014) return '-';
  return undefined;
}

/** Folds extraction noise to plain characters without changing the string's length. */
export function foldNoise(raw: string): string {
  // Every replacement is one UTF-16 unit for one, so character positions in the folded
  // string equal positions in the raw one. One pass over the characters: regex replaces,
  // one per class of noise, cost several times more on these short lines.
  let folded: string | undefined;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 32 && c < 127) continue;
    const to = foldedChar(c);
    if (to === undefined) continue;
    folded = (folded ?? '') + raw.slice(from, i) + to;
    from = i + 1;
  }
  return folded === undefined ? raw : folded + raw.slice(from);
}

/** Characters that need folding or trimming beyond plain ASCII spaces. */
const NEEDS_FOLD = /[^\x20-\x7e]/;

export function makeLine(index: number, raw: string): Line {
  const n = raw.length;
  if (n === 0) return { index, clean: '', first: -1, start: 0, end: 0, written: 0 };
  // Fast path: plain printable ASCII needs only trimming (most lines of most letters).
  const folded = NEEDS_FOLD.test(raw) ? foldNoise(raw) : raw;
  let start = 0;
  let end = n;
  while (start < end && folded.charCodeAt(start) <= 32) start++;
  while (end > start && folded.charCodeAt(end - 1) <= 32) end--;
  const clean = start === 0 && end === n ? folded : folded.slice(start, end);
  return { index, clean, first: start < end ? folded.charCodeAt(start) : -1, start, end, written: raw };
}

/**
 * A character that ends a line or needs folding (NEEDS_FOLD, line ends included): one regex
 * scan of the text finds both, faster than a search per line end plus one for folding.
 */
const LINE_END_OR_FOLD = /[^\x20-\x7e]/g;

/** makeLine(index, text.slice(from, to)) for a line known to hold only printable ASCII: trims on `text` itself, keeps no copy of the line. */
function plainLine(index: number, text: string, from: number, to: number): Line {
  let start = from;
  let end = to;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const blank = start === end;
  return { index, clean: blank ? '' : text.slice(start, end), first: blank ? -1 : text.charCodeAt(start), start: start - from, end: end - from, written: to - from };
}

/** Splits `text` into lines; a text always has at least one line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const scan = LINE_END_OR_FOLD;
  scan.lastIndex = 0;
  let lineStart = 0;
  // The current line holds a character that needs folding.
  let fold = false;
  while (scan.test(text)) {
    const at = scan.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c !== 10 && c !== 13) {
      fold = true;
      continue;
    }
    let after = at + 1;
    if (c === 13 && text.charCodeAt(after) === 10) scan.lastIndex = ++after;
    lines.push(fold ? makeLine(lines.length, text.slice(lineStart, at)) : plainLine(lines.length, text, lineStart, at));
    lineStart = after;
    fold = false;
  }
  lines.push(fold ? makeLine(lines.length, text.slice(lineStart)) : plainLine(lines.length, text, lineStart, text.length));
  return lines;
}

/** Character just after the first colon of a line (a label's end); 0 when it has none. */
export function afterColon(line: Line): number {
  // Folding keeps every character's place and never makes or removes a colon: look in the clean text.
  const colon = line.clean.indexOf(':');
  return colon < 0 ? 0 : line.start + colon + 1;
}

/** The range of a line's clean text. */
export function lineRange(line: Line): Range {
  return { start: { line: line.index, character: line.start }, end: { line: line.index, character: line.end } };
}

/** A range from the first clean character of `first` to the last of `last`. */
export function spanRange(first: Line, last: Line): Range {
  return { start: { line: first.index, character: first.start }, end: { line: last.index, character: last.end } };
}

/**
 * A range with positions of its own. What is kept past the version it was read from takes a
 * copy: a letter's positions are moved in place when an edit above it adds or removes lines
 * (incremental/shift.ts).
 */
export function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** A range inside one line, from raw character `from` to `to`. */
export function inLine(line: Line, from: number, to: number): Range {
  return { start: { line: line.index, character: from }, end: { line: line.index, character: to } };
}

const PAGE_NUMBER = /^Page \d{1,4}(?: of \d{1,4})?/i;
const FOOTER = /^Final Determination Letter for IMR Case Number\b/i;
/** The case number alone, or with the page number after it ("CM15-0141877 2", "... Page 2 of 3"). */
const CASE_ALONE = /^CM\d{2}-\d{4,7}(?:\s+(?:Page )?\d{1,4}(?: of \d{1,4})?)?$/i;
/** A fax machine's banner: date and time first, FAX in it ("08/24/2015 15:42 FAX 9165550142 MAXIMUS @002/004"). */
const FAX_DATE_TIME = /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\s+\d{1,2}:\d{2}\b/;
const FAX_WORD = /\bFAX\b/i;
/** A running header: the case number under its label, then at most a name or a page number. */
const RUNNING_HEADER = /^(?:IMR )?Case (?:Number|No\.?|#)\s*:?\s*CM\d{2}-\d{4,7}\b(?:\s+[A-Za-z ,.'-]{1,60}|\s+Page \d{1,4}(?: of \d{1,4})?)?$/i;

/**
 * Page furniture a PDF repeats on every page ("Page 2 of 5", "Final Determination Letter for
 * IMR Case Number CM16-0213037", the case number alone or with its page number, a lone page
 * number, a page number and the footer on one row, or a fax machine's banner). It can fall between an item's heading and its guideline lines,
 * or inside a wrapped heading, so block readers skip it like a blank line.
 */
export function isPageFurniture(clean: string, c = clean.charCodeAt(0)): boolean {
  const n = clean.length;
  if (n === 0 || n > 120) return false;
  if (c >= 48 && c <= 57) return n <= 3 ? /^\d+$/.test(clean) : FAX_DATE_TIME.test(clean) && FAX_WORD.test(clean);
  if (c === 80 || c === 112) {
    const page = PAGE_NUMBER.exec(clean);
    if (!page) return false;
    const rest = clean.slice(page[0].length).trimStart();
    return rest === '' || FOOTER.test(rest) || CASE_ALONE.test(rest);
  }
  if (c === 70) return FOOTER.test(clean);
  if (c === 67 || c === 99) return CASE_ALONE.test(clean) || RUNNING_HEADER.test(clean);
  if (c === 73) return RUNNING_HEADER.test(clean);
  if (c === 45) return /^- ?\d{1,4} ?-$/.test(clean);
  return false;
}
