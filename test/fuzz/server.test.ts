/**
 * Fault injection against the real bundled server over JSON-RPC (dist/server.js): unknown
 * documents, positions past the end, out-of-range edits, a thousand rapid edits, cancelled
 * requests, malformed parameters, bad settings. After every fault the server must still
 * answer, and it must never publish diagnostics for a stale version.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  StreamMessageReader,
  DocumentSymbolRequest,
  HoverRequest,
  FoldingRangeRequest,
  SelectionRangeRequest,
  CodeActionRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  CodeLensRequest,
  DocumentHighlightRequest,
  DidChangeTextDocumentNotification,
  LogMessageNotification,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TestClient, SERVER_JS } from '../helpers/lspClient';
import { readSeed } from '../helpers/seeds';
import { readFixture } from '../helpers/fixtures';
import { manyItems } from '../helpers/mutators';
import { DocumentSummaryRequest } from '../../server/src/protocol';
import { LanguageService } from '../../server/src/languageService/service';
import { assertRangeInDocument, lineLengths, docOf } from './invariants';
import { FUZZ_SEED } from './config';

/** Faults injected in this file, counted for the Reliability report. */
let faults = 0;

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize({ validationDelay: 20 });
});
after(async () => {
  console.log(`# server faults injected: ${faults}`);
  await client.shutdown();
});

/** The server is alive and serving: a fresh document gets its diagnostics. */
async function assertServing(): Promise<void> {
  const uri = `file:///alive-${Math.random().toString(36).slice(2)}.imr`;
  await client.open(uri, readSeed('002'));
  const p = await client.waitForDiagnostics(uri, (d) => d.version === 1);
  assert.deepEqual(p.diagnostics, []);
  await client.close(uri);
}

/** Every document request the server offers, on `uri` at `position`. */
function allRequests(uri: string, position: { line: number; character: number }): Array<[string, Promise<unknown>]> {
  const textDocument = { uri };
  const range = { start: position, end: position };
  const c = client.connection;
  return [
    ['documentSymbol', c.sendRequest(DocumentSymbolRequest.type, { textDocument })],
    ['hover', c.sendRequest(HoverRequest.type, { textDocument, position })],
    ['foldingRange', c.sendRequest(FoldingRangeRequest.type, { textDocument })],
    ['selectionRange', c.sendRequest(SelectionRangeRequest.type, { textDocument, positions: [position] })],
    ['codeAction', c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } })],
    ['completion', c.sendRequest(CompletionRequest.type, { textDocument, position })],
    ['formatting', c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } })],
    ['rangeFormatting', c.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range, options: { tabSize: 2, insertSpaces: true } })],
    ['codeLens', c.sendRequest(CodeLensRequest.type, { textDocument })],
    ['documentHighlight', c.sendRequest(DocumentHighlightRequest.type, { textDocument, position })],
    ['documentSummary', c.sendRequest(DocumentSummaryRequest, { uri })],
  ];
}

const isEmpty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && 'items' in v && (v as { items: unknown[] }).items.length === 0);

test('requests for a document that was never opened answer empty', async () => {
  for (const [name, p] of allRequests('file:///never-opened.imr', { line: 0, character: 0 })) {
    faults++;
    const result = await p;
    assert.ok(isEmpty(result), `${name} on an unknown document answered ${JSON.stringify(result)}`);
  }
  await assertServing();
});

