/** Rules about each disputed item's guideline lines, rationale and duplicates. */
import type { Rule, Problem } from './types';
import type { DisputedItem, GuidelineSource, LayoutKind } from '../model';
import { singleSpaced } from '../text/joined';

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
  check({ letter }) {
    if (!LABELLED.has(letter.layout)) return [];
    const problems: Problem[] = [];
    for (const item of letter.items) {
      for (const source of ['claimsAdministrator', 'maximus'] as const) {
        if (item.guidelines.some((g) => g.source === source)) continue;
        problems.push({
          range: item.headingRange,
          message: `"${item.title}" has no "${GUIDELINE_LABELS[source]}" line.`,
          data: { source, label: GUIDELINE_LABELS[source], insertLine: guidelineInsertLine(item, source) },
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

export const missingRationale: Rule = {
  code: 'missing-rationale',
  defaultSeverity: 'error',
  description: 'A disputed item has no "Decision rationale:" explaining the decision.',
  check({ letter }) {
    if (!LABELLED.has(letter.layout)) return [];
    return letter.items
      .filter((item) => !item.rationale || item.rationale.text.trim() === '')
      .map((item) => ({
        range: item.rationale?.labelRange ?? item.headingRange,
        message: item.rationale ? `"${item.title}" has an empty decision rationale.` : `"${item.title}" has no "${RATIONALE_LABEL}".`,
        data: item.rationale ? { empty: true } : { label: RATIONALE_LABEL, insertLine: guidelineInsertLine(item, 'rationale') },
      }));
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
