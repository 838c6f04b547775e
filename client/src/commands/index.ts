/** The palette and view-menu commands: export, summary, new letter, re-index, show view, reveal. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReindexRequest, type LetterSummary, type ReindexResult } from '../../../server/src/protocol';
import type { LetterSource } from '../decisionTree/letterSource';
import { isMethodNotFound } from '../decisionTree/letterSource';
import type { GroupNode } from '../decisionTree/model';
import { fileName } from '../decisionTree/model';
import { newLetter } from '../newLetter';
import { formatDecisions, type ExportFormat } from './exportFormat';
import { revealRange } from './reveal';
import { summaryMarkdown } from './summaryMarkdown';

export function registerCommands(client: LanguageClient, source: LetterSource): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('imr.revealItem', revealRange),
    vscode.commands.registerCommand('imr.showDecisions', () => vscode.commands.executeCommand('imr.decisions.focus')),
    vscode.commands.registerCommand('imr.newLetter', newLetter),
    vscode.commands.registerCommand('imr.reindex', () => reindex(client, source)),
    vscode.commands.registerCommand('imr.exportWorkspace', async (format?: ExportFormat, target?: vscode.Uri) => {
      await source.refreshNow();
      const scope = source.mode === 'open' ? 'open letters' : 'workspace';
      return exportDecisions(source.letters, format, target, `imr-decisions`, scope);
    }),
    vscode.commands.registerCommand('imr.exportLetter', async (node?: GroupNode | vscode.Uri, format?: ExportFormat, target?: vscode.Uri) => {
      const letters = await lettersFor(node, source);
      if (!letters) return undefined;
      const base = fileName(letters.uri).replace(/\.[^.]*$/, '');
      return exportDecisions(letters.letters, format, target, `${base}-decisions`, 'letter');
    }),
    vscode.commands.registerCommand('imr.showSummary', async (node?: GroupNode | vscode.Uri) => {
      const letters = await lettersFor(node, source);
      if (!letters) return undefined;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: summaryMarkdown(letters.uri, letters.letters) });
      return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
  ];
}

/**
 * The letters a command acts on: a letter node from the view (that one letter), a URI from
 * an explorer menu, or else the active editor's letter file.
 */
async function lettersFor(node: GroupNode | vscode.Uri | undefined, source: LetterSource): Promise<{ uri: string; letters: LetterSummary[] } | undefined> {
  if (node && !(node instanceof vscode.Uri) && node.letter) return { uri: node.letter.uri, letters: [node.letter] };
  const uri = node instanceof vscode.Uri ? node : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open an IMR letter first.');
    return undefined;
  }
  return { uri: uri.toString(), letters: await source.lettersOf(uri.toString()) };
}

/** Asks for a format and a file (unless given, as tests do), then writes only that file. */
async function exportDecisions(
  letters: LetterSummary[],
  format: ExportFormat | undefined,
  target: vscode.Uri | undefined,
  baseName: string,
  scope: string,
): Promise<vscode.Uri | undefined> {
  const items = letters.reduce((n, l) => n + l.items.length, 0);
  if (items === 0) {
    void vscode.window.showInformationMessage(`No IMR decisions to export in the ${scope}.`);
    return undefined;
  }
  const chosen = format ?? (await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: 'one row per disputed item', value: 'csv' as ExportFormat },
      { label: 'JSON', description: '{ "decisions": [...] }', value: 'json' as ExportFormat },
    ],
    { title: `Export ${items} IMR decision${items === 1 ? '' : 's'} (${scope}) as` },
  ))?.value;
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const file = target ?? (await vscode.window.showSaveDialog({
    title: 'Export IMR decisions',
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${baseName}.${chosen}`) : undefined,
    filters: chosen === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  }));
  if (!file) return undefined;
  const text = formatDecisions(letters, chosen, (uri) => displayPath(uri));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Exported ${items} decision${items === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(file)}.`);
  return file;
}

function displayPath(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  return parsed.scheme === 'file' ? vscode.workspace.asRelativePath(parsed, false) : uri;
}

async function reindex(client: LanguageClient, source: LetterSource): Promise<void> {
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Re-indexing IMR letters' },
      () => client.sendRequest<ReindexResult | null>(ReindexRequest),
    );
    if (result && typeof result.letterCount === 'number') {
      void vscode.window.showInformationMessage(`Re-indexed the workspace: ${result.letterCount} IMR letter${result.letterCount === 1 ? '' : 's'}.`);
    }
  } catch (error) {
    if (!isMethodNotFound(error)) {
      void vscode.window.showErrorMessage(`Re-indexing failed: ${(error as Error).message ?? String(error)}`);
      return;
    }
    // No workspace index on this server: refreshing the open letters is all there is to do.
  }
  await source.refreshNow();
}
