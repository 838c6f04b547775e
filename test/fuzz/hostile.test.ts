/**
 * Giant and pathological inputs named in the issue: a 5 MB single line, 100,000 empty
 * lines, 10,000 items, every heading repeated, mixed line endings, NUL bytes. Each must
 * satisfy every invariant, and the whole pipeline (parse, diagnostics, outline) must scale
 * linearly (see scaling.ts for how that is measured without flaky time limits).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAll } from './invariants';
import { assertLinear, describeScaling } from './scaling';
import { LanguageService, analyzeText } from '../../server/src/languageService/service';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { memoryFileSystem } from '../../server/src/workspace/fileSystem';
import { parseDocument } from '../../server/src/languageService/parser/parseDocument';
import { summarizeDocument } from '../../server/src/summaries';
import { computeDiagnostics } from '../../server/src/languageService/features/diagnostics';
import { RULES } from '../../server/src/languageService/rules';
import { splitLines } from '../../server/src/languageService/text/lines';
import { layoutPages } from '../../server/src/pdf/layout';
import { formatText } from '../../server/src/languageService/features/formatting';
import { hugeSingleLine, manyEmptyLines, manyItems, everyHeadingRepeated, mixedLineEndings, baseLetter } from '../helpers/mutators';
import { docOf } from './invariants';
import { checkFormatting, checkReadOnlyFeatures, checkQuickFixes } from './editInvariants';
import { readSeed } from '../helpers/seeds';

/** The work an editor does on open: parse, diagnostics, outline, on a fresh service. */
function fullPipeline(text: string): void {
  const service = new LanguageService();
  const doc = docOf(text);
  service.getDiagnostics(doc);
  service.getDocumentSymbols(doc);
}

test('a 5 MB single line', (t) => {
  const text = hugeSingleLine(5 * 1024 * 1024);
  const { parsed } = checkAll(text);
  assert.equal(parsed.lineCount, 1);
  const s = assertLinear('single long line', hugeSingleLine, fullPipeline, 250_000);
  t.diagnostic(describeScaling(s));
});

test('100,000 empty lines between two letters', (t) => {
  const { parsed } = checkAll(manyEmptyLines(100_000));
  assert.equal(parsed.letters.length, 2, 'both letters are found across the blank run');
  const s = assertLinear('empty lines', manyEmptyLines, fullPipeline, 25_000);
  t.diagnostic(describeScaling(s));
});

test('one letter with 10,000 items', (t) => {
  const { parsed, symbols } = checkAll(manyItems(10_000));
  assert.equal(parsed.letters.length, 1);
  assert.equal(parsed.letters[0].items.length, 10_000);
  const outlineCount = symbols.reduce((n, s) => n + 1 + (s.children?.length ?? 0), 0);
  assert.ok(outlineCount <= 5000, `outline is capped (got ${outlineCount})`);
  const s = assertLinear('items', manyItems, fullPipeline, 1_000);
  t.diagnostic(describeScaling(s));
});

test('every heading repeated 1,000 times', (t) => {
  const { parsed } = checkAll(everyHeadingRepeated(1_000));
  assert.ok(parsed.letters.length >= 1000, `each repeat of the body headings starts a letter (got ${parsed.letters.length})`);
  const s = assertLinear('repeated headings', everyHeadingRepeated, fullPipeline, 100);
  t.diagnostic(describeScaling(s));
});

test('mixed line endings (\\r, \\r\\n, \\n in turn) parse like plain \\n', () => {
  for (const text of [baseLetter(), readSeed('003')]) {
    const plain = checkAll(text.replace(/\r\n?/g, '\n')).parsed;
    const mixed = checkAll(mixedLineEndings(text)).parsed;
    assert.equal(mixed.lineCount, plain.lineCount);
    assert.deepEqual(
      mixed.letters.flatMap((l) => l.items.map((i) => [i.title, i.outcome, i.headingRange.start.line])),
      plain.letters.flatMap((l) => l.items.map((i) => [i.title, i.outcome, i.headingRange.start.line])),
    );
  }
});

