/**
 * The editor shows a PDF letter as the read-only document `imr-pdf:<path>`; the workspace
 * index knows the same letter as the PDF file `file:<path>`. Indexing the open document
 * under the file's URI keeps one entry per letter in the Decisions view.
 */
export const PDF_LETTER_SCHEME = 'imr-pdf';

export function indexUriOf(uri: string): string {
  return uri.startsWith(`${PDF_LETTER_SCHEME}:`) ? `file:${uri.slice(PDF_LETTER_SCHEME.length + 1)}` : uri;
}
