/**
 * Starts the language server over IPC. Settings of the `imr` section are synchronised and
 * answered on `workspace/configuration`; letter files are watched so the server's workspace
 * index follows creations and deletions. If the server dies it is restarted and the user
 * is told once (see restartPolicy.ts).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { withPdfPageDetails, withPdfPages } from './pdf/pageMaps';

export const LETTER_GLOB = '**/*.{imr,txt}';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const policy = new RestartPolicy();
  const watcher = vscode.workspace.createFileSystemWatcher(LETTER_GLOB);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'imr' }],
    synchronize: { configurationSection: 'imr', fileEvents: watcher },
    middleware: {
      // PDF letters: each problem names the PDF page it is on.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withPdfPages(uri, diagnostics)),
      // ...and each outline entry the page it starts on.
      provideDocumentSymbols: async (document, token, next) => {
        const symbols = await next(document, token);
        return symbols ? withPdfPageDetails(document.uri, symbols) : symbols;
      },
      workspace: {
        // Answer every `imr*` section from the settings of the asked-for resource, so
        // folder-level settings apply per letter; leave anything else to the default.
        configuration: (params, token, next) => {
          const own = params.items.every((i) => i.section === undefined || i.section === 'imr' || i.section.startsWith('imr.'));
          if (!own) return next(params, token);
          return params.items.map((item) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const section = item.section ?? 'imr';
            const [head, ...rest] = section.split('.');
            const config = vscode.workspace.getConfiguration(head, scope);
            return rest.length ? config.get(rest.join('.')) ?? null : JSON.parse(JSON.stringify(config));
          });
        },
      },
    },
    errorHandler: {
      // Handled: when the connection breaks, `closed` follows and tells the user (once).
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: () => {
        const decision = policy.onServerClosed();
        if (decision.message) {
          const show = decision.restart ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
          void show(decision.message);
        }
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  return new LanguageClient('imr', 'IMR Letters', serverOptions, clientOptions);
}
