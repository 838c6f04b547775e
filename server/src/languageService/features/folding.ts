/** Folding ranges: one per letter (when a file holds several), per section and per item. */
import { FoldingRangeKind, type FoldingRange, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model';

export function getFoldingRanges(doc: ParsedDocument, isCancelled: () => boolean = () => false): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (r: Range, kind?: string): void => {
    if (r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line, ...(kind ? { kind } : {}) });
  };
  for (const letter of doc.letters) {
    if (isCancelled()) return out;
    if (doc.letters.length > 1) add(letter.range);
    for (const section of letter.sections) add(section.range, FoldingRangeKind.Region);
    for (const item of letter.items) add(item.range, FoldingRangeKind.Region);
  }
  return out;
}
