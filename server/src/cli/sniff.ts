/**
 * Is a `.txt` file a letter? Only its first non-blank line is looked at, so a folder of
 * notes, logs and letters can be walked without linting the notes.
 */

/**
 * Openings of the first line of every letter layout (upper-cased, spaces collapsed): the
 * same list as the editor's `firstLine` pattern in package.json, compared case-insensitively.
 */
const OPENINGS = [
  'HOW THE IMR FINAL DETERMINATION',
  'CASE NUMBER:',
  'MAXIMUS FEDERAL SERVICES',
  'NOTICE OF INDEPENDENT MEDICAL REVIEW',
  'INDEPENDENT MEDICAL REVIEW',
  'MEDICAL PROFESSIONAL REVIEW',
];

/** Only the head of the text is needed; blank lines, form feeds, BOM and NBSP are skipped. */
export function looksLikeLetter(head: string): boolean {
  let start = 0;
  while (start < head.length) {
    let end = head.indexOf('\n', start);
    if (end < 0) end = head.length;
    const line = head.slice(start, end).replace(/[\s\ufeff\u00a0]+/g, ' ').trim();
    if (line) {
      const upper = line.toUpperCase();
      return OPENINGS.some((o) => upper.startsWith(o));
    }
    start = end + 1;
  }
  return false;
}
