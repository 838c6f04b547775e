/**
 * Formatting: turns extraction artifacts into a clean letter without changing a word.
 * Only whitespace changes: the blank line after every line goes, trailing spaces and form
 * feeds go, wrapped headings and hyphen-split words are rejoined, blocks are separated by
 * exactly one blank line. Formatting twice changes nothing (the result is a fixpoint).
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { matchHeading, couldStartWrappedHeading } from '../parser/headings';
import { classify } from '../parser/items';
import { parseDocument } from '../parser/parseDocument';
import { eolOf } from './textEdits';

type Spacing = 'double' | 'single';

/** Spaces, tabs, form feeds and NBSPs at the edges of a line are extraction noise. */
// A BOM inside the text (concatenated exports) is noise too. Lookbehind: linear on long runs.
const EDGE = /^[ \t\f\v\u00a0\u3000\ufeff]+|(?<![ \t\f\v\u00a0\u3000\ufeff])[ \t\f\v\u00a0\u3000\ufeff]+$/g;

function cleanLine(raw: string): string {
  return raw.replace(/[\f\v]/g, ' ').replace(EDGE, '');
}

function isBlank(line: string): boolean {
  return line.replace(/\ufeff/g, '') === '';
}

/**
 * Double-spaced text has a single blank line after (almost) every line: then one blank line
 * is a line break inside a paragraph and two or more separate blocks.
 */
export function detectSpacing(lines: readonly string[]): Spacing {
  let adjacent = 0;
  let single = 0;
  let gap = -1;
  for (const line of lines) {
    if (isBlank(line)) {
      if (gap >= 0) gap++;
      continue;
    }
    if (gap === 0) adjacent++;
    else if (gap === 1) single++;
    gap = 0;
  }
  return single >= 3 && adjacent * 10 <= single ? 'double' : 'single';
}

const HYPHEN_END = /[A-Za-z]-$/;
const LETTER_START = /^[A-Za-z]/;

function isSectionHeading(line: string): boolean {
  return line.length <= 120 && matchHeading(line) !== null;
}

/** Splits clean lines into blocks (paragraphs), headings always a block of their own. */
function toBlocks(lines: readonly string[], spacing: Spacing): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  // The last line of `current` in pieces while hyphen-split words are rejoined (`Non-` +
  // `MTUS Citation`), joined once it is whole: testing the end of the growing line for every
  // piece read all of it each time (quadratic on a long run of lines ending in `a-`).
  let pieces: string[] = [];
  let gap = 0;
  const joinPieces = (): void => {
    if (pieces.length > 1) current[current.length - 1] = pieces.join('');
    pieces = [];
  };
  const flush = (): void => {
    joinPieces();
    if (current.length) blocks.push(current);
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) {
      gap++;
      continue;
    }
    if (gap >= (spacing === 'double' ? 2 : 1)) flush();
    gap = 0;
    // Every piece after the first starts with a letter, so the last piece ends as the joined line does.
    const end = pieces.length ? pieces[pieces.length - 1] : current[current.length - 1];
    if (end !== undefined && HYPHEN_END.test(end) && LETTER_START.test(line)) {
      if (!pieces.length) pieces.push(end);
      pieces.push(line);
      continue;
    }
    joinPieces();
    const prev = current[current.length - 1];
    if (prev !== undefined && couldStartWrappedHeading(prev) && !isSectionHeading(prev) && isSectionHeading(prev + ' ' + line)) {
      current.pop();
      flush();
      blocks.push([prev + ' ' + line]);
      continue;
    }
    if (isSectionHeading(line)) {
      flush();
      blocks.push([line]);
      continue;
    }
    // An item heading opens a block; the outcome alone after `...knees:` joins its heading.
    const kind = classify(line);
    if (kind === 'outcomeAlone' && prev !== undefined && prev.endsWith(':')) {
      current[current.length - 1] = prev + ' ' + line;
      continue;
    }
    if (kind === 'outcome' && current.length > 0 && !isItemTitleLead(current)) flush();
    current.push(line);
  }
  flush();
  return blocks;
}

