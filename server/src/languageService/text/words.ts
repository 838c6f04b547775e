/** Words as the lexicon and the rules read them: runs of ASCII letters and hyphens, found with character loops (no match objects). */

export const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Calls `visit` with the span [at, end) of each run in text[from, to) that starts with a
 * letter and goes on with letters and hyphens, as /[A-Za-z][A-Za-z-]*\/g would find them.
 * `visit` returns where to go on from (at least `end`), or a negative number to stop.
 */
export function scanWords(text: string, from: number, to: number, visit: (at: number, end: number) => number): void {
  let i = from;
  while (i < to) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && (isAsciiLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 45)) j++;
    const next = visit(i, j);
    if (next < 0) return;
    i = next;
  }
}
