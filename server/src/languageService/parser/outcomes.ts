/**
 * Outcome words. The model records `outcome` only for Upheld / Overturned (any case);
 * other decision words writers use (`Uphold`, `Upheld.`, `Denied`, `Partially Overturned`)
 * are kept as `outcomeText` so the rules can call them out.
 */
import type { Outcome } from '../model';

/** Any outcome-like word or phrase, with an optional trailing stop. No nested quantifiers. */
const WORDS = '(?:(?:partially|partly) )?(?:upheld|uphold|upholds|overturned|overturn|overturns|denied|approved|certified|non-?certified|modified|reversed|affirmed)(?: in part)?[.!]?';

/** A heading line that ends in an outcome: `Soma #60: Upheld`. Group 1 is the outcome. */
export const OUTCOME_TAIL = new RegExp(`:\\s*(${WORDS})$`, 'i');
/** A line holding nothing but an outcome (the outcome wrapped onto its own line). */
export const OUTCOME_ALONE = new RegExp(`^${WORDS}$`, 'i');
/** The tail after a heading's last colon when it is one or two words: `Pending`, `Not decided`. */
export const OTHER_TAIL = /:\s*([A-Za-z][A-Za-z-]{2,20}(?: [A-Za-z][A-Za-z-]{2,20})?\.?)$/;

export function canonicalOutcome(word: string): Outcome | null {
  const w = word.toLowerCase();
  if (w === 'upheld') return 'Upheld';
  if (w === 'overturned') return 'Overturned';
  return null;
}