test('NUL bytes and control characters in place of every space', () => {
  for (const ch of ['\0', '\x01', '\x1b', '\u0085', '\u2028']) {
    checkAll(readSeed('001').replace(/ /g, ch));
    checkAll(readSeed('001').replace(/\n/g, ch));
  }
});

test('long runs of spaces, digits, #, colons and hyphens as whole documents scale linearly', (t) => {
  for (const ch of [' ', '1', '#', ':', '-', ': ', '#1', 'Upheld: ', 'a-', '\t', '1/', 'CM1']) {
    const make = (n: number) => `Soma 350 mg ${ch.repeat(n)}: Upheld\nDecision rationale: ${ch.repeat(n)}`;
    const body = (n: number) => `HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\n${make(n)}\n`;
    checkAll(body(100_000));
    const s = assertLinear(`runs of ${JSON.stringify(ch)}`, body, fullPipeline, 50_000);
    t.diagnostic(`${JSON.stringify(ch)}: ${describeScaling(s)}`);
    // The header table is read by patterns built at run time (not reachable by the regex guard).
    const header = (n: number) => `Case Number: ${ch.repeat(n)}\nDate Assigned: ${ch.repeat(n)}   Date of Injury: ${ch.repeat(n)}1/1/2015\nPriority: ${ch.repeat(n)}\n${body(10)}`;
    checkAll(header(100_000));
    const h = assertLinear(`header runs of ${JSON.stringify(ch)}`, header, fullPipeline, 50_000);
    t.diagnostic(`header ${JSON.stringify(ch)}: ${describeScaling(h)}`);
  }
});

test('editor requests and formatting on giant inputs keep every property and scale linearly', (t) => {
  const giants: Array<[string, (n: number) => string, number, number]> = [
    ['10,000 items', manyItems, 10_000, 1_000],
    ['repeated headings', everyHeadingRepeated, 1_000, 100],
    ['5 MB line', hugeSingleLine, 5 * 1024 * 1024, 250_000],
    ['100,000 empty lines', manyEmptyLines, 100_000, 25_000],
  ];
  for (const [name, make, size, n] of giants) {
    const text = make(size);
    checkFormatting(text);
    checkReadOnlyFeatures(text);
    checkQuickFixes(text, 3);
    const f = assertLinear(`${name}: requests`, make, editorRequests, n);
    const g = assertLinear(`${name}: formatting`, make, (x: string) => new LanguageService().formatDocument(docOf(x)), n);
    t.diagnostic(`${name}: requests ${describeScaling(f)}; formatting ${describeScaling(g)}`);
  }
});

test('a guideline line citing thousands of sources scales linearly', (t) => {
  // Each "Decision based on" starts a citation; with no semicolon anywhere, a search for the
  // next one from every citation's start once read the rest of the line per citation.
  for (const separator of ['', '; ']) {
    const letter = (n: number) =>
      'HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\nMRI of the knee: Upheld\nClaims Administrator guideline: ' +
      Array.from({ length: n }, (_, i) => `Decision based on MTUS page ${i}`).join(separator || ' ') +
      '\nDecision rationale: It is not medically necessary.\n';
    const citations = parseDocument(letter(100)).letters[0].items[0].guidelines[0].citations;
    assert.equal(citations.length, 100, 'every source is a citation of its own');
    const s = assertLinear(`citations separated by ${JSON.stringify(separator || ' ')}`, letter, (x: string) => parseDocument(x), 20_000);
    t.diagnostic(`${JSON.stringify(separator)}: ${describeScaling(s)}`);
  }
});

