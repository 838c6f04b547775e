/** Page lookups for text extracted from a PDF (`PdfExtraction.pageOfLine`). */

/** 1-based PDF page of a 0-based text line; undefined for text that did not come from a PDF. */
export function pageAt(pageOfLine: readonly number[] | undefined, line: number): number | undefined {
  if (!pageOfLine || pageOfLine.length === 0) return undefined;
  return pageOfLine[Math.max(0, Math.min(line, pageOfLine.length - 1))];
}
