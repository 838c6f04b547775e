import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSymbolRequest, HoverRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { readSeed } from '../helpers/seeds';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

test('initialize announces the features', () => {
  const caps = client.initializeResult!.capabilities;
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.hoverProvider);
});

test('document symbols list the sections and the items under the decisions section', async () => {
  const uri = 'file:///seed003.imr';
  await client.open(uri, readSeed('003'));
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']);
  const items = symbols[2].children!;
  assert.deepEqual(items.map((s) => [s.name, s.detail]), [
    ['Valium 10mg (Retro Dispensed 08/07/14)', 'Upheld'],
    ['Soma 350mg (Retro Dispensed 08/07/14)', 'Upheld'],
    ['Oxycodone 30mg', 'Upheld'],
    ['Zanaflex 4mg', 'Upheld'],
  ]);
  // Each item's range spans its whole block: it ends where the next one starts.
  assert.ok(items[0].range.end.line < items[1].range.start.line);
  assert.ok(items[0].range.end.line - items[0].range.start.line > 10);
});

test('hover on an item heading summarises outcome, guidelines and conclusion', async () => {
  const uri = 'file:///seed002.imr';
  const text = readSeed('002');
  await client.open(uri, text);
  const line = text.split('\n').findIndex((l) => l.startsWith('Flexeril #60: Overturned'));
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } });
  assert.ok(hover, 'hover returned');
  const value = (hover!.contents as { value: string }).value;
  assert.match(value, /Flexeril #60/);
  assert.match(value, /Overturned/);
  assert.match(value, /MAXIMUS guideline: .*ACOEM/);
  assert.match(value, /Medical necessity has been established/);
});

test('diagnostics: a clean seed publishes none; a broken copy publishes missing-outcome at its line', async () => {
  const uri = 'file:///seed000.imr';
  const text = readSeed('000');
  await client.open(uri, text, 1);
  const clean = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.deepEqual(clean.diagnostics, []);
  const broken = text.replace('Soma #60: Upheld', 'Soma #60:');
  await client.changeFull(uri, 2, broken);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  const line = broken.split('\n').findIndex((l) => l.startsWith('Soma #60:'));
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line]), [['missing-outcome', line]]);
});
