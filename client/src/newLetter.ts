/** "IMR: New Letter from Template": an untitled `imr` document holding the skeleton. */
import * as vscode from 'vscode';
import { NEW_LETTER_TEMPLATE } from './newLetterTemplate';

export async function newLetter(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: NEW_LETTER_TEMPLATE });
  const editor = await vscode.window.showTextDocument(doc);
  // Select the first placeholder so typing replaces it.
  const offset = NEW_LETTER_TEMPLATE.indexOf('<');
  if (offset >= 0) {
    const start = doc.positionAt(offset);
    const end = doc.positionAt(NEW_LETTER_TEMPLATE.indexOf('>', offset) + 1);
    editor.selection = new vscode.Selection(start, end);
  }
  return editor;
}
