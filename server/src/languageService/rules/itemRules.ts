/** Rules about each disputed item's guideline lines, rationale and duplicates. */
import type { Rule, Problem } from './types';
import type { DisputedItem, GuidelineSource, LayoutKind } from '../model';
import { singleSpaced } from '../text/joined';
import { isBlank, type Line } from '../text/lines';

/** Layouts whose items carry `Claims Administrator guideline:` / `MAXIMUS guideline:` / `Decision rationale:` lines. */
const LABELLED: ReadonlySet<LayoutKind> = new Set<LayoutKind>(['reference', 'documentsReviewed']);

export const GUIDELINE_LABELS: Record<'claimsAdministrator' | 'maximus', string> = {
  claimsAdministrator: 'Claims Administrator guideline:',
  maximus: 'MAXIMUS guideline:',
};
export const RATIONALE_LABEL = 'Decision rationale:';

export const missingGuideline: Rule = {
  code: 'missing-guideline',
  defaultSeverity: 'warning',
  description: 'A disputed item has no "Claims Administrator guideline:" or no "MAXIMUS guideline:" line.',
  check({ letter, lines }) {
    if (!LABELLED.has(letter.layout)) return [];
    const problems: Problem[] = [];
    for (const item of letter.items) {
      for (const source of ['claimsAdministrator', 'maximus'] as const) {
        if (item.guidelines.some((g) => g.source === source)) continue;
        const data: Record<string, unknown> = { source, label: GUIDELINE_LABELS[source], insertLine: guidelineInsertLine(item, source) };
        const labelLine = orphanLine(item, source, lines);
        if (labelLine !== undefined) data.labelLine = labelLine;
        problems.push({
          range: item.headingRange,
          message: `"${item.title}" has no "${GUIDELINE_LABELS[source]}" line.`,
          data,
        });
      }
    }
    return problems;
  },
};

/** The line before which a missing label belongs (labels go CA, MAXIMUS, rationale). */
export function guidelineInsertLine(item: DisputedItem, source: GuidelineSource | 'rationale'): number {
  const ca = item.guidelines.find((g) => g.source === 'claimsAdministrator');
  const mx = item.guidelines.find((g) => g.source === 'maximus');
  const afterHeading = item.headingRange.end.line + 1;
  if (source === 'claimsAdministrator') return afterHeading;
  if (source === 'maximus') return ca ? ca.range.end.line + 1 : afterHeading;
  const last = mx ?? ca;
  return last ? last.range.end.line + 1 : afterHeading;
}

/** A guideline's text written without its label. */
const GUIDELINE_TEXT = /^Decision based on\b/i;

/**
 * The line holding the text of a label that was dropped while its text stayed, when that text
 * is recognisable: the label belongs at the start of that line, not on a new line of its own.
 * A guideline's text starts `Decision based on`: the first such unlabelled line under the
 * heading for the Claims Administrator, the next for MAXIMUS. A rationale's text is the
 * prose paragraph after the last guideline's own text (it was read into that guideline).
 * Undefined when nothing recognisable is there.
 */
