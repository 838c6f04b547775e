/**
 * The properties every input must satisfy, as plain assertion functions so property
 * tests, giant-input tests and regression cases share them. Each returns nothing and
 * throws an AssertionError naming the broken property.
 */
import assert from 'node:assert/strict';
import type { Diagnostic, DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { LanguageService, type LetterDocument } from '../../server/src/languageService/service';
import type { ParsedDocument } from '../../server/src/languageService/model';

/** Line lengths (UTF-16) the way LSP counts lines: \r\n, \n and \r end a line. */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeInside(inner: Range, outer: Range): boolean {
  return comparePos(inner.start, outer.start) >= 0 && comparePos(inner.end, outer.end) <= 0;
}

function isRange(v: unknown): v is Range {
  if (!v || typeof v !== 'object') return false;
  const r = v as Range;
  return typeof r.start?.line === 'number' && typeof r.end?.line === 'number';
}

/** Asserts a range is well formed and lies inside the text. */
export function assertRangeInDocument(range: Range, lengths: number[], where: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${where}: non-integer position ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lengths.length, `${where}: line ${p.line} outside 0..${lengths.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${where}: character ${p.character} past end of line ${p.line} (length ${lengths[p.line]})`);
  }
  assert.ok(comparePos(range.start, range.end) <= 0, `${where}: range ends before it starts ${JSON.stringify(range)}`);
}

/** Walks any plain-data value and checks every Range found in it. Returns how many were checked. */
export function assertAllRangesInDocument(value: unknown, lengths: number[], path = '$'): number {
  let count = 0;
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (isRange(v)) {
      assertRangeInDocument(v, lengths, p);
      count++;
      continue;
    }
    for (const [k, child] of Object.entries(v)) stack.push([child, `${p}.${k}`]);
  }
  return count;
}

/** Children inside their parent's range, selection ranges inside their own range. */
export function assertSymbolsNest(symbols: DocumentSymbol[], lengths: number[], parent?: DocumentSymbol, path = 'symbols'): void {
  for (const [i, s] of symbols.entries()) {
    const where = `${path}[${i}] "${s.name}"`;
    assert.equal(typeof s.name, 'string', `${where}: name must be a string`);
    assert.ok(s.name.length > 0, `${where}: empty symbol name (VS Code rejects it)`);
    assertRangeInDocument(s.range, lengths, `${where}.range`);
    assertRangeInDocument(s.selectionRange, lengths, `${where}.selectionRange`);
    assert.ok(rangeInside(s.selectionRange, s.range), `${where}: selectionRange ${JSON.stringify(s.selectionRange)} outside range ${JSON.stringify(s.range)}`);
    if (parent) assert.ok(rangeInside(s.range, parent.range), `${where}: range ${JSON.stringify(s.range)} outside parent "${parent.name}" ${JSON.stringify(parent.range)}`);
    if (s.children) assertSymbolsNest(s.children, lengths, s, `${where}.children`);
  }
}

/** Sorted by start position (then code), and no two with the same code, message and range. */
export function assertDiagnosticsSortedUnique(diags: Diagnostic[], lengths: number[]): void {
  const seen = new Set<string>();
  for (const [i, d] of diags.entries()) {
    assertRangeInDocument(d.range, lengths, `diagnostics[${i}] ${d.code}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `diagnostics[${i}]: empty message`);
    const key = `${d.code}|${d.message}|${JSON.stringify(d.range)}`;
    assert.ok(!seen.has(key), `diagnostics[${i}]: duplicate ${key}`);
    seen.add(key);
    if (i > 0) assert.ok(comparePos(diags[i - 1].range.start, d.range.start) <= 0, `diagnostics[${i}] not sorted: ${JSON.stringify(diags[i - 1].range.start)} > ${JSON.stringify(d.range.start)}`);
  }
}

export function docOf(text: string, version = 1, uri = 'file:///fuzz.imr'): LetterDocument {
  return { uri, version, getText: () => text };
}

/** How many distinct properties `checkAll` verifies per input (reported in the docs). */
export const PROPERTIES_PER_INPUT = 5;

/**
 * Runs every feature of a fresh language service on `text` and checks:
 * 1 no feature throws; 2 every model range lies inside the document; 3 document symbols
 * nest; 4 diagnostics are sorted, unique and inside; 5 hovers at sample positions stay inside.
 */
export function checkAll(text: string): { parsed: ParsedDocument; diagnostics: Diagnostic[]; symbols: DocumentSymbol[] } {
  const service = new LanguageService();
  const doc = docOf(text);
  const lengths = lineLengths(text);
  const parsed = service.parse(doc);
  assert.equal(parsed.lineCount, lengths.length, 'lineCount must equal the LSP line count');
  assertAllRangesInDocument(parsed, lengths, 'model');
  const symbols = service.getDocumentSymbols(doc);
  assertSymbolsNest(symbols, lengths);
  const diagnostics = service.getDiagnostics(doc);
  assertDiagnosticsSortedUnique(diagnostics, lengths);
  for (const pos of samplePositions(parsed, lengths)) {
    const hover = service.getHover(doc, pos);
    if (hover?.range) assertRangeInDocument(hover.range, lengths, `hover at ${JSON.stringify(pos)}`);
  }
  return { parsed, diagnostics, symbols };
}

/** Positions worth probing: every item heading start, the document ends, and past the end. */
export function samplePositions(parsed: ParsedDocument, lengths: number[]): Position[] {
  const out: Position[] = [
    { line: 0, character: 0 },
    { line: lengths.length - 1, character: lengths[lengths.length - 1] },
    { line: lengths.length + 5, character: 3 },
    { line: 0, character: 1_000_000 },
  ];
  for (const letter of parsed.letters.slice(0, 3)) for (const item of letter.items.slice(0, 20)) out.push(item.headingRange.start, item.headingRange.end);
  return out;
}
