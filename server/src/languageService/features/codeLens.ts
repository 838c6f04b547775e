/** A code lens above each decisions heading: "4 items: 3 upheld, 1 overturned". */
import type { CodeLens } from 'vscode-languageserver-types';
import type { ParsedDocument, Letter } from '../model';

export function decisionCount(letter: Letter): string {
  const n = letter.items.length;
  const upheld = letter.items.filter((i) => i.outcome === 'Upheld').length;
  const overturned = letter.items.filter((i) => i.outcome === 'Overturned').length;
  const other = n - upheld - overturned;
  const parts = [`${upheld} upheld`, `${overturned} overturned`];
  if (other > 0) parts.push(`${other} without a valid outcome`);
  return `${n} item${n === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

export function getCodeLenses(doc: ParsedDocument): CodeLens[] {
  const out: CodeLens[] = [];
  for (const letter of doc.letters) {
    const decisions = letter.sections.find((s) => s.kind === 'decisions');
    if (!decisions) continue;
    // No command id: the lens is a label; clicking it does nothing.
    out.push({ range: decisions.headingRange, command: { title: decisionCount(letter), command: '' } });
  }
  return out;
}
