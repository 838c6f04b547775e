/**
 * Finds a rationale's concluding sentence: the last sentence, outside quotation marks,
 * that states whether the treatment is medically necessary.
 */
import type { Conclusion, Finding } from '../model';
import type { JoinedText } from '../text/joined';
import { collapseSpaces } from '../text/joined';

// A negation a few plain words before "medically necessary": "not medically necessary", "does not
// appear to be ...", "cannot be considered ...", "neither medically necessary nor ...". Punctuation and
// a conjunction break the chain ("is not unreasonable and is medically necessary").
const NOT_NECESSARY =
  /\bmedically unnecessary\b|\b(?:not|non|cannot|neither)(?:[- ](?!(?:and|but|so|yet|therefore|however|although|while)\b)[a-z]+){0,4}?[- ]medically (?:necessary|reasonable|indicated|appropriate|warranted)|\bno medical necessity\b|\bnot (?:been )?(?:clearly |adequately |sufficiently )?(?:established|supported|substantiated|demonstrated)\b|\bnon-?certified\b|\bmedical necessity (?:has|was|is) not\b|\bnot (?:recommended|indicated|warranted|appropriate)\b|\bnot certified\b|\b(?:is|are) (?:therefore |thus )?denied\b/i;
const NECESSARY =
  /\bmedically (?:necessary|reasonable|indicated|appropriate)|\bmedical necessity(?: (?:of|for) [^.;]{1,120}?)? (?:has|have|was|is) (?:been )?(?:established|supported|demonstrated)|\b(?:is|are) (?:supported|indicated|warranted|recommended|appropriate)\b|\bcertified\b|\b(?:is|are) (?:therefore |thus )?approved\b/i;

export function findingOf(sentence: string): Finding | null {
  if (NOT_NECESSARY.test(sentence)) return 'notNecessary';
  if (NECESSARY.test(sentence)) return 'necessary';
  return null;
}

/** True when a stop at `i` ends a sentence: followed by a space and a capital, `(` or `"`. */
function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  if (text.charCodeAt(i + 1) !== 32) return false;
  const after = text.charCodeAt(i + 2);
  return (after >= 65 && after <= 90) || after === 40 || after === 34;
}

/** Sentences that report what someone else decided (UR, the claims administrator, an earlier review). */
const ATTRIBUTED = /\b(?:utilization review|UR|claims administrator|previously (?:non-?certified|denied|modified|determined|found)|prior (?:UR|review|reviewer|determination|decision)|was (?:non-?certified|denied|modified)|had been (?:non-?certified|denied|modified))\b/i;
/** Wording that states a medical-necessity finding ("is certified", "non-certified", "medically indicated" count too). */
const NECESSITY_WORDS = /medical(?:ly)? (?:un)?necess|\bmedically (?:indicated|appropriate|reasonable)\b|\b(?:is|are|be) (?:non-?)?certified\b|\bnon-?certified\b/i;
/**
 * A hypothetical states no finding about the request as made: "Should a flare occur, a short
 * course may be medically necessary", "A purchase would not be medically necessary unless ...".
 */
const HYPOTHETICAL = /^(?:if|should|unless|once|when|until)\b|\b(?:may|might|could)(?: not)?(?: (?:also|still|then|only|later))? be(?:come)?\b|\b(?:unless|until)\b/i;

/** The finding a sentence states in the reviewer's own words (quoted guideline text removed). */
function sentenceFinding(text: string, from: number, to: number, plainOnly: boolean, hyphens: readonly number[]): Finding | null {
  // A word split over two lines of a justified PDF (`medi-` / `cally necessary`) keeps its
  // hyphen in the joined text: read the finding from a copy with that hyphen removed first,
  // then, if the copy states none, from the sentence as written (so a compound split at its
  // own hyphen, `medically-` / `necessary`, reads as it did). The text shown is not changed.
  // A copy that reports someone else's decision or a hypothetical states no finding either way.
  const unsplit = hyphens.length === 0 ? null : withoutLineBreakHyphens(text, from, to, hyphens);
  if (unsplit === null) return findingIn(text.slice(from, to), plainOnly) ?? null;
  const finding = findingIn(unsplit, plainOnly);
  return finding === undefined ? null : finding ?? findingIn(text.slice(from, to), plainOnly) ?? null;
}

