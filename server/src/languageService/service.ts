/**
 * The language service: the one object the server, the CLI and the tests talk to.
 * Text in, plain data or LSP types out; no connection, no `vscode`. Parses (and lines,
 * diagnostics, folding, symbols) are cached per document version so every feature of one
 * version shares one parse.
 *
 * A letter an edit did not touch is carried into the next version's parse as the same
 * object, its positions moved in place when the edit added or removed lines above it
 * (incremental/shift.ts). So every result that holds positions is handed out as a copy
 * (`ownPositions`): a reply may be written out after the next edit has been read.
 */
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  SelectionRange,
  TextEdit,
} from 'vscode-languageserver-types';
import type { ParsedDocument } from './model';
import { parseDocument, parseLines, lettersAt, type LetterSpan } from './parser/parseDocument';
import { splitLines, rawLength, type Line } from './text/lines';
import { computeDiagnostics, letterDiagnostics, sortAndDedupe, type RuleSettings } from './features/diagnostics';
import { lineStarts, updateLines } from './incremental/lineDiff';
import { ChunkedText, type TextSource } from './incremental/chunkedText';
import { reparse, type Carried } from './incremental/reparse';
import { findMarks, type Marks } from './incremental/marks';
import { shiftDiagnostics, ownPositions } from './incremental/shift';
import { getDocumentSymbols, MAX_SYMBOLS } from './features/documentSymbols';
import { getHover } from './features/hover';
import { getFoldingRanges } from './features/folding';
import { getSelectionRanges } from './features/selectionRanges';
import { getCodeActions } from './features/codeActions';
import { getCompletions } from './features/completion';
import { formatDocument, formatRange } from './features/formatting';
import { getCodeLenses } from './features/codeLens';
import { getDocumentHighlights } from './features/documentHighlights';

/** The least a document must offer (a vscode-languageserver-textdocument TextDocument fits). */
export interface LetterDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /**
   * The text in pieces, when the document keeps it so (server/src/chunkedDocument.ts): an
   * edit is then read from the pieces it changed, without joining the whole text.
   */
  getTextChunks?(): readonly string[];
}

/** Lets long requests stop early (an LSP CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface LanguageServiceOptions {
  rules?: RuleSettings;
  maxOutlineItems?: number;
}

interface CacheEntry {
  version: number;
  text: TextSource;
  parsed: ParsedDocument;
  lines: Line[];
  /** Where each letter lies; with `lines`, what the next version's incremental parse starts from. */
  spans: LetterSpan[];
  /** What `spans` were found from, so the next version finds them again only near its edit. */
  marks?: Marks;
  /** Offsets of the line starts: from the previous version's after an edit, else computed when the next version needs them. */
  starts?: number[];
  /** Per letter, unsorted: what the next version reuses for the letters it carries over. */
  letterDiagnostics?: Diagnostic[][];
  /** Letters carried over from the previous version, and that version's per-letter diagnostics. */
  carry?: { carried: Array<Carried | null>; diagnostics: Diagnostic[][] };
  diagnostics?: Diagnostic[];
  symbols?: DocumentSymbol[];
  folding?: FoldingRange[];
}

const never: Cancellation = { isCancellationRequested: false };

export class LanguageService {
  private readonly cache = new Map<string, CacheEntry>();
  private rules: RuleSettings;
  private maxOutlineItems: number;

  constructor(options: LanguageServiceOptions = {}) {
    this.rules = options.rules ?? {};
    this.maxOutlineItems = options.maxOutlineItems ?? MAX_SYMBOLS;
  }

  setRuleSettings(rules: RuleSettings): void {
    this.rules = rules;
    for (const entry of this.cache.values()) {
      entry.diagnostics = undefined;
      entry.letterDiagnostics = undefined;
      entry.carry = undefined;
    }
  }

  get ruleSettings(): RuleSettings {
    return this.rules;
  }

  setMaxOutlineItems(max: number): void {
    this.maxOutlineItems = max;
    for (const entry of this.cache.values()) entry.symbols = undefined;
  }

