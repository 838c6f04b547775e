/**
 * Properties of the features that change text (formatting, quick fixes) and of the
 * remaining read-only features (folding, selection ranges, code lenses, highlights,
 * completions). Kept apart from invariants.ts so each file stays small.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/languageService/service';
import { assertRangeInDocument, assertAllRangesInDocument, comparePos, docOf, lineLengths, samplePositions, rangeInside } from './invariants';
import { symbolEntries } from '../../server/src/languageService/features/workspaceSymbols';
import { summarizeDocument } from '../../server/src/summaries';

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'imr', 1, text), edits);
}

const nonSpace = (s: string) => s.replace(/\s+/g, '');

function assertEditsWellFormed(edits: TextEdit[], lengths: number[], where: string): void {
  const sorted = edits.slice().sort((a, b) => comparePos(a.range.start, b.range.start));
  sorted.forEach((e, i) => {
    assertRangeInDocument(e.range, lengths, `${where} edit ${i}`);
    if (i > 0) assert.ok(comparePos(sorted[i - 1].range.end, e.range.start) <= 0, `${where}: edits ${i - 1} and ${i} overlap`);
  });
}

/**
 * Formatting: edits lie in the document; the result keeps every non-whitespace character
 * in order; formatting the result again changes nothing; range formatting of the whole
 * document keeps the characters too. Returns the formatted text.
 */
export function checkFormatting(text: string): string {
  const service = new LanguageService();
  const lengths = lineLengths(text);
  const edits = service.formatDocument(docOf(text));
  assertEditsWellFormed(edits, lengths, 'formatDocument');
  const once = applyEdits(text, edits);
  assert.equal(nonSpace(once), nonSpace(text), 'formatting changed or reordered a non-whitespace character');
  const again = service.formatDocument(docOf(once, 2, 'file:///fuzz-formatted.imr'));
  assert.deepEqual(again, [], 'formatting is not idempotent: a second pass still edits');
  const whole = { start: { line: 0, character: 0 }, end: { line: lengths.length - 1, character: lengths[lengths.length - 1] } };
  const rangeEdits = service.formatRange(docOf(text, 3, 'file:///fuzz-range.imr'), whole);
  assertEditsWellFormed(rangeEdits, lengths, 'formatRange');
  assert.equal(nonSpace(applyEdits(text, rangeEdits)), nonSpace(text), 'range formatting changed a non-whitespace character');
  return once;
}

/** How many quick fixes checkQuickFixes applied (for the reported counts). */
export const quickFixStats = { applied: 0 };

/**
 * Quick fixes: each fix offered for a diagnostic, applied alone, (1) has well-formed
 * edits, (2) leaves the text before its first edit and after its last edit untouched,
 * (3) removes its diagnostic (fewer with that code and message), and
 * (4) gives a text that still satisfies the edit-free invariants.
 */
export function checkQuickFixes(text: string, maxDiagnostics = 8, afterFix?: (fixed: string) => void): void {
  const service = new LanguageService();
  const doc = docOf(text);
  const lengths = lineLengths(text);
  const diagnostics = service.getDiagnostics(doc);
  // "Removes it": fewer diagnostics with its code and message (messages name the item). A fix
  // may leave a different problem of the same rule, e.g. an inserted label still to be filled.
  const countOf = (list: Diagnostic[], d: Diagnostic) => list.filter((x) => x.code === d.code && x.message === d.message).length;
  for (const d of diagnostics.slice(0, maxDiagnostics)) {
    const actions = service.getCodeActions(doc, d.range, [d]);
    for (const action of actions) {
      if (action.kind !== CodeActionKind.QuickFix || !action.diagnostics?.length) continue; // "fix all" is checked below
      const edits = action.edit?.changes?.[doc.uri] ?? [];
      assert.ok(edits.length > 0, `quick fix "${action.title}" has no edit`);
      assertEditsWellFormed(edits, lengths, `quick fix "${action.title}"`);
      const fixed = applyEdits(text, edits);
      assertUntouchedOutside(text, fixed, edits, action.title);
      const after = new LanguageService().getDiagnostics(docOf(fixed)); // fresh: the cache is keyed by uri+version
      // Its own diagnostic: the one the action names (several can share a code and a spot).
      const own = action.diagnostics[0];
      assert.ok(countOf(after, own) < countOf(diagnostics, own), `quick fix "${action.title}" did not remove its ${own.code} diagnostic "${own.message}"`);
      quickFixStats.applied++;
      afterFix?.(fixed);
    }
  }
  // Fix all: edits must not overlap and must keep everything outside them.
  const all = service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: lengths.length - 1, character: 0 } }, [], [CodeActionKind.SourceFixAll]);
  for (const action of all) {
    const edits = action.edit?.changes?.[doc.uri] ?? [];
    assertEditsWellFormed(edits, lengths, 'fix all');
  }
}

/** The text before the earliest edit and after the latest edit is unchanged. */
function assertUntouchedOutside(before: string, after: string, edits: TextEdit[], title: string): void {
  const td = TextDocument.create('file:///x', 'imr', 1, before);
  const first = Math.min(...edits.map((e) => td.offsetAt(e.range.start)));
  const last = Math.max(...edits.map((e) => td.offsetAt(e.range.end)));
  const tail = before.length - last;
  assert.equal(after.slice(0, first), before.slice(0, first), `quick fix "${title}" changed text before its range`);
  assert.equal(after.slice(after.length - tail), before.slice(last), `quick fix "${title}" changed text after its range`);
}

/** Folding, selection ranges, code lenses, highlights, completions, workspace symbols and summaries stay inside the document. */
export function checkReadOnlyFeatures(text: string): void {
  const service = new LanguageService();
  const doc = docOf(text);
  const lengths = lineLengths(text);
  const parsed = service.parse(doc);
  for (const f of service.getFoldingRanges(doc)) {
    assert.ok(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lengths.length, `folding range ${f.startLine}-${f.endLine} invalid (lines: ${lengths.length})`);
  }
  const inside: Position[] = samplePositions(parsed, lengths).filter((p) => p.line < lengths.length && p.character <= lengths[p.line]);
  const selections = service.getSelectionRanges(doc, inside);
  assert.equal(selections.length, inside.length, 'one selection range per position');
  selections.forEach((sel, i) => {
    let cur: typeof sel | undefined = sel;
    let depth = 0;
    while (cur) {
      assertRangeInDocument(cur.range, lengths, `selection ${i} depth ${depth}`);
      if (cur.parent) assert.ok(rangeInside(cur.range, cur.parent.range), `selection ${i} depth ${depth} not inside its parent`);
      cur = cur.parent;
      depth++;
    }
  });
  for (const lens of service.getCodeLenses(doc)) assertRangeInDocument(lens.range, lengths, 'code lens');
  for (const entry of symbolEntries(parsed)) {
    assert.ok(entry.name.length > 0, 'workspace symbol with an empty name');
    assertRangeInDocument(entry.range, lengths, `workspace symbol "${entry.name}"`);
  }
  // The summaries the decision tree shows (sent over JSON-RPC): every range inside too.
  assertAllRangesInDocument(summarizeDocument(doc.uri, parsed, service.getDiagnostics(doc)), lengths, 'summary');
  for (const pos of samplePositions(parsed, lengths)) {
    for (const h of service.getDocumentHighlights(doc, pos)) assertRangeInDocument(h.range, lengths, `highlight at ${JSON.stringify(pos)}`);
    for (const c of service.getCompletions(doc, pos)) if (c.textEdit && 'range' in c.textEdit) assertRangeInDocument(c.textEdit.range, lengths, `completion "${c.label}"`);
  }
}
