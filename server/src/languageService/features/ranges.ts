/** Range helpers shared by the position-based features. */
import type { Position, Range } from 'vscode-languageserver-types';

export function contains(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return contains(outer, inner.start) && contains(outer, inner.end);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The word (letters, digits, `-`, `/`) around a character of a line, or null. */
export function wordAt(raw: string, character: number): { text: string; from: number; to: number } | null {
  const isWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9\-/]/.test(c);
  let from = Math.min(character, raw.length);
  let to = from;
  while (from > 0 && isWord(raw[from - 1])) from--;
  while (to < raw.length && isWord(raw[to])) to++;
  if (from === to) return null;
  // Trim edge punctuation that joined the word (`Soma/`, `-Norco`).
  while (from < to && /[-/]/.test(raw[from])) from++;
  while (to > from && /[-/]/.test(raw[to - 1])) to--;
  return from < to ? { text: raw.slice(from, to), from, to } : null;
}
