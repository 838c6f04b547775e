/**
 * One JSON array, an object per linted or skipped file, streamed: `[`, objects joined by
 * `,`, `]`, so 10,000 files never sit in memory as one string.
 */
import { diagnosticJson, letterJson } from '../letterJson';
import type { Formatter } from './types';
import { pageAt } from '../../pdf/pageMap';

export const jsonFormat: Formatter = {
  begin: () => '[\n',
  separator: ',\n',
  file(report) {
    const obj: Record<string, unknown> = {
      file: report.file,
      letters: report.parsed ? report.parsed.letters.map(letterJson) : [],
      diagnostics: report.diagnostics.map(diagnosticJson),
    };
    if (report.pageOfLine) addPages(obj, report.pageOfLine);
    if (report.problems.length) obj.problems = report.problems.map((p) => ({ kind: p.kind, severity: p.severity, message: p.message }));
    return JSON.stringify(obj);
  },
  end: () => '\n]\n',
};

/** PDFs: the page of every diagnostic and item, from the extraction's page map. */
function addPages(obj: Record<string, unknown>, pageOfLine: number[]): void {
  type Ranged = { range: { start: { line: number } }; page?: number };
  const tag = (r: Ranged) => (r.page = pageAt(pageOfLine, r.range.start.line));
  (obj.diagnostics as Ranged[]).forEach(tag);
  for (const letter of obj.letters as Array<{ items: Ranged[] }>) letter.items.forEach(tag);
}
