/**
 * PDF letters open as read-only text documents under their own scheme: the PDF at
 * `file:///a/letter.pdf` is the letter `imr-pdf:/a/letter.pdf`, whose text the language
 * server extracts (no PDF code in the client bundle).
 */
import * as vscode from 'vscode';

export const PDF_SCHEME = 'imr-pdf';

export const isPdfFile = (uri: vscode.Uri): boolean => uri.scheme === 'file' && /\.pdf$/i.test(uri.path);

/** The read-only letter document for a PDF file. */
export function pdfLetterUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: PDF_SCHEME });
}

/** The PDF file behind a letter document. */
export function pdfFileUri(letter: vscode.Uri): vscode.Uri {
  return letter.with({ scheme: 'file' });
}

/** Where to open a letter: PDFs (as the workspace index names them) open as their letter document. */
export function letterDocumentUri(uri: vscode.Uri): vscode.Uri {
  return isPdfFile(uri) ? pdfLetterUri(uri) : uri;
}
