/**
 * A document's text as the pieces an editor-side document keeps (see server/src/chunkedDocument.ts),
 * read without joining them: joining a 10 MB text copies all of it (20 MB when it holds a
 * character beyond Latin-1) on every edit. Two versions share every piece the edit did not
 * touch, which is how sharedText.ts compares them.
 */

/** What the incremental path reads from a version's text; a plain string fits too. */
export interface TextSource {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(from: number, to?: number): string;
}

export class ChunkedText implements TextSource {
  readonly length: number;
  /** Offset just after each piece. */
  private readonly ends: Float64Array;
  /** The piece the last charCodeAt read (reads are mostly in order). */
  private at = 0;

  constructor(readonly chunks: readonly string[]) {
    this.ends = new Float64Array(chunks.length);
    let end = 0;
    for (let i = 0; i < chunks.length; i++) this.ends[i] = end += chunks[i].length;
    this.length = end;
  }

  private startOf(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1];
  }

  /** The piece holding `offset` (the last piece for the end of the text). */
  private chunkAt(offset: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    let i = this.at;
    if (index < this.startOf(i) || index >= this.ends[i]) this.at = i = this.chunkAt(index);
    return this.chunks[i].charCodeAt(index - this.startOf(i));
  }

  slice(from: number, to: number = this.length): string {
    from = Math.max(0, Math.min(from, this.length));
    to = Math.max(from, Math.min(to, this.length));
    if (from === to) return '';
    const first = this.chunkAt(from);
    const last = this.chunkAt(to - 1);
    if (first === last) return this.chunks[first].slice(from - this.startOf(first), to - this.startOf(first));
    const parts = [this.chunks[first].slice(from - this.startOf(first))];
    for (let i = first + 1; i < last; i++) parts.push(this.chunks[i]);
    parts.push(this.chunks[last].slice(0, to - this.startOf(last)));
    return parts.join('');
  }

  /** The whole text (a copy: only for features that need one string). */
  toString(): string {
    return this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
  }

  /** Same pieces, so the same text. */
  sameAs(other: ChunkedText): boolean {
    return this.chunks === other.chunks || (this.chunks.length === other.chunks.length && this.chunks.every((c, i) => c === other.chunks[i]));
  }
}
