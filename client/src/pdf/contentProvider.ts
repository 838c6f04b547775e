/**
 * Supplies the text of `imr-pdf:` documents by asking the server (`imr/extractPdf`), records
 * each document's page map (pageMaps.ts), and refreshes open documents when their PDF
 * changes on disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExtractPdfRequest, type ExtractPdfParams, type ExtractPdfResult } from '../../../server/src/protocol';
import { pageOf, setPageMap } from './pageMaps';
import { pdfFileUri, pdfLetterUri } from './uris';

export class PdfLetterProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.pdf', true, false, true);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    // Page maps are kept after a document closes: setTextDocumentLanguage closes and reopens
    // the document without asking for its text again. They hold one number per line.
    this.disposables.push(
      this.changed,
      this.watcher,
      this.watcher.onDidChange((file) => {
        const letter = pdfLetterUri(file);
        if (pageOf(letter, 0)) this.changed.fire(letter);
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const params: ExtractPdfParams = { uri: pdfFileUri(uri).toString() };
    const result = (await this.client.sendRequest(ExtractPdfRequest, params, token)) as ExtractPdfResult;
    setPageMap(uri, { pageOfLine: result.pageOfLine, pageCount: result.pageCount });
    return result.text;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
