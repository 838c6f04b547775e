/**
 * Outline: letters (when a file holds several) -> sections -> disputed items under the
 * decisions section. Ranges span whole blocks so breadcrumbs and sticky scroll work.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Letter, ParsedDocument } from '../model';

/** Enormous files would freeze the outline: stop after this many symbols. */
export const MAX_SYMBOLS = 5000;

export function getDocumentSymbols(doc: ParsedDocument, maxSymbols = MAX_SYMBOLS): DocumentSymbol[] {
  let budget = maxSymbols;
  const letters = doc.letters.map((letter, i) => {
    const sections = letterChildren(letter, () => budget-- > 0);
    return { letter, i, sections };
  });
  if (letters.length === 1) return letters[0].sections;
  return letters.map(({ letter, i, sections }) => ({
    name: letter.header.caseNumber?.value ?? `Letter ${i + 1}`,
    detail: `${letter.items.length} item${letter.items.length === 1 ? '' : 's'}`,
    kind: SymbolKind.File,
    range: letter.range,
    selectionRange: { start: letter.range.start, end: letter.range.start },
    children: sections,
  }));
}

function letterChildren(letter: Letter, take: () => boolean): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const section of letter.sections) {
    if (!take()) break;
    const symbol: DocumentSymbol = {
      name: section.title,
      kind: SymbolKind.Namespace,
      range: section.range,
      selectionRange: section.headingRange,
      children: [],
    };
    // Professional review letters hold their one item in the ISSUE AT DISPUTE section.
    if (section.kind === 'decisions' || section.kind === 'issueAtDispute') {
      for (const item of letter.items) {
        if (item.range.start.line < section.range.start.line || item.range.end.line > section.range.end.line) continue;
        if (!take()) break;
        symbol.children!.push({
          name: item.title || '(untitled item)',
          detail: item.outcome ?? item.outcomeText ?? 'no outcome',
          kind: SymbolKind.Event,
          range: item.range,
          selectionRange: item.titleRange,
        });
      }
    }
    out.push(symbol);
  }
  return out;
}
