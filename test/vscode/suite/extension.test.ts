/**
 * The extension inside a real VS Code: language detection, the server's features through
 * the `vscode` API, the decision view's provider, commands and the status bar.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImrExtensionApi } from '../../../client/src/extension';
import type { DecisionNode } from '../../../client/src/decisionTree/provider';
import type { ItemNode } from '../../../client/src/decisionTree/model';
import type { DecisionRow } from '../../../client/src/commands/exportFormat';
import { SEED_EXPECTATIONS } from '../../helpers/seeds';
import { BROKEN_LETTER, referenceLetter } from './letters';
import { diagnosticsOf, waitFor } from './wait';

const EXTENSION_ID = 'imr-tools.imr-letters';

/** Seed 003's disputed items in letter order, and their generic names. */
const SEED_003_ITEMS = SEED_EXPECTATIONS['003'].map(([title]) => title);
const SEED_003_GENERICS = ['diazepam', 'carisoprodol', 'oxycodone', 'tizanidine'];
/** Every item of every seed letter. */
const SEED_ITEMS = Object.values(SEED_EXPECTATIONS).flatMap((items) => items.map(([title]) => title));

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

/** The tree node of the item called `title` (the first one, in tree order). */
function itemNode(api: ImrExtensionApi, title: string): ItemNode {
  const nodes = api.view.provider.getChildren().flatMap((g) => api.view.provider.getChildren(g));
  const node = nodes.find((n): n is ItemNode => n.kind === 'item' && n.ref.item.title === title);
  assert.ok(node, `"${title}" is in the tree: ${itemTitles(api).join(' | ')}`);
  return node;
}

/** The top level of the tree as [group label, item titles] pairs. */
function treeShape(api: ImrExtensionApi): Array<[string, string[]]> {
  return api.view.provider.getChildren().map((g) => [
    g.kind === 'group' ? g.label : g.ref.item.title,
    api.view.provider.getChildren(g).map((n) => (n.kind === 'item' ? n.ref.item.title : n.label)),
  ]);
}

/** The seed letter whose name starts with `prefix` (the runner copies them into the workspace). */
async function seedUri(prefix: string): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles(`${prefix}_*.txt`);
  assert.equal(found.length, 1, `one seed ${prefix}_*.txt in the workspace`);
  return found[0];
}

