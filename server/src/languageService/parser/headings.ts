/**
 * Recognises section headings in every known layout. Matching is on the clean line with
 * runs of spaces collapsed and case folded, so indented, centred or space-padded
 * headings are found too. Label-style headings (`ISSUE AT DISPUTE: Lumbar MRI`) may carry
 * text after their colon.
 */
import type { SectionKind } from '../model';
import { collapseJoined } from '../text/joined';

interface HeadingPattern {
  kind: SectionKind;
  re: RegExp;
  /** A heading that can only open a letter (a second one means a second letter). */
  opener?: 'reference' | 'notice' | 'professional';
  /** May be followed by text on the same line after its colon. */
  label?: boolean;
  /** The first four characters of every line the pattern matches (PREFIXES). */
  starts: string[];
}

// Anchored and free of nested quantifiers: each test is linear in the line length.
const PATTERNS: HeadingPattern[] = [
  { kind: 'howMade', re: /^HOW THE IMR FINAL DETERMINATION WAS MADE:?$/, opener: 'reference', starts: ['HOW '] },
  { kind: 'caseSummary', re: /^(CLINICAL )?CASE SUMMARY:?$/, label: true, starts: ['CLIN', 'CASE'] },
  { kind: 'decisions', re: /^IMR ISSUES?,? DECISIONS?,? AND RATIONALES?:?$/, starts: ['IMR '] },
  { kind: 'decisions', re: /^IMR DECISIONS?(\(S\))? AND RATIONALES?(\(S\))?:?$/, starts: ['IMR '] },
  { kind: 'decisions', re: /^NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION:?$/, opener: 'notice', starts: ['NOTI'] },
  { kind: 'documentsReviewed', re: /^DOCUMENTS REVIEWED( FOR DETERMINATION)?:?$/, label: true, starts: ['DOCU'] },
  { kind: 'decisionAndRationale', re: /^INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE:?$/, starts: ['INDE'] },
  { kind: 'qualifications', re: /^MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER:?$/, label: true, starts: ['MEDI'] },
  { kind: 'qualifications', re: /^MEDICAL REVIEWER QUALIFICATIONS:?$/, label: true, starts: ['MEDI'] },
  { kind: 'issueAtDispute', re: /^ISSUES? AT DISPUTE:?$/, label: true, starts: ['ISSU'] },
  { kind: 'guidelinesRelied', re: /^MEDICAL TREATMENT GUIDELINE\(?S?\)? RELIED UPON BY (THE )?PROFESSIONAL REVIEWER AND WHY:?$/, starts: ['MEDI'] },
  { kind: 'rationale', re: /^RATIONALE FOR WHY THE REQUESTED TREATMENT\/SERVICE (IS\/WAS|IS|WAS)( NOT)? MEDICALLY NECESSARY:?$/, starts: ['RATI'] },
  { kind: 'other', re: /^MEDICAL PROFESSIONAL REVIEW:?$/, opener: 'professional', starts: ['MEDI'] },
];

/** Longest line tested as a heading: longer lines are prose. */
const MAX_HEADING = 120;

/** Collapses spaces and upper-cases a clean line for heading comparison. */
export function headingKey(clean: string): string {
  return collapseJoined(clean).toUpperCase();
}

/**
 * Most lines are plain ASCII: for them a pattern that folds case itself (flag i) matches
 * exactly when the pattern matches the upper-cased line, and no upper-cased copy is made
 * (toUpperCase is slow on two-byte text). Other lines go through headingKey.
 */
const NON_ASCII = /[^\x00-\x7f]/;
const FOLDED_PATTERNS: HeadingPattern[] = PATTERNS.map((p) => ({ ...p, re: new RegExp(p.re.source, 'i') }));

/** What the heading patterns are tested on: the spaces-collapsed text, upper-cased unless `ascii` (FOLDED_PATTERNS fold case then). */
function comparable(s: string, ascii: boolean): string {
  return ascii ? collapseJoined(s) : headingKey(s);
}

export interface HeadingMatch {
  kind: SectionKind;
  opener?: 'reference' | 'notice' | 'professional';
  /** Length of the heading proper within the tested text (less than its length when text follows a label). */
  length: number;
}

/** First four letters (upper-cased) of every heading: a cheap test that rules out prose lines. */
const PREFIXES = new Set(PATTERNS.flatMap((p) => p.starts.map((start) => prefixCode(start, 0))));

/**
 * The case-folding patterns a plain ASCII line may match, by its prefix code: a line is tested
 * against the one to four patterns that start like it, not all thirteen (most lines that get
 * this far are prose starting like a heading, and fail every test).
 */
const FOLDED_BY_PREFIX = new Map<number, HeadingPattern[]>();
for (const p of FOLDED_PATTERNS) {
  for (const start of p.starts) {
    const code = prefixCode(start, 0);
    FOLDED_BY_PREFIX.set(code, [...(FOLDED_BY_PREFIX.get(code) ?? []), p]);
  }
}

/** The first four characters as one number, ASCII letters folded to lower case (no allocation). */
function prefixCode(s: string, at: number): number {
  let code = 0;
  for (let i = at; i < at + 4; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    code = code * 256 + (c & 255);
  }
  return code;
}

