/**
 * Builds the CSV and JSON exports of decisions. Pure (no `vscode` import): the command
 * only asks where to save and writes the string this returns.
 */
import type { LetterSummary } from '../../../server/src/protocol';
import { itemRefs, outcomeKey, sortLetters } from '../decisionTree/model';

export type ExportFormat = 'csv' | 'json';

/** One exported row: one disputed item. Lines are 1-based as a person reads them. */
export interface DecisionRow {
  file: string;
  letter: number;
  caseNumber: string;
  layout: string;
  item: number;
  title: string;
  outcome: 'Upheld' | 'Overturned' | '';
  outcomeText: string;
  treatment: string;
  generic: string;
  category: string;
  drugClass: string;
  line: number;
}

export const CSV_COLUMNS: readonly (keyof DecisionRow)[] = [
  'file', 'letter', 'caseNumber', 'layout', 'item', 'title', 'outcome', 'outcomeText',
  'treatment', 'generic', 'category', 'drugClass', 'line',
];

/**
 * Flattens letters into rows. `displayPath` turns a URI into the path written in the
 * file (workspace-relative in the editor).
 */
export function decisionRows(letters: readonly LetterSummary[], displayPath: (uri: string) => string): DecisionRow[] {
  return itemRefs(sortLetters(letters)).map(({ letter, item, itemIndex }) => ({
    file: displayPath(letter.uri),
    letter: letter.index + 1,
    caseNumber: letter.caseNumber ?? '',
    layout: letter.layout,
    item: itemIndex + 1,
    title: item.title,
    outcome: outcomeKey(item) === 'missing' ? '' : (item.outcome as 'Upheld' | 'Overturned'),
    outcomeText: item.outcomeText ?? '',
    treatment: item.treatment?.name ?? '',
    generic: item.treatment?.generic ?? '',
    category: item.treatment?.category ?? '',
    drugClass: item.treatment?.drugClass ?? '',
    line: item.headingRange.start.line + 1,
  }));
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text
 * starting with `=`, `+` or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly DecisionRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function toJson(rows: readonly DecisionRow[]): string {
  return JSON.stringify({ decisions: rows }, null, 2) + '\n';
}

export function formatDecisions(letters: readonly LetterSummary[], format: ExportFormat, displayPath: (uri: string) => string): string {
  const rows = decisionRows(letters, displayPath);
  return format === 'csv' ? toCsv(rows) : toJson(rows);
}
