/**
 * The VS Code client: starts the language server and registers the decision tree view.
 * Everything about letters is computed in the server; this file only wires things up.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DecisionTreeProvider } from './decisionTree';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'imr' }],
    synchronize: { configurationSection: 'imr' },
  };
  client = new LanguageClient('imr', 'IMR Letters', serverOptions, clientOptions);

  const tree = new DecisionTreeProvider(client);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('imr.decisions', tree),
    vscode.commands.registerCommand('imr.revealItem', revealRange),
    vscode.window.onDidChangeActiveTextEditor(() => tree.refresh()),
    vscode.languages.onDidChangeDiagnostics(() => tree.refresh()),
  );
  await client.start();
  tree.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function revealRange(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc);
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
