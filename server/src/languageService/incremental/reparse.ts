/**
 * Re-parses a document after an edit by reading again only the letters the edit touched.
 * Where the letters lie is found again over the whole text (cheap); a letter wholly before
 * or after the changed lines, with the same headings at the same place relative to its
 * start, is carried over from the previous parse: the same object, moved to its new lines
 * in place (see shift.ts). The result equals `parseDocument` on the new text.
 */
import type { Letter } from '../model';
import type { Line } from '../text/lines';
import { readLetter, lettersAt, type HeadingAt, type LetterSpan } from '../parser/parseDocument';
import type { LineChange } from './lineDiff';
import { findMarks, updateMarks, type Marks } from './marks';
import { moveLetter } from './shift';

export interface LettersParse {
  spans: LetterSpan[];
  letters: Letter[];
  /** What `spans` were made from; without it they are found again over every line. */
  marks?: Marks;
}

/** Where a letter of the new parse came from: an old letter's index and how far it moved. */
export interface Carried {
  from: number;
  delta: number;
}

export interface Reparse extends LettersParse {
  marks: Marks;
  /** Per letter: carried over from the previous parse, or null when read anew. */
  carried: Array<Carried | null>;
}

export function reparse(previous: LettersParse, lines: readonly Line[], change: LineChange): Reparse {
  const marks = previous.marks ? updateMarks(previous.marks, lines, change) : findMarks(lines);
  const spans = lettersAt(lines, marks.headings, marks.headerStarts);
  const delta = change.newEnd - change.oldEnd;
  const oldByStart = new Map<number, number>();
  previous.spans.forEach((span, i) => oldByStart.set(span.from, i));

  const letters: Letter[] = [];
  const carried: Array<Carried | null> = [];
  for (const span of spans) {
    // Only a letter whose lines the edit did not touch can be carried over.
    const shift = span.to < change.first ? 0 : span.from >= change.newEnd ? delta : null;
    const from = shift === null ? undefined : oldByStart.get(span.from - shift);
    if (shift !== null && from !== undefined && sameSpan(previous.spans[from], span, shift)) {
      // Each old letter is carried at most once (the spans before and after the edit start
      // at different old lines), so none is moved twice.
      moveLetter(previous.letters[from], shift);
      letters.push(previous.letters[from]);
      carried.push({ from, delta: shift });
    } else {
      letters.push(readLetter(lines, span));
      carried.push(null);
    }
  }
  return { spans, letters, carried, marks };
}

/** `now` is `old` moved down by `shift` lines, with the same headings. */
function sameSpan(old: LetterSpan, now: LetterSpan, shift: number): boolean {
  if (old.to + shift !== now.to || old.headings.length !== now.headings.length) return false;
  return old.headings.every((h, i) => sameHeading(h, now.headings[i], shift));
}

function sameHeading(a: HeadingAt, b: HeadingAt, shift: number): boolean {
  return a.line + shift === b.line && a.lastLine + shift === b.lastLine && a.kind === b.kind && a.opener === b.opener && a.title === b.title && a.endChar === b.endChar;
}