test('requests at positions past the end (and absurd positions) answer without error', async () => {
  const uri = 'file:///past-end.imr';
  const text = readSeed('003');
  await client.open(uri, text);
  const lengths = lineLengths(text);
  for (const position of [
    { line: lengths.length + 10, character: 0 },
    { line: 0, character: 1_000_000 },
    { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
  ]) {
    for (const [name, p] of allRequests(uri, position)) {
      faults++;
      const result = await p;
      // Whatever comes back must point inside the document.
      for (const r of JSON.stringify(result ?? null).match(/"range":\{"start":\{"line":\d+,"character":\d+\},"end":\{"line":\d+,"character":\d+\}\}/g) ?? []) {
        assertRangeInDocument(JSON.parse(`{${r}}`).range, lengths, `${name} at ${JSON.stringify(position)}`);
      }
    }
  }
  await assertServing();
});

test('malformed parameters get an error response, and the server keeps serving', async () => {
  const uri = 'file:///malformed.imr';
  await client.open(uri, readSeed('000'));
  // [method, params, expected code]: each is answered with an error naming the method and
  // what is wrong, never the text of a JavaScript TypeError; each is logged by the server.
  const bad: Array<[string, unknown, number]> = [
    ['textDocument/hover', { textDocument: { uri } }, ErrorCodes.InvalidParams],
    ['textDocument/hover', { textDocument: { uri }, position: { line: -5, character: -1 } }, ErrorCodes.InvalidParams],
    ['textDocument/hover', { textDocument: { uri }, position: 'top' }, ErrorCodes.InvalidParams],
    ['textDocument/completion', { textDocument: { uri }, position: { line: 1 } }, ErrorCodes.InvalidParams],
    ['textDocument/documentHighlight', { textDocument: {}, position: { line: 0, character: 0 } }, ErrorCodes.InvalidParams],
    ['textDocument/selectionRange', { textDocument: { uri }, positions: null }, ErrorCodes.InvalidParams],
    ['textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0 }] }, ErrorCodes.InvalidParams],
    ['textDocument/codeAction', { textDocument: { uri } }, ErrorCodes.InvalidParams],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, ErrorCodes.InvalidParams],
    ['textDocument/rangeFormatting', { textDocument: { uri }, range: 'everything' }, ErrorCodes.InvalidParams],
    ['textDocument/formatting', { textDocument: { uri: 7 } }, ErrorCodes.InvalidParams],
    ['textDocument/foldingRange', {}, ErrorCodes.InvalidParams],
    ['textDocument/codeLens', { textDocument: null }, ErrorCodes.InvalidParams],
    ['textDocument/documentSymbol', {}, ErrorCodes.InvalidParams],
    ['workspace/symbol', {}, ErrorCodes.InvalidParams],
    ['imr/documentSummary', { uri: 42 }, ErrorCodes.InvalidParams],
    ['imr/extractPdf', {}, ErrorCodes.InvalidParams],
    ['imr/noSuchRequest', {}, ErrorCodes.MethodNotFound],
  ];
  for (const [method, params, code] of bad) {
    faults++;
    const logsBefore = client.logs.length;
    const error = await client.connection.sendRequest(method, params).then(
      (result) => assert.fail(`${method} ${JSON.stringify(params)}: answered ${JSON.stringify(result)} instead of an error`),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError, `${method}: a JSON-RPC error, not a dropped connection`);
    assert.equal(error.code, code, `${method} ${JSON.stringify(params)}: error code (${error.message})`);
    assert.ok(error.message.startsWith(`${method}: `), `${method}: the error names the method: ${error.message}`);
    assert.doesNotMatch(error.message, /Cannot read properties|is not a function|undefined \(reading/, `${method}: a raw JavaScript error`);
    // The server logs the same message (sent before its answer, so already received).
    const logged = client.logs.slice(logsBefore);
    assert.ok(logged.includes(error.message), `${method}: not logged; the log got ${JSON.stringify(logged)}`);
    // And it still answers a valid request.
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///never-opened.imr' } }), []);
  }
  // Parameters by position (`null` is sent as [null]): vscode-jsonrpc itself rejects them with
  // InvalidParams naming the method, before any handler of ours runs.
  faults++;
  await assert.rejects(client.connection.sendRequest('textDocument/documentSymbol', null), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams && e.message.includes('textDocument/documentSymbol'));
  // Notifications with garbage: no response is possible, the server must simply survive.
  for (const [method, params] of [
    ['textDocument/didOpen', { textDocument: { uri: 'file:///x.imr' } }],
    ['textDocument/didChange', { textDocument: { uri: 'file:///not-open.imr', version: 3 }, contentChanges: [{ text: 'x' }] }],
    ['textDocument/didClose', { textDocument: { uri: 'file:///not-open.imr' } }],
    ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 9 }] }],
  ] as Array<[string, unknown]>) {
    faults++;
    await client.connection.sendNotification(method, params);
  }
  await assertServing();
});