test('a guideline line of thousands of citations each split at "; Non-MTUS" scales linearly', (t) => {
  // Every citation holds a Non-MTUS source after a semicolon, so every one is split in two:
  // inserting each second half into the list of pieces in place moved the rest of the list
  // every time (64,000 citations: 1.3 s, 4x more: 58x longer).
  const letter = (n: number) =>
    'HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\nMRI of the knee: Upheld\nClaims Administrator guideline: ' +
    Array.from({ length: n }, (_, i) => `Decision based on MTUS page ${i}; Non-MTUS Citation ODG Knee`).join(' ') +
    '\nDecision rationale: It is not medically necessary.\n';
  const citations = parseDocument(letter(100)).letters[0].items[0].guidelines[0].citations;
  assert.equal(citations.length, 200, 'every Non-MTUS source after a semicolon is a citation of its own');
  assert.deepEqual(
    citations.slice(0, 2).map((c) => [c.kind, c.text]),
    [
      ['MTUS', 'MTUS page 0'],
      ['ODG', 'Non-MTUS Citation ODG Knee'],
    ],
  );
  const s = assertLinear('citations split at "; Non-MTUS"', letter, (x: string) => parseDocument(x), 20_000);
  t.diagnostic(describeScaling(s));
});

test('summarising a file of thousands of letters for the tree view scales linearly', (t) => {
  // Each letter counted its errors by filtering every diagnostic of the file: letters x
  // diagnostics, both growing with the file.
  const letters = (n: number) =>
    Array.from({ length: n }, (_, i) => `HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\nMRI of knee ${i}: Upheld\n`).join('\n');
  const analysed = (n: number) => {
    const service = new LanguageService();
    const doc = docOf(letters(n));
    return { parsed: service.parse(doc), diagnostics: service.getDiagnostics(doc) };
  };
  const small = analysed(10);
  const counts = summarizeDocument('file:///a.imr', small.parsed, small.diagnostics).map((l) => l.errorCount);
  assert.equal(counts.length, 10);
  assert.ok(counts.every((c) => c > 0), 'every letter lacks its rationale: an error each');
  const s = assertLinear('summaries', analysed, (x) => summarizeDocument('file:///a.imr', x.parsed, x.diagnostics), 4_000);
  t.diagnostic(describeScaling(s));
});

test('document highlights on a letter naming one drug thousands of times scale linearly', (t) => {
  // Found by the giant-input probe: each match was checked against every item title
  // (matches x items). Here both grow with n, so the old code took ~16x for 4x input.
  const letter = (n: number) =>
    `HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\n` +
    Array.from({ length: n }, (_, i) => `Soma 350 mg #${i}: Upheld\nDecision rationale: ${'Soma carisoprodol '.repeat(10)}not medically necessary.\n`).join('');
  const highlights = (text: string) => {
    const service = new LanguageService();
    const doc = docOf(text);
    service.getDocumentHighlights(doc, { line: 2, character: 1 });
  };
  const found = new LanguageService().getDocumentHighlights(docOf(letter(10)), { line: 2, character: 1 });
  assert.equal(found.length, 10 * 21, 'every mention of Soma/carisoprodol is highlighted');
  const s = assertLinear('highlights', letter, highlights, 500);
  t.diagnostic(describeScaling(s));
});

/** The requests an editor sends while the user moves around a document. */
function editorRequests(text: string): void {
  const service = new LanguageService();
  const doc = docOf(text);
  const pos = service.parse(doc).letters[0]?.items[3]?.titleRange.start ?? { line: 0, character: 0 };
  service.getDocumentHighlights(doc, pos);
  service.getFoldingRanges(doc);
  service.getSelectionRanges(doc, [pos]);
  service.getCodeLenses(doc);
  service.getCompletions(doc, pos);
  service.getCodeActions(doc, { start: pos, end: pos }, [], ['source.fixAll']);
}

