/**
 * Turns a parsed document into the small summaries the client's tree view shows. The
 * workspace index keeps them past the version they were read from: their ranges are copies.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from './languageService/model';
import type { LetterSummary } from './protocol';
import { copyRange } from './languageService/text/lines';
import { lastAtOrBefore } from './languageService/text/search';
import { pageAt } from './pdf/pageMap';

/** `pageOfLine` (a PDF letter's 1-based page of each line) gives each item the page of its heading. */
export function summarizeDocument(uri: string, parsed: ParsedDocument, diagnostics: Diagnostic[], pageOfLine?: readonly number[]): LetterSummary[] {
  const errorLines = errorStartLines(diagnostics);
  return parsed.letters.map((letter, index) => ({
    uri,
    index,
    caseNumber: letter.header.caseNumber?.value,
    layout: letter.layout,
    range: copyRange(letter.range),
    errorCount: countInRange(errorLines, letter.range.start.line, letter.range.end.line),
    items: letter.items.map((item) => ({
      title: item.title,
      outcome: item.outcome,
      ...(item.outcomeText !== undefined ? { outcomeText: item.outcomeText } : {}),
      treatment: item.treatment
        ? { name: item.treatment.name, generic: item.treatment.generic, category: item.treatment.category, drugClass: item.treatment.drugClass }
        : null,
      headingRange: copyRange(item.headingRange),
      titleRange: copyRange(item.titleRange),
      ...(pageOfLine?.length ? { page: pageAt(pageOfLine, item.headingRange.start.line) } : {}),
    })),
  }));
}

/** The start lines of the error diagnostics, ascending. */
function errorStartLines(diagnostics: Diagnostic[]): number[] {
  const lines: number[] = [];
  for (const d of diagnostics) if (d.severity === DiagnosticSeverity.Error) lines.push(d.range.start.line);
  return lines.sort((a, b) => a - b);
}

/**
 * How many of the ascending `sorted` lie in [from, to]. Two binary searches per letter: a
 * filter over every diagnostic per letter made a file of a thousand letters cost a million
 * comparisons on every summary.
 */
function countInRange(sorted: number[], from: number, to: number): number {
  if (sorted.length === 0 || to < from || to < sorted[0] || from > sorted[sorted.length - 1]) return 0;
  const last = lastAtOrBefore(sorted, to);
  const beforeFirst = from > sorted[0] ? lastAtOrBefore(sorted, from - 1) : -1;
  return last - beforeFirst;
}