test('an internal error (didOpen without text) is logged clearly and the server keeps serving', { timeout: 60_000 }, async () => {
  // A client of its own: we take over its log channel to wait for the message (no sleeping).
  const c = new TestClient();
  try {
    await c.initialize({ validationDelay: 0 });
    const logged = new Promise<string>((res) =>
      c.connection.onNotification(LogMessageNotification.type, (m) => {
        if (/internal error|failed/i.test(m.message)) res(m.message);
      }),
    );
    faults++;
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///no-text.imr', languageId: 'imr', version: 1 } });
    const message = await logged;
    assert.match(message, /IMR server internal error|didOpen/, 'the log says what failed');
    const uri = 'file:///after-crash.imr';
    await c.open(uri, readSeed('002'));
    assert.deepEqual((await c.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics, []);
  } finally {
    await c.shutdown();
  }
});

test('edits with out-of-range and inverted ranges are clamped like the client clamps them', async () => {
  const uri = 'file:///out-of-range.imr';
  let mirror = TextDocument.create(uri, 'imr', 1, readSeed('001'));
  await client.open(uri, mirror.getText(), 1);
  const changes: TextDocumentContentChangeEvent[][] = [
    [{ range: { start: { line: 100_000, character: 0 }, end: { line: 100_001, character: 5 } }, text: 'appended past the end\n' }],
    [{ range: { start: { line: 0, character: 500 }, end: { line: 0, character: 900 } }, text: 'X' }],
    [{ range: { start: { line: 5, character: 3 }, end: { line: 2, character: 0 } }, text: '' }],
    [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\r\n\u0000\ud800' }],
  ];
  let version = 1;
  for (const change of changes) {
    faults++;
    version++;
    mirror = TextDocument.update(mirror, change, version);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: change });
  }
  const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
  const lengths = lineLengths(mirror.getText());
  for (const d of published.diagnostics) assertRangeInDocument(d.range, lengths, `diagnostic ${d.code}`);
  // The server's copy equals ours: same outline as the pure service computes on our text.
  const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.deepEqual(symbols, new LanguageService().getDocumentSymbols(docOf(mirror.getText(), version, uri)));
  await assertServing();
});

test('1,000 rapid random edits: diagnostics are never published for a stale version', async () => {
  // Stale-version property, precisely, for the edited uri: (1) every publication carries a
  // version; (2) versions never go down in arrival order; (3) once the server has seen the
  // final edit and answered a later request, the last publication is for the final version
  // and equals what the pure service computes for the final text; (4) every publication's
  // ranges fit the text of the version it names (diagnostics of one version are never
  // labelled with another).
  const uri = 'file:///rapid.imr';
  const edits = fc.sample(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), del: fc.integer({ min: 0, max: 6 }), text: fc.constantFrom('', 'a', ' ', '\n', ': Upheld', 'Soma #60: ', '\r\n', 'Overturned', '#') }),
    { seed: FUZZ_SEED, numRuns: 1000 },
  );
  let mirror = TextDocument.create(uri, 'imr', 1, readSeed('003'));
  // Line lengths of every version, to check each publication against the text it claims.
  const linesOf = new Map<number, number[]>([[1, lineLengths(mirror.getText())]]);
  await client.open(uri, mirror.getText(), 1);
  let version = 1;
  for (const e of edits) {
    version++;
    faults++;
    const offset = Math.floor(e.at * mirror.getText().length);
    const range = { start: mirror.positionAt(offset), end: mirror.positionAt(offset + e.del) };
    const change = [{ range, text: e.text }];
    mirror = TextDocument.update(mirror, change, version);
    linesOf.set(version, lineLengths(mirror.getText()));
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: change });
  }
  const final = version;
  const last = await client.waitForDiagnostics(uri, (p) => p.version === final);
  const all = client.publishedFor(uri);
  all.forEach((p, i) => {
    assert.equal(typeof p.version, 'number', `publication ${i} has no version`);
    if (i > 0) assert.ok(p.version! >= all[i - 1].version!, `publication ${i} (v${p.version}) after v${all[i - 1].version}`);
    // (4) its ranges fit the text of the version it names.
    for (const d of p.diagnostics) assertRangeInDocument(d.range, linesOf.get(p.version!)!, `v${p.version} ${d.code}`);
  });
  // A request round trip flushes anything the server sent before answering it.
  await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.equal(client.publishedFor(uri).at(-1)!.version, final);
  assert.deepEqual(last.diagnostics, new LanguageService().getDiagnostics(docOf(mirror.getText(), final, uri)));
  console.log(`# ${final - 1} edits, ${all.length} publications`);
});

