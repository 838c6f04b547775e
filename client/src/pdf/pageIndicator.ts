/**
 * Says which PDF page the text under the cursor came from: a status bar entry for the
 * active PDF letter, and a hover line beside the language server's hovers.
 */
import * as vscode from 'vscode';
import { pageOf } from './pageMaps';
import { PDF_SCHEME } from './uris';

export function registerPageIndicator(): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('imr.pdfPage', vscode.StatusBarAlignment.Right, 90);
  item.name = 'IMR PDF Page';
  item.tooltip = 'Page of the PDF this line was extracted from';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const at = editor?.document.uri.scheme === PDF_SCHEME ? pageOf(editor.document.uri, editor.selection.active.line) : undefined;
    if (!at) return item.hide();
    item.text = `$(file-pdf) Page ${at.page} of ${at.pageCount}`;
    item.show();
  };
  update();
  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.languages.registerHoverProvider({ scheme: PDF_SCHEME }, {
      provideHover(doc, position) {
        const at = pageOf(doc.uri, position.line);
        return at ? new vscode.Hover(`PDF page ${at.page} of ${at.pageCount}`) : undefined;
      },
    }),
  ];
}
