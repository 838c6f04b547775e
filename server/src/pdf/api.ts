/**
 * PDF letters: the one function the server, the CLI and the client's "Open PDF" command
 * call to turn PDF bytes into letter text (with a page for every line).
 */
export interface PdfExtraction {
  text: string;
  /** 1-based page number of each line of `text` (same length as the text's line count). */
  pageOfLine: number[];
  pageCount: number;
}

export type PdfFailure = 'corrupt' | 'encrypted' | 'empty' | 'unsupported';

/** A PDF that cannot be read, with a message fit to show a user. */
export class PdfExtractionError extends Error {
  constructor(
    readonly reason: PdfFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PdfExtractionError';
  }
}

/**
 * Extracts a PDF letter's text in reading order. Never hangs on the network and never
 * throws anything but `PdfExtractionError` ('corrupt', 'encrypted', 'empty').
 */
export async function extractPdf(data: Uint8Array): Promise<PdfExtraction> {
  // Loaded here, not at the top, so importing this contract never loads the extractor.
  const { extractWithPdfjs } = await import('./extract');
  return extractWithPdfjs(data);
}
