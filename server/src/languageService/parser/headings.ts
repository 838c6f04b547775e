/**
 * Recognises section headings in every known layout. Matching is on the clean line with
 * runs of spaces collapsed and case folded, so indented, centred or space-padded
 * headings are found too.
 */
import type { SectionKind } from '../model';

interface HeadingPattern {
  kind: SectionKind;
  re: RegExp;
}

// Anchored and free of nested quantifiers: each test is linear in the line length.
const PATTERNS: HeadingPattern[] = [
  { kind: 'howMade', re: /^HOW THE IMR FINAL DETERMINATION WAS MADE:?$/ },
  { kind: 'caseSummary', re: /^(CLINICAL )?CASE SUMMARY:?$/ },
  { kind: 'decisions', re: /^IMR ISSUES,? DECISIONS,? AND RATIONALES?:?$/ },
  { kind: 'decisions', re: /^IMR DECISIONS?(\(S\))? AND RATIONALES?(\(S\))?:?$/ },
  { kind: 'documentsReviewed', re: /^DOCUMENTS REVIEWED( FOR DETERMINATION)?:?$/ },
  { kind: 'decisionAndRationale', re: /^INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE:?$/ },
  { kind: 'qualifications', re: /^MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER:?$/ },
  { kind: 'qualifications', re: /^MEDICAL REVIEWER QUALIFICATIONS:?$/ },
  { kind: 'issueAtDispute', re: /^ISSUES? AT DISPUTE:?$/ },
  { kind: 'guidelinesRelied', re: /^MEDICAL TREATMENT GUIDELINE\(?S?\)? RELIED UPON BY (THE )?PROFESSIONAL REVIEWER AND WHY:?$/ },
  { kind: 'rationale', re: /^RATIONALE FOR WHY THE REQUESTED TREATMENT\/SERVICE IS\/WAS NOT MEDICALLY NECESSARY:?$/ },
  { kind: 'other', re: /^MEDICAL PROFESSIONAL REVIEW:?$/ },
];

/** Collapses spaces and upper-cases a clean line for heading comparison. */
export function headingKey(clean: string): string {
  return clean.replace(/ {2,}/g, ' ').toUpperCase();
}

/** The section a line heads, or null. `clean` is the line's clean text. */
export function matchHeading(clean: string): SectionKind | null {
  if (clean.length < 12 || clean.length > 110) return null;
  const key = headingKey(clean);
  for (const p of PATTERNS) if (p.re.test(key)) return p.kind;
  return null;
}

/**
 * Long headings wrap in extraction ("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY" /
 * "PROFESSIONAL REVIEWER AND WHY:"). True when `clean` could be the first half of one.
 */
export function couldStartWrappedHeading(clean: string): boolean {
  if (clean.length < 8 || clean.length > 90) return false;
  const key = headingKey(clean);
  if (key !== clean.replace(/ {2,}/g, ' ')) return false; // headings are upper case
  return /^(MEDICAL TREATMENT GUIDELINE|RATIONALE FOR WHY|IMR ISSUES|HOW THE IMR|INDEPENDENT MEDICAL REVIEW|MEDICAL QUALIFICATIONS)/.test(key);
}

/** The canonical heading text of the reference layout, used by quick fixes and snippets. */
export const CANONICAL_HEADINGS: Partial<Record<SectionKind, string>> = {
  howMade: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  caseSummary: 'CLINICAL CASE SUMMARY',
  decisions: 'IMR ISSUES, DECISIONS AND RATIONALES',
  documentsReviewed: 'DOCUMENTS REVIEWED',
};
