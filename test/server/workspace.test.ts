/** The workspace index through the real server: scan on start, progress, letters, symbols, watched files, reindex. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { readSeed } from '../helpers/seeds';
import { VALID_LETTER, broken, lineOf } from '../unit/rules/letterFixture';
import type { IndexChangedParams, LetterSummary } from '../../server/src/protocol';

let dir: string;
let client: TestClient;
const uriOf = (p: string) => pathToFileURL(p).toString();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-ws-'));
  mkdirSync(join(dir, 'letters'));
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'letters', 'one.imr'), VALID_LETTER);
  writeFileSync(join(dir, 'letters', 'seed3.txt'), readSeed('003'));
  writeFileSync(join(dir, 'notes.txt'), 'Not a letter at all.');
  writeFileSync(join(dir, 'node_modules', 'skip.imr'), VALID_LETTER);
  writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4 not really');
  client = new TestClient();
  await client.initialize(
    {},
    {
      workspaceFolders: [{ uri: uriOf(dir), name: 'ws' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    },
  );
  await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !p.indexing && p.uris === undefined);
});
after(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

test('the scan indexes letters on disk only (not node_modules, not plain text), with progress', async () => {
  const letters = (await client.connection.sendRequest('imr/workspaceLetters')) as LetterSummary[];
  assert.deepEqual(letters.map((l) => l.uri.slice(uriOf(dir).length)).sort(), ['/letters/one.imr', '/letters/seed3.txt']);
  const seed3 = letters.find((l) => l.uri.endsWith('seed3.txt'))!;
  assert.deepEqual(seed3.items.map((i) => i.title), ['Valium 10mg (Retro Dispensed 08/07/14)', 'Soma 350mg (Retro Dispensed 08/07/14)', 'Oxycodone 30mg', 'Zanaflex 4mg']);
  const progress = client.progress.map((p) => p.kind);
  assert.equal(progress[0], 'begin');
  assert.equal(progress[progress.length - 1], 'end');
  assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
});

test('workspace symbols come from the index: items in files that were never opened', async () => {
  const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'oxycodone' })) as SymbolInformation[];
  assert.deepEqual(symbols.map((s) => [s.name, s.location.uri.endsWith('seed3.txt')]), [['Oxycodone 30mg: Upheld', true]]);
  const byCase = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'CM15-0101010' })) as SymbolInformation[];
  assert.equal(byCase.length, 1);
});

test('a changed file on disk is re-indexed alone and announced', async () => {
  const path = join(dir, 'letters', 'two.imr');
  writeFileSync(path, broken('CM15-0101010', 'CM17-0000002'));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path), type: FileChangeType.Created }] });
  const note = await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uriOf(path)));
  assert.deepEqual(note.uris, [uriOf(path)]);
  assert.equal(note.letterCount, 3);
  rmSync(path);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path), type: FileChangeType.Deleted }] });
  const gone = await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uriOf(path)) && p.letterCount === 2);
  assert.equal(gone.letterCount, 2);
});

test('an open document overrides the disk text in the index', async () => {
  const uri = uriOf(join(dir, 'letters', 'one.imr'));
  const since = client.notificationsOf('imr/indexChanged').length;
  await client.open(uri, broken('CM15-0101010', 'CM15-9999999'));
  await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uri), since);
  const letters = (await client.connection.sendRequest('imr/workspaceLetters')) as LetterSummary[];
  assert.equal(letters.find((l) => l.uri === uri)!.caseNumber, 'CM15-9999999');
  await client.close(uri);
});

test('opening and closing a letter without an edit keeps it in the index', async () => {
  const uri = uriOf(join(dir, 'letters', 'one.imr'));
  let since = client.notificationsOf('imr/indexChanged').length;
  await client.open(uri, VALID_LETTER); // the text on disk
  await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uri), since);
  since = client.notificationsOf('imr/indexChanged').length;
  await client.close(uri);
  const note = await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uri), since);
  assert.equal(note.letterCount, 2);
  const letters = (await client.connection.sendRequest('imr/workspaceLetters')) as LetterSummary[];
  assert.ok(letters.some((l) => l.uri === uri), 'one.imr is still in the tree');
});

test('an edit of an open letter is re-summarised in the index and announced', async () => {
  const uri = uriOf(join(dir, 'letters', 'one.imr'));
  let since = client.notificationsOf('imr/indexChanged').length;
  await client.open(uri, VALID_LETTER);
  await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uri), since);
  const before = ((await client.connection.sendRequest('imr/workspaceLetters')) as LetterSummary[]).find((l) => l.uri === uri)!;
  assert.deepEqual(before.items.map((i) => [i.title, i.outcome]), [['Norco 10/325mg #90', 'Upheld'], ['Flexeril 7.5mg #60', 'Overturned']]);
  assert.equal(before.errorCount, 0);

  // Delete ": Overturned" from the Flexeril heading, as an editor sends it (incremental).
  const line = lineOf(VALID_LETTER, 'Flexeril 7.5mg #60: Overturned');
  const from = 'Flexeril 7.5mg #60'.length;
  since = client.notificationsOf('imr/indexChanged').length;
  await client.changeRange(uri, 2, { start: { line, character: from }, end: { line, character: from + ': Overturned'.length } }, '');
  const note = await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uri), since);
  assert.deepEqual(note.uris, [uri]);
  const after = ((await client.connection.sendRequest('imr/workspaceLetters')) as LetterSummary[]).find((l) => l.uri === uri)!;
  assert.deepEqual(after.items.map((i) => [i.title, i.outcome ?? null]), [['Norco 10/325mg #90', 'Upheld'], ['Flexeril 7.5mg #60', null]]);
  assert.equal(after.errorCount, 1, 'the missing outcome is counted as an error');

  // Closing without saving puts the text on disk back in the index.
  since = client.notificationsOf('imr/indexChanged').length;
  await client.close(uri);
  await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(uri), since);
  const restored = ((await client.connection.sendRequest('imr/workspaceLetters')) as LetterSummary[]).find((l) => l.uri === uri)!;
  assert.equal(restored.items[1].outcome, 'Overturned');
});

test('imr/reindex rebuilds and answers with the letter count', async () => {
  const result = (await client.connection.sendRequest('imr/reindex')) as { letterCount: number };
  assert.equal(result.letterCount, 2);
});
