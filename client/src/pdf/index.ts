/** PDF letters in the editor: the `imr-pdf:` documents, their commands and page indicators. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { openPdfAsLetter, savePdfAsText } from './commands';
import { PdfLetterProvider } from './contentProvider';
import { registerPageIndicator } from './pageIndicator';
import { PDF_SCHEME } from './uris';

export { letterDocumentUri } from './uris';
export { withPdfPages } from './pageMaps';

export function registerPdfSupport(client: LanguageClient): vscode.Disposable[] {
  const provider = new PdfLetterProvider(client);
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(PDF_SCHEME, provider),
    vscode.commands.registerCommand('imr.openPdf', openPdfAsLetter),
    vscode.commands.registerCommand('imr.savePdfAsText', savePdfAsText),
    ...registerPageIndicator(),
  ];
}
