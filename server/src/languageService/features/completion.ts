/**
 * Completion for letter writers: section headings and snippets (a letter skeleton, a
 * disputed item block) at line start, outcome words after `: ` on an item heading, and
 * guideline phrases after a guideline label.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { rawLength, rawOf, type Line } from '../text/lines';
import { CANONICAL_HEADINGS } from '../parser/headings';

const GUIDELINE_LABEL = /^(?:Claims Administrator(?:'s)? guidelines?|MAXIMUS guidelines?)\s*:\s*/i;

export const GUIDELINE_PHRASES: string[] = [
  'Decision based on MTUS Chronic Pain Medical Treatment Guidelines',
  'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Muscle relaxants (for pain), Page(s): 63-66.',
  'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 74-96.',
  'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Benzodiazepines, Page(s): 24.',
  'Decision based on MTUS ACOEM Practice Guidelines, Low Back Complaints',
  'Decision based on MTUS ACOEM Practice Guidelines, Neck and Upper Back Complaints',
  'Decision based on MTUS ACOEM Practice Guidelines, Shoulder Complaints',
  'Decision based on MTUS ACOEM Practice Guidelines, Knee Complaints',
  'Decision based on MTUS Postsurgical Treatment Guidelines',
  'Decision based on MTUS Acupuncture Medical Treatment Guidelines',
  'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain (Chronic)',
  'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back',
  'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg',
  'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Neck and Upper Back',
  'The Claims Administrator did not cite any medical evidence for its decision.',
];

const LETTER_SKELETON = [
  'Case Number:          ${1:CM16-0000000}',
  'Date Assigned:        ${2:01/01/2016}',
  'Decision Date:        ${3:02/01/2016}',
  'UR Denial Date:       ${4:12/15/2015}',
  'Priority:             ${5|Standard,Expedited|}',
  '',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  '',
  '${6:MAXIMUS Federal Services sent the complete case file to an expert reviewer.}',
  '',
  'CLINICAL CASE SUMMARY',
  '',
  '${7:The injured worker is a ... year old ... who sustained an industrial injury on ...}',
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  '',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  '${8:Treatment}: ${9|Upheld,Overturned|}',
  '',
  'Claims Administrator guideline: Decision based on ${10:MTUS Chronic Pain Medical Treatment Guidelines}',
  '',
  'MAXIMUS guideline: Decision based on ${11:MTUS Chronic Pain Medical Treatment Guidelines}',
  '',
  'Decision rationale: ${12:...} ${13:is not medically necessary.}',
  '',
].join('\n');

const ITEM_BLOCK = [
  '${1:Treatment}: ${2|Upheld,Overturned|}',
  '',
  'Claims Administrator guideline: Decision based on ${3:MTUS Chronic Pain Medical Treatment Guidelines}',
  '',
  'MAXIMUS guideline: Decision based on ${4:MTUS Chronic Pain Medical Treatment Guidelines}',
  '',
  'Decision rationale: ${5:...}',
  '',
].join('\n');

export function getCompletions(lines: readonly Line[], pos: Position): CompletionItem[] {
  const line = lines[pos.line];
  if (!line) return [];
  const before = rawOf(line).slice(0, Math.min(pos.character, rawLength(line)));
  const trimmed = before.trimStart();
  const range = (from: number) => ({ start: { line: pos.line, character: from }, end: { line: pos.line, character: before.length } });

  const label = GUIDELINE_LABEL.exec(trimmed);
  if (label) {
    const from = before.length - trimmed.length + label[0].length;
    return GUIDELINE_PHRASES.map((phrase, i) => ({
      label: phrase,
      kind: CompletionItemKind.Text,
      sortText: String(i).padStart(3, '0'),
      filterText: phrase,
      textEdit: { range: range(from), newText: phrase },
    }));
  }

  // After `<item>: ` the outcome word goes.
  const colon = before.lastIndexOf(':');
  const afterColon = before.slice(colon + 1).trim().toLowerCase();
  // Only while what follows the colon could still become an outcome: prose after a colon
  // (`as follows: The`) must not pop up a list on every space.
  if (colon > 0 && /^\s*[A-Za-z]*$/.test(before.slice(colon + 1)) && ('upheld'.startsWith(afterColon) || 'overturned'.startsWith(afterColon)) && trimmed.length > 1 && !/^(?:Decision rationale|Case Number|Date|Priority|UR Denial)/i.test(trimmed)) {
    const wordStart = before.length - (before.slice(colon + 1).trimStart().length);
    return [
      { label: 'Upheld', detail: 'the denial stands: not medically necessary', kind: CompletionItemKind.EnumMember, textEdit: { range: range(wordStart), newText: 'Upheld' } },
      { label: 'Overturned', detail: 'the denial is reversed: medically necessary', kind: CompletionItemKind.EnumMember, textEdit: { range: range(wordStart), newText: 'Overturned' } },
    ];
  }

  // At line start (only capitals or nothing typed yet): headings and snippets.
  if (/^[A-Za-z ,]*$/.test(trimmed) && trimmed.length <= 40) {
    const from = before.length - trimmed.length;
    const items: CompletionItem[] = Object.values(CANONICAL_HEADINGS).map((h) => ({
      label: h!,
      kind: CompletionItemKind.Keyword,
      detail: 'section heading',
      textEdit: { range: range(from), newText: h! },
    }));
    items.push(
      { label: 'Claims Administrator guideline:', kind: CompletionItemKind.Property, textEdit: { range: range(from), newText: 'Claims Administrator guideline: ' } },
      { label: 'MAXIMUS guideline:', kind: CompletionItemKind.Property, textEdit: { range: range(from), newText: 'MAXIMUS guideline: ' } },
      { label: 'Decision rationale:', kind: CompletionItemKind.Property, textEdit: { range: range(from), newText: 'Decision rationale: ' } },
      {
        label: 'imr-letter',
        kind: CompletionItemKind.Snippet,
        detail: 'New IMR letter skeleton',
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: range(from), newText: LETTER_SKELETON },
      },
      {
        label: 'imr-item',
        kind: CompletionItemKind.Snippet,
        detail: 'New disputed item block',
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: range(from), newText: ITEM_BLOCK },
      },
    );
    // Only what the typed prefix can still become: typing prose must not pop up a list.
    const typed = trimmed.toLowerCase();
    return items.filter((i) => i.label.toLowerCase().startsWith(typed));
  }
  return [];
}
