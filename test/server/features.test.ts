/** Every language feature through the real bundled server over stdio JSON-RPC. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentRangeFormattingRequest,
  FoldingRangeRequest,
  HoverRequest,
  SelectionRangeRequest,
  DocumentSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { readSeed, seedNames } from '../helpers/seeds';
import { COMBINATIONS, applyAll } from '../helpers/artifacts';
import { VALID_LETTER, broken, lineOf } from '../unit/rules/letterFixture';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

const send = <R>(type: any, params: unknown): Promise<R> => client.connection.sendRequest(type, params) as Promise<R>;
const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'imr', 1, text), edits);

test('initialize announces every feature', () => {
  const caps = client.initializeResult!.capabilities;
  for (const key of [
    'foldingRangeProvider',
    'selectionRangeProvider',
    'codeActionProvider',
    'completionProvider',
    'documentFormattingProvider',
    'documentRangeFormattingProvider',
    'codeLensProvider',
    'documentHighlightProvider',
    'workspaceSymbolProvider',
    'hoverProvider',
    'documentSymbolProvider',
  ] as const) {
    assert.ok(caps[key], key);
  }
});

test('every seed publishes zero diagnostics, warnings included', async () => {
  for (const name of seedNames()) {
    const uri = `file:///seeds/${name}`;
    await client.open(uri, readSeed(name.slice(0, 3)));
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics, [], name);
  }
});

test('quick fix over JSON-RPC: applying it removes its diagnostic and nothing else changes', async () => {
  const uri = 'file:///fix.imr';
  const text = broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90: Uphold');
  await client.open(uri, text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-outcome']);
  const actions = await send<CodeAction[]>(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
  const fix = actions.find((a) => a.isPreferred)!;
  assert.equal(fix.title, 'Change "Uphold" to "Upheld"');
  const fixed = applyEdits(text, fix.edit!.changes![uri]);
  assert.equal(fixed, VALID_LETTER);
  await client.changeFull(uri, 2, fixed);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics, []);
});

test('fix all in file over JSON-RPC (source.fixAll)', async () => {
  const uri = 'file:///fixall.imr';
  let text = broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90:');
  text = broken('CLINICAL CASE SUMMARY\n', '', text);
  await client.open(uri, text, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 2);
  const actions = await send<CodeAction[]>(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1);
  const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
  await client.changeFull(uri, 2, fixed);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics.filter((d) => d.severity === 1), []);
});

/** Opens `text`, applies over the server the preferred quick fix of its `code` diagnostic, and returns the fixed text and the next published diagnostics. */
async function applyPreferredFix(uri: string, text: string, code: string) {
  await client.open(uri, text, 1);
  const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `expected a ${code} diagnostic, got ${diagnostics.map((x) => x.code)}`);
  const actions = await send<CodeAction[]>(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const fix = actions.find((a) => a.isPreferred && a.diagnostics?.[0]?.code === code);
  assert.ok(fix, `expected a preferred fix for ${code}`);
  const fixed = applyEdits(text, fix.edit!.changes![uri]);
  await client.changeFull(uri, 2, fixed);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  return { fixed, after: after.diagnostics };
}

test('preferred quick fixes over JSON-RPC: missing-section, missing-guideline, missing-rationale each leave the next diagnostics without their code', async () => {
  const noSection = await applyPreferredFix('file:///fix-section.imr', broken('CLINICAL CASE SUMMARY\n', ''), 'missing-section');
  assert.deepEqual(noSection.after.filter((d) => d.code === 'missing-section'), []);
  assert.ok(lineOf(noSection.fixed, 'CLINICAL CASE SUMMARY') < lineOf(noSection.fixed, 'IMR ISSUES'));

  // The whole MAXIMUS line gone: the fix inserts a label line.
  const noMax = await applyPreferredFix('file:///fix-guideline.imr', broken('MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 78-80.\n', ''), 'missing-guideline');
  assert.deepEqual(noMax.after.filter((d) => d.code === 'missing-guideline'), []);
  // Only the Claims Administrator's label gone: it goes back on its line.
  const noCaLabel = await applyPreferredFix('file:///fix-guideline-label.imr', broken('Claims Administrator guideline: Decision', 'Decision'), 'missing-guideline');
  assert.deepEqual(noCaLabel.after.filter((d) => d.code === 'missing-guideline'), []);
  assert.equal(noCaLabel.fixed, VALID_LETTER);

  // Only the rationale's label gone: it goes back at the start of its paragraph.
  const noRatLabel = await applyPreferredFix('file:///fix-rationale.imr', broken('Decision rationale: The guidelines call', 'The guidelines call'), 'missing-rationale');
  assert.deepEqual(noRatLabel.after.filter((d) => d.code === 'missing-rationale'), []);
  assert.equal(noRatLabel.fixed, VALID_LETTER);
});

