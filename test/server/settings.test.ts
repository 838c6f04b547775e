/** Settings through the real server: initializationOptions, workspace/configuration, config file, onSave. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidChangeConfigurationNotification, DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';
import type { IndexChangedParams, LetterSummary } from '../../server/src/protocol';
import { broken } from '../unit/rules/letterFixture';

const NO_OUTCOME = broken('Norco 10/325mg #90: Upheld', 'Norco 10/325mg #90:');

test('initializationOptions: a rule set to "off" is silenced, a severity is applied', async () => {
  const client = new TestClient();
  try {
    await client.initialize({ rules: { 'missing-outcome': 'hint' } });
    await client.open('file:///a.imr', NO_OUTCOME);
    const p = await client.waitForDiagnostics('file:///a.imr');
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['missing-outcome', 4]]);
  } finally {
    await client.shutdown();
  }
});

test('workspace/configuration is read, and didChangeConfiguration re-validates open documents', async () => {
  const client = new TestClient();
  try {
    await client.initialize({}, { capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }, settings: { rules: {} } });
    const uri = 'file:///b.imr';
    await client.open(uri, NO_OUTCOME);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    client.settings = { rules: { 'missing-outcome': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  } finally {
    await client.shutdown();
  }
});

test('new rule settings reach the workspace index: error counts of closed and open letters follow them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-rules-index-'));
  writeFileSync(join(dir, 'closed.imr'), NO_OUTCOME);
  writeFileSync(join(dir, 'open.imr'), NO_OUTCOME);
  const client = new TestClient();
  try {
    await client.initialize({}, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }], capabilities: { workspace: { configuration: true } }, settings: { rules: {} } });
    await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !p.indexing && p.uris === undefined);
    const openUri = pathToFileURL(join(dir, 'open.imr')).href;
    await client.open(openUri, NO_OUTCOME);
    await client.waitForDiagnostics(openUri, (p) => p.diagnostics.length === 1);
    const errorCounts = async () => ((await client.connection.sendRequest('imr/workspaceLetters')) as LetterSummary[]).map((l) => l.errorCount);
    assert.deepEqual(await errorCounts(), [1, 1]);

    const since = client.notificationsOf('imr/indexChanged').length;
    client.settings = { rules: { 'missing-outcome': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    // The closed letter is read again by a new index build, the open one summarised again.
    await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !p.indexing && p.uris === undefined, since);
    await client.waitForNotification<IndexChangedParams>('imr/indexChanged', (p) => !!p.uris?.includes(openUri), since);
    assert.deepEqual(await errorCounts(), [0, 0]);
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad rule setting is reported once and ignored; the server keeps serving', async () => {
  const client = new TestClient();
  try {
    await client.initialize({ rules: { 'no-such-rule': 'error', 'missing-outcome': 'loud' } });
    const uri = 'file:///c.imr';
    await client.open(uri, NO_OUTCOME);
    const p = await client.waitForDiagnostics(uri);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['missing-outcome', 1]]);
    assert.ok(client.messages.some((m) => m.message.includes('Unknown rule "no-such-rule"')));
    assert.ok(client.messages.some((m) => m.message.includes('"loud" is not one of')));
  } finally {
    await client.shutdown();
  }
});

test('imr.configFile: the imr-lint config format is read relative to the workspace folder; bad JSON is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-config-'));
  writeFileSync(join(dir, 'imr.json'), JSON.stringify({ rules: { 'missing-outcome': 'warning' } }));
  writeFileSync(join(dir, 'bad.json'), '{ rules: ');
  const rootUri = 'file://' + dir;
  try {
    const client = new TestClient();
    try {
      await client.initialize({ configFile: 'imr.json' }, { rootUri });
      const uri = 'file:///d.imr';
      await client.open(uri, NO_OUTCOME);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === 2);
    } finally {
      await client.shutdown();
    }
    const bad = new TestClient();
    try {
      await bad.initialize({ configFile: 'bad.json' }, { rootUri });
      const uri = 'file:///e.imr';
      await bad.open(uri, NO_OUTCOME);
      await bad.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === 1);
      assert.ok(bad.messages.some((m) => m.message.includes('not valid JSON')));
    } finally {
      await bad.shutdown();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('imr.validate = onSave: edits are validated when saved', async () => {
  const client = new TestClient();
  try {
    await client.initialize({ validate: 'onSave', validationDelay: 0 });
    const uri = 'file:///f.imr';
    await client.open(uri, broken('Norco 10/325mg #90:', 'Norco 10/325mg #90:', NO_OUTCOME), 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.changeFull(uri, 2, broken('Norco 10/325mg #90:', 'Norco 10/325mg #90: Upheld', NO_OUTCOME));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const saved = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(saved.diagnostics, []);
    // Closing clears diagnostics; by then every publish for version 2 has arrived: only the save's.
    await client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.version === undefined);
    assert.equal(client.publishedFor(uri).filter((p) => p.version === 2).length, 1);
  } finally {
    await client.shutdown();
  }
});
