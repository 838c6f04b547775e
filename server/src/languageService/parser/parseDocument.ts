/**
 * Entry point of the parser: text in, letter model out. Never throws on any input:
 * text with no letter structure gives `letters: []`. One pass finds headings, one pass
 * splits letters, then each letter is read from its own lines only, so the whole parse
 * stays linear in the size of the text.
 */
import type { DisputedItem, Letter, LayoutKind, ParsedDocument, Section, SectionKind } from '../model';
import type { Line } from '../text/lines';
import { isBlank, splitLines, spanRange } from '../text/lines';
import { collapseSpaces } from '../text/joined';
import { matchHeadingDetail, couldStartWrappedHeading, mayBeHeading, mayStartHeading, numberingLength } from './headings';
import { readItems } from './items';
import { readNoticeItems } from './notice';
import { readProfessionalItem } from './professional';
import { readHeader, isHeaderStart } from './header';
import { readReviewer, readPatient } from './people';

/** `given`: the text already split, for callers that need the lines too (split once, not twice). */
export function parseDocument(text: string, given?: Line[]): ParsedDocument {
  try {
    const lines = given ?? splitLines(text);
    return { letters: parseLines(lines), lineCount: lines.length };
  } catch {
    // Defensive: the parser is written not to throw; an editor must never lose its model.
    return { letters: [], lineCount: countLines(text) };
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

export interface HeadingAt {
  /** First and last line of the heading (a long heading may wrap onto a second line). */
  line: number;
  lastLine: number;
  kind: SectionKind;
  opener?: 'reference' | 'notice' | 'professional';
  title: string;
  /** Raw character on `lastLine` where the heading ends (text may follow a label heading). */
  endChar: number;
}

/**
 * Finds every heading; a heading may wrap over two non-blank lines. `headerStarts`, when
 * given, receives the other lines that could open a header block (isHeaderStart), so the
 * letter split needs no second pass over every line. `from`/`to`: only the headings starting
 * on those lines (an edit reads again only the lines near it, incremental/marks.ts).
 */
export function findHeadings(lines: readonly Line[], headerStarts?: number[], from = 0, to = lines.length): HeadingAt[] {
  const out: HeadingAt[] = [];
  for (let i = from; i < to; i++) {
    const heading = headingAt(lines, i);
    if (heading) {
      out.push(heading);
      i = heading.lastLine;
    } else if (headerStarts && isHeaderStart(lines[i].clean, lines[i].first)) headerStarts.push(i);
  }
  return out;
}

/** A heading starting on line `i` is read from lines `i` to `i + HEADING_REACH` at most. */
export const HEADING_REACH = 6;

/** The heading that starts on line `i`, or null. */
function headingAt(lines: readonly Line[], i: number): HeadingAt | null {
  const line = lines[i];
  const clean = line.clean;
  if (clean.length < 8 || clean.length > 240) return null;
  // Headings start with a letter or a section number: skip most prose lines cheaply.
  const c0 = line.first;
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57))) return null;
  // Both a heading and the first half of a wrapped one start like some heading once any
  // section number is skipped: one test rules out nearly every line.
  const numbering = numberingLength(clean, c0);
  // Without a section number the first character alone rules out most lines.
  if ((numbering === 0 && !mayStartHeading(c0)) || !mayBeHeading(clean, numbering)) return null;
  const m = clean.length <= 120 ? matchHeadingDetail(clean) : null;
  if (m) return { line: i, lastLine: i, kind: m.kind, opener: m.opener, title: collapseSpaces(clean.slice(0, m.length)), endChar: line.start + m.length };
  if (!couldStartWrappedHeading(clean)) return null;
  let j = i + 1;
  while (j < lines.length && j - i < HEADING_REACH && isBlank(lines[j])) j++;
  if (j >= lines.length || isBlank(lines[j]) || lines[j].clean.length > 120) return null;
  const joined = clean + ' ' + lines[j].clean;
  const m2 = matchHeadingDetail(joined);
  if (!m2 || m2.length <= clean.length) return null;
  const endChar = lines[j].start + (m2.length - clean.length - 1);
  return { line: i, lastLine: j, kind: m2.kind, opener: m2.opener, title: collapseSpaces(joined.slice(0, m2.length)), endChar };
}