test('line breaks and edits across several letters: outlines answered between edits are those of their own version', async () => {
  // Letters below a typed line break are moved in place inside the server (incremental/shift.ts).
  // A reply built from them must still describe the version it was asked on, even when the
  // next edits arrive before it is written out: outline requests are sent between edits
  // without waiting, and each answer must equal the pure service's outline of its version.
  const uri = 'file:///several-letters.imr';
  const edits = fc.sample(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), del: fc.integer({ min: 0, max: 3 }), text: fc.constantFrom('\n', '\n\n', '\r\n', '', 'x', 'Upheld') }),
    { seed: FUZZ_SEED + 1, numRuns: 200 },
  );
  let mirror = TextDocument.create(uri, 'imr', 1, ['000', '001', '002', '003', '004'].map(readSeed).join('\n'));
  await client.open(uri, mirror.getText(), 1);
  const asked: Array<{ version: number; text: string; answer: Promise<unknown> }> = [];
  let version = 1;
  for (const [i, e] of edits.entries()) {
    version++;
    faults++;
    const offset = Math.floor(e.at * mirror.getText().length);
    const change = [{ range: { start: mirror.positionAt(offset), end: mirror.positionAt(offset + e.del) }, text: e.text }];
    mirror = TextDocument.update(mirror, change, version);
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: change });
    if (i % 10 === 0) asked.push({ version, text: mirror.getText(), answer: client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) });
  }
  const final = version;
  const last = await client.waitForDiagnostics(uri, (p) => p.version === final);
  for (const a of asked) {
    const expected = new LanguageService().getDocumentSymbols(docOf(a.text, a.version, uri));
    assert.deepEqual(await a.answer, JSON.parse(JSON.stringify(expected)), `outline of v${a.version}`);
  }
  assert.deepEqual(last.diagnostics, new LanguageService().getDiagnostics(docOf(mirror.getText(), final, uri)));
  await client.close(uri);
});

test('a line break above notice and professional-review letters: the outline is that of the new text', async () => {
  // Letters of these layouts are carried below a line break too (moved in place); each of
  // their positions must move once, even where two ranges start at the same place.
  const uri = 'file:///layouts-below.imr';
  const text = [readSeed('000'), readFixture('notice-2013'), readFixture('professional-review')].join('\n\n');
  await client.open(uri, text, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const change = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }];
  void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: change });
  const outline = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  const expected = new LanguageService().getDocumentSymbols(docOf('\n\n' + text, 2, uri));
  assert.deepEqual(outline, JSON.parse(JSON.stringify(expected)));
  await client.close(uri);
});

/** One JSON-RPC message framed as the base protocol frames it. */
const frame = (message: object): string => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
};

