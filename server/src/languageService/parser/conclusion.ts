/**
 * Finds a rationale's concluding sentence: the last sentence, outside quotation marks,
 * that states whether the treatment is medically necessary.
 */
import type { Conclusion, Finding } from '../model';
import type { JoinedText } from '../text/joined';
import { collapseSpaces } from '../text/joined';

const NOT_NECESSARY =
  /\b(?:not|non)[- ](?:seen as |considered |deemed |shown to be |found to be |established as |supported as )?medically (?:necessary|reasonable|indicated|appropriate)|\bnot (?:been )?(?:clearly |adequately |sufficiently )?(?:established|supported|substantiated|demonstrated)\b|\bnon-?certified\b|\bmedical necessity (?:has|was|is) not\b|\bnot (?:recommended|indicated|warranted|appropriate)\b|\bnot certified\b/i;
const NECESSARY =
  /\bmedically (?:necessary|reasonable|indicated|appropriate)|\bmedical necessity (?:has|was|is) (?:been )?(?:established|supported|demonstrated)|\b(?:is|are) (?:supported|indicated|warranted|recommended|appropriate)\b|\bcertified\b/i;

export function findingOf(sentence: string): Finding | null {
  if (NOT_NECESSARY.test(sentence)) return 'notNecessary';
  if (NECESSARY.test(sentence)) return 'necessary';
  return null;
}

/** Splits into sentences on ". " followed by a capital, ignoring text inside double quotes. */
function sentences(text: string): Array<{ from: number; to: number; quoted: boolean }> {
  const out: Array<{ from: number; to: number; quoted: boolean }> = [];
  let from = 0;
  let inQuote = false;
  let hadQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuote = !inQuote;
      hadQuote = true;
    } else if (!inQuote && (c === 46 || c === 33 || c === 63)) {
      const next = text.charCodeAt(i + 1);
      const after = text.charCodeAt(i + 2);
      // A sentence ends at a stop followed by a space and a capital (or the end).
      if (i + 1 >= text.length || (next === 32 && (after >= 65 && after <= 90 || after === 40 || after === 34))) {
        out.push({ from, to: i + 1, quoted: hadQuote });
        from = i + 2;
        hadQuote = false;
      }
    }
  }
  if (from < text.length && text.slice(from).trim() !== '') out.push({ from, to: text.length, quoted: hadQuote });
  return out;
}

export function readConclusion(joined: JoinedText): Conclusion | null {
  const text = joined.text;
  if (text.trim() === '') return null;
  const list = sentences(text);
  // Prefer the last sentence that makes a finding in the reviewer's own words.
  for (let s = list.length - 1; s >= 0; s--) {
    const { from, to } = list[s];
    const sentence = stripQuoted(text.slice(from, to));
    const finding = /medical(?:ly)? necess/i.test(sentence) || /\bcertified\b/i.test(sentence) ? findingOf(sentence) : null;
    if (finding) return { text: collapseSpaces(text.slice(from, to)), range: joined.rangeOf(from, to), finding };
  }
  // No medical-necessity wording: accept a plain finding in the last sentence when it speaks
  // of the request ("Therefore, the request is not supported."), never a guideline quote.
  const lastSentence = list[list.length - 1];
  if (lastSentence) {
    const sentence = stripQuoted(text.slice(lastSentence.from, lastSentence.to));
    const finding = /\b(?:request|therefore|thus|accordingly|consequently|as such)\b/i.test(sentence) ? findingOf(sentence) : null;
    if (finding) return { text: collapseSpaces(text.slice(lastSentence.from, lastSentence.to)), range: joined.rangeOf(lastSentence.from, lastSentence.to), finding };
  }
  if (!lastSentence) return null;
  return {
    text: collapseSpaces(text.slice(lastSentence.from, lastSentence.to)),
    range: joined.rangeOf(lastSentence.from, lastSentence.to),
    finding: null,
  };
}

/** Drops text inside double quotes: quoted guideline text is not the reviewer's conclusion. */
function stripQuoted(s: string): string {
  return s.replace(/"[^"]*"/g, '""');
}