test('completion over JSON-RPC: headings and snippets at line start, guideline phrases after a guideline label', async () => {
  const uri = 'file:///completion.imr';
  const text = 'IMR\nMAXIMUS guideline: \nClaims Administrator guideline: \n\n';
  await client.open(uri, text, 1);
  const complete = async (line: number, character: number) => {
    const r = await send<CompletionItem[] | CompletionList | null>(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    return (Array.isArray(r) ? r : r?.items ?? []).map((c) => c.label);
  };
  // Nothing typed yet: every heading, the labels and the snippets.
  const empty = await complete(3, 0);
  for (const heading of ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) assert.ok(empty.includes(heading), heading);
  for (const label of ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:', 'imr-letter', 'imr-item']) assert.ok(empty.includes(label), label);
  // `IMR` typed: what it can still become.
  const typed = await complete(0, 3);
  assert.ok(typed.includes('IMR ISSUES, DECISIONS AND RATIONALES'));
  assert.ok(typed.includes('imr-letter'));
  assert.ok(typed.includes('imr-item'));
  assert.ok(!typed.includes('CLINICAL CASE SUMMARY'));
  for (const line of [1, 2]) {
    const phrases = await complete(line, text.split('\n')[line].length);
    assert.ok(phrases.some((l) => l.startsWith('Decision based on MTUS Chronic Pain Medical Treatment Guidelines')), `line ${line}`);
    assert.ok(phrases.some((l) => l.includes('ODG')), `line ${line}: ODG`);
    assert.ok(!phrases.includes('CLINICAL CASE SUMMARY'), `line ${line}: headings after a label`);
  }
});

test('formatting a double-spaced, wrapped rendering of a seed: same characters, idempotent', async () => {
  const uri = 'file:///format.imr';
  const text = applyAll(readSeed('000'), COMBINATIONS.everything);
  await client.open(uri, text, 1);
  const edits = await send<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  assert.ok(edits.length > 0);
  const once = applyEdits(text, edits);
  assert.equal(once.replace(/\s+/g, ''), text.replace(/\s+/g, ''));
  await client.changeFull(uri, 2, once);
  const again = await send<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  assert.deepEqual(again, []);
  const range = await send<TextEdit[]>(DocumentRangeFormattingRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
    options: { tabSize: 4, insertSpaces: true },
  });
  assert.deepEqual(range, []);
});

test('folding, selection ranges, code lens, highlights, completion and hovers', async () => {
  const uri = 'file:///features.imr';
  await client.open(uri, VALID_LETTER, 1);
  const norco = lineOf(VALID_LETTER, 'Norco 10/325mg #90: Upheld');
  const decisions = lineOf(VALID_LETTER, 'IMR ISSUES');

  const folds = await send<Array<{ startLine: number; endLine: number }>>(FoldingRangeRequest.type, { textDocument: { uri } });
  assert.ok(folds.some((f) => f.startLine === decisions));
  assert.ok(folds.some((f) => f.startLine === norco));

  const [sel] = await send<any[]>(SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: norco, character: 1 }] });
  assert.deepEqual(sel.range, { start: { line: norco, character: 0 }, end: { line: norco, character: 5 } });
  assert.ok(sel.parent?.parent);

  const lenses = await send<any[]>(CodeLensRequest.type, { textDocument: { uri } });
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]), [[decisions, '2 items: 1 upheld, 1 overturned']]);

  const hl = await send<any[]>(DocumentHighlightRequest.type, { textDocument: { uri }, position: { line: norco, character: 1 } });
  assert.equal(hl.length, 3); // in the summary, the heading and the rationale

  const completion = await send<CompletionItem[] | CompletionList>(CompletionRequest.type, { textDocument: { uri }, position: { line: norco, character: 'Norco 10/325mg #90: '.length } });
  const labels = (Array.isArray(completion) ? completion : completion.items).map((c) => c.label);
  assert.deepEqual(labels, ['Upheld', 'Overturned']);

  const hover = async (line: number, character: number) => ((await send<any>(HoverRequest.type, { textDocument: { uri }, position: { line, character } }))?.contents?.value as string) ?? '';
  assert.match(await hover(lineOf(VALID_LETTER, 'Decision Date:'), 25), /2015-06-01/);
  const ca = lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids');
  assert.match(await hover(ca, 52), /California Medical Treatment Utilization Schedule/);
  const summary = lineOf(VALID_LETTER, '04/20/2015 non-certified');
  assert.match(await hover(summary, VALID_LETTER.split('\n')[summary].indexOf('Flexeril') + 2), /cyclobenzaprine/);
});

test('unknown documents and positions past the end give empty results, never errors', async () => {
  const unknown = { textDocument: { uri: 'file:///never-opened.imr' } };
  assert.deepEqual(await send(FoldingRangeRequest.type, unknown), []);
  assert.deepEqual(await send(CodeLensRequest.type, unknown), []);
  assert.deepEqual(await send(DocumentFormattingRequest.type, { ...unknown, options: { tabSize: 2, insertSpaces: true } }), []);
  assert.equal(await send(HoverRequest.type, { ...unknown, position: { line: 0, character: 0 } }), null);
  const uri = 'file:///short.imr';
  await client.open(uri, 'HOW THE IMR FINAL DETERMINATION WAS MADE\n');
  const far = { line: 500, character: 500 };
  assert.equal(await send(HoverRequest.type, { textDocument: { uri }, position: far }), null);
  assert.deepEqual(await send(DocumentHighlightRequest.type, { textDocument: { uri }, position: far }), []);
  assert.deepEqual(await send(CompletionRequest.type, { textDocument: { uri }, position: far }), []);
  assert.equal((await send<any[]>(SelectionRangeRequest.type, { textDocument: { uri }, positions: [far] })).length, 1);
  assert.deepEqual(await send(DocumentSymbolRequest.type, { textDocument: { uri } }), [{ name: 'HOW THE IMR FINAL DETERMINATION WAS MADE', kind: 3, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } }, selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } }, children: [] }]);
});
