/**
 * Moves what was computed for an unchanged letter to its new lines after an edit above it
 * added or removed lines.
 *
 * A letter is moved in place: copying every letter below a typed line break (some 20 MB
 * for a 10 MB document) left the old copies for V8's next full collection, and a few line
 * breaks in a row took the server past its memory target. Moving in place is safe because
 * nothing handed out keeps a letter's positions: the previous version's cache entry is
 * replaced, and diagnostics, feature results and the workspace index's summaries hold
 * copies (`ownPositions`) of the positions they take from a letter.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Letter } from '../model';

function isPosition(obj: Record<string, unknown>): boolean {
  return typeof obj.line === 'number' && typeof obj.character === 'number';
}

/**
 * A model value in which every position's line is moved by `delta`: a copy of what holds a
 * position, and the very same objects for the rest (a treatment, a list of names).
 */
function shifted(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = shifted(value[i], delta);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  const obj = value as Record<string, unknown>;
  if (isPosition(obj)) return { line: (obj.line as number) + delta, character: obj.character };
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    const v = shifted(obj[key], delta);
    if (v !== obj[key]) (out ??= { ...obj })[key] = v;
  }
  return out ?? obj;
}

/** Moves every position in `value` by `delta` lines, in place. */
function moveInPlace(value: unknown, delta: number): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) moveInPlace(value[i], delta);
    return;
  }
  const obj = value as Record<string, unknown>;
  if (isPosition(obj)) {
    (obj as { line: number }).line += delta;
    return;
  }
  for (const key in obj) moveInPlace(obj[key], delta);
}

/**
 * Moves the letter's positions by `delta` lines, in place. The parser gives every range
 * positions of its own (no position object is reached twice), so each moves once.
 */
export function moveLetter(letter: Letter, delta: number): void {
  if (delta !== 0) moveInPlace(letter, delta);
}

/** A copy of `value` that shares no position with it: what may outlive the letter it was read from. */
export function ownPositions<T>(value: T): T {
  return shifted(value, 0) as T;
}

/**
 * Diagnostics also carry lines in their quick-fix data (`insertLine`: where a label line goes;
 * `labelLine`: the line whose text lost its label).
 */
export function shiftDiagnostics(list: readonly Diagnostic[], delta: number): Diagnostic[] {
  if (delta === 0) return list.slice();
  return list.map((d) => {
    const copy = { ...d, range: shifted(d.range, delta) as Diagnostic['range'] };
    const data = d.data as Record<string, unknown> | undefined;
    if (data && (typeof data.insertLine === 'number' || typeof data.labelLine === 'number')) {
      const moved = { ...data };
      if (typeof data.insertLine === 'number') moved.insertLine = data.insertLine + delta;
      if (typeof data.labelLine === 'number') moved.labelLine = data.labelLine + delta;
      copy.data = moved;
    }
    return copy;
  });
}
