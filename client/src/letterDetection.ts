/**
 * `.txt` letters (and PDF letters, see pdf/): VS Code's `firstLine` pattern does not override the plaintext association of
 * `.txt`, so a letter saved as text opens as Plain Text. This switches such documents to `imr`
 * when their first line is a letter's first line (the same pattern as package.json's
 * `firstLine`). Only the first line is read; nothing else about the letter is looked at.
 *
 * Switching the language closes the document and opens it again, so code that opens a letter
 * and then shows it must wait for the switch (`asLetterDocument`), or it would show a
 * document that is about to close.
 */
import * as vscode from 'vscode';
import { isLetterFirstLine } from '../../server/src/languageService/text/firstLine';
import { PDF_SCHEME } from './pdf/uris';

/** One switch per document at a time: the open listener and a caller may both ask for it. */
const switching = new Map<string, Thenable<vscode.TextDocument>>();

function isTextLetter(doc: vscode.TextDocument): boolean {
  // A PDF opened as a letter is one whatever its first line says.
  if (doc.uri.scheme === PDF_SCHEME) return doc.languageId !== 'imr';
  if (doc.languageId !== 'plaintext' || doc.lineCount === 0) return false;
  if (!vscode.workspace.getConfiguration('imr', doc.uri).get<boolean>('detectTextLetters', true)) return false;
  return isLetterFirstLine(doc.lineAt(0).text);
}

/** The document as it will stay: switched to `imr` first when it is a plain-text letter. */
export function asLetterDocument(doc: vscode.TextDocument, reopened = false): Thenable<vscode.TextDocument> {
  const key = doc.uri.toString();
  const pending = switching.get(key);
  if (pending) return pending;
  // The switch may have finished before the caller asked: `doc` is then the closed plain-text
  // copy, and the open one is already an IMR letter.
  if (doc.isClosed && !reopened) return vscode.workspace.openTextDocument(doc.uri).then((open) => asLetterDocument(open, true));
  if (!isTextLetter(doc)) return Promise.resolve(doc);
  const done = vscode.languages.setTextDocumentLanguage(doc, 'imr').then(
    (switched) => {
      switching.delete(key);
      return switched;
    },
    (err: unknown) => {
      switching.delete(key);
      throw err;
    },
  );
  switching.set(key, done);
  return done;
}

export function registerLetterDetection(): vscode.Disposable {
  const check = (doc: vscode.TextDocument) => {
    // A document closed before the switch (e.g. a quick peek) is simply left alone.
    asLetterDocument(doc).then(undefined, () => undefined);
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}
