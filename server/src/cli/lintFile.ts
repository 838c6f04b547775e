/**
 * Lints one file: read it (readInput), analyse it with the editor's core (parser and rules),
 * and format it. Runs the same in a worker thread and on the main thread; never throws.
 */
import { computeDiagnostics, parseDocument, type RuleSettings } from '../languageService';
import { splitLines } from '../languageService/text/lines';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FORMATS, type FormatName } from './formats';
import { readInput, type Origin, type FileProblem } from './readInput';
import type { FileOutcome, FileReport } from './report';

export interface LintOptions {
  format: FormatName;
  rules: RuleSettings;
  maxSize: number;
  /** Errors only: other diagnostics and warnings are dropped. */
  quiet: boolean;
}

const NO_LETTER_IN_PDF: FileProblem = {
  kind: 'pdf',
  severity: 'warning',
  message: 'no IMR letter found in the text read from this PDF (imr-lint --extract shows that text)',
};

export async function lintFile(path: string, origin: Origin, options: LintOptions): Promise<FileOutcome> {
  const input = await readInput(path, origin, options);
  if (input.kind === 'notLetter') return { file: path, chunk: '', errors: 0, warnings: 0, problems: [], linted: false };
  let report: FileReport;
  if (input.kind === 'problem') {
    report = { file: path, parsed: null, diagnostics: [], problems: [input.problem] };
  } else {
    try {
      // analyzeText would split the lines twice (parser and rules); one split serves both.
      const lines = splitLines(input.text);
      const parsed = parseDocument(input.text, lines);
      const diagnostics = computeDiagnostics(parsed, options.rules, lines);
      const shown = options.quiet ? diagnostics.filter((d) => (d.severity ?? 1) === DiagnosticSeverity.Error) : diagnostics;
      // A PDF read without a letter in its text is said so: a letter laid out in a way the
      // text rebuilding misses would otherwise pass as linted and clean.
      const problems = input.pageOfLine && parsed.letters.length === 0 ? [...input.problems, NO_LETTER_IN_PDF] : input.problems;
      report = { file: path, parsed, diagnostics: shown, problems, pageOfLine: input.pageOfLine };
    } catch (e) {
      // The core promises never to throw; if it does, say so for this file and go on.
      const problem: FileProblem = { kind: 'unreadable', severity: 'error', message: `internal error while linting: ${(e as Error)?.message ?? String(e)}` };
      report = { file: path, parsed: null, diagnostics: [], problems: [problem] };
    }
  }
  if (options.quiet) report.problems = report.problems.filter((p) => p.severity === 'error');
  let errors = 0;
  let warnings = 0;
  for (const d of report.diagnostics) {
    if ((d.severity ?? 1) === DiagnosticSeverity.Error) errors++;
    else if (d.severity === DiagnosticSeverity.Warning) warnings++;
  }
  return { file: path, chunk: FORMATS[options.format].file(report), errors, warnings, problems: report.problems, linted: report.parsed !== null };
}
