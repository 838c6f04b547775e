/**
 * Entry point of the parser: text in, letter model out. Never throws on any input:
 * text with no letter structure gives `letters: []`.
 */
import type { Letter, LayoutKind, ParsedDocument, Section, SectionKind } from '../model';
import type { Line } from '../text/lines';
import { splitLines, spanRange } from '../text/lines';
import { matchHeading, headingKey } from './headings';
import { readItems } from './items';
import { readHeader, isHeaderStart } from './header';
import { readReviewer, readPatient } from './people';

export function parseDocument(text: string): ParsedDocument {
  const lines = splitLines(text);
  return { letters: parseLines(lines), lineCount: lines.length };
}

interface HeadingAt {
  line: number;
  kind: SectionKind;
}

/** Sections that belong to a letter's body: seeing one again means a new letter. */
const BODY_KINDS = new Set<SectionKind>(['howMade', 'caseSummary', 'decisions', 'documentsReviewed']);

export function parseLines(lines: Line[]): Letter[] {
  const headings: HeadingAt[] = [];
  for (const line of lines) {
    if (line.clean === '') continue;
    const kind = matchHeading(line.clean);
    if (kind) headings.push({ line: line.index, kind });
  }

  // Split into letters: a letter starts at a header block or at a body heading already
  // seen in (or coming before one seen in) the current letter.
  const starts: number[] = [];
  let seen = new Set<SectionKind>();
  let hi = 0;
  let pendingHeaderStart = -1;
  const ORDER: SectionKind[] = ['howMade', 'documentsReviewed', 'caseSummary', 'decisions'];
  for (const line of lines) {
    if (line.clean === '') continue;
    if (isHeaderStart(line.clean)) {
      if (seen.size > 0 || starts.length === 0) {
        if (pendingHeaderStart < 0) pendingHeaderStart = line.index;
      }
      continue;
    }
    if (hi < headings.length && headings[hi].line === line.index) {
      const kind = headings[hi++].kind;
      if (!BODY_KINDS.has(kind)) continue;
      const rank = ORDER.indexOf(kind);
      const restarts = starts.length === 0 || [...seen].some((k) => ORDER.indexOf(k) >= rank);
      if (restarts) {
        starts.push(pendingHeaderStart >= 0 ? pendingHeaderStart : line.index);
        seen = new Set();
      }
      pendingHeaderStart = -1;
      seen.add(kind);
    }
  }
  if (starts.length === 0) return [];
  // Text before the first letter's start belongs to it (a cover page, stray header lines).
  starts[0] = firstNonBlank(lines, 0, starts[0]);

  const letters: Letter[] = [];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s];
    const to = lastNonBlank(lines, from, (s + 1 < starts.length ? starts[s + 1] : lines.length) - 1);
    letters.push(readLetter(lines, from, to, headings));
  }
  return letters;
}

function firstNonBlank(lines: Line[], from: number, fallback: number): number {
  for (let i = from; i < fallback; i++) if (lines[i].clean !== '') return i;
  return fallback;
}

function lastNonBlank(lines: Line[], from: number, to: number): number {
  for (let i = to; i > from; i--) if (lines[i].clean !== '') return i;
  return from;
}

function readLetter(lines: Line[], from: number, to: number, allHeadings: HeadingAt[]): Letter {
  const headings = allHeadings.filter((h) => h.line >= from && h.line <= to);
  const sections: Section[] = [];
  if (headings.length === 0 || headings[0].line > from) {
    const end = lastNonBlank(lines, from, (headings.length ? headings[0].line : to + 1) - 1);
    sections.push({ kind: 'header', title: 'Header', headingRange: spanRange(lines[from], lines[from]), range: spanRange(lines[from], lines[end]) });
  }
  for (let h = 0; h < headings.length; h++) {
    const head = lines[headings[h].line];
    const end = lastNonBlank(lines, head.index, (h + 1 < headings.length ? headings[h + 1].line : to + 1) - 1);
    sections.push({
      kind: headings[h].kind,
      title: headingKey(head.clean) === head.clean.replace(/ {2,}/g, ' ') ? head.clean.replace(/ {2,}/g, ' ') : head.clean,
      headingRange: spanRange(head, head),
      range: spanRange(head, lines[end]),
    });
  }

  const items = [];
  for (const section of sections) {
    if (section.kind !== 'decisions') continue;
    const body = lines.slice(section.headingRange.start.line + 1, section.range.end.line + 1);
    items.push(...readItems(body));
  }

  const letterLines = lines.slice(from, to + 1);
  const summary = sections.find((s) => s.kind === 'caseSummary');
  return {
    layout: layoutOf(sections),
    range: spanRange(lines[from], lines[to]),
    header: readHeader(letterLines),
    reviewer: readReviewer(letterLines),
    patient: summary ? readPatient(lines.slice(summary.range.start.line, summary.range.end.line + 1)) : {},
    sections,
    items,
  };
}

function layoutOf(sections: Section[]): LayoutKind {
  const kinds = new Set(sections.map((s) => s.kind));
  if (kinds.has('issueAtDispute') || kinds.has('guidelinesRelied')) return 'professionalReview';
  if (kinds.has('decisionAndRationale')) return 'notice2013';
  if (kinds.has('howMade') && kinds.has('documentsReviewed')) return 'documentsReviewed';
  if (kinds.has('howMade') || kinds.has('caseSummary') || kinds.has('decisions')) return 'reference';
  return 'unknown';
}
