/** Access to the project's own test letters (test/fixtures/letters) and range checks. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParsedDocument, Range } from '../../server/src/languageService/model';

export const FIXTURES_DIR = resolve(__dirname, '..', 'fixtures', 'letters');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name.endsWith('.txt') ? name : `${name}.txt`), 'utf8');
}

function isRange(v: unknown): v is Range {
  const r = v as Range;
  return !!r && typeof r === 'object' && !!r.start && !!r.end && typeof r.start.line === 'number' && typeof r.end.character === 'number';
}

/** The text a range covers (lines split the way LSP counts them). */
export function textAt(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

/** Asserts every range anywhere in the model is ordered and lies inside the document. */
export function assertRangesInside(text: string, doc: ParsedDocument): void {
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(doc.lineCount, lines.length, 'lineCount');
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    if (isRange(v)) {
      const { start, end } = v;
      assert.ok(start.line >= 0 && end.line < lines.length, `${path}: line inside document`);
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${path}: ordered`);
      assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `${path}: start character inside line`);
      assert.ok(end.character >= 0 && end.character <= lines[end.line].length, `${path}: end character inside line`);
      return;
    }
    for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
  };
  visit(doc, 'doc');
}

/** Collapses whitespace (NBSP included) for comparing a range's text with a model string. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\ufeff]+/g, ' ').trim();
}
