/** `imr.openPdf` (palette, Explorer menu) and `imr.savePdfAsText` (palette, editor title). */
import * as path from 'path';
import * as vscode from 'vscode';
import { asLetterDocument } from '../letterDetection';
import { PDF_SCHEME, isPdfFile, pdfFileUri, pdfLetterUri } from './uris';

/** Opens a PDF letter as a read-only `imr` document; asks for the file when none is given. */
export async function openPdfAsLetter(file?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  if (!file || !isPdfFile(file)) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'PDF letters': ['pdf'] }, openLabel: 'Open as IMR Letter' });
    if (!picked?.length) return undefined;
    file = picked[0];
  }
  try {
    let doc = await vscode.workspace.openTextDocument(pdfLetterUri(file));
    doc = await asLetterDocument(doc); // the same switch the open listener starts, not a second one
    return await vscode.window.showTextDocument(doc, { preview: false });
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot open ${path.basename(file.fsPath)} as an IMR letter: ${messageOf(error)}`);
    return undefined;
  }
}

/** Saves the extracted text of a PDF letter as a `.txt` letter, next to the PDF by default. */
export async function savePdfAsText(uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const letter = uri?.scheme === PDF_SCHEME ? uri : uri && isPdfFile(uri) ? pdfLetterUri(uri) : vscode.window.activeTextEditor?.document.uri;
  if (!letter || letter.scheme !== PDF_SCHEME) {
    void vscode.window.showInformationMessage('Open a PDF letter first (IMR: Open PDF as IMR Letter).');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(letter);
  const pdf = pdfFileUri(letter);
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(pdf.fsPath.replace(/\.pdf$/i, '.txt')),
    filters: { 'Text letters': ['txt', 'imr'] },
    saveLabel: 'Save as Text Letter',
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(doc.getText()));
  void vscode.window.showInformationMessage(`Saved ${path.basename(target.fsPath)}.`);
  return target;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