/** 0-based line of the heading `title:` in the file on disk. */
async function headingLine(uri: vscode.Uri, title: string): Promise<number> {
  const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split(/\r?\n/);
  const line = lines.findIndex((l) => l.startsWith(`${title}:`));
  assert.ok(line >= 0, `a line of ${path.basename(uri.fsPath)} starts with "${title}:"`);
  return line;
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

  test('the Outline of a seed letter nests its sections, and every item in order under the decisions section', async () => {
    const uri = await seedUri('003');
    await open(uri);
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.children.length]),
      [
        ['HOW THE IMR FINAL DETERMINATION WAS MADE', vscode.SymbolKind.Namespace, 0],
        ['CLINICAL CASE SUMMARY', vscode.SymbolKind.Namespace, 0],
        ['IMR ISSUES, DECISIONS AND RATIONALES', vscode.SymbolKind.Namespace, SEED_003_ITEMS.length],
      ],
    );
    const items = symbols[2].children;
    assert.deepEqual(
      items.map((s) => [s.name, s.detail, s.kind]),
      SEED_003_ITEMS.map((title) => [title, 'Upheld', vscode.SymbolKind.Event]),
    );
    for (const [i, item] of items.entries()) {
      const line = await headingLine(uri, SEED_003_ITEMS[i]);
      assert.equal(item.selectionRange.start.line, line, `${item.name} is selected on its heading`);
      assert.ok(symbols[2].range.contains(item.range), `${item.name} lies inside the decisions section`);
    }
  });

  test('hovering a seed item heading shows its title, outcome and conclusion', async () => {
    const uri = await seedUri('003');
    await open(uri);
    const line = await headingLine(uri, 'Oxycodone 30mg');
    // On "30mg": inside the heading, not on a drug name (which would add the drug's hover).
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 'Oxycodone '.length))) ?? [];
    const texts = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
    const ours = texts.findIndex((t) => t.startsWith('**Oxycodone 30mg**'));
    assert.ok(ours >= 0, `the IMR server's hover is among ${JSON.stringify(texts)}`);
    const text = texts[ours];
    const paragraphs = text.split('\n\n');
    assert.equal(paragraphs[0], '**Oxycodone 30mg**: Upheld');
    assert.ok(paragraphs.includes('The denial stands: the treatment was found not medically necessary.'), text);
    assert.ok(
      paragraphs.includes(
        'Conclusion: _There is no evidence that a pain diary has been recommended and is being kept by the claimant and reviewed by the prescriber. ' +
          'She reports benefit from medication use in general without specific descriptions of the benefit she gets from this medication. ' +
          'As such, the prescription for oxycodone 30 mg is not medically necessary._',
      ),
      text,
    );
    assert.equal(hovers[ours].range?.start.line, line, 'the hover spans the heading');
  });

  test("clicking an item of the decisions view runs its command: the letter opens with the item's heading selected", async () => {
    const uri = await seedUri('001');
    const title = 'Norco 10/325mg #60';
    await waitForItem(api, title);
    const node = itemNode(api, title);
    assert.equal(path.basename(vscode.Uri.parse(node.ref.letter.uri).fsPath), path.basename(uri.fsPath));
    const command = api.view.provider.getTreeItem(node).command;
    assert.ok(command, 'an item row has a command to run when clicked');
    assert.equal(command.command, 'imr.revealItem');
    const line = await headingLine(uri, title);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(vscode.window.onDidChangeTextEditorSelection, () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === uri.toString() && active.selection.start.line === line ? active : undefined;
    });
    assert.equal(editor.document.languageId, 'imr');
    assert.equal(editor.selection.start.character, 0);
    assert.ok(editor.document.getText(editor.selection).startsWith(title), editor.document.getText(editor.selection));
  });

  test('the decisions view follows letter files created and deleted on disk', async () => {
    const title = 'Baclofen 10mg #60';
    assert.ok(!itemTitles(api).includes(title), 'not in the tree before the file exists');
    const uri = await writeLetter('created-letter.imr', referenceLetter('CM15-0303030', [[title, 'Overturned']]));
    await waitForItem(api, title);
    assert.equal(path.basename(vscode.Uri.parse(itemNode(api, title).ref.letter.uri).fsPath), 'created-letter.imr');
    await vscode.workspace.fs.delete(uri);
    await waitFor(api.view.provider.onDidChangeTreeData, () => !itemTitles(api).includes(title));
    assert.ok(!api.view.provider.allLetters.some((l) => l.uri.endsWith('/created-letter.imr')), 'the letter left the index');
  });

  test('grouping by treatment and filtering by outcome (view commands) change the provider children', async () => {
    for (const title of SEED_ITEMS) await waitForItem(api, title);
    try {
      await vscode.commands.executeCommand('imr.decisions.groupBy', 'treatment');
      assert.equal(api.view.provider.groupBy, 'treatment');
      const shape = treeShape(api);
      const labels = shape.map(([label]) => label);
      assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b)), 'treatment groups are alphabetical');
      const group = (label: string) => shape.find(([l]) => l === label)?.[1];
      assert.deepEqual(group('Carisoprodol'), ['Soma #60', 'Soma 350 mg #60', 'Soma 350mg (Retro Dispensed 08/07/14)', 'Soma 350mg one TID #90']);
      assert.deepEqual(group('Cyclobenzaprine'), ['Flexeril 10mg #30', 'Flexeril #60']);
      assert.deepEqual(group('Tizanidine'), ['Zanaflex 4mg', 'Tizanidine 4mg #90']);

      await vscode.commands.executeCommand('imr.decisions.filterOutcome', 'overturned');
      assert.deepEqual(api.view.provider.filter, { text: '', outcome: 'overturned' });
      assert.deepEqual(treeShape(api), [
        ['Cyclobenzaprine', ['Flexeril #60']],
        ['Rehabilitation', ['Acupuncture x 6 sessions']],
      ]);
      assert.match(api.view.views[0].description ?? '', /2 items: 0 upheld, 2 overturned · filtered$/);

      await vscode.commands.executeCommand('imr.decisions.filterOutcome', 'missing');
      assert.deepEqual(treeShape(api), [['Tizanidine', ['Tizanidine 4mg #90']]]);
    } finally {
      await vscode.commands.executeCommand('imr.decisions.clearFilter');
      await vscode.commands.executeCommand('imr.decisions.groupBy', 'letter');
    }
    assert.equal(api.view.provider.groupBy, 'letter');
    assert.ok(itemTitles(api).includes('Acupuncture x 6 sessions') && itemTitles(api).includes('Soma #60'), 'the filter is cleared');
  });

  test("exporting the workspace to JSON (given format and target) writes every seed's items", async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'export-test.json');
    const written = await vscode.commands.executeCommand<vscode.Uri>('imr.exportWorkspace', 'json', target);
    assert.equal(written?.toString(), target.toString());
    const { decisions } = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as { decisions: DecisionRow[] };
    const seed003 = await seedUri('003');
    const lines = await Promise.all(SEED_003_ITEMS.map((t) => headingLine(seed003, t)));
    assert.deepEqual(
      decisions.filter((r) => r.file === path.basename(seed003.fsPath)).map((r) => [r.letter, r.item, r.title, r.outcome, r.generic, r.line]),
      SEED_003_ITEMS.map((title, i) => [1, i + 1, title, 'Upheld', SEED_003_GENERICS[i], lines[i] + 1]),
    );
    // Every seed's items, in order (rows are sorted by file, and the seeds' names by prefix).
    const seedRows = decisions.filter((r) => /^\d{3}_/.test(r.file));
    assert.deepEqual(
      seedRows.map((r) => [r.file.slice(0, 3), r.title, r.outcome]),
      Object.entries(SEED_EXPECTATIONS).flatMap(([prefix, items]) => items.map(([title, outcome]) => [prefix, title, outcome])),
    );
    assert.deepEqual(
      decisions.filter((r) => r.file === 'own-letter.txt').map((r) => [r.caseNumber, r.title, r.outcome]),
      [['CM15-0101010', 'Gabapentin 600mg #90', 'Upheld'], ['CM15-0101010', 'Acupuncture x 6 sessions', 'Overturned']],
    );
  });

  test('showing the letter summary opens a markdown document listing its items', async () => {
    const uri = await seedUri('003');
    await open(uri);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('imr.showSummary', uri);
    assert.ok(editor, 'the command returns the editor it opened');
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.isUntitled, true);
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[0], `# IMR letter summary: ${path.basename(uri.fsPath).replace(/_/g, '\\_')}`);
    assert.ok(lines.includes('4 items: 4 upheld, 0 overturned'), lines.join('\n'));
    const headings = await Promise.all(SEED_003_ITEMS.map((t) => headingLine(uri, t)));
    const rows = lines.filter((l) => /^\| \d+ \|/.test(l));
    assert.deepEqual(
      rows,
      SEED_003_ITEMS.map((title, i) => `| ${i + 1} | ${title} | Upheld | ${SEED_003_GENERICS[i]} / Pharmaceuticals | ${headings[i] + 1} |`),
    );
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
