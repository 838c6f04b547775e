/**
 * How much two versions of a text share at their start and at their end: what an edit left
 * alone. Strings are compared in native blocks before single characters; chunked texts
 * (chunkedText.ts) piece by piece, by identity, which skips every piece the edit did not
 * touch without reading it.
 */
import { ChunkedText, type TextSource } from './chunkedText';

const BLOCK = 1 << 12;

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.substr(i, BLOCK) === b.substr(i, BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, at most `limit` characters. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + BLOCK <= limit && a.substr(a.length - i - BLOCK, BLOCK) === b.substr(b.length - i - BLOCK, BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * A common prefix of two versions. For chunked texts: the shared pieces plus the common
 * start of the first pieces that differ; it may be shorter than the longest one (pieces cut
 * differently), which only makes the caller read a little more again.
 */
export function sharedPrefix(a: TextSource, b: TextSource): number {
  if (typeof a === 'string' && typeof b === 'string') return commonPrefix(a, b);
  if (!(a instanceof ChunkedText && b instanceof ChunkedText)) return 0; // one of each kind: rare, read it all again
  const n = Math.min(a.chunks.length, b.chunks.length);
  let i = 0;
  let length = 0;
  while (i < n && a.chunks[i] === b.chunks[i]) length += a.chunks[i++].length;
  if (i < n) length += commonPrefix(a.chunks[i], b.chunks[i]);
  return length;
}

/** Like sharedPrefix from the ends, at most `limit` characters. */
export function sharedSuffix(a: TextSource, b: TextSource, limit: number): number {
  if (typeof a === 'string' && typeof b === 'string') return commonSuffix(a, b, limit);
  if (!(a instanceof ChunkedText && b instanceof ChunkedText)) return 0;
  let i = a.chunks.length - 1;
  let j = b.chunks.length - 1;
  let length = 0;
  while (i >= 0 && j >= 0 && a.chunks[i] === b.chunks[j] && length < limit) {
    length += a.chunks[i].length;
    i--;
    j--;
  }
  if (i >= 0 && j >= 0 && length < limit) length += commonSuffix(a.chunks[i], b.chunks[j], Math.min(a.chunks[i].length, b.chunks[j].length));
  return Math.min(length, limit);
}
