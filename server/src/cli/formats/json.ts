/**
 * One JSON array, an object per linted or skipped file, streamed: `[`, objects joined by
 * `,`, `]`, so 10,000 files never sit in memory as one string.
 */
import { diagnosticJson, letterJson } from '../letterJson';
import type { Formatter } from './types';

export const jsonFormat: Formatter = {
  begin: () => '[\n',
  separator: ',\n',
  file(report) {
    const obj: Record<string, unknown> = {
      file: report.file,
      letters: report.parsed ? report.parsed.letters.map(letterJson) : [],
      diagnostics: report.diagnostics.map(diagnosticJson),
    };
    if (report.problems.length) obj.problems = report.problems.map((p) => ({ kind: p.kind, severity: p.severity, message: p.message }));
    return JSON.stringify(obj);
  },
  end: () => '\n]\n',
};
