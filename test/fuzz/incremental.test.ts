/**
 * The incremental path (re-read only what an edit touched) must give exactly what a full
 * parse of the new text gives: the lines, the letter model and the diagnostics, after every
 * edit of a random sequence, for edits anywhere (inside a line, across line breaks, between
 * letters, a heading typed or deleted, \r\n split in half).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fcParams } from './config';
import { letterTextArb, mutatedArb } from '../helpers/mutators';
import { readSeed, seedNames } from '../helpers/seeds';
import { splitLines } from '../../server/src/languageService/text/lines';
import { lineStarts, updateLines } from '../../server/src/languageService/incremental/lineDiff';
import { LanguageService, analyzeText } from '../../server/src/languageService/service';
import { findMarks, updateMarks } from '../../server/src/languageService/incremental/marks';
import { symbolEntries } from '../../server/src/languageService/features/workspaceSymbols';
import { summarizeDocument } from '../../server/src/summaries';
import { fixtureNames, readFixture } from '../helpers/fixtures';

const seeds = seedNames().map((n) => readSeed(n.slice(0, 3)));
/** Bulk files of several letters, so that some letters are carried over and some read again. */
/** The fixture letters too: the seeds and the generated letters are all of the reference layout. */
const fixtureTexts = fixtureNames().map((n) => readFixture(n));
const bulkArb = fc.array(fc.oneof(fc.constantFrom(...seeds), fc.constantFrom(...fixtureTexts), letterTextArb), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('\n\n'));
const baseArb = fc.oneof(bulkArb, mutatedArb(bulkArb, 3));

const snippetArb = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\n\n\n', 'x', ' ', ': Upheld', ': Overturned', '\f'),
  fc.constantFrom('\nIMR ISSUES, DECISIONS AND RATIONALES\n', '\nCLINICAL CASE SUMMARY\n', '\nHOW THE IMR FINAL DETERMINATION WAS MADE\n'),
  fc.constantFrom('\nMRI of the lumbar spine: Upheld\nDecision rationale: It is not medically necessary.\n', '\nCase Number: CM16-0213037\n'),
  fc.string({ maxLength: 12 }),
);

/** An edit as a fraction of the text (so it lands anywhere whatever the length), a length and new text. */
/** `check`: whether the editor asks for this version at all (typing outruns the debounce). */
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(400)), insert: snippetArb, check: fc.boolean() });
type Edit = { at: number; remove: number; insert: string; check?: boolean };