test('requests cancelled before the server reads them are answered RequestCancelled, and the server keeps serving', async () => {
  // The server (vscode-jsonrpc) queues what it reads and dispatches one message per event-loop
  // turn; a $/cancelRequest read while its request still waits in the queue marks the request
  // cancelled, and the server's request guard answers such a request RequestCancelled without
  // running it. Each request and its cancellation are written in ONE chunk (under PIPE_BUF,
  // so the pipe holds it whole), into an empty pipe: the server reads all of it at once and
  // delivers every message before dispatching any (vscode-jsonrpc's reader and its queue each
  // take one setImmediate per message, the reader's all scheduled first), so every
  // cancellation lands while its request is queued. No timing is involved.
  const server = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const reader = new StreamMessageReader(server.stdout!);
  const responses = new Map<number, { result?: unknown; error?: { code: number; message: string } }>();
  const waiting = new Map<number, () => void>();
  let diagnosed: () => void = () => undefined;
  const opened = new Promise<void>((res) => (diagnosed = res));
  reader.listen((m) => {
    const r = m as { id?: number; method?: string; result?: unknown; error?: { code: number; message: string } };
    if (r.method === 'textDocument/publishDiagnostics') diagnosed();
    if (r.method !== undefined || typeof r.id !== 'number') return; // notifications, requests to the client
    responses.set(r.id, r);
    waiting.get(r.id)?.();
  });
  const answerTo = (id: number) => new Promise<void>((res) => (responses.has(id) ? res() : waiting.set(id, res))).then(() => responses.get(id)!);
  try {
    server.stdin!.write(frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
    await answerTo(1);
    const uri = 'file:///cancel.imr';
    server.stdin!.write(frame({ method: 'initialized', params: {} }) + frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'imr', version: 1, text: manyItems(50) } } }));
    // The server has read everything written so far (it published the document's diagnostics):
    // the pipe is empty, so the chunk below reaches it in one read, not behind a partly read message.
    await opened;
    const textDocument = { uri };
    const position = { line: 1, character: 0 };
    const requests: Array<[string, unknown]> = [
      ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/codeLens', { textDocument }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/selectionRange', { textDocument, positions: [position] }],
      ['textDocument/documentHighlight', { textDocument, position }],
      ['workspace/symbol', { query: 'Soma' }],
      ['imr/documentSummary', { uri }],
    ];
    let chunk = '';
    requests.forEach(([method, params], i) => {
      faults++;
      chunk += frame({ id: 100 + i, method, params }) + frame({ method: '$/cancelRequest', params: { id: 100 + i } });
    });
    // The same request once more, not cancelled: answered in full after the cancelled ones.
    chunk += frame({ id: 200, method: 'textDocument/documentSymbol', params: { textDocument } });
    assert.ok(Buffer.byteLength(chunk) <= 4096, `one atomic pipe write (${Buffer.byteLength(chunk)} bytes)`);
    server.stdin!.write(chunk);
    for (const [i, [method]] of requests.entries()) {
      const r = await answerTo(100 + i);
      assert.equal(r.error?.code, LSPErrorCodes.RequestCancelled, `${method}: answered ${JSON.stringify(r)}`);
      assert.match(r.error!.message, new RegExp(`^${method}: cancelled`));
    }
    const symbols = await answerTo(200);
    assert.equal(symbols.error, undefined);
    assert.ok(Array.isArray(symbols.result) && symbols.result.length > 0, 'the server still answers in full');
  } finally {
    server.kill();
  }
  await assertServing();
});

test('bad settings of every shape are reported clearly and ignored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-fuzz-config-'));
  try {
    writeFileSync(join(dir, 'bad.json'), '{ "rules": { "missing-outcome": ');
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0xff, 0xfe, 0, 1, 2, 0x80]));
    mkdirSync(join(dir, 'folder.json'));
    const cases: Array<[unknown, RegExp]> = [
      [{ rules: 'all' }, /rules/],
      [{ rules: ['missing-outcome'] }, /rules/],
      [{ rules: { 'missing-outcome': 7 } }, /not one of/],
      [{ validationDelay: -1 }, /validationDelay/],
      [{ configFile: join(dir, 'bad.json') }, /not valid JSON/],
      [{ configFile: join(dir, 'binary.json') }, /JSON/],
      [{ configFile: join(dir, 'folder.json') }, /cannot read/],
      [{ configFile: join(dir, 'missing.json') }, /cannot read/],
    ];
    for (const [options, expected] of cases) {
      faults++;
      const c = new TestClient();
      try {
        await c.initialize(options);
        const uri = 'file:///settings.imr';
        await c.open(uri, readSeed('000').replace('Soma #60: Upheld', 'Soma #60:'));
        const p = await c.waitForDiagnostics(uri, (d) => d.version === 1);
        // Defaults still apply: the missing outcome is an error.
        assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['missing-outcome', 1]], JSON.stringify(options));
        const said = [...c.messages.map((m) => m.message), ...c.logs];
        assert.ok(said.some((m) => expected.test(m)), `${JSON.stringify(options)}: no clear message; got ${JSON.stringify(said)}`);
      } finally {
        await c.shutdown();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
