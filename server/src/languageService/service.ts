/**
 * The language service: the one object the server, the CLI and the tests talk to.
 * Text in, plain data or LSP types out; no connection, no `vscode`. Parses (and lines,
 * diagnostics, folding, symbols) are cached per document version so every feature of one
 * version shares one parse.
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
import { parseDocument } from './parser/parseDocument';
import { splitLines, type Line } from './text/lines';
import { computeDiagnostics, type RuleSettings } from './features/diagnostics';
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
  text: string;
  parsed: ParsedDocument;
  lines?: Line[];
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
    for (const entry of this.cache.values()) entry.diagnostics = undefined;
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
    const text = doc.getText();
    const lines = splitLines(text); // split once: the parse and the rules share the lines
    const entry: CacheEntry = { version: doc.version, text, parsed: parseDocument(text, lines), lines };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** The parse of this version of the document (computed once per version). */
  parse(doc: LetterDocument): ParsedDocument {
    return this.entry(doc).parsed;
  }

  lines(doc: LetterDocument): Line[] {
    const e = this.entry(doc);
    return (e.lines ??= splitLines(e.text));
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  getDiagnostics(doc: LetterDocument): Diagnostic[] {
    const e = this.entry(doc);
    return (e.diagnostics ??= computeDiagnostics(e.parsed, this.rules, this.lines(doc)));
  }

  getDocumentSymbols(doc: LetterDocument): DocumentSymbol[] {
    const e = this.entry(doc);
    return (e.symbols ??= getDocumentSymbols(e.parsed, this.maxOutlineItems));
  }

  getHover(doc: LetterDocument, position: Position): Hover | null {
    return getHover(this.parse(doc), position, this.lines(doc));
  }

  getFoldingRanges(doc: LetterDocument, token: Cancellation = never): FoldingRange[] {
    const e = this.entry(doc);
    if (e.folding) return e.folding;
    const result = getFoldingRanges(e.parsed, () => token.isCancellationRequested);
    if (!token.isCancellationRequested) e.folding = result;
    return result;
  }

  getSelectionRanges(doc: LetterDocument, positions: Position[]): SelectionRange[] {
    return getSelectionRanges(this.parse(doc), this.lines(doc), positions);
  }

  /** Quick fixes for `diagnostics` (the ones in the request's context) plus "fix all". */
  getCodeActions(doc: LetterDocument, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
    const e = this.entry(doc);
    const all = this.getDiagnostics(doc);
    // The client's copies may be stale or lack `data`: use ours for the same spot and code.
    const ours = diagnostics.length
      ? all.filter((d) => diagnostics.some((c) => c.code === d.code && c.message === d.message && c.range.start.line === d.range.start.line && c.range.start.character === d.range.start.character))
      : all.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
    return getCodeActions({ uri: doc.uri, text: e.text, lines: this.lines(doc), parsed: e.parsed }, ours, all, only);
  }

  getCompletions(doc: LetterDocument, position: Position): CompletionItem[] {
    return getCompletions(this.lines(doc), position);
  }

  formatDocument(doc: LetterDocument): TextEdit[] {
    return formatDocument(this.entry(doc).text);
  }

  formatRange(doc: LetterDocument, range: Range): TextEdit[] {
    return formatRange(this.entry(doc).text, range);
  }

  getCodeLenses(doc: LetterDocument): CodeLens[] {
    return getCodeLenses(this.parse(doc));
  }

  getDocumentHighlights(doc: LetterDocument, position: Position, token: Cancellation = never): DocumentHighlight[] {
    return getDocumentHighlights(this.parse(doc), this.lines(doc), position, () => token.isCancellationRequested);
  }
}

/** One-shot analysis for callers without documents (the CLI, tests). */
export function analyzeText(text: string, rules: RuleSettings = {}): { parsed: ParsedDocument; diagnostics: Diagnostic[] } {
  const lines = splitLines(text);
  const parsed = parseDocument(text, lines);
  return { parsed, diagnostics: computeDiagnostics(parsed, rules, lines) };
}
