/** Rules about a letter's sections and items being there at all. */
import type { Rule } from './types';
import type { SectionKind } from '../model';
import { CANONICAL_HEADINGS } from '../parser/headings';

/** The sections each layout must have, in order. */
const REQUIRED: Record<string, SectionKind[]> = {
  reference: ['howMade', 'caseSummary', 'decisions'],
  documentsReviewed: ['howMade', 'documentsReviewed', 'caseSummary', 'decisions'],
};

export const missingSection: Rule = {
  code: 'missing-section',
  defaultSeverity: 'error',
  description: 'A required section heading (HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES) is missing.',
  check({ letter }) {
    const required = REQUIRED[letter.layout];
    if (!required) return [];
    const present = new Set(letter.sections.map((s) => s.kind));
    const problems = [];
    for (const kind of required) {
      if (present.has(kind)) continue;
      const heading = CANONICAL_HEADINGS[kind] ?? kind;
      // Point at the place the heading belongs: the start of the next present section, or the letter's start.
      const next = required.slice(required.indexOf(kind) + 1).map((k) => letter.sections.find((s) => s.kind === k)).find((s) => s);
      const at = next ? next.headingRange.start : letter.range.start;
      problems.push({
        range: { start: at, end: next ? next.headingRange.end : { line: at.line, character: at.character } },
        message: `Missing section "${heading}".`,
        data: { section: kind, heading },
      });
    }
    return problems;
  },
};

export const noItems: Rule = {
  code: 'no-items',
  defaultSeverity: 'error',
  description: 'The decisions section lists no disputed item with an outcome.',
  check({ letter }) {
    const decisions = letter.sections.find((s) => s.kind === 'decisions');
    if (!decisions || letter.items.length > 0) return [];
    return [{ range: decisions.headingRange, message: 'The decisions section has no disputed items: expected a heading like "Soma 350 mg #60: Upheld".' }];
  },
};

export const missingOutcome: Rule = {
  code: 'missing-outcome',
  defaultSeverity: 'error',
  description: 'A disputed item heading has no outcome (Upheld or Overturned).',
  check({ letter }) {
    return letter.items
      .filter((item) => item.outcome === null && item.outcomeText === undefined)
      .map((item) => ({
        range: item.headingRange,
        message: `"${item.title}" has no outcome: end the heading with ": Upheld" or ": Overturned".`,
      }));
  },
};

export const unknownOutcome: Rule = {
  code: 'unknown-outcome',
  defaultSeverity: 'error',
  description: 'An item outcome is not exactly "Upheld" or "Overturned" (e.g. "Uphold", "overturn", "Upheld.", "Denied").',
  check({ letter }) {
    return letter.items
      .filter((item) => item.outcomeText !== undefined && (item.outcome === null || item.outcomeText !== item.outcome))
      .map((item) => ({
        range: item.outcomeRange ?? item.headingRange,
        message: `"${item.outcomeText}" is not an IMR outcome: use "Upheld" or "Overturned".`,
        data: { outcomeText: item.outcomeText },
      }));
  },
};
