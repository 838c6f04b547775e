/**
 * Moves what was computed for an unchanged letter to its new lines after an edit above it
 * added or removed lines: a copy with every line number moved by `delta`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Letter } from '../model';

/**
 * A model value in which every position's line is moved by `delta`: a copy of what holds a
 * position, and the very same objects for the rest (a treatment, a list of names), which
 * halves what moving the letters below a typed line break allocates.
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
  if (typeof obj.line === 'number' && typeof obj.character === 'number') return { line: obj.line + delta, character: obj.character };
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    const v = shifted(obj[key], delta);
    if (v !== obj[key]) (out ??= { ...obj })[key] = v;
  }
  return out ?? obj;
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