/** True when the block so far could be the first lines of a wrapped item heading. */
function isItemTitleLead(current: readonly string[]): boolean {
  const last = current[current.length - 1];
  return current.length <= 6 && !/[.!?]["')]?$/.test(last) && classify(last) === 'text';
}

function render(blocks: readonly string[][], eol: string): string {
  return blocks.map((b) => b.join(eol)).join(eol + eol);
}

/** Joins the lines of every item heading the parser finds wrapped over several lines. */
function joinWrappedItemHeadings(text: string, eol: string): string {
  const parsed = parseDocument(text);
  const lines = text.split(eol);
  const joinAt = new Map<number, number>();
  for (const letter of parsed.letters) {
    for (const item of letter.items) {
      const { start, end } = item.headingRange;
      if (end.line > start.line) joinAt.set(start.line, end.line);
    }
  }
  if (joinAt.size === 0) return text;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const to = joinAt.get(i);
    if (to === undefined) {
      out.push(lines[i]);
      continue;
    }
    let joined = lines[i];
    for (let j = i + 1; j <= to; j++) {
      if (isBlank(lines[j])) continue;
      joined = HYPHEN_END.test(joined) && LETTER_START.test(lines[j]) ? joined + lines[j] : joined + ' ' + lines[j];
    }
    // Keep the heading's block separate from what precedes it.
    if (out.length && !isBlank(out[out.length - 1]) && !isBlank(lines[i - 1] ?? '')) out.push('');
    out.push(joined);
    i = to;
  }
  return out.join(eol);
}

function formatOnce(text: string, eol: string, spacing?: Spacing): string {
  const lines = text.split(/\r\n|\r|\n/).map(cleanLine);
  const blocks = toBlocks(lines, spacing ?? detectSpacing(lines));
  return joinWrappedItemHeadings(render(blocks, eol), eol);
}

/** The formatted text of a whole document. */
export function formatText(text: string): string {
  const eol = eolOf(text);
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  let current = bom ? text.slice(1) : text;
  // Each pass only removes or normalises whitespace; a few passes reach the fixpoint.
  for (let pass = 0; pass < 5; pass++) {
    const next = formatOnce(current, eol);
    if (next === current) break;
    current = next;
  }
  const endsWithEol = /[\r\n]$/.test(text);
  return bom + current + (endsWithEol && current !== '' ? eol : '');
}

/** One minimal edit turning `text` into `formatted` (none when they are equal). */
export function diffEdit(text: string, formatted: string): TextEdit[] {
  if (text === formatted) return [];
  let start = 0;
  const max = Math.min(text.length, formatted.length);
  while (start < max && text.charCodeAt(start) === formatted.charCodeAt(start)) start++;
  let endA = text.length;
  let endB = formatted.length;
  while (endA > start && endB > start && text.charCodeAt(endA - 1) === formatted.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // Never split a \r\n pair.
  if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') start--;
  // Nor end between them (mixed line endings): the position would lie past the line's end.
  if (endA > 0 && text[endA - 1] === '\r' && text[endA] === '\n') {
    endA++;
    endB++;
  }
  return [{ range: { start: positionAt(text, start), end: positionAt(text, endA) }, newText: formatted.slice(start, endB + (start < endA || endB > start ? 0 : 0)) }];
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export function formatDocument(text: string): TextEdit[] {
  return diffEdit(text, formatText(text));
}

/** Formats the whole lines a range touches, with the spacing of the whole document. */
export function formatRange(text: string, range: Range): TextEdit[] {
  const eol = eolOf(text);
  const all = text.split(/\r\n|\r|\n/);
  const first = Math.max(0, Math.min(range.start.line, all.length - 1));
  let last = Math.max(first, Math.min(range.end.line, all.length - 1));
  if (last > first && range.end.character === 0) last--;
  const cleanAll = all.map(cleanLine);
  const slice = all.slice(first, last + 1);
  // The document's own byte order mark stays, as whole-document formatting keeps it.
  const bom = first === 0 && text.startsWith('\ufeff') ? '\ufeff' : '';
  // The range's blank first and last lines stay (the blocks around it keep their separation).
  const leadBlank = slice.length > 0 && isBlank(cleanLine(slice[0]));
  const trailBlank = slice.length > 1 && isBlank(cleanLine(slice[slice.length - 1]));
  const withEdges = (b: string) => (b === '' ? b : (leadBlank ? eol : '') + b + (trailBlank ? eol : ''));
  // Passes until the range is stable, as formatText does, each with the spacing of the whole
  // document as it stands after the previous pass: formatting the formatted range again (which
  // reads the spacing of the document around it) then finds nothing to change.
  let body = slice.join(eol).slice(bom.length);
  for (let pass = 0; pass < 5; pass++) {
    const around = pass === 0 ? cleanAll : [...cleanAll.slice(0, first), ...withEdges(body).split(/\r\n|\r|\n/).map(cleanLine), ...cleanAll.slice(last + 1)];
    const next = formatOnce(body, eol, detectSpacing(around));
    if (next === body) break;
    body = next;
  }
  body = withEdges(body);
  body = bom + body;
  const original = slice.join(eol);
  if (body === original) return [];
  return [{ range: { start: { line: first, character: 0 }, end: { line: last, character: all[last].length } }, newText: body }];
}
