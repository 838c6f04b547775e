/** Turns what pdfjs throws into a `PdfExtractionError` with a message fit for a user. */
import { PdfExtractionError } from './api';

export function classifyPdfError(err: unknown): PdfExtractionError {
  if (err instanceof PdfExtractionError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  const message = String((err as { message?: unknown } | null)?.message ?? err);
  if (name === 'PasswordException') {
    return new PdfExtractionError('encrypted', 'This PDF is password-protected (encrypted); open it in a PDF reader, remove the password, then try again.');
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || /invalid pdf|pdf structure|bad xref|header/i.test(message)) {
    const detail = /invalid pdf structure/i.test(message) ? '' : ` (${withoutFinalStop(message)})`;
    return new PdfExtractionError('corrupt', `Invalid PDF structure: this file is damaged or is not a PDF${detail}.`);
  }
  return new PdfExtractionError('corrupt', `Could not read this PDF: ${message}`);
}

export const EMPTY_MESSAGE = 'No text layer: this PDF is probably a scan; OCR it first.';

/** The message without its closing full stop(s), which the sentence around it supplies. */
function withoutFinalStop(message: string): string {
  let end = message.length;
  while (end > 0 && message[end - 1] === '.') end--;
  return message.slice(0, end);
}