/** The finding a sentence states; undefined when it reports another's decision or a hypothetical. */
function findingIn(raw: string, plainOnly: boolean): Finding | null | undefined {
  const sentence = stripQuoted(raw);
  if (ATTRIBUTED.test(sentence) || HYPOTHETICAL.test(sentence)) return undefined;
  if (plainOnly) return /\b(?:request|therefore|thus|accordingly|consequently|as such)\b/i.test(sentence) ? findingOf(sentence) : null;
  return NECESSITY_WORDS.test(sentence) ? findingOf(sentence) : null;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;

/**
 * `text.slice(from, to)` without the line-end hyphens (offsets in `hyphens`, ascending) that
 * join two lower-case letters, or null when the span holds none. Hyphens between digits or
 * capitals (`L5-S1`, `Non-MTUS`) stay.
 */
function withoutLineBreakHyphens(text: string, from: number, to: number, hyphens: readonly number[]): string | null {
  let out: string | null = null;
  let at = from;
  for (const h of hyphens) {
    if (h < from) continue;
    if (h >= to) break;
    if (!isLower(text.charCodeAt(h - 1)) || !isLower(text.charCodeAt(h + 1))) continue;
    out = (out ?? '') + text.slice(at, h);
    at = h + 1;
  }
  return out === null ? null : out + text.slice(at, to);
}

/** A conclusion is one of a rationale's last few sentences; earlier ones discuss the record. */
const MAX_SENTENCES_BACK = 3;

/**
 * Walks the sentences from the last one back (a conclusion is almost always last, so long
 * rationales are rarely scanned whole). Stops inside double quotes never end a sentence:
 * the quote parity at each point comes from a count of the quotes before it.
 */
export function readConclusion(joined: JoinedText): Conclusion | null {
  const text = joined.text;
  const n = text.length;
  if (n === 0 || text.trim() === '') return null;
  let quotes = 0;
  for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) quotes++;

  let end = n;
  let seen = 0;
  let last: { from: number; to: number } | null = null;
  for (let i = n - 2; i >= -2; i--) {
    // `quotes` counts the quotes before position i + 1.
    // One read decides most positions: a boundary needs a space after its stop.
    const next = i >= 0 ? text.charCodeAt(i + 1) : 0;
    if (next === 34) quotes--;
    const boundary = i < 0 ? i === -2 : next === 32 && (quotes & 1) === 0 && endsSentence(text, i);
    if (!boundary) continue;
    const from = i + 2;
    if (from >= end) continue;
    if (!last) last = { from, to: end };
    const finding = sentenceFinding(text, from, end, false, joined.lineEndHyphens);
    if (finding) return conclusionAt(joined, from, end, finding);
    end = i + 1;
    // A list number or a "References:" line is no sentence of the reviewer's: not counted.
    if (i < 0 || (hasWords(text, from, i + 1, 3) && ++seen >= MAX_SENTENCES_BACK)) break;
  }
  if (!last) return null;
  // No medical-necessity wording: accept a plain finding in the last sentence when it speaks
  // of the request ("Therefore, the request is not supported."), never a guideline quote.
  return conclusionAt(joined, last.from, last.to, sentenceFinding(text, last.from, last.to, true, joined.lineEndHyphens));
}

/** True when text[from, to) holds at least `n` words (n - 1 spaces between them). */
function hasWords(text: string, from: number, to: number, n: number): boolean {
  let spaces = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 32 && ++spaces >= n - 1) return true;
  return false;
}

function conclusionAt(joined: JoinedText, from: number, to: number, finding: Finding | null): Conclusion {
  return { text: collapseSpaces(joined.text.slice(from, to)), range: joined.rangeOf(from, to), finding };
}

/** Drops text inside double quotes: quoted guideline text is not the reviewer's conclusion. */
function stripQuoted(s: string): string {
  // Most sentences quote nothing: an index search spares them the replace.
  if (s.indexOf('"') < 0) return s;
  return s.replace(/"[^"]*"/g, '""');
}
