/**
 * Moves what was computed for an unchanged letter to its new lines after an edit above it
 * added or removed lines: a copy with every line number moved by `delta`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Letter } from '../model';

/** A deep copy of a model value in which every position's line is moved by `delta`. */
function shifted(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shifted(v, delta));
  const obj = value as Record<string, unknown>;
  if (typeof obj.line === 'number' && typeof obj.character === 'number') return { line: obj.line + delta, character: obj.character };
  const out: Record<string, unknown> = {};
  for (const key in obj) out[key] = shifted(obj[key], delta);
  return out;
}

export function shiftLetter(letter: Letter, delta: number): Letter {
  return delta === 0 ? letter : (shifted(letter, delta) as Letter);
}

/** Diagnostics also carry a line in their quick-fix data (`insertLine`: where a label goes). */
export function shiftDiagnostics(list: readonly Diagnostic[], delta: number): Diagnostic[] {
  if (delta === 0) return list.slice();
  return list.map((d) => {
    const copy = { ...d, range: shifted(d.range, delta) as Diagnostic['range'] };
    const data = d.data as Record<string, unknown> | undefined;
    if (data && typeof data.insertLine === 'number') copy.data = { ...data, insertLine: data.insertLine + delta };
    return copy;
  });
}