export function orphanLine(item: DisputedItem, source: GuidelineSource | 'rationale', lines: readonly Line[]): number | undefined {
  const ca = item.guidelines.find((g) => g.source === 'claimsAdministrator');
  const mx = item.guidelines.find((g) => g.source === 'maximus');
  const itemEnd = Math.min(item.range.end.line, lines.length - 1);
  if (source === 'rationale') {
    if (item.rationale) return undefined;
    const last = mx ?? ca;
    if (!last) return undefined;
    const end = Math.min(last.range.end.line, itemEnd);
    // The first paragraph after one that ends a sentence, starting one itself: not the rest of
    // a guideline line wrapped over a blank line (double-spaced extraction), nor a lower-case
    // continuation of it.
    let i = last.range.start.line + 1;
    for (;;) {
      while (i <= end && !isBlank(lines[i])) i++;
      const paragraphEnd = lines[i - 1].clean;
      while (i <= end && isBlank(lines[i])) i++;
      if (i > end) return undefined;
      if (/[.!?]["')\]]?$/.test(paragraphEnd)) {
        const clean = lines[i].clean;
        // A guideline line whose own label was dropped too: the rationale comes after it.
        if (GUIDELINE_TEXT.test(clean)) continue;
        return /^[A-Z"]/.test(clean) ? i : undefined;
      }
    }
  }
  // Lines not under any label: after the heading up to the first label, and those a
  // guideline's range took in after its own first line.
  const labelLines = new Set<number>();
  for (const g of item.guidelines) labelLines.add(g.range.start.line);
  if (item.rationale) labelLines.add(item.rationale.range.start.line);
  const candidates: number[] = [];
  const regionEnd = item.rationale ? Math.min(item.rationale.range.start.line - 1, itemEnd) : itemEnd;
  for (let i = item.headingRange.end.line + 1; i <= regionEnd; i++) {
    if (labelLines.has(i) || !GUIDELINE_TEXT.test(lines[i].clean)) continue;
    candidates.push(i);
  }
  if (source === 'claimsAdministrator') {
    // The CA text comes before any MAXIMUS line.
    const first = candidates[0];
    return first !== undefined && (!mx || first < mx.range.start.line) ? first : undefined;
  }
  // MAXIMUS: after the CA line (labelled, or the orphan the CA fix labels).
  const after = ca ? candidates.filter((i) => i > ca.range.start.line) : candidates.slice(1);
  return after[0];
}

export const missingRationale: Rule = {
  code: 'missing-rationale',
  defaultSeverity: 'error',
  description: 'A disputed item has no "Decision rationale:" explaining the decision.',
  check({ letter, lines }) {
    if (!LABELLED.has(letter.layout)) return [];
    return letter.items
      .filter((item) => !item.rationale || item.rationale.text.trim() === '')
      .map((item) => {
        let data: Record<string, unknown> = { empty: true };
        if (!item.rationale) {
          data = { label: RATIONALE_LABEL, insertLine: guidelineInsertLine(item, 'rationale') };
          const labelLine = orphanLine(item, 'rationale', lines);
          if (labelLine !== undefined) data.labelLine = labelLine;
        }
        return {
          range: item.rationale?.labelRange ?? item.headingRange,
          message: item.rationale ? `"${item.title}" has an empty decision rationale.` : `"${item.title}" has no "${RATIONALE_LABEL}".`,
          data,
        };
      });
  },
};

export const outcomeContradictsRationale: Rule = {
  code: 'outcome-contradicts-rationale',
  defaultSeverity: 'error',
  description: 'The outcome says one thing and the rationale concludes the other (Upheld but "medically necessary", Overturned but "not medically necessary").',
  check({ letter }) {
    const problems: Problem[] = [];
    for (const item of letter.items) {
      const conclusion = item.rationale?.conclusion;
      if (!item.outcome || !conclusion || !conclusion.finding) continue;
      if (item.outcome === 'Upheld' && conclusion.finding === 'necessary') {
        problems.push({
          range: conclusion.range,
          message: `"${item.title}" is Upheld (not medically necessary) but its rationale concludes it is medically necessary.`,
          data: { expected: 'Overturned' },
        });
      } else if (item.outcome === 'Overturned' && conclusion.finding === 'notNecessary') {
        problems.push({
          range: conclusion.range,
          message: `"${item.title}" is Overturned (medically necessary) but its rationale concludes it is not medically necessary.`,
          data: { expected: 'Upheld' },
        });
      }
    }
    return problems;
  },
};

/** Titles compared without case, spacing or a trailing stop. */
export function titleKey(title: string): string {
  const key = singleSpaced(title.toLowerCase());
  // The trailing-stop replace only when there is a stop to drop (it is slow on every title).
  const last = key.charCodeAt(key.length - 1);
  return (last === 46 || last === 58 ? key.replace(/(?<![.:])[.:]+$/, '') : key).trim();
}

export const duplicateItem: Rule = {
  code: 'duplicate-item',
  defaultSeverity: 'warning',
  description: 'The same disputed item appears twice in one letter.',
  check({ letter }) {
    // Item numbers, not line numbers, in the message: a message must stay true when an edit
    // above the letter moves it (the service keeps the diagnostics of untouched letters).
    const seen = new Map<string, number>();
    const problems: Problem[] = [];
    letter.items.forEach((item, i) => {
      const key = titleKey(item.title);
      if (key === '') return;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ range: item.titleRange, message: `"${item.title}" is listed twice (first as item ${first + 1} of this letter).` });
      } else seen.set(key, i);
    });
    return problems;
  },
};
