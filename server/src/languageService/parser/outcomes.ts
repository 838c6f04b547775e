/**
 * Outcome words. The model records `outcome` only for Upheld / Overturned (any case);
 * other decision words writers use (`Uphold`, `Upheld.`, `Denied`, `Partially Overturned`)
 * are kept as `outcomeText` so the rules can call them out.
 */
import type { Outcome } from '../model';

/**
 * Any outcome-like word or phrase, with an optional trailing stop. No nested quantifiers.
 * Each ends in d, s, n or t: items.ts (mayEndInOutcome) rules lines out by that last letter.
 */
const WORDS = '(?:(?:partially|partly) )?(?:upheld|uphold|upholds|overturned|overturn|overturns|denied|approved|certified|non-?certified|modified|reversed|affirmed)(?: in part)?[.!]?';

/** A heading line that ends in an outcome: `Soma #60: Upheld`. Group 1 is the outcome. */
export const OUTCOME_TAIL = new RegExp(`:\\s*(${WORDS})$`, 'i');
const OUTCOME_TAIL_AT = new RegExp(OUTCOME_TAIL.source, 'iy');
/** OUTCOME_TAIL.test(text.slice(at)) for a tail starting at the colon at `at`, without the slice. */
export function outcomeTailAt(text: string, at: number): boolean {
  OUTCOME_TAIL_AT.lastIndex = at;
  return OUTCOME_TAIL_AT.test(text);
}
/** A line holding nothing but an outcome (the outcome wrapped onto its own line). */
export const OUTCOME_ALONE = new RegExp(`^${WORDS}$`, 'i');
/** The tail after a heading's last colon when it is one or two words: `Pending`, `Not decided`. */
export const OTHER_TAIL = /:\s*([A-Za-z][A-Za-z-]{2,20}(?: [A-Za-z][A-Za-z-]{2,20})?\.?)$/;

/**
 * The outcome a word states. Besides `Upheld` / `Overturned` in any case, the decision
 * search's `Uphold` / `Overturn` and a trailing stop (`Upheld.`) say which way the item went
 * (the `unknown-outcome` rule still reports them); `Partially Overturned`, `Denied` ... do not.
 */
export function canonicalOutcome(word: string): Outcome | null {
  let w = word.toLowerCase();
  const last = w.charCodeAt(w.length - 1);
  if (last === 46 || last === 33) w = w.slice(0, -1);
  if (w === 'upheld' || w === 'uphold' || w === 'upholds') return 'Upheld';
  if (w === 'overturned' || w === 'overturn' || w === 'overturns') return 'Overturned';
  return null;
}

/**
 * What extraction leaves after a heading's outcome: page furniture from the same row
 * (`Upheld      Page 3 of 6`, the case number) or a footnote marker (`Overturned*`,
 * `Upheld 1`, `Upheld¹`); or what a writer adds: a note in brackets (`Upheld (see below)`)
 * or a stray `;` or `,`. Anchored at the end and tested on a short tail only.
 */
const AFTER_OUTCOME =
  /(?:\s(?:Page \d{1,4}(?: of \d{1,4})?|(?:Final Determination Letter for )?(?:IMR )?Case (?:Number|No\.?):? ?CM\d{2}-\d{4,7}|CM\d{2}-\d{4,7})|\s?(?:[*\u2020\u2021\u00b9\u00b2\u00b3\u2074-\u2079]{1,3}|\d{1,2})|\s\([^()]{1,40}\)|[;,])$/i;
const TRAIL_TAIL = 120;

/** `text` without the furniture or footnote marker after its outcome; `text` itself when no outcome ends the rest. */
export function withoutOutcomeTrail(text: string): string {
  const c = text.charCodeAt(text.length - 1);
  // Only digits, `*`, non-ASCII marks, a closing bracket (`Upheld (see below)`) or a stray
  // `;` or `,` can end such a trail: most lines return here.
  if (!(c >= 48 && c <= 57) && c !== 42 && c !== 41 && c !== 59 && c !== 44 && c < 128) return text;
  const from = text.length > TRAIL_TAIL ? text.length - TRAIL_TAIL : 0;
  const m = AFTER_OUTCOME.exec(from > 0 ? text.slice(from) : text);
  if (!m) return text;
  const core = text.slice(0, from + m.index).trimEnd();
  const tail = core.length > 80 ? core.slice(core.length - 80) : core;
  return OUTCOME_TAIL.test(tail) || OUTCOME_ALONE.test(tail) ? core : text;
}