  private entry(doc: LetterDocument): CacheEntry {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const chunks = doc.getTextChunks?.();
    const text: TextSource = chunks ? new ChunkedText(chunks) : doc.getText();
    // A full parse splits one string (a chunked document's first version returns the string it was opened with).
    const entry = hit ? this.edited(hit, doc.version, text, doc) : fullParse(doc.version, text, doc);
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** A new version of a cached document: only the lines and letters the edit touched are read again. */
  private edited(previous: CacheEntry, version: number, text: TextSource, doc: LetterDocument): CacheEntry {
    if (sameText(text, previous.text)) return { ...previous, version };
    // A document that switched between one string and pieces: nothing to compare cheaply.
    if (typeof text !== typeof previous.text) return fullParse(version, text, doc);
    try {
      // The previous version's line table and line starts become this one's (updated in place by updateLines).
      const oldStarts = previous.starts ?? lineStarts(previous.text, previous.lines);
      const { lines, starts, change } = updateLines(previous.text, previous.lines, oldStarts, text);
      const { spans, letters, carried, marks } = reparse({ spans: previous.spans, letters: previous.parsed.letters, marks: previous.marks }, lines, change);
      const entry: CacheEntry = { version, text, lines, starts, spans, marks, parsed: { letters, lineCount: lines.length } };
      entry.carry = carryDiagnostics(previous, carried);
      return entry;
    } catch {
      // Defensive, like parseDocument: a bug in the incremental path must not lose the model.
      return fullParse(version, text, doc);
    }
  }

  /**
   * The parse of this version of the document (computed once per version). Its letters may
   * be carried into the next version and moved there: copy the positions you keep.
   */
  parse(doc: LetterDocument): ParsedDocument {
    return this.entry(doc).parsed;
  }

  /** This version's lines; the next version of the document may reuse the list (see updateLines). */
  lines(doc: LetterDocument): Line[] {
    return this.entry(doc).lines;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  getDiagnostics(doc: LetterDocument): Diagnostic[] {
    const e = this.entry(doc);
    if (e.diagnostics) return e.diagnostics;
    const { carry } = e;
    // A letter carried over keeps its diagnostics when the letter before it was carried over
    // with it (one rule compares a letter with the previous one).
    const kept = (i: number): Carried | null => {
      const c = carry?.carried[i];
      if (!c) return null;
      const before = i > 0 ? carry.carried[i - 1] : null;
      return c.from === 0 ? (i === 0 ? c : null) : before && before.from === c.from - 1 ? c : null;
    };
    const perLetter = e.parsed.letters.map((_, i) => {
      const c = kept(i);
      return c && carry ? shiftDiagnostics(carry.diagnostics[c.from], c.delta) : letterDiagnostics(e.parsed, i, this.rules, e.lines);
    });
    e.letterDiagnostics = perLetter;
    e.carry = undefined;
    return (e.diagnostics = sortAndDedupe(perLetter.flat()));
  }

  getDocumentSymbols(doc: LetterDocument): DocumentSymbol[] {
    const e = this.entry(doc);
    return (e.symbols ??= ownPositions(getDocumentSymbols(e.parsed, this.maxOutlineItems)));
  }

  getHover(doc: LetterDocument, position: Position): Hover | null {
    return ownPositions(getHover(this.parse(doc), position, this.lines(doc)));
  }

  getFoldingRanges(doc: LetterDocument, token: Cancellation = never): FoldingRange[] {
    const e = this.entry(doc);
    if (e.folding) return e.folding;
    const result = getFoldingRanges(e.parsed, () => token.isCancellationRequested);
    if (!token.isCancellationRequested) e.folding = result;
    return result;
  }

  getSelectionRanges(doc: LetterDocument, positions: Position[]): SelectionRange[] {
    return ownPositions(getSelectionRanges(this.parse(doc), this.lines(doc), positions));
  }

  /** Quick fixes for `diagnostics` (the ones in the request's context) plus "fix all". */
  getCodeActions(doc: LetterDocument, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
    const e = this.entry(doc);
    const all = this.getDiagnostics(doc);
    // The client's copies may be stale or lack `data`: use ours for the same spot and code.
    // Looked up in a set: comparing each of ours with every one of theirs cost diagnostics
    // squared when a request spans the whole file.
    const theirs = new Set(diagnostics.map(diagnosticSpot));
    const ours = diagnostics.length
      ? all.filter((d) => theirs.has(diagnosticSpot(d)))
      : all.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
    return ownPositions(getCodeActions({ uri: doc.uri, text: firstLineOf(e), lines: this.lines(doc), parsed: e.parsed }, ours, all, only));
  }

  getCompletions(doc: LetterDocument, position: Position): CompletionItem[] {
    return getCompletions(this.lines(doc), position);
  }

  formatDocument(doc: LetterDocument): TextEdit[] {
    return formatDocument(String(this.entry(doc).text));
  }

  formatRange(doc: LetterDocument, range: Range): TextEdit[] {
    return formatRange(String(this.entry(doc).text), range);
  }

  getCodeLenses(doc: LetterDocument): CodeLens[] {
    return ownPositions(getCodeLenses(this.parse(doc)));
  }

  getDocumentHighlights(doc: LetterDocument, position: Position, token: Cancellation = never): DocumentHighlight[] {
    return ownPositions(getDocumentHighlights(this.parse(doc), this.lines(doc), position, () => token.isCancellationRequested));
  }
}

/**
 * Which earlier diagnostics the new version's carried letters can reuse: the previous
 * version's own, or, when it was never checked (typing faster than the debounce), the ones
 * it would have reused itself, followed through both moves.
 */
function carryDiagnostics(previous: CacheEntry, carried: Array<Carried | null>): CacheEntry['carry'] {
  if (previous.letterDiagnostics) return { carried, diagnostics: previous.letterDiagnostics };
  const before = previous.carry;
  if (!before) return undefined;
  const chained = carried.map((c) => {
    const earlier = c ? before.carried[c.from] : null;
    return c && earlier ? { from: earlier.from, delta: earlier.delta + c.delta } : null;
  });
  return { carried: chained, diagnostics: before.diagnostics };
}

function fullParse(version: number, text: TextSource, doc: LetterDocument): CacheEntry {
  const whole = typeof text === 'string' ? text : doc.getText();
  const lines = splitLines(whole); // split once: the parse and the rules share the lines
  try {
    const marks = findMarks(lines);
    const spans = lettersAt(lines, marks.headings, marks.headerStarts);
    return { version, text, lines, spans, marks, parsed: { letters: parseLines(lines, spans), lineCount: lines.length } };
  } catch {
    // parseDocument never throws (an editor must never lose its model); no spans: the next
    // version is then parsed whole again.
    return { version, text, lines, spans: [], parsed: parseDocument(whole, lines) };
  }
}

/** What identifies a diagnostic across the client's copy and ours: code (with its type), message and start. */
function diagnosticSpot(d: Diagnostic): string {
  return JSON.stringify([typeof d.code, d.code, d.message, d.range.start.line, d.range.start.character]);
}

function sameText(a: TextSource, b: TextSource): boolean {
  return a instanceof ChunkedText && b instanceof ChunkedText ? a.sameAs(b) : a === b;
}

/** The first line with its line break: all a quick fix reads of the text (which line break to insert). */
function firstLineOf(e: CacheEntry): string {
  return e.text.slice(0, Math.min(e.text.length, rawLength(e.lines[0]) + 2));
}

/** One-shot analysis for callers without documents (the CLI, tests). */
export function analyzeText(text: string, rules: RuleSettings = {}): { parsed: ParsedDocument; diagnostics: Diagnostic[] } {
  const lines = splitLines(text);
  const parsed = parseDocument(text, lines);
  return { parsed, diagnostics: computeDiagnostics(parsed, rules, lines) };
}
