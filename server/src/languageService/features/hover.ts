/**
 * Hovers: on an item heading (outcome, guidelines, conclusion), on a guideline citation
 * (what MTUS / ODG / ACOEM and the chapter are), on a brand or generic drug name (generic,
 * class) and on a header date (ISO date, days between UR denial and decision).
 */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { Citation, DateField, DisputedItem, HeaderFields, ParsedDocument } from '../model';
import { rawOf, type Line } from '../text/lines';
import { lookupDrug } from '../lexicon/drugs';
import { daysBetween } from '../parser/dates';
import { contains, wordAt } from './ranges';

export { contains } from './ranges';

const md = (value: string, range?: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) });

export function getHover(doc: ParsedDocument, pos: Position, lines: readonly Line[] = []): Hover | null {
  for (const letter of doc.letters) {
    if (!contains(letter.range, pos)) continue;
    const date = dateHover(letter.header, pos);
    if (date) return date;
    for (const item of letter.items) {
      if (contains(item.headingRange, pos)) {
        const drug = drugHover(lines, pos);
        return md(itemSummary(item) + (drug ? '\n\n---\n\n' + (drug.contents as { value: string }).value : ''), item.headingRange);
      }
      if (!contains(item.range, pos)) continue;
      for (const g of item.guidelines) for (const c of g.citations) if (contains(c.range, pos)) return md(citationDoc(c), c.range);
    }
  }
  return drugHover(lines, pos);
}

const SOURCES: Record<Citation['kind'], string> = {
  MTUS: '**MTUS**: the California Medical Treatment Utilization Schedule, the guidelines IMR applies first (Chronic Pain Medical Treatment Guidelines, ACOEM chapters, Postsurgical and Acupuncture guidelines).',
  ACOEM: '**ACOEM**: the American College of Occupational and Environmental Medicine practice guidelines, adopted by MTUS chapter by chapter (Low Back, Knee, Shoulder ...).',
  ODG: '**ODG**: the Official Disability Guidelines, a non-MTUS source applied when MTUS does not address the treatment.',
  other: 'A source outside MTUS (a "Non-MTUS Citation"), used when MTUS does not address the treatment.',
};

export function citationDoc(c: Citation): string {
  const parts = [SOURCES[c.kind]];
  if (c.chapter) parts.push(`Chapter: ${escapeMd(c.chapter)}`);
  if (c.section) parts.push(`Section: ${escapeMd(c.section)}`);
  if (c.pages) parts.push(`Page(s): ${escapeMd(c.pages)}`);
  return parts.join('\n\n');
}

function drugHover(lines: readonly Line[], pos: Position): Hover | null {
  const line = lines[pos.line];
  if (!line) return null;
  const word = wordAt(rawOf(line), pos.character);
  if (!word) return null;
  const drug = lookupDrug(word.text);
  if (!drug) return null;
  const isBrand = drug.generic.toLowerCase() !== word.text.toLowerCase();
  const text = isBrand
    ? `**${escapeMd(word.text)}** (brand): generic ${drug.generic}; class ${drug.drugClass}.`
    : `**${escapeMd(word.text)}** (generic; brands ${drug.brands.join(', ')}): class ${drug.drugClass}.`;
  return md(text, { start: { line: line.index, character: word.from }, end: { line: line.index, character: word.to } });
}

const DATE_LABELS: Array<[keyof HeaderFields, string]> = [
  ['dateAssigned', 'Date assigned'],
  ['decisionDate', 'Decision date'],
  ['dateOfInjury', 'Date of injury'],
  ['urDenialDate', 'UR denial date'],
  ['applicationReceived', 'Application received'],
  ['noticeDate', 'Notice date'],
];

function dateHover(h: HeaderFields, pos: Position): Hover | null {
  for (const [key, label] of DATE_LABELS) {
    const f = h[key] as DateField | undefined;
    if (!f || !contains(f.range, pos)) continue;
    const lines = [`**${label}**: ${f.value ?? `"${escapeMd(f.text)}" (not a date this extension can read)`}`];
    const ur = h.urDenialDate?.value;
    const decision = h.decisionDate?.value;
    if (ur && decision) lines.push('', `${daysBetween(ur, decision)} days between the UR denial (${ur}) and the decision (${decision}).`);
    return md(lines.join('\n'), f.range);
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