/** The layout family a heading belongs to alone, or undefined when several layouts share it. */
function familyOf(h: HeadingAt): 'reference' | 'notice' | 'professional' | undefined {
  if (h.opener) return h.opener;
  if (h.kind === 'issueAtDispute' || h.kind === 'guidelinesRelied' || h.kind === 'rationale') return 'professional';
  if (h.kind === 'decisionAndRationale') return 'notice';
  if (h.kind === 'decisions') return 'reference';
  return undefined;
}

/** Body kinds of the reference family in their order: seeing one out of order starts a new letter. */
const REFERENCE_RANK: Partial<Record<SectionKind, number>> = { howMade: 0, documentsReviewed: 1, caseSummary: 2, decisions: 3 };

/** Where one letter lies: its first and last non-blank line and the headings inside it. */
export interface LetterSpan {
  from: number;
  to: number;
  headings: HeadingAt[];
}

export function parseLines(lines: Line[], spans: LetterSpan[] = splitLetters(lines)): Letter[] {
  return spans.map((span) => readLetter(lines, span));
}

/**
 * Finds where each letter lies. Cheap next to reading the letters (`readLetter`), which is
 * what lets an edit re-read only the letters it touched (see incremental/reparse.ts).
 */
export function splitLetters(lines: readonly Line[]): LetterSpan[] {
  const headerStarts: number[] = [];
  return lettersAt(lines, findHeadings(lines, headerStarts), headerStarts);
}

/** The letters, from every heading and header-block candidate of `lines` (findHeadings). */
export function lettersAt(lines: readonly Line[], headings: readonly HeadingAt[], headerStarts: readonly number[]): LetterSpan[] {
  // Split into letters. A letter starts at an opening heading (or a header block before
  // it), or at a heading that cannot follow what the current letter already holds.
  const starts: number[] = [];
  const startHeading: number[] = [];
  let seen = new Set<SectionKind>();
  let family: 'reference' | 'notice' | 'professional' = 'reference';
  let maxRank = -1;
  let pendingHeader = -1;
  // Headings and header-block candidates in line order (the state only changes at headings).
  let si = 0;
  for (let hi = 0; hi <= headings.length; hi++) {
    const nextHeading = hi < headings.length ? headings[hi].line : lines.length;
    for (; si < headerStarts.length && headerStarts[si] < nextHeading; si++) {
      if (pendingHeader < 0 && (seen.size > 0 || starts.length === 0)) pendingHeader = headerStarts[si];
    }
    if (hi === headings.length) break;
    const h = headings[hi];
    const rank = REFERENCE_RANK[h.kind];
    let restart = starts.length === 0;
    const own = familyOf(h);
    if (!restart && seen.size > 0) {
      if (h.opener) restart = true;
      // A heading only another layout has (ISSUE AT DISPUTE after a reference letter) opens a new letter.
      else if (own && own !== family) restart = true;
      else if (family === 'reference') restart = rank !== undefined && rank <= maxRank;
      else restart = h.kind !== 'other' && seen.has(h.kind);
    }
    if (restart) {
      starts.push(pendingHeader >= 0 ? pendingHeader : h.line);
      startHeading.push(hi);
      seen = new Set();
      family = own ?? 'reference';
      maxRank = -1;
    }
    if (h.opener) family = h.opener;
    seen.add(h.kind);
    if (rank !== undefined && rank > maxRank) maxRank = rank;
    pendingHeader = -1;
  }
  if (starts.length === 0) return [];
  // Text before the first letter's start belongs to it (a cover page, stray header lines).
  starts[0] = firstNonBlank(lines, 0, starts[0]);

  const spans: LetterSpan[] = [];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s];
    const next = s + 1 < starts.length ? starts[s + 1] : lines.length;
    const to = lastNonBlank(lines, from, next - 1);
    const hEnd = s + 1 < startHeading.length ? startHeading[s + 1] : headings.length;
    spans.push({ from, to, headings: headings.slice(startHeading[s], hEnd) });
  }
  return spans;
}

