/**
 * After an edit, the lines of the new text from the lines of the old one: only the lines
 * the edit touched are split again; the others are kept (renumbered when the edit added or
 * removed lines). The result equals `splitLines(newText)`.
 */
import { splitLines, rawLength, type Line } from '../text/lines';
import { lastAtOrBefore } from '../text/search';
import type { TextSource } from './chunkedText';
import { sharedPrefix, sharedSuffix } from './sharedText';

/** Old lines [first, oldEnd) became new lines [first, newEnd); every other line is unchanged. */
export interface LineChange {
  first: number;
  oldEnd: number;
  newEnd: number;
}

export interface UpdatedLines {
  lines: Line[];
  /** Where each new line starts (what lineStarts would give for the new text). */
  starts: number[];
  change: LineChange;
}

/** Offsets where each line of `text` starts, from its split lines (terminators read from the text). */
export function lineStarts(text: TextSource, lines: readonly Line[]): number[] {
  const starts = new Array<number>(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = at;
    at += rawLength(lines[i]);
    at += text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
  }
  return starts;
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. A cut of a long string
 * keeps the whole string alive in V8; the lines kept across edits would otherwise keep every
 * version of the document in memory, one for each edit. (Joining code units copies them all,
 * lone surrogates included.)
 */
function detached(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}

/** Above this many new lines, the lists are built anew rather than spliced (splice takes them as arguments). */
const MAX_SPLICE = 10_000;

/**
 * `oldLines` and `oldStarts`, and the kept lines themselves, become the new version's
 * (changed in place, renumbered when the edit added or removed lines): they belong to the
 * version being replaced, and copying every line, or two lists of them, on each keystroke
 * is most of what typing allocates in a large file.
 */
export function updateLines(oldText: TextSource, oldLines: Line[], oldStarts: number[], newText: TextSource): UpdatedLines {
  const prefix = sharedPrefix(oldText, newText);
  const suffix = sharedSuffix(oldText, newText, Math.min(oldText.length, newText.length) - prefix);
  // From the line before the first changed character: an edit next to a line break can
  // change where that line ends (a \r gaining or losing its \n).
  const first = Math.max(0, lastAtOrBefore(oldStarts, prefix) - 1);
  const from = oldStarts[first];
  // Kept tail: the first old line starting strictly inside the common suffix. The character
  // before it (its line break) is in the suffix too, so it starts a line in the new text as well.
  const suffixStart = oldText.length - suffix;
  const oldEnd = lastAtOrBefore(oldStarts, suffixStart) + 1;
  const shiftChars = newText.length - oldText.length;
  const middleEnd = oldEnd < oldStarts.length ? oldStarts[oldEnd] + shiftChars : newText.length;
  const middleText = detached(newText.slice(from, middleEnd));
  const middle = splitLines(middleText);
  // A slice that ends at a kept line's start ends with a line break: its last "line" is that
  // kept line's beginning, not a line of its own.
  if (oldEnd < oldStarts.length) middle.pop();
  const middleStarts = lineStarts(middleText, middle);

  const newEnd = first + middle.length;
  const shift = newEnd - oldEnd;
  for (let i = 0; i < middle.length; i++) {
    middle[i].index = first + i;
    middleStarts[i] += from;
  }
  const inPlace = middle.length <= MAX_SPLICE;
  const lines = inPlace ? oldLines : oldLines.slice(0, first);
  const starts = inPlace ? oldStarts : oldStarts.slice(0, first);
  if (inPlace) {
    lines.splice(first, oldEnd - first, ...middle);
    starts.splice(first, oldEnd - first, ...middleStarts);
  } else {
    for (const l of middle) lines.push(l);
    for (const s of middleStarts) starts.push(s);
    for (let i = oldEnd; i < oldLines.length; i++) {
      lines.push(oldLines[i]);
      starts.push(oldStarts[i]);
    }
  }
  for (let i = newEnd; i < lines.length; i++) {
    if (shift !== 0) lines[i].index = i;
    starts[i] += shiftChars;
  }
  return { lines, starts, change: { first, oldEnd, newEnd } };
}
