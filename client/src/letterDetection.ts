/**
 * `.txt` letters: VS Code's `firstLine` pattern does not override the plaintext association of
 * `.txt`, so a letter saved as text opens as Plain Text. This switches such documents to `imr`
 * when their first line is a letter's first line (the same pattern as package.json's
 * `firstLine`). Only the first line is read; nothing else about the letter is looked at.
 */
import * as vscode from 'vscode';
import { isLetterFirstLine } from './firstLine';

export function registerLetterDetection(): vscode.Disposable {
  const check = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'plaintext' || doc.lineCount === 0) return;
    if (!vscode.workspace.getConfiguration('imr', doc.uri).get<boolean>('detectTextLetters', true)) return;
    if (isLetterFirstLine(doc.lineAt(0).text)) void vscode.languages.setTextDocumentLanguage(doc, 'imr');
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}
