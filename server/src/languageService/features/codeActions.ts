/**
 * Quick fixes for the diagnostics that have an obvious fix, and "fix all in file". Each
 * fix is built from the diagnostic's `data` (set by the rule) and the document's lines.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument, DisputedItem } from '../model';
import { isBlank, rawOf, type Line } from '../text/lines';
import { insertLineEdit } from './textEdits';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.imr';

export interface CodeActionInput {
  uri: string;
  text: string;
  lines: readonly Line[];
  parsed: ParsedDocument;
}

interface Fix {
  title: string;
  edit: TextEdit;
  preferred: boolean;
}

/** Outcome words writers use, mapped to the valid outcome they mean. */
const MEANS_UPHELD = /^(?:uphold|upholds|upheld|affirmed|denied|non-?certified|not certified|partially upheld)$/i;
const MEANS_OVERTURNED = /^(?:overturn|overturns|overturned|reversed|approved|certified|partially overturned|partially overturn|overturned in part)$/i;

/** The valid outcome nearest to a word as written (by meaning, then by spelling). */
export function nearestOutcome(word: string): 'Upheld' | 'Overturned' {
  const w = word.trim().replace(/(?<![.!])[.!]+$/, '');
  if (MEANS_UPHELD.test(w)) return 'Upheld';
  if (MEANS_OVERTURNED.test(w)) return 'Overturned';
  return distance(w.toLowerCase(), 'upheld') <= distance(w.toLowerCase(), 'overturned') ? 'Upheld' : 'Overturned';
}

/** Edit distance, O(a*b) on short words only. */
function distance(a: string, b: string): number {
  a = a.slice(0, 40);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The items of a request's document by the ranges a diagnostic points at (heading, title,
 * outcome), built once per request: searching every item for each diagnostic made fix-all
 * cost diagnostics x items.
 */
const itemIndexes = new WeakMap<CodeActionInput, Map<string, DisputedItem>>();

function itemAt(input: CodeActionInput, range: Range): DisputedItem | undefined {
  let index = itemIndexes.get(input);
  if (!index) itemIndexes.set(input, (index = indexItems(input.parsed)));
  return index.get(rangeKey(range));
}

/** The first item (in document order) with each heading, title or outcome range. */
function indexItems(parsed: ParsedDocument): Map<string, DisputedItem> {
  const index = new Map<string, DisputedItem>();
  for (const letter of parsed.letters) {
    for (const item of letter.items) {
      for (const range of [item.headingRange, item.titleRange, item.outcomeRange]) {
        const key = range && rangeKey(range);
        if (key && !index.has(key)) index.set(key, item);
      }
    }
  }
  return index;
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The fixes for one diagnostic (empty when it has no obvious fix). */
export function fixesFor(input: CodeActionInput, d: Diagnostic): Fix[] {
  const data = (d.data ?? {}) as Record<string, unknown>;
  const { lines, text } = input;
  switch (d.code) {
    case 'missing-section': {
      const heading = typeof data.heading === 'string' ? data.heading : undefined;
      const at = num(data.insertLine);
      if (!heading || at === undefined) return [];
      return [{ title: `Insert section heading "${heading}"`, edit: insertLineEdit(lines, text, at, heading), preferred: true }];
    }
    case 'missing-outcome': {
      const item = itemAt(input, d.range);
      const end = d.range.end;
      const line = lines[end.line];
      if (!line) return [];
      const endsWithColon = rawOf(line).slice(0, end.character).trimEnd().endsWith(':');
      // Prefer the outcome the rationale's conclusion supports. With no readable conclusion
      // neither is preferred: fix-all (and fix-on-save) must not write a decision nobody made.
      const finding = item?.rationale?.conclusion?.finding;
      const preferredWord = finding === 'necessary' ? 'Overturned' : finding === 'notNecessary' ? 'Upheld' : undefined;
      return (['Upheld', 'Overturned'] as const).map((word) => ({
        title: `Add outcome "${word}"`,
        edit: { range: { start: end, end }, newText: (endsWithColon ? ' ' : ': ') + word },
        preferred: word === preferredWord,
      }));
    }
    case 'unknown-outcome': {
      const written = typeof data.outcomeText === 'string' ? data.outcomeText : '';
      const item = itemAt(input, d.range);
      if (!item?.outcomeRange) return [];
      const nearest = nearestOutcome(written);
      return (['Upheld', 'Overturned'] as const).map((word) => ({
        title: `Change "${written}" to "${word}"`,
        edit: { range: item.outcomeRange!, newText: word },
        preferred: word === nearest,
      }));
    }
    case 'missing-guideline':
    case 'missing-rationale': {
      const label = typeof data.label === 'string' ? data.label : undefined;
      const at = num(data.insertLine);
      if (!label || at === undefined) return [];
      // The label was dropped but its text stayed: label that line where it starts.
      const orphan = num(data.labelLine);
      const orphanLine = orphan === undefined ? undefined : lines[orphan];
      if (orphanLine && !isBlank(orphanLine)) {
        const pos = { line: orphan!, character: orphanLine.start };
        return [{ title: `Insert "${label}"`, edit: { range: { start: pos, end: pos }, newText: label + ' ' }, preferred: true }];
      }
      const placeholder = d.code === 'missing-guideline' ? ' Decision based on ' : ' ';
      return [{ title: `Insert "${label}"`, edit: insertLineEdit(lines, text, at, label + placeholder.trimEnd()), preferred: true }];
    }
    default:
      return [];
  }
}

export function getCodeActions(input: CodeActionInput, diagnostics: readonly Diagnostic[], allDiagnostics: readonly Diagnostic[], only?: string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  let fixable = false;
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      for (const fix of fixesFor(input, d)) {
        fixable = true;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred,
          edit: { changes: { [input.uri]: [fix.edit] } },
        });
      }
    }
  }
  // Offered in the light bulb next to a fixable problem, and to "Fix All" / fix-on-save.
  const asSource = wants(FIX_ALL_KIND);
  if (fixable || asSource) {
    const all = fixAllEdits(input, allDiagnostics);
    if (all.length > 0) {
      actions.push({
        title: 'Fix all IMR problems in file',
        kind: asSource && !fixable ? FIX_ALL_KIND : CodeActionKind.QuickFix,
        edit: { changes: { [input.uri]: all } },
      });
    }
  }
  return actions;
}

/** The preferred fix of every fixable diagnostic, skipping any that would overlap another. */
export function fixAllEdits(input: CodeActionInput, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = fixesFor(input, d).find((f) => f.preferred);
    if (fix) edits.push(fix.edit);
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (prev && cmp(e.range.start, prev.range.end) < 0) continue;
    // Two inserts at the same place would interleave: keep the first.
    if (prev && cmp(e.range.start, prev.range.start) === 0 && cmp(prev.range.start, prev.range.end) === 0 && cmp(e.range.start, e.range.end) === 0) {
      prev.newText += e.newText;
      continue;
    }
    out.push({ range: e.range, newText: e.newText });
  }
  return out;
}

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
