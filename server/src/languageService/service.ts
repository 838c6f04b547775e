/**
 * The language service: the one object the server, the CLI and the tests talk to.
 * Text in, plain data or LSP types out; no connection, no `vscode`. Parses are cached
 * per document version so every feature of one version shares one parse.
 */
import type { Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from './model';
import { parseDocument } from './parser/parseDocument';
import { computeDiagnostics, type RuleSettings } from './features/diagnostics';
import { getDocumentSymbols } from './features/documentSymbols';
import { getHover } from './features/hover';

/** The least a document must offer (a vscode-languageserver-textdocument TextDocument fits). */
export interface LetterDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface LanguageServiceOptions {
  rules?: RuleSettings;
}

export class LanguageService {
  private readonly cache = new Map<string, { version: number; parsed: ParsedDocument; diagnostics?: Diagnostic[] }>();
  private rules: RuleSettings;

  constructor(options: LanguageServiceOptions = {}) {
    this.rules = options.rules ?? {};
  }

  setRuleSettings(rules: RuleSettings): void {
    this.rules = rules;
    for (const entry of this.cache.values()) entry.diagnostics = undefined;
  }

  /** The parse of this version of the document (computed once per version). */
  parse(doc: LetterDocument): ParsedDocument {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.parsed;
    const parsed = parseDocument(doc.getText());
    this.cache.set(doc.uri, { version: doc.version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  getDiagnostics(doc: LetterDocument): Diagnostic[] {
    const parsed = this.parse(doc);
    const entry = this.cache.get(doc.uri)!;
    if (!entry.diagnostics) entry.diagnostics = computeDiagnostics(parsed, this.rules, doc.getText());
    return entry.diagnostics;
  }

  getDocumentSymbols(doc: LetterDocument): DocumentSymbol[] {
    return getDocumentSymbols(this.parse(doc));
  }

  getHover(doc: LetterDocument, position: Position): Hover | null {
    return getHover(this.parse(doc), position);
  }
}

/** One-shot analysis for callers without documents (the CLI, tests). */
export function analyzeText(text: string, rules: RuleSettings = {}): { parsed: ParsedDocument; diagnostics: Diagnostic[] } {
  const parsed = parseDocument(text);
  return { parsed, diagnostics: computeDiagnostics(parsed, rules, text) };
}
