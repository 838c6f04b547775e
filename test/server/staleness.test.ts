/** Incremental sync and debounced validation: diagnostics are for the latest text, never a stale version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lspClient';
import { VALID_LETTER, lineOf } from '../unit/rules/letterFixture';
import { readServerSettings } from '../../server/src/languageService/config';

test('a burst of incremental edits publishes only the last version, computed from the edited text', async () => {
  const client = new TestClient();
  try {
    // A long debounce: nothing is published for v2 or v3 until the save asks for it.
    await client.initialize({ validationDelay: 60000 });
    const uri = 'file:///stale.imr';
    await client.open(uri, VALID_LETTER, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 0);
    const line = lineOf(VALID_LETTER, 'Norco 10/325mg #90: Upheld');
    const at = 'Norco 10/325mg #90: '.length;
    // v2 breaks the outcome, v3 makes it "Uphold" (incremental ranges on top of v2).
    await client.changeRange(uri, 2, { start: { line, character: at }, end: { line, character: at + 'Upheld'.length } }, '');
    await client.changeRange(uri, 3, { start: { line, character: at }, end: { line, character: at } }, 'Uphold');
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const v3 = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(v3.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['unknown-outcome', line, at]]);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.version === undefined);
    assert.deepEqual(client.publishedFor(uri).map((p) => p.version), [1, 3, undefined]);
  } finally {
    await client.shutdown();
  }
});

test('server settings: defaults, flat dotted keys, and bad values reported and replaced by defaults', () => {
  assert.deepEqual(readServerSettings(undefined).settings, { rules: {}, validate: 'onType', validationDelay: 200, maxOutlineItems: 5000 });
  const flat = readServerSettings({ 'imr.validate': 'onSave', 'imr.rules': { 'duplicate-item': 'off' } });
  assert.equal(flat.settings.validate, 'onSave');
  assert.deepEqual(flat.settings.rules, { 'duplicate-item': 'off' });
  const bad = readServerSettings({ validate: 'sometimes', validationDelay: -5, maxOutlineItems: 'many', rules: [] });
  assert.equal(bad.settings.validate, 'onType');
  assert.equal(bad.settings.validationDelay, 200);
  assert.equal(bad.settings.maxOutlineItems, 5000);
  assert.equal(bad.problems.length, 4);
});
