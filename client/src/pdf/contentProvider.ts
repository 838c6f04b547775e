/**
 * Supplies the text of `imr-pdf:` documents by asking the server (`imr/extractPdf`), keeps
 * each document's page map for the page indicators, and refreshes open documents when
 * their PDF changes on disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExtractPdfRequest, type ExtractPdfParams, type ExtractPdfResult } from '../../../server/src/protocol';
import { PDF_SCHEME, pdfFileUri, pdfLetterUri } from './uris';

export class PdfLetterProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Page map and page count per letter document URI (string). */
  private readonly pages = new Map<string, { pageOfLine: number[]; pageCount: number }>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.pdf', true, false, true);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      this.changed,
      this.watcher,
      this.watcher.onDidChange((file) => {
        const letter = pdfLetterUri(file);
        if (this.pages.has(letter.toString())) this.changed.fire(letter);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === PDF_SCHEME) this.pages.delete(doc.uri.toString());
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const params: ExtractPdfParams = { uri: pdfFileUri(uri).toString() };
    const result = (await this.client.sendRequest(ExtractPdfRequest, params, token)) as ExtractPdfResult;
    this.pages.set(uri.toString(), { pageOfLine: result.pageOfLine, pageCount: result.pageCount });
    return result.text;
  }

  /** 1-based PDF page of a line of an open letter document, with the page count. */
  pageOf(uri: vscode.Uri, line: number): { page: number; pageCount: number } | undefined {
    const map = this.pages.get(uri.toString());
    if (!map || map.pageOfLine.length === 0) return undefined;
    const page = map.pageOfLine[Math.min(Math.max(line, 0), map.pageOfLine.length - 1)];
    return { page, pageCount: map.pageCount };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
