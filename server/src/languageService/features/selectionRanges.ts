/**
 * Selection ranges (expand selection): word -> line -> guideline line / rationale / heading
 * -> item -> section -> letter -> document.
 */
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model';
import { isBlank, rawLength, rawOf, type Line } from '../text/lines';
import { contains, containsRange, sameRange, wordAt } from './ranges';

export function getSelectionRanges(doc: ParsedDocument, lines: readonly Line[], positions: readonly Position[]): SelectionRange[] {
  return positions.map((pos) => selectionAt(doc, lines, pos));
}

function selectionAt(doc: ParsedDocument, lines: readonly Line[], pos: Position): SelectionRange {
  const candidates: Range[] = [];
  const line = lines[Math.min(Math.max(pos.line, 0), lines.length - 1)];
  const p = { line: line.index, character: Math.max(0, Math.min(pos.character, rawLength(line))) };
  const word = wordAt(rawOf(line), p.character);
  if (word) candidates.push({ start: { line: line.index, character: word.from }, end: { line: line.index, character: word.to } });
  if (!isBlank(line)) candidates.push({ start: { line: line.index, character: line.start }, end: { line: line.index, character: line.end } });
  for (const letter of doc.letters) {
    if (!contains(letter.range, p)) continue;
    for (const item of letter.items) {
      if (!contains(item.range, p)) continue;
      candidates.push(item.titleRange, item.headingRange);
      // A loop, not push(...ranges): a spread of a line's 200,000 citations overflows the stack.
      for (const g of item.guidelines) {
        for (const c of g.citations) candidates.push(c.range);
        candidates.push(g.range);
      }
      if (item.rationale) candidates.push(...(item.rationale.conclusion ? [item.rationale.conclusion.range] : []), item.rationale.range);
      candidates.push(item.range);
    }
    for (const s of letter.sections) if (contains(s.range, p)) candidates.push(s.headingRange, s.range);
    candidates.push(letter.range);
  }
  const last = lines[lines.length - 1];
  candidates.push({ start: { line: 0, character: 0 }, end: { line: last.index, character: rawLength(last) } });

  // Keep the ranges that contain the position, innermost first, each strictly inside the next.
  const chain = candidates
    .filter((r) => contains(r, p))
    .sort((a, b) => size(a) - size(b));
  let result: SelectionRange | undefined;
  const kept: Range[] = [];
  for (const r of chain) {
    const prev = kept[kept.length - 1];
    if (prev && (sameRange(prev, r) || !containsRange(r, prev))) continue;
    kept.push(r);
  }
  for (let i = kept.length - 1; i >= 0; i--) result = { range: kept[i], ...(result ? { parent: result } : {}) };
  return result ?? { range: { start: p, end: p } };
}

/** A sortable size: lines first, then characters. */
function size(r: Range): number {
  return (r.end.line - r.start.line) * 1e6 + (r.end.character - (r.end.line === r.start.line ? r.start.character : 0));
}