test('quick fixes and fix-all on a letter of thousands of items with bad outcomes scale linearly', (t) => {
  // Each fix of an outcome looked its item up by searching every item of the file, and the
  // client's diagnostics were matched against every one of ours: diagnostics x items.
  const letter = (n: number) =>
    'HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\n' +
    Array.from({ length: n }, (_, i) => `MRI of knee ${i}: ${i % 2 ? 'Uphold' : ''}\nDecision rationale: It is not medically necessary.\n`).join('');
  const analysed = (n: number) => {
    const service = new LanguageService();
    const doc = docOf(letter(n));
    return { service, doc, diagnostics: service.getDiagnostics(doc) };
  };
  const wholeFile = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
  const small = analysed(10);
  const fixes = small.service.getCodeActions(small.doc, wholeFile, small.diagnostics);
  assert.equal(fixes.filter((a) => a.title.startsWith('Change "Uphold"') || a.title.startsWith('Add outcome')).length, 2 * 10, 'two fixes for each bad outcome');
  const s = assertLinear('quick fixes', analysed, (x) => x.service.getCodeActions(x.doc, wholeFile, x.diagnostics), 1_000);
  const f = assertLinear('fix-all', analysed, (x) => x.service.getCodeActions(x.doc, { start: wholeFile.start, end: wholeFile.start }, [], ['source.fixAll']), 1_000);
  t.diagnostic(`quick fixes ${describeScaling(s)}; fix-all ${describeScaling(f)}`);
});

test('a case summary naming thousands of drugs against thousands of drug items scales linearly', (t) => {
  // Each item's drug was searched for among every drug word of the summary: items x words.
  // The summary names the items' drugs last, after thousands of others.
  const brands = ['Soma', 'Norco', 'Lyrica', 'Ultram', 'Flexeril', 'Neurontin', 'Zanaflex'];
  const letter = (n: number) =>
    'HOW THE IMR FINAL DETERMINATION WAS MADE\nCLINICAL CASE SUMMARY\n' +
    Array.from({ length: n }, (_, i) => `Utilization Review denied Motrin ${i}.`).join(' ') +
    ` The worker also takes ${brands.join(', ')}.\nIMR ISSUES, DECISIONS AND RATIONALES\n` +
    Array.from({ length: n }, (_, i) => `${brands[i % brands.length]} ${i} mg: Upheld\nDecision rationale: It is not medically necessary.\n`).join('');
  const parsed = (n: number) => {
    const text = letter(n);
    const lines = splitLines(text);
    return { parsed: parseDocument(text, lines), lines };
  };
  const onlyThisRule = Object.fromEntries(RULES.map((r) => [r.code, r.code === 'summary-item-mismatch' ? r.defaultSeverity : 'off'] as const));
  const mismatches = (x: ReturnType<typeof parsed>) => computeDiagnostics(x.parsed, onlyThisRule, x.lines);
  assert.deepEqual(
    mismatches(parsed(10)).map((d) => d.message),
    ['The case summary says Utilization Review acted on Motrin, but no disputed item is about ibuprofen.'],
  );
  const s = assertLinear('summary mismatch', parsed, mismatches, 4_000);
  t.diagnostic(describeScaling(s));
});

test('a PDF page with thousands of text runs on one baseline scales linearly', (t) => {
  // Joining a line's runs and fragments read the end of the text joined so far, which
  // flattened it (a copy) once per run: runs x line length.
  const baseline = (step: number) => (n: number) => [{ width: 612, height: 792, runs: Array.from({ length: n }, (_, i) => ({ str: 'abcdefghij', x: 72 + i * step, y: 400, width: 10, size: 10 })) }];
  const words = baseline(12); // a word gap between runs: one fragment of n words
  const columns = baseline(40); // a column gap between runs: n fragments
  assert.equal(layoutPages(words(2)).lines[0], 'abcdefghij abcdefghij');
  assert.equal(layoutPages(columns(2)).lines[0], 'abcdefghij  abcdefghij');
  // Spreading the runs into one call (Math.max(...sizes)) overflowed the stack.
  assert.equal(layoutPages(words(200_000)).lines.length, 1);
  const w = assertLinear('runs on one baseline', words, layoutPages, 5_000);
  const c = assertLinear('fragments on one baseline', columns, layoutPages, 5_000);
  t.diagnostic(`words ${describeScaling(w)}; columns ${describeScaling(c)}`);
});