function apply(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

test('updateLines gives exactly the lines of the new text', () => {
  fc.assert(
    fc.property(baseArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (base, edits) => {
      let text = base;
      let lines = splitLines(text);
      for (const e of edits) {
        const next = apply(text, e);
        const updated = updateLines(text, lines, lineStarts(text, lines), next);
        assert.deepEqual(updated.lines, splitLines(next));
        assert.deepEqual(updated.starts, lineStarts(next, updated.lines));
        text = next;
        lines = updated.lines;
      }
    }),
    fcParams(150),
  );
});

/** Edits `base` in turn, checking updateMarks against findMarks each time; counts wrapped headings seen. */
function checkMarks(base: string, edits: Edit[]): number {
  let text = base;
  let lines = splitLines(text);
  let marks = findMarks(lines);
  let wrapped = 0;
  for (const e of edits) {
    const next = apply(text, e);
    const updated = updateLines(text, lines, lineStarts(text, lines), next);
    marks = updateMarks(marks, updated.lines, updated.change);
    assert.deepEqual(marks, findMarks(updated.lines));
    wrapped += marks.headings.filter((h) => h.lastLine > h.line).length;
    text = next;
    lines = updated.lines;
  }
  return wrapped;
}

test('updateMarks finds exactly the headings and header starts of the new lines', () => {
  fc.assert(
    fc.property(baseArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (base, edits) => void checkMarks(base, edits)),
    fcParams(150),
  );
});

/** Lines of headings wrapped over two lines, blank lines between: headings that span the lines an edit touches. */
const wrappedPartArb = fc.constantFrom(
  'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY',
  'PROFESSIONAL REVIEWER AND WHY:',
  'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS',
  'NOT MEDICALLY NECESSARY:',
  'IMR ISSUES, DECISIONS AND',
  'RATIONALES',
  'CLINICAL CASE SUMMARY',
  'Case Number: CM16-0213037',
  'Prose of the case summary.',
  '',
  '',
);
const wrappedArb = fc.array(wrappedPartArb, { minLength: 4, maxLength: 40 }).map((ls) => ls.join('\n'));

test('updateMarks keeps up with edits around headings wrapped over lines', () => {
  let wrapped = 0;
  fc.assert(
    fc.property(wrappedArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (base, edits) => {
      wrapped += checkMarks(base, edits);
    }),
    fcParams(300),
  );
  assert.ok(wrapped > 0, 'some headings were wrapped');
});

test('after each edit, the service\'s model and diagnostics equal a full parse of the new text', () => {
  let carriedOver = 0;
  fc.assert(
    fc.property(baseArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (base, edits) => {
      const service = new LanguageService();
      const doc = { uri: 'file:///letters.txt', version: 1, text: base, getText() { return this.text; } };
      service.getDiagnostics(doc); // the first version's per-letter diagnostics are what later versions reuse
      edits.forEach((e, n) => {
        doc.text = apply(doc.text, e);
        doc.version++;
        if (!e.check && n < edits.length - 1) return; // this version is never asked for
        const full = analyzeText(doc.text);
        const parsed = service.parse(doc);
        assert.deepEqual(parsed, full.parsed);
        assert.deepEqual(service.getDiagnostics(doc), full.diagnostics);
        carriedOver += parsed.letters.length;
      });
    }),
    fcParams(150),
  );
  assert.ok(carriedOver > 0, 'the edited documents held letters');
});

test('versions never checked in between still hand their letters\' diagnostics on', () => {
  const service = new LanguageService();
  const doc = { uri: 'file:///bulk.txt', version: 1, text: seeds.join('\n\n'), getText() { return this.text; } };
  service.getDiagnostics(doc); // checked once: what the later versions can reuse
  // Three quick edits (a new line at the top, then two characters), only the last one checked.
  for (const insert of ['\n', 'a', 'b']) {
    doc.text = insert + doc.text;
    doc.version++;
    service.parse(doc);
  }
  const carry = (service as unknown as { cache: Map<string, { carry?: { carried: Array<unknown | null> } }> }).cache.get(doc.uri)?.carry;
  assert.ok(carry, 'the last version knows which earlier diagnostics it can reuse');
  assert.ok(carry.carried.slice(1).every((c) => c !== null), 'every letter but the edited first one is carried over');
  assert.deepEqual(service.getDiagnostics(doc), analyzeText(doc.text).diagnostics);
});

test('a one-character edit in one letter of many re-reads that letter only', () => {
  const letters = seeds.concat(seeds, seeds).join('\n\n');
  const service = new LanguageService();
  const doc = { uri: 'file:///bulk.txt', version: 1, text: letters, getText() { return this.text; } };
  const before = service.parse(doc).letters;
  service.getDiagnostics(doc);
  const at = doc.text.indexOf('Oxycodone 30mg');
  doc.text = doc.text.slice(0, at) + 'X' + doc.text.slice(at);
  doc.version++;
  const after = service.parse(doc).letters;
  assert.equal(after.length, before.length);
  const reread = after.filter((l, i) => l !== before[i]);
  assert.equal(reread.length, 1, 'only the edited letter is a new object');
  assert.match(reread[0].items.map((i) => i.title).join('|'), /XOxycodone 30mg/);
  assert.deepEqual(service.getDiagnostics(doc), analyzeText(doc.text).diagnostics);
});

/** Every object of `value` holding a line and a character, with how often it is reached. */
function positionsIn(value: unknown, seen = new Map<object, number>()): Map<object, number> {
  if (value === null || typeof value !== 'object') return seen;
  const obj = value as Record<string, unknown>;
  if (typeof obj.line === 'number' && typeof obj.character === 'number') seen.set(obj, (seen.get(obj) ?? 0) + 1);
  else for (const key in obj) positionsIn(obj[key], seen);
  return seen;
}

test('no position object is reached twice in a parse (a letter moved in place moves each once)', () => {
  fc.assert(
    fc.property(baseArb, (text) => {
      const shared = [...positionsIn(analyzeText(text).parsed).values()].filter((n) => n > 1);
      assert.equal(shared.length, 0);
    }),
    fcParams(100),
  );
});

test('a line break above letters moves them in place, and nothing handed out before moves with them', () => {
  // Letters with problems (no Decision rationale label): diagnostics whose ranges the rules take from the model.
  const letters = seeds.map((s) => s.replace('Decision rationale', 'Decision')).concat(seeds).join('\n\n');
  const service = new LanguageService();
  const doc = { uri: 'file:///bulk.txt', version: 1, text: letters, getText() { return this.text; } };
  const before = service.parse(doc).letters;
  const headings = before.flatMap((l) => l.items.map((i) => ({ ...i.titleRange.start })));
  const handedOut = {
    diagnostics: service.getDiagnostics(doc),
    symbols: service.getDocumentSymbols(doc),
    lenses: service.getCodeLenses(doc),
    hovers: headings.map((p) => service.getHover(doc, p)),
    selections: service.getSelectionRanges(doc, headings),
    highlights: headings.map((p) => service.getDocumentHighlights(doc, p)),
    actions: service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, []),
    summaries: summarizeDocument(doc.uri, service.parse(doc), service.getDiagnostics(doc)),
    symbolEntries: symbolEntries(service.parse(doc)),
  };
  assert.ok(handedOut.diagnostics.length > 0 && handedOut.hovers.some(Boolean), 'the results hold positions');
  const snapshot = structuredClone(handedOut);

  doc.text = '\n\n' + doc.text;
  doc.version++;
  const after = service.parse(doc).letters;
  assert.ok(after.slice(1).every((l, i) => l === before[i + 1]), 'the letters below the edit are the same objects');
  assert.deepEqual(service.parse(doc), analyzeText(doc.text).parsed);
  assert.deepEqual(service.getDiagnostics(doc), analyzeText(doc.text).diagnostics);
  assert.deepEqual(handedOut, snapshot);
});

/** Every fixture letter (all layouts: reference, documents reviewed, 2013 notice, professional review). */
const fixtures = fixtureNames().map((n) => ({ name: n, text: readFixture(n) }));

test('no position object is reached twice in the parse of any fixture (every layout)', () => {
  for (const f of fixtures) {
    const shared = [...positionsIn(analyzeText(f.text).parsed).values()].filter((n) => n > 1);
    assert.equal(shared.length, 0, f.name);
  }
});

test('a line break above a letter of any layout moves it to exactly what a full parse gives', () => {
  const first = seeds[0];
  for (const f of fixtures) {
    const service = new LanguageService();
    const doc = { uri: 'file:///bulk.txt', version: 1, text: `${first}\n\n${f.text}`, getText() { return this.text; } };
    service.getDiagnostics(doc);
    service.getDocumentSymbols(doc);
    doc.text = '\n' + doc.text;
    doc.version++;
    const full = analyzeText(doc.text);
    assert.deepEqual(service.parse(doc), full.parsed, f.name);
    assert.deepEqual(service.getDiagnostics(doc), full.diagnostics, f.name);
  }
});
