/**
 * The bundled language server on PDFs: `imr/extractPdf` for the editor's read-only
 * `imr-pdf:` documents, every feature on such a document, and PDFs in the workspace index.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, HoverRequest, WorkDoneProgress, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { writeLetterPdf, isCapsHeading } from '../helpers/pdfWriter';
import { ExtractPdfRequest, WorkspaceLettersRequest, IndexChangedNotification, type ExtractPdfResult, type LetterSummary, type IndexChangedParams } from '../../server/src/protocol';
import { FIXTURES } from './letters';

let client: TestClient;
let dir = '';
let pdfUri = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-pdf-server-'));
  const f = FIXTURES[1];
  const pdfPath = join(dir, 'letter.pdf');
  writeFileSync(pdfPath, await writeLetterPdf(f.text, { header: f.header, linesPerPage: 18, centre: isCapsHeading, pageFooter: (p, n) => `Page ${p} of ${n}` }));
  writeFileSync(join(dir, 'scan.pdf'), await writeLetterPdf('', { noText: true }));
  writeFileSync(join(dir, 'other.pdf'), await writeLetterPdf(FIXTURES[0].text, { header: FIXTURES[0].header }));
  pdfUri = pathToFileURL(pdfPath).href;
  client = new TestClient();
  await client.initialize({}, { rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'letters' }] });
});
after(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

test('imr/extractPdf answers text and page map; an imr-pdf: document gets symbols and diagnostics', async () => {
  const out = (await client.connection.sendRequest(ExtractPdfRequest, { uri: pdfUri })) as ExtractPdfResult;
  assert.match(out.text, /^Case Number: CM17-0004128\n/);
  assert.equal(out.pageOfLine.length, out.text.split('\n').length - 1);
  assert.ok(out.pageCount >= 3);

  const docUri = pdfUri.replace(/^file:/, 'imr-pdf:');
  await client.open(docUri, out.text);
  const published = await client.waitForDiagnostics(docUri);
  assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1), []);
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: docUri } })) as DocumentSymbol[];
  const decisions = symbols.find((s) => /DECISIONS/.test(s.name));
  assert.ok(decisions, symbols.map((s) => s.name).join(', '));
  assert.deepEqual(decisions.children!.map((s) => [s.name, s.detail]), FIXTURES[1].items);
});

test('the workspace index reads PDFs like text letters', async () => {
  await client.waitForNotification<IndexChangedParams>(IndexChangedNotification, (p) => !p.indexing && p.letterCount > 0);
  const letters = (await client.connection.sendRequest(WorkspaceLettersRequest)) as LetterSummary[];
  const fromPdf = letters.find((l) => l.uri === pdfUri);
  assert.ok(fromPdf, JSON.stringify(letters.map((l) => l.uri)));
  assert.equal(fromPdf.caseNumber, 'CM17-0004128');
  assert.deepEqual(fromPdf.items.map((i) => [i.title, i.outcome]), FIXTURES[1].items);
  // Each item names the PDF page of its heading (the letter runs over several pages of 18 lines).
  const pages = fromPdf.items.map((i) => i.page ?? 0);
  assert.ok(pages.every((p) => p >= 1) && pages[pages.length - 1] > pages[0], `pages ${pages.join(', ')}`);
  assert.deepEqual([...pages].sort((a, b) => a - b), pages, 'in page order');
});

test('an open imr-pdf: document is indexed as its PDF file, not as a second letter', async () => {
  // After the workspace is indexed (previous test), open the PDF letter of other.pdf.
  const otherUri = pathToFileURL(join(dir, 'other.pdf')).href;
  const docUri = otherUri.replace(/^file:/, 'imr-pdf:');
  const before = client.notificationsOf(IndexChangedNotification).length;
  let seen = 0;
  const update = client.waitForNotification<IndexChangedParams>(IndexChangedNotification, (p) => seen++ >= before && !!p.uris?.some((u) => u === otherUri || u === docUri));
  const out = (await client.connection.sendRequest(ExtractPdfRequest, { uri: otherUri })) as ExtractPdfResult;
  await client.open(docUri, out.text);
  await update;
  const letters = (await client.connection.sendRequest(WorkspaceLettersRequest)) as LetterSummary[];
  assert.deepEqual(letters.filter((l) => l.uri.endsWith('other.pdf')).map((l) => l.uri), [otherUri]);
});

test('imr/extractPdf refuses a file over the size limit before reading it', async () => {
  // A sparse file: 60 MB by its size, nothing written, so nothing is read or held.
  const elsewhere = mkdtempSync(join(tmpdir(), 'imr-pdf-big-'));
  try {
    const big = join(elsewhere, 'huge.pdf');
    writeFileSync(big, '');
    truncateSync(big, 60 * 1024 * 1024);
    await assert.rejects(client.connection.sendRequest(ExtractPdfRequest, { uri: pathToFileURL(big).href }), /60\.0 MB is over the size limit of 50\.0 MB/);
    const again = (await client.connection.sendRequest(ExtractPdfRequest, { uri: pdfUri })) as ExtractPdfResult;
    assert.ok(again.text.length > 0, 'the server carries on');
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('imr/extractPdf on a scan is a clear error and the server carries on', async () => {
  await assert.rejects(client.connection.sendRequest(ExtractPdfRequest, { uri: pathToFileURL(join(dir, 'scan.pdf')).href }), /OCR/);
  const again = (await client.connection.sendRequest(ExtractPdfRequest, { uri: pdfUri })) as ExtractPdfResult;
  assert.ok(again.text.length > 1000);
});

test('a request sent while the workspace index extracts PDFs is answered before the indexing ends', { timeout: 120_000 }, async () => {
  // PDFs are extracted on the index's worker threads, not on the thread that answers requests.
  // Event-ordered: the hover is sent when the server says indexing has begun (work-done
  // progress `begin`, sent just before the rebuild) and must be answered before the server's
  // final "indexing done" notice. 24 PDFs of some 25 pages each take seconds to extract.
  // (A guard on the order only: it passed before PDFs moved to the workers too, because the
  // hover usually arrives while the server still lists and reads the files. That no PDF is
  // extracted on the main thread is asserted in test/server/indexWorkers.test.ts.)
  const ws = mkdtempSync(join(tmpdir(), 'imr-pdf-busy-'));
  const c = new TestClient();
  try {
    const bytes = await writeLetterPdf(FIXTURES.map((f) => f.text).join('\n').repeat(8), { linesPerPage: 40 });
    for (let i = 0; i < 24; i++) writeFileSync(join(ws, `letter-${i}.pdf`), bytes);
    const order: string[] = [];
    const uri = 'file:///busy.imr';
    let hover: Promise<unknown> | undefined;
    const begun = new Promise<void>((res) => {
      c.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
        c.connection.onProgress(WorkDoneProgress.type, params.token, (v) => {
          if (v.kind !== 'begin') return;
          hover = c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } }).then((h) => (order.push('hover answered'), h));
          res();
        });
        return null;
      });
    });
    await c.initialize({}, { rootUri: pathToFileURL(ws).href, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'busy' }], capabilities: { window: { workDoneProgress: true } } });
    await c.open(uri, FIXTURES[0].text);
    await begun;
    const done = await c.waitForNotification<IndexChangedParams>(IndexChangedNotification, (p) => !p.indexing && p.uris === undefined);
    order.push('indexing done');
    await hover;
    assert.ok(done.letterCount >= 24, `every PDF indexed (${done.letterCount} letters)`);
    assert.deepEqual(order, ['hover answered', 'indexing done']);
  } finally {
    await c.shutdown();
    rmSync(ws, { recursive: true, force: true });
  }
});