function firstNonBlank(lines: readonly Line[], from: number, fallback: number): number {
  for (let i = from; i < fallback; i++) if (!isBlank(lines[i])) return i;
  return fallback;
}

export function lastNonBlank(lines: readonly Line[], from: number, to: number): number {
  for (let i = to; i > from; i--) if (!isBlank(lines[i])) return i;
  return from;
}

/** Reads one letter from its own lines only (`span.from`..`span.to`). */
export function readLetter(lines: readonly Line[], span: LetterSpan): Letter {
  const { from, to, headings } = span;
  const sections: Section[] = [];
  if (headings.length === 0 || headings[0].line > from) {
    const end = lastNonBlank(lines, from, (headings.length ? headings[0].line : to + 1) - 1);
    sections.push({ kind: 'header', title: 'Header', headingRange: spanRange(lines[from], lines[from]), range: spanRange(lines[from], lines[end]) });
  }
  for (let h = 0; h < headings.length; h++) {
    const head = headings[h];
    const first = lines[head.line];
    const end = lastNonBlank(lines, head.lastLine, (h + 1 < headings.length ? headings[h + 1].line : to + 1) - 1);
    sections.push({
      kind: head.kind,
      title: head.title,
      headingRange: { start: { line: head.line, character: first.start }, end: { line: head.lastLine, character: head.endChar } },
      range: spanRange(first, lines[end]),
    });
  }

  const layout = layoutOf(headings);
  const items: DisputedItem[] = [];
  if (layout === 'notice2013') {
    // Loops, not push(...items): spreading a letter's 200,000 items overflowed the stack, and
    // the parse then fell back to no letters at all.
    for (const item of readNoticeItems(lines, from, to)) items.push(item);
  } else if (layout === 'professionalReview') {
    const item = readProfessionalItem(lines, sections, headings);
    if (item) items.push(item);
  }
  if (items.length === 0) {
    // Reference-style item headings under a decisions heading; also the fallback when a
    // letter looked like another layout but holds no items of that layout's form.
    for (let h = 0; h < headings.length; h++) {
      const head = headings[h];
      if (head.kind !== 'decisions' || head.opener === 'notice') continue;
      const sectionEnd = h + 1 < headings.length ? headings[h + 1].line - 1 : to;
      for (const item of readItems(lines, head.lastLine + 1, sectionEnd)) items.push(item);
    }
  }

  // The header table sits before the body: stop reading it at the first body heading.
  const bodyStart = headings.find((h) => h.opener !== 'notice' && h.opener !== 'professional');
  // A long cover page can push the table down: read the 80 lines before the body then.
  const headerFrom = bodyStart && bodyStart.line - from > 80 ? bodyStart.line - 80 : from;
  const headerEnd = Math.min(to, bodyStart ? bodyStart.line - 1 : to, headerFrom + 80);
  const summary = sections.find((s) => s.kind === 'caseSummary');
  return {
    layout,
    range: spanRange(lines[from], lines[to]),
    header: readHeader(lines, headerFrom, headerEnd),
    reviewer: readReviewer(lines, from, to, sections),
    patient: summary ? readPatient(lines, summary.headingRange.end.line, summary.range.end.line, summary.headingRange.end.character) : {},
    sections,
    items,
  };
}

function layoutOf(headings: HeadingAt[]): LayoutKind {
  let hasHowMade = false;
  let hasDocs = false;
  let hasRefBody = false;
  for (const h of headings) {
    if (h.opener === 'professional' || h.kind === 'issueAtDispute' || h.kind === 'guidelinesRelied' || h.kind === 'rationale') return 'professionalReview';
    if (h.opener === 'notice' || h.kind === 'decisionAndRationale') return 'notice2013';
    if (h.kind === 'howMade') hasHowMade = true;
    if (h.kind === 'documentsReviewed') hasDocs = true;
    if (h.kind === 'caseSummary' || h.kind === 'decisions') hasRefBody = true;
  }
  if (hasHowMade && hasDocs) return 'documentsReviewed';
  if (hasHowMade || hasRefBody) return 'reference';
  return 'unknown';
}

