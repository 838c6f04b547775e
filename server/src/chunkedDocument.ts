/**
 * The server's open documents, kept as pieces of whole lines instead of one string. With one
 * string (vscode-languageserver-textdocument), every edit of a 10 MB letter file makes a new
 * 10 MB string (20 MB beyond Latin-1), and a burst of typing leaves one such copy per
 * keystroke for V8 to collect. Here an edit replaces the one piece it falls in, and the
 * language service reads the new version from the pieces (`getTextChunks`).
 *
 * Positions and edits behave as in vscode-languageserver-textdocument's TextDocument.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { lastAtOrBefore } from './languageService/text/search';

/** Pieces are cut at the first line end after this many characters, once longer than twice it. */
const PIECE = 1 << 14;

const LF = 10;
const CR = 13;

/** Each piece but the last ends with a line break, and no piece ends with \r when the next starts with \n. */
export class ChunkedDocument implements TextDocument {
  private chunks: string[];
  /** Line breaks in each piece. */
  private breaks: number[];
  /** Offset and line where each piece starts. */
  private starts: number[] = [];
  private firstLines: number[] = [];
  private total = 0;
  private lines = 1;
  /** The text as opened, until the first edit: returned as is instead of joining the pieces. */
  private whole: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private current: number,
    content: string,
    /** Tests make it small to get many pieces from short texts. */
    private readonly piece = PIECE,
  ) {
    this.whole = content;
    this.chunks = cut(content, piece);
    this.breaks = this.chunks.map(countBreaks);
    this.index();
  }

  get version(): number {
    return this.current;
  }

  get lineCount(): number {
    return this.lines;
  }

  /** The pieces of this version; an edit makes a new list, so a version's list never changes. */
  getTextChunks(): readonly string[] {
    return this.chunks;
  }

  getText(range?: Range): string {
    if (!range) return this.whole ?? this.chunks.join('');
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return this.slice(Math.min(a, b), Math.max(a, b));
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines) return this.total;
    if (position.line < 0) return 0;
    const k = lastAtOrBefore(this.firstLines, position.line);
    const chunk = this.chunks[k];
    const start = lineStartIn(chunk, position.line - this.firstLines[k]);
    if (position.character <= 0) return this.starts[k] + start;
    return this.starts[k] + Math.min(start + position.character, lineEndIn(chunk, start));
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.total));
    const k = lastAtOrBefore(this.starts, offset);
    const chunk = this.chunks[k];
    const local = offset - this.starts[k];
    let line = this.firstLines[k];
    let start = 0;
    for (let i = 0; i < local; i++) {
      const c = chunk.charCodeAt(i);
      // A break wholly before the offset ends a line (an offset inside \r\n stays on its line).
      if (c === LF || (c === CR && chunk.charCodeAt(i + 1) !== LF)) {
        line++;
        start = i + 1;
      }
    }
    return { line, character: Math.min(local, lineEndIn(chunk, start)) - start };
  }

  /** Applies the changes in order, as TextDocument.update does, and sets the version. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) this.replace(change.range, change.text);
      else {
        this.whole = change.text;
        this.chunks = cut(change.text, this.piece);
        this.breaks = this.chunks.map(countBreaks);
        this.index();
      }
    }
    this.current = version;
  }

  private replace(range: Range, text: string): void {
    const [from, to] = ordered(this.offsetAt(range.start), this.offsetAt(range.end));
    let first = lastAtOrBefore(this.starts, from);
    let last = Math.max(first, lastBefore(this.starts, to));
    let middle = this.chunks[first].slice(0, from - this.starts[first]) + text + this.chunks[last].slice(to - this.starts[last]);
    // Keep every piece ending at a line end, and \r\n within one piece.
    while (last + 1 < this.chunks.length && (!endsWithBreak(middle) || (middle.charCodeAt(middle.length - 1) === CR && this.chunks[last + 1].charCodeAt(0) === LF))) {
      middle += this.chunks[++last];
    }
    if (first > 0 && middle.charCodeAt(0) === LF && this.chunks[first - 1].endsWith('\r')) middle = this.chunks[--first] + middle;
    const pieces = middle === '' && this.chunks.length > last - first + 1 ? [] : cut(middle, this.piece);
    // A new list: the language service compares this version's list with the last one's.
    this.chunks = [...this.chunks.slice(0, first), ...pieces, ...this.chunks.slice(last + 1)];
    this.breaks = [...this.breaks.slice(0, first), ...pieces.map(countBreaks), ...this.breaks.slice(last + 1)];
    this.whole = undefined;
    this.index();
  }

  private slice(from: number, to: number): string {
    if (from >= to) return '';
    const first = lastAtOrBefore(this.starts, from);
    const last = lastBefore(this.starts, to);
    let out = this.chunks[first].slice(from - this.starts[first], to - this.starts[first]);
    for (let k = first + 1; k <= last; k++) out += this.chunks[k].slice(0, to - this.starts[k]);
    return out;
  }

  private index(): void {
    const n = this.chunks.length;
    this.starts = new Array<number>(n);
    this.firstLines = new Array<number>(n);
    let offset = 0;
    let line = 0;
    for (let k = 0; k < n; k++) {
      this.starts[k] = offset;
      this.firstLines[k] = line;
      offset += this.chunks[k].length;
      line += this.breaks[k];
    }
    this.total = offset;
    this.lines = line + 1;
  }
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** Index of the last element < value (0 when none is): the piece holding the character before `value`. */
function lastBefore(sorted: readonly number[], value: number): number {
  return lastAtOrBefore(sorted, value - 1);
}

function endsWithBreak(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === LF || c === CR;
}

/** Where the `line`-th line of a piece starts (the piece's length when it has fewer lines). */
function lineStartIn(chunk: string, line: number): number {
  let at = 0;
  for (let n = 0; n < line && at < chunk.length; n++) {
    const end = lineEndIn(chunk, at);
    at = end + (chunk.charCodeAt(end) === CR && chunk.charCodeAt(end + 1) === LF ? 2 : 1);
  }
  return Math.min(at, chunk.length);
}

/** Where the line starting at `start` ends, before its line break (a loop: lines are short, pieces are not). */
function lineEndIn(chunk: string, start: number): number {
  let i = start;
  while (i < chunk.length) {
    const c = chunk.charCodeAt(i);
    if (c === LF || c === CR) return i;
    i++;
  }
  return i;
}

function countBreaks(s: string): number {
  let n = 0;
  for (let at = s.indexOf('\n'); at >= 0; at = s.indexOf('\n', at + 1)) n++;
  for (let at = s.indexOf('\r'); at >= 0; at = s.indexOf('\r', at + 1)) if (s.charCodeAt(at + 1) !== LF) n++;
  return n;
}

/** Cuts a text into pieces of whole lines of about `piece` characters (a long line stays whole). */
function cut(text: string, piece: number): string[] {
  if (text.length <= 2 * piece) return [text];
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > 2 * piece) {
    const end = lineEndIn(text, from + piece);
    if (end >= text.length) break;
    const next = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    pieces.push(text.slice(from, next));
    from = next;
  }
  pieces.push(text.slice(from));
  return pieces;
}
