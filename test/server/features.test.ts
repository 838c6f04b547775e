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
