/** Hover summaries: on an item heading, its outcome, guideline sources and conclusion. */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { DisputedItem, ParsedDocument } from '../model';

export function contains(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

export function getHover(doc: ParsedDocument, pos: Position): Hover | null {
  for (const letter of doc.letters) {
    if (!contains(letter.range, pos)) continue;
    for (const item of letter.items) {
      if (contains(item.headingRange, pos)) return { contents: { kind: MarkupKind.Markdown, value: itemSummary(item) }, range: item.headingRange };
    }
  }
  return null;
}

export function itemSummary(item: DisputedItem): string {
  const lines: string[] = [];
  const outcome = item.outcome ?? (item.outcomeText ? `"${item.outcomeText}" (not a valid outcome)` : 'no outcome');
  lines.push(`**${escapeMd(item.title)}**: ${outcome}`);
  if (item.outcome === 'Upheld') lines.push('', 'The denial stands: the treatment was found not medically necessary.');
  if (item.outcome === 'Overturned') lines.push('', 'The denial is reversed: the treatment was found medically necessary.');
  if (item.partial) lines.push('', `Original request: ${escapeMd(item.partial.originalRequest)}; authorized: ${escapeMd(item.partial.authorized)}.`);
  if (item.treatment?.generic) lines.push('', `Treatment: ${escapeMd(item.treatment.name)} (${item.treatment.generic}${item.treatment.drugClass ? ', ' + item.treatment.drugClass : ''})`);
  for (const g of item.guidelines) {
    const who = g.source === 'claimsAdministrator' ? 'Claims Administrator' : g.source === 'maximus' ? 'MAXIMUS' : 'Reviewer';
    const sources = g.noneCited ? 'no evidence cited' : g.citations.map((c) => c.kind + (c.pages ? ` p. ${c.pages}` : '')).join(', ') || g.text;
    lines.push('', `${who} guideline: ${escapeMd(sources)}`);
  }
  if (item.rationale?.conclusion) lines.push('', `Conclusion: _${escapeMd(item.rationale.conclusion.text)}_`);
  else lines.push('', 'No decision rationale.');
  return lines.join('\n');
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}
