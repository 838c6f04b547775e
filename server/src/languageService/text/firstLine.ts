/** The first line of a letter, as in package.json's `firstLine` (kept equal by a unit test); shared by the client's .txt detection and the workspace index. Pure. */
export const LETTER_FIRST_LINE =
  /^\ufeff?\s*(?:HOW THE IMR FINAL DETERMINATION WAS MADE|Case Number:|MAXIMUS FEDERAL SERVICES|MAXIMUS Federal Services|Maximus Federal Services|Notice of Independent Medical Review|MEDICAL PROFESSIONAL REVIEW|INDEPENDENT MEDICAL REVIEW|Independent Medical Review)/;

export function isLetterFirstLine(line: string): boolean {
  return LETTER_FIRST_LINE.test(line.slice(0, 200));
}
