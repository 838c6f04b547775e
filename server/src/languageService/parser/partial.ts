/**
 * Partial authorizations: "X #90 was the original request. X #63 was authorized by the
 * Claims Administrator. The remaining IMR eligible portion of the original request, X #27 is"
 */
import type { PartialAuthorization } from '../model';
import { collapseSpaces } from '../text/joined';

const ORIGINAL = /^(.*?)\s+was the original request\b/i;
const AUTHORIZED = /original request\.?\s*(.*?)\s+was (?:authorized|approved|certified|modified)\b/i;
const REMAINING = /remaining (?:IMR )?eligible portion of the original request,?\s*(.*?)(?:\s+is)?\s*$/i;

export function readPartial(title: string): PartialAuthorization | undefined {
  const remaining = REMAINING.exec(title);
  if (!remaining) return undefined;
  const original = ORIGINAL.exec(title);
  const authorized = AUTHORIZED.exec(title);
  return {
    originalRequest: collapseSpaces(original ? original[1] : ''),
    authorized: collapseSpaces(authorized ? authorized[1] : ''),
    remaining: collapseSpaces(remaining[1]),
  };
}
