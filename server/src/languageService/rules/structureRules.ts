/** Rules about a letter's sections and items being there at all. */
import type { Rule } from './types';
import type { Letter, SectionKind } from '../model';
import { CANONICAL_HEADINGS } from '../parser/headings';
import { isBlank, rawSlice, type Line } from '../text/lines';

/** The sections each layout must have, in order. */
const REQUIRED: Record<string, SectionKind[]> = {
  reference: ['howMade', 'caseSummary', 'decisions'],
  documentsReviewed: ['howMade', 'documentsReviewed', 'caseSummary', 'decisions'],
};

export const missingSection: Rule = {
  code: 'missing-section',
  defaultSeverity: 'error',
  description: 'A required section heading (HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES) is missing.',
  check({ letter, lines }) {
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
        // Where the heading belongs: before the summary's own first line when the heading alone
        // was dropped (its text then sits under the section before), else before the next
        // present section, or after the letter.
        data: { section: kind, heading, insertLine: (kind === 'caseSummary' ? summaryStart(letter, lines, next?.headingRange.start.line) : undefined) ?? (next ? next.headingRange.start.line : letter.range.end.line + 1) },
      });
    }
    return problems;
  },
};

/** How a case summary opens: the reviewer's lead-in, or the worker described by age. */
const SUMMARY_OPENING = /^(?:The expert reviewer developed the following clinical case summary|(?:The|This) (?:injured worker|IW|patient|applicant|claimant|employee|worker) (?:is )?(?:an? )?\d{1,3}[- ]year[- ]old)\b/i;

/**
 * The first line of a case summary left without its heading: a line that opens like one,
 * after the letter's first section heading and before `before` (the next section). Undefined
 * when there is none.
 */
function summaryStart(letter: Letter, lines: readonly Line[], before: number | undefined): number | undefined {
  const first = letter.sections[0];
  if (!first || before === undefined) return undefined;
  for (let i = first.headingRange.end.line + 1; i < before && i < lines.length; i++) {
    if (SUMMARY_OPENING.test(lines[i].clean)) return i;
  }
  return undefined;
}

export const sectionOrder: Rule = {
  code: 'section-order',
  defaultSeverity: 'warning',
  description: 'Sections are not in the usual order (HOW THE IMR ..., CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES).',
  check({ letter, previous }) {
    const required = REQUIRED[letter.layout];
    if (!required) return [];
    const problems = [];
    // The parser starts a new letter at a heading that cannot follow the previous ones, so
    // a section moved below a later one shows up as a letter that opens with it.
    const first = letter.sections[0];
    if (previous && first && first.kind !== 'header' && required.indexOf(first.kind) > 0) {
      const later = previous.sections.find((s) => required.indexOf(s.kind) >= required.indexOf(first.kind));
      if (later) problems.push({ range: first.headingRange, message: `"${first.title}" should come before "${later.title}".` });
    }
    let highest = -1;
    let highestTitle = '';
    for (const section of letter.sections) {
      const rank = required.indexOf(section.kind);
      if (rank < 0) continue;
      if (rank < highest) {
        problems.push({ range: section.headingRange, message: `"${section.title}" should come before "${highestTitle}".` });
      } else {
        highest = rank;
        highestTitle = section.title;
      }
    }
    return problems;
  },
};

/** Sections whose emptiness another rule already reports (no-items) or that have no body. */
const EMPTY_EXEMPT = new Set<SectionKind>(['decisions', 'header', 'other']);

export const emptySection: Rule = {
  code: 'empty-section',
  defaultSeverity: 'warning',
  description: 'A section heading is followed by no text before the next section.',
  check({ letter, lines }) {
    const problems = [];
    for (const section of letter.sections) {
      if (EMPTY_EXEMPT.has(section.kind)) continue;
      const head = section.headingRange.end;
      const headLine = lines[head.line];
      // Label headings may carry their text on the same line (`ISSUE AT DISPUTE: MRI`).
      let hasText = !!headLine && headLine.end > head.character && rawSlice(headLine, head.character, headLine.end).trim() !== '';
      for (let i = head.line + 1; !hasText && i <= section.range.end.line && i < lines.length; i++) hasText = !isBlank(lines[i]);
      if (!hasText) problems.push({ range: section.headingRange, message: `Section "${section.title}" is empty.` });
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
  description: 'An item outcome is not exactly "Upheld" or "Overturned" (e.g. "Uphold", "overturn", "Upheld.", "Denied"); all capitals ("UPHELD") are accepted.',
  check({ letter }) {
    return letter.items
      .filter((item) => item.outcomeText !== undefined && (item.outcome === null || (item.outcomeText !== item.outcome && item.outcomeText !== item.outcome.toUpperCase())))
      .map((item) => ({
        range: item.outcomeRange ?? item.headingRange,
        message: `"${item.outcomeText}" is not an IMR outcome: use "Upheld" or "Overturned".`,
        data: { outcomeText: item.outcomeText },
      }));
  },
};
