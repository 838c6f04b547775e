/**
 * Workspace symbols: disputed items, treatments (generic names too) and case numbers of
 * every letter, kept as small entries so a workspace index can hold thousands of letters.
 */
import { SymbolKind, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model';
import { copyRange } from '../text/lines';

export interface SymbolEntry {
  name: string;
  kind: SymbolKind;
  /** Case number or file-level context shown next to the name. */
  container?: string;
  range: Range;
}

/** The symbol entries of one parsed document, with ranges of their own (an index keeps them). */
export function symbolEntries(doc: ParsedDocument): SymbolEntry[] {
  const out: SymbolEntry[] = [];
  for (const letter of doc.letters) {
    const caseNumber = letter.header.caseNumber;
    if (caseNumber) out.push({ name: caseNumber.value, kind: SymbolKind.File, range: copyRange(caseNumber.range) });
    const container = caseNumber?.value;
    for (const item of letter.items) {
      const range = copyRange(item.titleRange);
      out.push({ name: `${item.title}: ${item.outcome ?? item.outcomeText ?? 'no outcome'}`, kind: SymbolKind.Event, container, range });
      const t = item.treatment;
      if (t?.generic && !item.title.toLowerCase().includes(t.generic.toLowerCase())) {
        out.push({ name: `${t.generic} (${t.name})`, kind: SymbolKind.Constant, container, range });
      }
    }
  }
  return out;
}

/** True when every character of the query appears in order in the name (case-insensitive). */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return true;
  const n = name.toLowerCase();
  let j = 0;
  for (let i = 0; i < n.length && j < q.length; i++) if (n[i] === q[j]) j++;
  return j === q.length;
}

export const MAX_WORKSPACE_SYMBOLS = 1000;

export function findWorkspaceSymbols(
  files: Iterable<{ uri: string; symbols: readonly SymbolEntry[] }>,
  query: string,
  isCancelled: () => boolean = () => false,
  max = MAX_WORKSPACE_SYMBOLS,
): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const file of files) {
    if (isCancelled() || out.length >= max) break;
    for (const s of file.symbols) {
      if (!fuzzyMatch(query, s.name)) continue;
      out.push({ name: s.name, kind: s.kind, location: { uri: file.uri, range: s.range }, ...(s.container ? { containerName: s.container } : {}) });
      if (out.length >= max) break;
    }
  }
  return out;
}
