/**
 * The VS Code client: starts the language server and wires the decision views, the status
 * bar and the commands. Everything about letters is computed in the server.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { LetterSource } from './decisionTree/letterSource';
import { DecisionView } from './decisionTree/view';
import { LetterStatusBar } from './statusBar';
import { registerCommands } from './commands';
import { registerLetterDetection } from './letterDetection';
import { registerPdfSupport } from './pdf';

let client: LanguageClient | undefined;

/** What activate() returns: handles the `@vscode/test-electron` suite reads. */
export interface ImrExtensionApi {
  client: LanguageClient;
  source: LetterSource;
  view: DecisionView;
  statusBar: LetterStatusBar;
  /** Resolves once the server answers and the views have asked for their first letters. */
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): ImrExtensionApi {
  client = createLanguageClient(context);
  // Start the server first: the views and commands below only need it once it answers.
  const started = client.start();
  const source = new LetterSource(client);
  const view = new DecisionView(source);
  const statusBar = new LetterStatusBar(source);
  context.subscriptions.push(source, view, statusBar, ...registerCommands(client, source), ...registerPdfSupport(client), registerLetterDetection());
  // Activation does not wait for the server: the editor stays responsive while it starts.
  const ready = started.then(
    () => {
      source.start();
      void statusBar.update();
    },
    (error: unknown) => {
      void vscode.window.showErrorMessage(`The IMR language server could not start: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  return { client, source, view, statusBar, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
