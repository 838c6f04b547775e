/**
 * The headings and header-block candidates the letter split is made from
 * (parser/parseDocument.ts), found again after an edit only near the lines it changed.
 * Finding them over a whole 10 MB document costs about 11 MB of short-lived strings and
 * matches on every keystroke; the rest of the document's are kept (moved when the edit
 * added or removed lines). The result equals `findMarks` on the new lines.
 */
import type { Line } from '../text/lines';
import { findHeadings, HEADING_REACH, type HeadingAt } from '../parser/parseDocument';
import type { LineChange } from './lineDiff';

export interface Marks {
  headings: HeadingAt[];
  headerStarts: number[];
}

export function findMarks(lines: readonly Line[]): Marks {
  const headerStarts: number[] = [];
  return { headings: findHeadings(lines, headerStarts), headerStarts };
}

/** Index of the first element whose key is >= value (the length when none is). */
function firstAtOrAfter<T>(list: readonly T[], key: (t: T) => number, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const lineOf = (h: HeadingAt) => h.line;
const itself = (n: number) => n;

/** The heading that started before `line` and spans it, if any (the scan skips such lines). */
function spanning(headings: readonly HeadingAt[], line: number): HeadingAt | undefined {
  const h = headings[firstAtOrAfter(headings, lineOf, line) - 1];
  return h && h.lastLine >= line ? h : undefined;
}

export function updateMarks(old: Marks, lines: readonly Line[], change: LineChange): Marks {
  const shift = change.newEnd - change.oldEnd;
  // A heading is read from its line and the next HEADING_REACH: those starting earlier did not see the edit.
  let start = Math.max(0, change.first - HEADING_REACH);
  start = (spanning(old.headings, start)?.lastLine ?? start - 1) + 1;
  const headings = old.headings.slice(0, firstAtOrAfter(old.headings, lineOf, start));
  const headerStarts = old.headerStarts.slice(0, firstAtOrAfter(old.headerStarts, itself, start));
  // Scan past the changed lines until a line the old scan also read (not inside one of its
  // headings): from there both scans see the same lines the same way.
  let at = start;
  let to = Math.max(start, change.newEnd);
  for (;;) {
    const found = findHeadings(lines, headerStarts, at, to);
    for (const h of found) headings.push(h);
    const last = found[found.length - 1];
    at = last && last.lastLine >= to ? last.lastLine + 1 : to;
    if (at >= lines.length || !spanning(old.headings, at - shift)) break;
    to = at + 1;
  }
  const oldAt = at - shift;
  for (let i = firstAtOrAfter(old.headings, lineOf, oldAt); i < old.headings.length; i++) {
    const h = old.headings[i];
    headings.push(shift === 0 ? h : { ...h, line: h.line + shift, lastLine: h.lastLine + shift });
  }
  for (let i = firstAtOrAfter(old.headerStarts, itself, oldAt); i < old.headerStarts.length; i++) headerStarts.push(old.headerStarts[i] + shift);
  return { headings, headerStarts };
}
