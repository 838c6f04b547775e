/**
 * `imr-lint --extract FILE.pdf [--json]`: prints the text the linter and the editor read
 * from a PDF letter (with `--json`: the text, the page of every line and the page count).
 * Exit codes as imr-lint's: 0 done, 2 usage error or an unreadable PDF.
 */
import { promises as fs } from 'fs';
import { extractPdf, PdfExtractionError } from './api';

interface Out {
  write(chunk: string): unknown;
}

export async function runExtractCommand(args: string[], stdout: Out, stderr: Out): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0].startsWith('-')) {
    stderr.write('imr-lint: --extract needs exactly one PDF file (and optionally --json)\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(files[0]);
  } catch (e) {
    stderr.write(`imr-lint: cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  try {
    const out = await extractPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    stdout.write(json ? `${JSON.stringify({ file: files[0], pageCount: out.pageCount, pageOfLine: out.pageOfLine, text: out.text })}\n` : out.text);
    return 0;
  } catch (e) {
    const why = e instanceof PdfExtractionError ? `${e.reason}: ${e.message}` : String(e);
    stderr.write(`imr-lint: ${files[0]}: cannot extract text from PDF (${why})\n`);
    return 2;
  }
}