test('a PDF page with thousands of label fragments in two or three rows scales linearly', (t) => {
  // Labels split over rows (`Date` / `Assigned:`) were matched by comparing every fragment of
  // one row with every fragment of the next: fragments squared.
  const run = (str: string, x: number, y: number) => ({ str, x, y, width: 20, size: 10 });
  const rows = (middle: boolean) => (n: number) => [
    {
      width: 1e9,
      height: 792,
      runs: [
        ...Array.from({ length: n }, (_, i) => run('Date', 100 + i * 100, 400)),
        ...(middle ? [run('value', 1e8, 410)] : []),
        ...Array.from({ length: n }, (_, i) => run('Assigned:', 150 + i * 100, middle ? 420 : 412)),
      ],
    },
  ];
  // A real header row still has its wrapped label joined.
  const header = [{ width: 612, height: 792, runs: [run('Application', 72, 400), run('CM16-0213037', 300, 400), run('Received:', 72, 412), run('11/09/2016', 300, 412)] }];
  assert.equal(layoutPages(header).lines[0], 'Application Received: CM16-0213037');
  const w = assertLinear('label rows', rows(false), layoutPages, 2_000);
  const c = assertLinear('label rows around a value row', rows(true), layoutPages, 2_000);
  t.diagnostic(`two rows ${describeScaling(w)}; three rows ${describeScaling(c)}`);
});

test('formatting thousands of lines that each end in a hyphen-split word scales linearly', (t) => {
  // Each line ending in `a-` is rejoined with the next; testing the end of the growing line
  // for every join read all of it each time.
  const piece = `${'a'.repeat(40)}-`;
  const letter = (n: number) =>
    'HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\nMRI of the knee: Upheld\nDecision rationale: ' +
    Array.from({ length: n }, () => piece).join('\n') +
    '\n';
  const format = (text: string) => new LanguageService().formatDocument(docOf(text));
  assert.ok(formatText(letter(3)).includes(`\nDecision rationale: ${piece.repeat(3)}\n`), 'the split lines become one');
  checkFormatting(letter(3_000));
  const s = assertLinear('hyphen-split lines', letter, format, 3_000);
  t.diagnostic(describeScaling(s));
});

test('lists of 100,000 or more are never spread into one call (the stack overflowed)', async () => {
  // push(...list) passes every element as an argument: these threw RangeError before.
  const items = `HOW THE IMR FINAL DETERMINATION WAS MADE\nCLINICAL CASE SUMMARY\nx\nIMR ISSUES, DECISIONS AND RATIONALES\n${Array.from({ length: 100_000 }, (_, i) => `MRI ${i}: Upheld`).join('\n')}\n`;
  assert.equal(analyzeText(items).diagnostics.length, 3 * 100_000 + 1, 'two guidelines and a rationale missing per item, and the empty howMade section');
  const citations = `HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\nMRI: Upheld\nClaims Administrator guideline: ${Array.from({ length: 200_000 }, (_, i) => `Decision based on MTUS page ${i}`).join('; ')}\n`;
  assert.ok(new LanguageService().getSelectionRanges(docOf(citations), [{ line: 3, character: 40 }])[0].parent, 'a chain of ranges');
  const letters = Array.from({ length: 150_000 }, (_, i) => `HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\nMRI ${i}: Upheld\n`).join('\n');
  const index = new WorkspaceIndex({ fs: memoryFileSystem(new Map([['/ws/bulk.imr', letters]])) });
  await index.rebuild(['/ws']);
  assert.equal(index.letters().length, 150_000);
  // The parser itself: a letter of 200,000 items made it fall back to no letters at all.
  const moreItems = `HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\n${Array.from({ length: 200_000 }, (_, i) => `MRI ${i}: Upheld`).join('\n')}\n`;
  assert.equal(parseDocument(moreItems).letters[0]?.items.length, 200_000);
});
