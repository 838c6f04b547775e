/**
 * For coders: one row per disputed item (RFC 4180: CRLF rows, fields quoted when they hold
 * a comma, quote or line break). `letter` is the letter's 1-based index in its file (bulk
 * exports hold several), `line` the 1-based line of the item's heading, `page` its PDF page
 * (empty for a text letter), `guidelines` the cited sources of the item, de-duplicated,
 * joined with "; ".
 */
import type { DisputedItem } from '../../languageService';
import type { Formatter } from './types';
import { pageAt } from '../../pdf/pageMap';

export const CSV_HEADER = ['file', 'case_number', 'letter', 'item', 'outcome', 'treatment', 'generic', 'category', 'guidelines', 'line', 'page'];

export const csvFormat: Formatter = {
  begin: () => csvRow(CSV_HEADER),
  separator: '',
  file(report) {
    if (!report.parsed) return '';
    let out = '';
    report.parsed.letters.forEach((letter, i) => {
      const caseNumber = letter.header.caseNumber?.value ?? '';
      for (const item of letter.items) {
        out += csvRow([
          report.file,
          caseNumber,
          String(i + 1),
          item.title,
          item.outcome ?? '',
          item.treatment?.name ?? '',
          item.treatment?.generic ?? '',
          item.treatment?.category ?? '',
          guidelineSources(item),
          String(item.headingRange.start.line + 1),
          String(pageAt(report.pageOfLine, item.headingRange.start.line) ?? ''),
        ]);
      }
    });
    return out;
  },
  end: () => '',
};

function guidelineSources(item: DisputedItem): string {
  const seen = new Set<string>();
  for (const g of item.guidelines) for (const c of g.citations) seen.add(c.text);
  return [...seen].join('; ');
}

export function csvRow(fields: string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
