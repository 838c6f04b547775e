/** `imr.revealItem`: opens a letter and selects a range (an item heading) in it. */
import * as vscode from 'vscode';

export interface PlainRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export async function revealRange(uri: string | vscode.Uri, range: PlainRange): Promise<vscode.TextEditor> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const doc = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
