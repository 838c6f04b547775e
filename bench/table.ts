/** Renders bench rows as one plain-text table (terminal) or a Markdown table (docs). */
import type { Row } from './types';
import { fmt } from './stats';

function verdict(row: Row): string {
  if (row.pass === true) return 'PASS';
  if (row.pass === false) return 'FAIL';
  return row.target ? 'n/a' : '-';
}

function cells(row: Row): string[] {
  const median = row.median === null ? 'n/a' : `${fmt(row.median)} ${row.unit}`;
  const baseline = row.baseline ? `${row.baseline.name}: ${row.baseline.value === null ? 'n/a' : `${fmt(row.baseline.value)} ${row.baseline.unit}`}` : '';
  const ratio = row.ratio === undefined ? '' : row.ratio === null ? 'n/a' : `${fmt(row.ratio)}x`;
  return [row.case, row.measure, median, baseline, ratio, row.target ?? '', verdict(row)];
}

const HEAD = ['case', 'measure', 'median', 'baseline', 'ratio', 'target', 'result'];

export function textTable(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((v, c) => v.padEnd(widths[c])).join('  ').trimEnd();
  const out = [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(cells(r)))];
  const notes = rows.filter((r) => r.note).map((r) => `  * ${r.case} / ${r.measure}: ${r.note}`);
  return [...out, ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

export function markdownTable(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.case} / ${r.measure}: ${r.note}`);
  return [...out, ...(notes.length ? ['', 'Notes:', '', ...notes] : [])].join('\n');
}