/** True when `clean`, from character `at` on, starts like some heading (case-insensitive). */
export function mayBeHeading(clean: string, at = 0): boolean {
  if (clean.length - at < 12 || !mayStartHeading(clean.charCodeAt(at))) return false;
  return PREFIXES.has(prefixCode(clean, at));
}

/** True when a heading may start with character `c` (the first letter of some PREFIXES entry, any case). */
export function mayStartHeading(c: number): boolean {
  c |= 32; // lower-case ASCII letter
  return c === 104 || c === 99 || c === 105 || c === 110 || c === 100 || c === 109 || c === 114;
}

/**
 * Length of the section number that starts `clean` (0 when there is none): what
 * /^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)] +/ matches, read by character. A third of all lines
 * start with a digit or one of these capitals, and a regex match object for each cost more
 * than the whole rest of the heading test.
 */
export function numberingLength(clean: string, c0 = clean.charCodeAt(0)): number {
  let n: number;
  if (c0 >= 48 && c0 <= 57) n = runOf(clean, isDigit, 3);
  else if (c0 === 73 || c0 === 86 || c0 === 88) n = runOf(clean, isRoman, 5);
  else if (c0 >= 65 && c0 <= 72) n = 1;
  else return 0;
  // One or two digits, up to four of I, V, X: a longer run is no section number.
  if (n === 0 || (c0 <= 57 ? n > 2 : n > 4)) return 0;
  const mark = clean.charCodeAt(n);
  if ((mark !== 46 && mark !== 41) || clean.charCodeAt(n + 1) !== 32) return 0;
  let end = n + 2;
  while (clean.charCodeAt(end) === 32) end++;
  return end;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isRoman = (c: number): boolean => c === 73 || c === 86 || c === 88;

/** How many characters from the start of `s` pass `test`, counting no further than `max`. */
function runOf(s: string, test: (c: number) => boolean, max: number): number {
  let n = 0;
  while (n < max && test(s.charCodeAt(n))) n++;
  return n;
}

/** The heading `clean` (one line, or two joined by a space) is, or null. A section number before it (`1. CLINICAL CASE SUMMARY`) is part of the heading. */
export function matchHeadingDetail(clean: string): HeadingMatch | null {
  const skip = numberingLength(clean);
  const m = matchBareHeading(skip > 0 ? clean.slice(skip) : clean);
  if (m && skip > 0) m.length += skip;
  return m;
}

function matchBareHeading(clean: string): HeadingMatch | null {
  if (clean.length < 12 || clean.length > MAX_HEADING * 2 || !mayBeHeading(clean)) return null;
  const ascii = !NON_ASCII.test(clean);
  // mayBeHeading passed, so the prefix is a heading's; collapsing spaces keeps the first four characters.
  const patterns = ascii ? (FOLDED_BY_PREFIX.get(prefixCode(clean, 0)) ?? []) : PATTERNS;
  const key = comparable(clean, ascii);
  for (const p of patterns) if (p.re.test(key)) return { kind: p.kind, opener: p.opener, length: clean.length };
  // A label heading followed by text: test the part up to its first colon.
  const colon = clean.indexOf(':');
  if (colon > 8 && colon < 60 && colon < clean.length - 1) {
    const head = comparable(clean.slice(0, colon + 1), ascii);
    for (const p of patterns) if (p.label && p.re.test(head)) return { kind: p.kind, opener: p.opener, length: colon + 1 };
  }
  return null;
}

/** The section a line heads, or null. `clean` is the line's clean text. */
export function matchHeading(clean: string): SectionKind | null {
  if (clean.length > MAX_HEADING) return null;
  return matchHeadingDetail(clean)?.kind ?? null;
}

const WRAP_STARTS =
  /^(MEDICAL TREATMENT GUIDELINE|RATIONALE FOR WHY|IMR ISSUES|IMR DECISION|HOW THE IMR|INDEPENDENT MEDICAL|MEDICAL QUALIFICATIONS|NOTICE OF INDEPENDENT|DOCUMENTS REVIEWED|CLINICAL CASE|MEDICAL PROFESSIONAL|MEDICAL REVIEWER)/;

/**
 * Long headings wrap in extraction ("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY" /
 * "PROFESSIONAL REVIEWER AND WHY:"). True when `clean` could be the first half of one.
 */
export function couldStartWrappedHeading(clean: string): boolean {
  const skip = numberingLength(clean);
  if (skip > 0) clean = clean.slice(skip);
  if (clean.length < 8 || clean.length > 100 || !mayBeHeading(clean)) return false;
  const ascii = !NON_ASCII.test(clean);
  return (ascii ? WRAP_STARTS_FOLDED : WRAP_STARTS).test(comparable(clean, ascii));
}

const WRAP_STARTS_FOLDED = new RegExp(WRAP_STARTS.source, 'i');

/** The canonical heading text of the reference layout, used by quick fixes and snippets. */
export const CANONICAL_HEADINGS: Partial<Record<SectionKind, string>> = {
  howMade: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  caseSummary: 'CLINICAL CASE SUMMARY',
  decisions: 'IMR ISSUES, DECISIONS AND RATIONALES',
  documentsReviewed: 'DOCUMENTS REVIEWED',
};
