/**
 * Turns a parsed document into the small summaries the client's tree view shows. The
 * workspace index keeps them past the version they were read from: their ranges are copies.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from './languageService/model';
import type { LetterSummary } from './protocol';
import { copyRange } from './languageService/text/lines';

export function summarizeDocument(uri: string, parsed: ParsedDocument, diagnostics: Diagnostic[]): LetterSummary[] {
  return parsed.letters.map((letter, index) => ({
    uri,
    index,
    caseNumber: letter.header.caseNumber?.value,
    layout: letter.layout,
    range: copyRange(letter.range),
    errorCount: diagnostics.filter(
      (d) => d.severity === DiagnosticSeverity.Error && d.range.start.line >= letter.range.start.line && d.range.start.line <= letter.range.end.line,
    ).length,
    items: letter.items.map((item) => ({
      title: item.title,
      outcome: item.outcome,
      ...(item.outcomeText !== undefined ? { outcomeText: item.outcomeText } : {}),
      treatment: item.treatment
        ? { name: item.treatment.name, generic: item.treatment.generic, category: item.treatment.category, drugClass: item.treatment.drugClass }
        : null,
      headingRange: copyRange(item.headingRange),
      titleRange: copyRange(item.titleRange),
    })),
  }));
}
