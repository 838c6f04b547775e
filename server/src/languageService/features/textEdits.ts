/** Small helpers for building text edits against a document's lines. */
import type { TextEdit } from 'vscode-languageserver-types';
import { isBlank, rawLength, rawOf, type Line } from '../text/lines';

/** The line ending the document uses (its first one), `\n` when it has none. */
export function eolOf(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text.startsWith('\r\n', i) ? '\r\n' : text[i];
}

/**
 * Inserts `lineText` as a whole line before line `before` (or after the last line when
 * `before` is past the end). Surrounded by blank lines when the document is double-spaced
 * around there, so the inserted line looks like its neighbours.
 */
export function insertLineEdit(lines: readonly Line[], text: string, before: number, lineText: string): TextEdit {
  const eol = eolOf(text);
  if (before >= lines.length) {
    const last = lines[lines.length - 1];
    const pos = { line: last.index, character: rawLength(last) };
    return { range: { start: pos, end: pos }, newText: (rawOf(last).trim() === '' ? '' : eol) + eol + lineText + eol };
  }
  const at = Math.max(0, before);
  const pos = { line: at, character: 0 };
  const doubled = at > 0 && isBlank(lines[at - 1]);
  return { range: { start: pos, end: pos }, newText: lineText + eol + (doubled ? eol : '') };
}
