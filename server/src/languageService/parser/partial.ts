/**
 * Partial authorizations: "X #90 was the original request. X #63 was authorized by the
 * Claims Administrator. The remaining IMR eligible portion of the original request, X #27 is"
 * Read with fixed phrases and index searches (no lazy groups), so it stays linear.
 */
import type { PartialAuthorization } from '../model';
import { collapseSpaces } from '../text/joined';

const REMAINING = /remaining (?:IMR )?eligible portion of (?:the )?original request,? ?/i;
const ORIGINAL = / was the original request\b/i;
const AUTHORIZED = / was (?:authorized|approved|certified|modified)\b/i;

/** A word REMAINING needs: collapsing spaces neither makes nor breaks it, so a title without it is ruled out before the collapsed copy. */
const REMAINING_WORD = /remaining/i;

export function readPartial(title: string): PartialAuthorization | undefined {
  if (title.length > 2000 || !REMAINING_WORD.test(title)) return undefined;
  const text = collapseSpaces(title);
  const rem = REMAINING.exec(text);
  if (!rem) return undefined;
  let remaining = text.slice(rem.index + rem[0].length).trim();
  if (/ is$/i.test(remaining)) remaining = remaining.slice(0, -3).trim();
  else if (/^is$/i.test(remaining)) remaining = '';

  const before = text.slice(0, rem.index);
  const orig = ORIGINAL.exec(before);
  const originalRequest = orig ? before.slice(0, orig.index).trim() : '';
  let authorized = '';
  if (orig) {
    // The authorized part follows "original request." and ends at "was authorized".
    let from = orig.index + orig[0].length;
    if (before.charCodeAt(from) === 46) from++;
    const rest = before.slice(from);
    const auth = AUTHORIZED.exec(rest);
    if (auth) authorized = rest.slice(0, auth.index).trim();
  }
  return { originalRequest, authorized, remaining: remaining.replace(/[,.]$/, '') };
}
