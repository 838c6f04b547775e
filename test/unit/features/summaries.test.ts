/**
 * The tree view's per-letter error counts (summarizeDocument): each letter counts the error
 * diagnostics that start on its lines, whatever order the diagnostics come in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { summarizeDocument } from '../../../server/src/summaries';
import type { Letter, ParsedDocument } from '../../../server/src/languageService/model';

function letterOn(from: number, to: number): Letter {
  const range = { start: { line: from, character: 0 }, end: { line: to, character: 1 } };
  return { layout: 'reference', range, header: {}, reviewer: { licensure: [], specialties: [] }, patient: {}, sections: [], items: [] };
}

function diagnosticOn(line: number, severity: DiagnosticSeverity): Diagnostic {
  return { range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity, message: 'm' };
}

/** Letters on consecutive runs of lines, with blank gaps between some of them. */
const lettersArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 8 }).map((spans) => {
  const letters: Letter[] = [];
  let line = 0;
  for (const [gap, length] of spans) {
    letters.push(letterOn(line + gap, line + gap + length));
    line += gap + length + 1;
  }
  return letters;
});

const severityArb = fc.constantFrom(DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint);

test('each letter counts the error diagnostics starting on its lines, in any order', () => {
  fc.assert(
    fc.property(lettersArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), severityArb), { maxLength: 40 }), (letters, marks) => {
      const parsed: ParsedDocument = { letters, lineCount: 100 };
      const diagnostics = marks.map(([line, severity]) => diagnosticOn(line, severity));
      const counts = summarizeDocument('file:///a.imr', parsed, diagnostics).map((s) => s.errorCount);
      const expected = letters.map(
        (l) => diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error && d.range.start.line >= l.range.start.line && d.range.start.line <= l.range.end.line).length,
      );
      assert.deepEqual(counts, expected);
    }),
    { seed: 11, numRuns: 500 },
  );
});

test('errors on the first and last line of a letter count; those just outside do not', () => {
  const parsed: ParsedDocument = { letters: [letterOn(2, 5), letterOn(7, 7)], lineCount: 10 };
  const errors = [1, 2, 5, 6, 7, 7, 8].map((line) => diagnosticOn(line, DiagnosticSeverity.Error));
  assert.deepEqual(
    summarizeDocument('file:///a.imr', parsed, errors).map((s) => s.errorCount),
    [2, 2],
  );
});
