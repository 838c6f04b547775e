/**
 * The extension inside a real VS Code: language detection, the server's features through
 * the `vscode` API, the decision view's provider, commands and the status bar.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImrExtensionApi } from '../../../client/src/extension';
import type { DecisionNode } from '../../../client/src/decisionTree/provider';
import { BROKEN_LETTER, referenceLetter } from './letters';
import { diagnosticsOf, waitFor } from './wait';

const EXTENSION_ID = 'imr-tools.imr-letters';

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test runner opens a workspace folder');
  return folder.uri;
}

async function writeLetter(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/**
 * Opens a document and waits until it is in the `imr` language: a `.txt` letter first opens as
 * plain text and is switched by the extension's first-line detection.
 */
async function openLetterDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.workspace.openTextDocument(uri);
  return waitFor(vscode.workspace.onDidOpenTextDocument, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'imr'),
  );
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await openLetterDocument(uri));
}

function itemTitles(api: ImrExtensionApi): string[] {
  const groups = api.view.provider.getChildren();
  return groups.flatMap((g: DecisionNode) => api.view.provider.getChildren(g)).flatMap((n) => (n.kind === 'item' ? [n.ref.item.title] : []));
}

function waitForItem(api: ImrExtensionApi, title: string): Promise<true> {
  return waitFor(api.view.provider.onDidChangeTreeData, () => itemTitles(api).includes(title) || undefined);
}

suite('IMR extension in VS Code', () => {
  let api: ImrExtensionApi;
  let good: vscode.Uri;
  let closed: vscode.Uri;
  let broken: vscode.Uri;

  suiteSetup(async () => {
    good = await writeLetter('own-letter.txt', referenceLetter('CM15-0101010', [['Gabapentin 600mg #90', 'Upheld'], ['Acupuncture x 6 sessions', 'Overturned']]));
    closed = await writeLetter('never-opened.imr', referenceLetter('CM15-0202020', [['Lidoderm patch #30', 'Upheld']]));
    broken = await writeLetter('broken-letter.imr', BROKEN_LETTER);
    const ext = vscode.extensions.getExtension<ImrExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    await api.ready;
  });

  test('a seed letter (.txt) opens in the imr language', async () => {
    assert.equal(process.env.IMR_SEEDS, 'yes', 'the runner copies ../shared/seeds into the workspace');
    const seeds = await vscode.workspace.findFiles('0*.txt');
    assert.ok(seeds.length >= 5, `found ${seeds.length} seeds`);
    for (const uri of seeds) {
      // Waits for the switch to `imr`; a seed left in plain text makes this test time out.
      const doc = await openLetterDocument(uri);
      assert.equal(doc.languageId, 'imr', path.basename(uri.fsPath));
    }
  });

  test('a .txt letter of our own is detected by its first line, .imr by extension', async () => {
    assert.equal((await openLetterDocument(good)).languageId, 'imr');
    assert.equal((await vscode.workspace.openTextDocument(closed)).languageId, 'imr', '.imr needs no detection');
  });

  test('document symbols list the sections and items', async () => {
    await open(good);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', good);
    const names: string[] = [];
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => (names.push(s.name), walk(s.children ?? [])));
    walk(symbols ?? []);
    assert.ok(names.some((n) => n.includes('CLINICAL CASE SUMMARY')), names.join(' | '));
    assert.ok(names.some((n) => n.includes('Gabapentin 600mg #90')), names.join(' | '));
  });

  test('hovering an item heading explains the decision', async () => {
    const doc = await openLetterDocument(good);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Acupuncture x 6 sessions:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', good, new vscode.Position(line, 3));
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Overturned/);
  });

  test('a broken letter gets error diagnostics (missing section, missing outcome)', async () => {
    await open(broken);
    const list = await diagnosticsOf(broken, (d) => d.some((x) => /CLINICAL CASE SUMMARY/.test(x.message)) && d.some((x) => /Tizanidine/.test(x.message)));
    assert.ok(list.every((d) => d.source === undefined || /imr/i.test(d.source)), 'diagnostics come from the IMR server');
    assert.ok(list.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  test('the status bar counts the active letter and marks errors', async () => {
    await open(good);
    await api.statusBar.update();
    assert.match(api.statusBar.item.text, /2 items: 1 upheld, 1 overturned/);
    await open(broken);
    await diagnosticsOf(broken, (d) => d.length > 0);
    await api.statusBar.update();
    assert.match(api.statusBar.item.text, /\$\(error\)/);
  });

  test('the decision view lists the items of open letters and of letters never opened', async () => {
    await open(good);
    await api.source.refreshNow();
    await waitForItem(api, 'Gabapentin 600mg #90');
    assert.equal(api.source.mode, 'workspace', 'the server answers imr/workspaceLetters');
    await waitForItem(api, 'Lidoderm patch #30');
    assert.match(api.view.views[0].description ?? '', /items: \d+ upheld, \d+ overturned/);
  });

  test('grouping and filtering change the provider children', async () => {
    await vscode.commands.executeCommand('imr.decisions.groupBy', 'outcome');
    const labels = api.view.provider.getChildren().map((g) => (g.kind === 'group' ? g.label : ''));
    assert.deepEqual(labels.slice(0, 2), ['Upheld', 'Overturned']);
    await vscode.commands.executeCommand('imr.decisions.filter', 'acupuncture');
    assert.deepEqual(itemTitles(api), ['Acupuncture x 6 sessions']);
    await vscode.commands.executeCommand('imr.decisions.clearFilter');
    await vscode.commands.executeCommand('imr.decisions.groupBy', 'letter');
    assert.ok(itemTitles(api).length > 1);
  });

  test('revealing an item opens its letter and selects the heading', async () => {
    const [summary] = await api.source.lettersOf(closed.toString());
    const heading = summary.items[0].headingRange;
    await vscode.commands.executeCommand('imr.revealItem', closed.toString(), heading);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), closed.toString());
    assert.equal(editor?.selection.start.line, heading.start.line);
    assert.equal(editor?.document.getText(editor.selection).startsWith('Lidoderm patch #30'), true);
  });

  test('the view follows the cursor to the item under it', async () => {
    const editor = await open(good);
    await waitForItem(api, 'Acupuncture x 6 sessions');
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('Acupuncture x 6 sessions:'));
    editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
    assert.equal(await api.view.followNow(editor, true), true);
    const selected = api.view.views[0].selection.map((n) => (n.kind === 'item' ? n.ref.item.title : n.label));
    assert.deepEqual(selected, ['Acupuncture x 6 sessions']);
  });

  test('export writes the decisions to the chosen file only', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'export-test.csv');
    await open(good);
    const written = await vscode.commands.executeCommand<vscode.Uri>('imr.exportLetter', undefined, 'csv', target);
    assert.equal(written?.toString(), target.toString());
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(csv, /^file,letter,caseNumber/);
    assert.match(csv, /Gabapentin 600mg #90,Upheld/);
    assert.match(csv, /Acupuncture x 6 sessions,Overturned/);
  });

  test('a new letter from the template is an imr document', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('imr.newLetter');
    assert.equal(editor.document.languageId, 'imr');
    assert.match(editor.document.getText(), /IMR ISSUES, DECISIONS AND RATIONALES/);
  });
});
