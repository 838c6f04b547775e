/**
 * The server's chunked documents (server/src/chunkedDocument.ts) must behave like
 * vscode-languageserver-textdocument's TextDocument: same text after any edit, same offsets
 * and positions; and the language service must read them exactly as it reads one string.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fcParams } from './config';
import { readSeed, seedNames } from '../helpers/seeds';
import { ChunkedDocument } from '../../server/src/chunkedDocument';
import { LanguageService, analyzeText } from '../../server/src/languageService/service';

/** Texts made of short lines with every kind of line break, so \r\n often falls at a piece's edge. */
const lineArb = fc.tuple(fc.constantFrom('', 'a', 'bc', 'Upheld', ' x y ', '\u2019z'), fc.constantFrom('\n', '\r\n', '\r'));
const textArb = fc.array(lineArb, { maxLength: 60 }).map((ls) => ls.map(([l, e]) => l + e).join(''));
const insertArb = fc.constantFrom('', 'x', '\n', '\r', '\r\n', '\n\n', 'ab\r\ncd', '\rz\n');
/** A position as fractions (line, character beyond the line's end included) and an edit at it. */
const posArb = fc.record({ line: fc.double({ min: -0.1, max: 1.1, noNaN: true }), character: fc.nat(8) });
const editArb = fc.record({ start: posArb, end: posArb, text: insertArb });

function position(doc: TextDocument, p: { line: number; character: number }) {
  return { line: Math.floor(p.line * doc.lineCount), character: p.character };
}

test('a chunked document edits, counts lines and converts positions like TextDocument', () => {
  fc.assert(
    fc.property(textArb, fc.array(editArb, { maxLength: 8 }), fc.integer({ min: 1, max: 6 }), (text, edits, piece) => {
      const ours = new ChunkedDocument('file:///a.imr', 'imr', 1, text, piece);
      let version = 1;
      for (const e of edits) {
        // A fresh TextDocument of the same text each time: the reference, whatever its own incremental bookkeeping does.
        const theirs = TextDocument.create('file:///a.imr', 'imr', version, ours.getText());
        const range = { start: position(theirs, e.start), end: position(theirs, e.end) };
        assert.equal(ours.getText(range), theirs.getText(range));
        assert.deepEqual(ours.offsetAt(range.start), theirs.offsetAt(range.start));
        version++;
        TextDocument.update(theirs, [{ range, text: e.text }], version);
        ours.update([{ range, text: e.text }], version);
        assert.equal(ours.getText(), theirs.getText());
        assert.equal(ours.getTextChunks().join(''), theirs.getText());
        assert.equal(ours.version, version);
        // Lines from a fresh document: TextDocument's own update miscounts a \r typed before a \n.
        const fresh = TextDocument.create('file:///a.imr', 'imr', version, theirs.getText());
        assert.equal(ours.lineCount, fresh.lineCount);
        for (let offset = -1; offset <= fresh.getText().length + 1; offset++) assert.deepEqual(ours.positionAt(offset), fresh.positionAt(offset));
      }
    }),
    fcParams(300),
  );
});

test('a full-text change replaces the whole document', () => {
  const doc = new ChunkedDocument('file:///a.imr', 'imr', 1, 'a\nb\nc\n', 1);
  doc.update([{ text: 'x\r\ny' }], 2);
  assert.equal(doc.getText(), 'x\r\ny');
  assert.equal(doc.lineCount, 2);
  assert.deepEqual(doc.positionAt(4), { line: 1, character: 1 });
});

test('an edit of a chunked document replaces only the pieces it touched', () => {
  const text = Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n');
  const doc = new ChunkedDocument('file:///a.imr', 'imr', 1, text, 100);
  const before = doc.getTextChunks();
  doc.update([{ range: { start: { line: 100, character: 2 }, end: { line: 100, character: 2 } }, text: 'x' }], 2);
  const after = doc.getTextChunks();
  assert.ok(before.length > 10);
  assert.equal(after.filter((c, i) => c !== before[i]).length, 1);
});

const seeds = seedNames().map((n) => readSeed(n.slice(0, 3)));
const seedEditArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(400)),
  text: fc.constantFrom('x', '\n', '\r\n', ': Upheld', '\nIMR ISSUES, DECISIONS AND RATIONALES\n', ''),
  check: fc.boolean(),
});

test('the service reads a chunked document as it reads one string, edit after edit', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...seeds), { minLength: 1, maxLength: 3 }), fc.array(seedEditArb, { minLength: 1, maxLength: 6 }), (parts, edits) => {
      const service = new LanguageService();
      const doc = new ChunkedDocument('file:///letters.txt', 'imr', 1, parts.join('\n\n'), 500);
      service.getDiagnostics(doc);
      edits.forEach((e, n) => {
        const from = doc.positionAt(Math.floor(e.at * doc.getText().length));
        const to = doc.positionAt(doc.offsetAt(from) + e.remove);
        doc.update([{ range: { start: from, end: to }, text: e.text }], doc.version + 1);
        if (!e.check && n < edits.length - 1) return;
        const full = analyzeText(doc.getText());
        assert.deepEqual(service.parse(doc), full.parsed);
        assert.deepEqual(service.getDiagnostics(doc), full.diagnostics);
      });
    }),
    fcParams(60),
  );
});
