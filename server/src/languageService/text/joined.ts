/**
 * Joins the clean text of several lines into one string (one space between lines, none
 * after a line-end hyphen) while remembering where each character came from, so a match
 * found in the joined text maps back to an exact range in the document.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Line } from './lines';

interface Segment {
  /** Offset of this line's first character in the joined text. */
  at: number;
  line: number;
  /** Raw character of the line where the segment starts. */
  from: number;
  length: number;
}

export class JoinedText {
  readonly text: string;
  private readonly segments: Segment[];

  constructor(lines: readonly Line[], firstLineFrom?: number) {
    const parts: string[] = [];
    const segments: Segment[] = [];
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.clean === '') continue;
      let from = line.start;
      let piece = line.clean;
      if (i === 0 && firstLineFrom !== undefined && firstLineFrom > line.start) {
        // Start part-way along the first line (after a label, say); skip leading spaces.
        from = firstLineFrom;
        piece = line.raw.slice(from, line.end);
        const lead = piece.length - piece.trimStart().length;
        from += lead;
        piece = line.clean.slice(from - line.start);
        if (piece === '') continue;
      }
      if (parts.length > 0) {
        const prev = parts[parts.length - 1];
        const hyphenJoin = /[A-Za-z0-9]-$/.test(prev) && /^[A-Za-z0-9]/.test(piece);
        if (!hyphenJoin) {
          parts.push(' ');
          at += 1;
        }
      }
      segments.push({ at, line: line.index, from, length: piece.length });
      parts.push(piece);
      at += piece.length;
    }
    this.text = parts.join('');
    this.segments = segments;
  }

  get isEmpty(): boolean {
    return this.segments.length === 0;
  }

  /** The document position of joined-text offset `offset` (clamped into the text). */
  positionAt(offset: number): Position {
    const segs = this.segments;
    if (segs.length === 0) return { line: 0, character: 0 };
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].at <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo];
    const within = Math.max(0, Math.min(offset - seg.at, seg.length));
    return { line: seg.line, character: seg.from + within };
  }

  /** The document range of joined-text span [from, to). */
  rangeOf(from: number, to: number): Range {
    const start = this.positionAt(from);
    // Map the last character, then step past it, so a span ending at a line end stays on that line.
    const last = this.positionAt(Math.max(from, to - 1));
    return { start, end: { line: last.line, character: to > from ? last.character + 1 : last.character } };
  }

  /** The range of the whole joined text. */
  fullRange(): Range {
    return this.rangeOf(0, this.text.length);
  }
}

/** Collapses runs of spaces for display. */
export function collapseSpaces(s: string): string {
  // Joined text holds only plain spaces (clean lines fold tabs and NBSP): skip the regex when it has no runs.
  if (s.indexOf('  ') < 0 && !/[\t\n\r\f\v\u00a0]/.test(s)) return s.trim();
  return s.replace(/\s{2,}/g, ' ').trim();
}
