/**
 * PDF-to-text artifacts applied to a clean generated letter (see letter-formats.md,
 * "Text extraction artifacts"). Each renderer is a plain string -> string function; the
 * `roughen` helper draws which ones apply to a letter.
 */
import type { Rng } from './prng';
// The parser's artifact renderers (shared with its tests), for the artifacts not written here.
import { wrapItemHeadings, hyphenateLineEnds, unicodeNoise, outcomeOnOwnLine } from '../test/helpers/artifacts';

/** A blank line after every line and a trailing space on each, as in the seed letters. */
export function doubleSpace(text: string): string {
  return text
    .split('\n')
    .map((l) => `${l} \n`)
    .join('\n');
}

export function crlf(text: string): string {
  return text.split('\n').join('\r\n');
}

/** Page breaks: a form feed, or a run of blank lines, every `every` lines (sometimes mid-paragraph). */
export function pageBreaks(text: string, rng: Rng, every = 48): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    if (i > 0 && i % every === 0) out.push(rng.chance(0.5) ? '\f' : '\n\n');
  }
  return out.join('\n');
}

/** Section headings indented or centred by spaces, with trailing spaces. */
export function indentHeadings(text: string, rng: Rng): string {
  return text.replace(/^(HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES|DOCUMENTS REVIEWED)$/gm, (h) => `${' '.repeat(rng.int(1, 24))}${h} `);
}

/** Curly quotes and non-breaking spaces from the PDF's typography. */
export function typography(text: string): string {
  let open = true;
  return text.replace(/"/g, () => ((open = !open) ? '\u201d' : '\u201c')).replace(/: {2}/g, ':\u00a0 ');
}

export interface ArtifactOptions {
  /** Allow a byte order mark at the start (only meaningful for a whole file). */
  bom?: boolean;
}

/** Applies a random subset of the artifacts; deterministic for a given PRNG state. */
export function roughen(text: string, rng: Rng, options: ArtifactOptions = {}): string {
  let t = text;
  if (rng.chance(0.15)) t = wrapItemHeadings(t);
  else if (rng.chance(0.1)) t = outcomeOnOwnLine(t);
  if (rng.chance(0.2)) t = hyphenateLineEnds(t);
  if (rng.chance(0.5)) t = indentHeadings(t, rng);
  if (options.bom !== false && rng.chance(0.1)) t = unicodeNoise(t); // BOM, NBSP, curly quotes
  else if (rng.chance(0.3)) t = typography(t);
  if (rng.chance(0.4)) t = pageBreaks(t, rng, rng.int(30, 60));
  if (rng.chance(0.5)) t = doubleSpace(t);
  if (rng.chance(0.2)) t = crlf(t);
  return t;
}
