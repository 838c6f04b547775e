/**
 * Privacy and trust. Letters hold patient health information, so:
 * - the server and the CLI, doing real work, make no network attempt (run under the
 *   denyNetwork.cjs hook, which records and blocks every socket, HTTP, fetch and DNS call);
 * - the sources import no network module and call no fetch/XMLHttpRequest/WebSocket;
 * - nothing in the server or the CLI writes files; the client writes only from commands;
 * - package.json declares untrusted/virtual workspace support consistently with the code.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, relative } from 'node:path';
import {
  DocumentSymbolRequest,
  HoverRequest,
  FoldingRangeRequest,
  SelectionRangeRequest,
  CodeActionRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  CodeLensRequest,
  DocumentHighlightRequest,
  WorkspaceSymbolRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { readSeed, seedNames } from '../helpers/seeds';
import { writeLetterPdf } from '../helpers/pdfWriter';
import { DocumentSummaryRequest, WorkspaceLettersRequest, ReindexRequest, ExtractPdfRequest } from '../../server/src/protocol';
import { networkUses, writeSites, commandReachable } from './sourceScan';

const ROOT = resolve(__dirname, '..', '..');
const HOOK = join(__dirname, 'denyNetwork.cjs');
const work = mkdtempSync(join(tmpdir(), 'imr-privacy-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface LogLine {
  pid: number;
  attempt?: string;
  loaded?: string;
  stack?: string[];
}

function readLog(path: string): LogLine[] {
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine) : [];
}

/** Every file under `dir` with its size and mtime: a fingerprint to prove nothing was written. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

async function letterFolder(name: string): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const s of seedNames()) writeFileSync(join(dir, s.replace(/\.txt$/, '.imr')), readSeed(s.slice(0, 3)));
  writeFileSync(join(dir, 'scanned.pdf'), await writeLetterPdf(readSeed('002')));
  return dir;
}

test('the hook itself records and blocks every kind of network attempt', () => {
  const log = join(work, 'control.jsonl');
  const script = `
    const tries = [
      () => fetch('https://example.invalid/'),
      () => require('http').get('http://example.invalid/'),
      () => require('https').request('https://example.invalid/'),
      () => require('net').connect(80, 'example.invalid'),
      () => new (require('net').Socket)().connect(80, 'example.invalid'),
      () => require('tls').connect(443, 'example.invalid'),
      () => require('dgram').createSocket('udp4'),
      () => require('dns').lookup('example.invalid', () => {}),
    ];
    let blocked = 0;
    for (const t of tries) { try { t(); } catch { blocked++; } }
    process.stdout.write(String(blocked));`;
  const r = spawnSync(process.execPath, ['--require', HOOK, '-e', script], { env: { ...process.env, IMR_NETWORK_LOG: log }, encoding: 'utf8' });
  assert.equal(r.stdout, '8', r.stderr);
  assert.equal(readLog(log).filter((l) => l.attempt).length, 8);
});

test('the language server, doing everything it offers, makes no network attempt and writes no file', async () => {
  const log = join(work, 'server.jsonl');
  const folder = await letterFolder('server-ws');
  const before = snapshot(folder);
  const saved = { opts: process.env.NODE_OPTIONS, log: process.env.IMR_NETWORK_LOG };
  process.env.NODE_OPTIONS = `${saved.opts ?? ''} --require ${HOOK}`;
  process.env.IMR_NETWORK_LOG = log;
  const client = new TestClient();
  process.env.NODE_OPTIONS = saved.opts ?? '';
  if (saved.opts === undefined) delete process.env.NODE_OPTIONS;
  process.env.IMR_NETWORK_LOG = saved.log ?? '';
  let requests = 0;
  try {
    await client.initialize({}, { rootUri: 'file://' + folder, workspaceFolders: [{ uri: 'file://' + folder, name: 'ws' }], capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } } });
    const c = client.connection;
    for (const name of seedNames()) {
      const uri = 'file://' + join(folder, name.replace(/\.txt$/, '.imr'));
      const text = readSeed(name.slice(0, 3));
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const textDocument = { uri };
      const position = { line: 3, character: 2 };
      const diagnostics: Diagnostic[] = published.diagnostics;
      await Promise.all([
        c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
        c.sendRequest(HoverRequest.type, { textDocument, position }),
        c.sendRequest(FoldingRangeRequest.type, { textDocument }),
        c.sendRequest(SelectionRangeRequest.type, { textDocument, positions: [position] }),
        c.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics } }),
        c.sendRequest(CompletionRequest.type, { textDocument, position }),
        c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }),
        c.sendRequest(CodeLensRequest.type, { textDocument }),
        c.sendRequest(DocumentHighlightRequest.type, { textDocument, position }),
        c.sendRequest(DocumentSummaryRequest, { uri }),
      ]);
      requests += 10;
    }
    await c.sendRequest(ReindexRequest, {});
    const letters = (await c.sendRequest(WorkspaceLettersRequest, {})) as unknown[];
    assert.ok(letters.length >= seedNames().length, 'the workspace index read the folder');
    await c.sendRequest(WorkspaceSymbolRequest.type, { query: 'Soma' });
    const pdf = (await c.sendRequest(ExtractPdfRequest, { uri: 'file://' + join(folder, 'scanned.pdf') })) as { text: string };
    assert.match(pdf.text, /Flexeril/, 'the PDF was really extracted');
    requests += 4;
  } finally {
    await client.shutdown();
  }
  const lines = readLog(log);
  assert.ok(lines.some((l) => l.loaded), 'the hook was loaded in the server process');
  assert.deepEqual(lines.filter((l) => l.attempt), [], 'no network attempt');
  assert.deepEqual(snapshot(folder), before, 'the server wrote nothing in the workspace');
  console.log(`# privacy: server served ${requests} requests under the hook`);
});

test('imr-lint on a folder (worker threads, PDF, every output format) makes no network attempt and writes no file', async () => {
  const log = join(work, 'cli.jsonl');
  const folder = await letterFolder('cli-ws');
  // Enough files for the worker pool to start.
  for (let i = 0; i < 60; i++) writeFileSync(join(folder, `copy-${i}.imr`), readSeed('00' + (i % 5)));
  const before = snapshot(folder);
  for (const format of ['text', 'json', 'sarif', 'csv']) {
    const r = spawnSync(process.execPath, ['--require', HOOK, join(ROOT, 'bin', 'imr-lint.js'), '--format', format, '--jobs', '2', folder], {
      env: { ...process.env, IMR_NETWORK_LOG: log },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.ok(r.status === 0 || r.status === 1, `${format}: exit ${r.status}: ${r.stderr}`);
  }
  const lines = readLog(log);
  assert.ok(lines.some((l) => l.loaded), 'the hook was loaded in the CLI');
  assert.ok(lines.some((l) => l.loaded && (l as { thread?: number }).thread! > 0), 'the hook was loaded in the worker threads too');
  console.log(`# privacy: imr-lint ran 4 times; hook loaded in ${lines.filter((l) => l.loaded).length} processes and worker threads`);
  assert.deepEqual(lines.filter((l) => l.attempt), [], 'no network attempt');
  assert.deepEqual(snapshot(folder), before, 'the CLI wrote nothing in the folder');
});

test('no source file imports a network module or calls fetch, XMLHttpRequest or WebSocket', () => {
  assert.deepEqual(networkUses(['client/src', 'server/src'].map((d) => join(ROOT, d))), []);
});

test('the server and the CLI never write files; the client writes only from commands the user runs', () => {
  const server = writeSites([join(ROOT, 'server/src')]);
  assert.deepEqual(server, [], 'server/CLI write sites');
  const client = writeSites([join(ROOT, 'client/src')]);
  assert.ok(client.length > 0, 'the scan finds the client export/save writes (so it can fail)');
  const notFromCommands = client.filter((s) => !commandReachable(s, join(ROOT, 'client/src')));
  assert.deepEqual(notFromCommands.map((s) => `${s.where} in ${s.fn}`), []);
});

test('package.json declares untrusted and virtual workspace support consistently with the code', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    capabilities?: Record<string, { supported: boolean | string; description?: string; restrictedConfigurations?: string[] }>;
    contributes: { configuration: { properties: Record<string, { type?: string; markdownDescription?: string; description?: string }> } };
  };
  const untrusted = pkg.capabilities?.untrustedWorkspaces;
  const virtual = pkg.capabilities?.virtualWorkspaces;
  assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
  assert.ok(virtual, 'capabilities.virtualWorkspaces is declared');
  // Nothing from the workspace is ever executed, trusted or not.
  const exec = networkUses([join(ROOT, 'client/src'), join(ROOT, 'server/src')], ['child_process', 'node:child_process', 'vm', 'node:vm']);
  assert.deepEqual(exec, [], 'the code can run processes or evaluate code');
  // A setting that names a file to read must not be set by an untrusted workspace: it could
  // point anywhere on disk (and a JSON parse error quotes the file's first characters).
  const pathSettings = Object.entries(pkg.contributes.configuration.properties)
    .filter(([, p]) => p.type === 'string' && /\bpath\b/i.test(p.markdownDescription ?? p.description ?? ''))
    .map(([key]) => key);
  assert.ok(pathSettings.includes('imr.configFile'), `settings naming a file: ${pathSettings.join(', ')}`);
  assert.equal(untrusted.supported, 'limited', 'untrusted support is limited by the settings that name files');
  assert.ok(untrusted.description, 'limited untrusted support needs a description');
  assert.deepEqual([...(untrusted.restrictedConfigurations ?? [])].sort(), pathSettings.sort(), 'every setting naming a file is restricted');
  if (virtual.supported === false || virtual.supported === 'limited') assert.ok(virtual.description, 'virtual workspace limits are explained');
  if (virtual.supported === false) {
    // Truthful only if the server really reads from disk.
    const reads = readFileSync(join(ROOT, 'server/src/workspace/fileSystem.ts'), 'utf8');
    assert.match(reads, /from 'node:fs'|from 'fs'|require\('fs'\)/, 'the workspace index reads the local file system');
  }
});
