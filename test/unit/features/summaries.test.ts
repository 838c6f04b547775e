/**
 * The tree view's letter summaries: each letter counts the error diagnostics that start on
 * its lines, whatever order the diagnostics come in; and two lists of summaries compare
 * equal exactly when their JSON does (the index tells the client only about real changes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { summarizeDocument } from '../../../server/src/summaries';
import { sameSummaries } from '../../../server/src/sameSummaries';
import { LanguageService } from '../../../server/src/languageService';
import type { Letter, ParsedDocument } from '../../../server/src/languageService/model';
import { letterTextArb, mutatedArb } from '../../helpers/mutators';

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

function summariesOf(text: string) {
  const service = new LanguageService();
  const doc = { uri: 'file:///a.imr', version: 1, getText: () => text };
  return summarizeDocument(doc.uri, service.parse(doc), service.getDiagnostics(doc));
}

test('sameSummaries agrees with comparing the JSON, for letters before and after mutations', () => {
  fc.assert(
    fc.property(letterTextArb, mutatedArb(letterTextArb, 2), (a, b) => {
      const x = summariesOf(a);
      const y = summariesOf(b);
      assert.equal(sameSummaries(x, y), JSON.stringify(x) === JSON.stringify(y));
      assert.ok(sameSummaries(x, summariesOf(a)));
    }),
    { seed: 12, numRuns: 150 },
  );
});

test('sameSummaries sees a change deep inside, and takes a key set to undefined as absent', () => {
  const text = 'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\nMRI of the knee: Upheld\n';
  const base = summariesOf(text);
  assert.ok(base[0].items.length === 1);
  const moved = summariesOf(text);
  moved[0].items[0].titleRange.end.character++;
  assert.equal(sameSummaries(base, moved), false);
  const withUndefined = summariesOf(text);
  (withUndefined[0] as unknown as Record<string, unknown>).extra = undefined;
  assert.ok(sameSummaries(base, withUndefined));
  assert.ok(sameSummaries(withUndefined, base));
});
