/**
 * Joins the clean text of several lines into one string (one space between lines, none
 * after a line-end hyphen) while remembering where each character came from, so a match
 * found in the joined text maps back to an exact range in the document.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { isBlank, type Line } from './lines';
import { lastAtOrBefore } from './search';

const NO_OFFSETS: readonly number[] = [];

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export class JoinedText {
  readonly text: string;
  // One entry per joined piece, as two parallel arrays to keep allocation low: its offset in
  // the joined text and its line. A piece runs from its line's clean start (`headFrom` for
  // the first piece, which may start after a label) to its line's clean end.
  private readonly at: number[];
  private readonly pieces: Line[];
  /** How many of `at` and `pieces` are used (the rest of the arrays, sized for every line, is empty). */
  private readonly count: number;
  private readonly headFrom: number = 0;
  /**
   * Offsets in `text` of the hyphens that ended a line and were joined to the next line's
   * piece without a space (`medi-` / `cally`), in order; empty when there is none.
   */
  readonly lineEndHyphens: readonly number[] = NO_OFFSETS;

  /** Joins `lines[lo]`..`lines[hi - 1]` (all of them by default; a range saves callers a copy). */
  constructor(lines: readonly Line[], firstLineFrom?: number, lo = 0, hi = lines.length) {
    // Pieces and separators, joined once at the end into one flat string (concatenating
    // line by line built a rope that every later search had to flatten), with the joined
    // length and last two characters so far. The arrays are sized for every line up front
    // and never cut (join reads the empty slots as ''; the pieces are counted): growing them
    // piece by piece reallocated them several times, and cutting them cost a runtime call each.
    const n = Math.max(0, hi - lo);
    const parts = new Array<string>(2 * n);
    const at = new Array<number>(n);
    const pieces = new Array<Line>(n);
    let count = 0;
    let used = 0;
    let length = 0;
    let last = 0;
    let beforeLast = 0;
    for (let i = lo; i < hi; i++) {
      const line = lines[i];
      if (isBlank(line)) continue;
      let from = line.start;
      let piece = line.clean;
      if (i === lo && firstLineFrom !== undefined && firstLineFrom > line.start) {
        // Start part-way along the first line (after a label, say); skip leading spaces.
        from = Math.min(firstLineFrom, line.end);
        while (from < line.end && piece.charCodeAt(from - line.start) <= 32) from++;
        if (from >= line.end) continue;
        piece = piece.slice(from - line.start);
      }
      if (length > 0) {
        // A line ending in a hyphen after a letter or digit joins the next without a space (`Non-` / `MTUS`).
        const hyphenJoin = last === 45 && length > 1 && isAlnum(beforeLast) && isAlnum(piece.charCodeAt(0));
        if (!hyphenJoin) {
          parts[used++] = ' ';
          length++;
          last = 32;
        } else {
          if (this.lineEndHyphens === NO_OFFSETS) this.lineEndHyphens = [];
          (this.lineEndHyphens as number[]).push(length - 1);
        }
      } else this.headFrom = from;
      at[count] = length;
      pieces[count++] = line;
      parts[used++] = piece;
      length += piece.length;
      beforeLast = piece.length > 1 ? piece.charCodeAt(piece.length - 2) : last;
      last = piece.charCodeAt(piece.length - 1);
    }
    this.at = at;
    this.pieces = pieces;
    this.count = count;
    this.text = used === 0 ? '' : used === 1 ? parts[0] : parts.join('');
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** The document position of joined-text offset `offset` (clamped into the text). */
  positionAt(offset: number): Position {
    if (this.count === 0) return { line: 0, character: 0 };
    const lo = lastAtOrBefore(this.at, offset, this.count);
    return { line: this.pieces[lo].index, character: this.characterAt(lo, offset) };
  }

  /** The character within its line of offset `offset`, which lies in piece `lo`. */
  private characterAt(lo: number, offset: number): number {
    const piece = this.pieces[lo];
    const from = lo === 0 ? this.headFrom : piece.start;
    return from + Math.max(0, Math.min(offset - this.at[lo], piece.end - from));
  }

  /** The document range of joined-text span [from, to). */
  rangeOf(from: number, to: number): Range {
    const start = this.positionAt(from);
    if (this.count === 0) return { start, end: { line: 0, character: to > from ? 1 : 0 } };
    // Map the last character, then step past it, so a span ending at a line end stays on that line.
    const last = Math.max(from, to - 1);
    const lo = lastAtOrBefore(this.at, last, this.count);
    const character = this.characterAt(lo, last);
    return { start, end: { line: this.pieces[lo].index, character: to > from ? character + 1 : character } };
  }

  /** The range of the whole joined text. */
  fullRange(): Range {
    return this.rangeOf(0, this.text.length);
  }
}

/** Collapses runs of spaces for display. */
export function collapseSpaces(s: string): string {
  // Most strings hold no run: test for one before building a replaced copy.
  return (WHITESPACE_PAIR.test(s) ? s.replace(WHITESPACE_RUN, ' ') : s).trim();
}

const WHITESPACE_PAIR = /\s\s/;
const WHITESPACE_RUN = /\s{2,}/g;

/**
 * Runs of plain spaces made one, skipping the work when there is none: collapseSpaces for
 * joined text and clean lines, which hold only plain spaces (clean lines fold tabs, NBSP and
 * form feeds) and start and end with a non-space.
 */
export function collapseJoined(s: string): string {
  // A regex finds the pair several times faster than indexOf('  ') does on two-byte text.
  if (!DOUBLE_SPACE.test(s)) return s;
  return s.replace(SPACE_RUN, ' ');
}

const DOUBLE_SPACE = / {2}/;
const SPACE_RUN = / {2,}/g;

/** Whitespace that `s.replace(/\s+/g, ' ')` would change: a run of two, or any but a plain space. */
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

/** `s.replace(/\s+/g, ' ')`, skipping the replace (slow on many short strings) when it would change nothing. */
export function singleSpaced(s: string): string {
  return IRREGULAR_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
}
