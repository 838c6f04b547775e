/** Runs the rule set over a parsed document and returns LSP diagnostics, sorted. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model';
import { splitLines, copyRange, type Line } from '../text/lines';
import { RULES, type Severity, type SeveritySetting } from '../rules';

export type RuleSettings = Record<string, SeveritySetting>;

/** Where each rule's documentation lives (the README's rule table). */
export const RULE_DOCS_BASE = 'https://github.com/imr-tools/imr-letters#rule-';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `text` (or its already split `lines`) is the text `doc` was parsed from; rules that read
 * text the model does not keep (the case summary) need it.
 */
export function computeDiagnostics(doc: ParsedDocument, settings: RuleSettings = {}, text: string | readonly Line[] = []): Diagnostic[] {
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const out: Diagnostic[] = [];
  // A loop, not push(...list): a spread of a letter's 100,000 diagnostics overflows the stack.
  for (let i = 0; i < doc.letters.length; i++) for (const d of letterDiagnostics(doc, i, settings, lines)) out.push(d);
  return sortAndDedupe(out);
}

/**
 * The diagnostics of one letter, unsorted. They depend only on that letter, the one before
 * it and their lines, so an edit elsewhere in the file can keep them (see service.ts).
 */
export function letterDiagnostics(doc: ParsedDocument, index: number, settings: RuleSettings, lines: readonly Line[]): Diagnostic[] {
  const letter = doc.letters[index];
  const previous = index > 0 ? doc.letters[index - 1] : undefined;
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const setting = settings[rule.code] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    let problems;
    try {
      problems = rule.check({ document: doc, letter, previous, lines });
    } catch {
      continue; // A rule bug must never take the other diagnostics down.
    }
    const severity = SEVERITY[setting] ?? SEVERITY[rule.defaultSeverity];
    const href = RULE_DOCS_BASE + rule.code;
    for (const p of problems) {
      // A plain literal (no spread): V8 can then allocate the kept diagnostics straight into the old generation.
      // Its own range: later versions reuse it while the letter's positions move (copyRange).
      const d: Diagnostic = { range: copyRange(p.range), severity, code: rule.code, codeDescription: { href }, source: 'imr', message: p.message };
      if (p.data) d.data = p.data;
      out.push(d);
    }
  }
  return out;
}

/** Sorted by position (then code and message), with exact repeats removed. */
export function sortAndDedupe(list: Diagnostic[]): Diagnostic[] {
  list.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      String(a.code).localeCompare(String(b.code)) ||
      a.message.localeCompare(b.message),
  );
  return list.filter((d, i) => {
    const p = list[i - 1];
    return !p || p.code !== d.code || p.message !== d.message || p.range.start.line !== d.range.start.line || p.range.start.character !== d.range.start.character;
  });
}
