/** Turns a parsed document into the small summaries the client's tree view shows. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from './languageService/model';
import type { LetterSummary } from './protocol';

export function summarizeDocument(uri: string, parsed: ParsedDocument, diagnostics: Diagnostic[]): LetterSummary[] {
  return parsed.letters.map((letter, index) => ({
    uri,
    index,
    caseNumber: letter.header.caseNumber?.value,
    layout: letter.layout,
    range: letter.range,
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
      headingRange: item.headingRange,
      titleRange: item.titleRange,
    })),
  }));
}
