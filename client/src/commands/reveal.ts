/** `imr.revealItem`: opens a letter and selects a range (an item heading) in it. */
import * as vscode from 'vscode';
import { asLetterDocument } from '../letterDetection';
import { letterDocumentUri } from '../pdf';

export interface PlainRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export async function revealRange(uri: string | vscode.Uri, range: PlainRange): Promise<vscode.TextEditor> {
  // PDFs from the workspace index open as their read-only letter document.
  const target = letterDocumentUri(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  let doc = await vscode.workspace.openTextDocument(target);
  // A .txt or PDF letter opened here is being switched to IMR by the open listener: show the result.
  doc = await asLetterDocument(doc);
  // Another open of the same file may have switched it meanwhile, closing this copy.
  // asLetterDocument reopens a closed copy itself.
  if (doc.isClosed) doc = await asLetterDocument(doc);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
