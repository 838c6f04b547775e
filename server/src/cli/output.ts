/**
 * Prints per-file outcomes in path order whatever order they finish in: outcomes are held
 * until every earlier file has been printed. Problems go to stderr as `file: severity: message`.
 */
import type { Formatter, SkippedFile } from './formats';
import type { FileOutcome } from './report';

const FLUSH_AT = 64 * 1024;

export interface RunTotals {
  files: number;
  linted: number;
  errors: number;
  warnings: number;
  /** Files that could not be linted (exit code 2). */
  failed: number;
}

export class OrderedOutput {
  private readonly held = new Map<number, FileOutcome>();
  private next = 0;
  /** Text and bytes waiting to be written, and their size (strings counted in UTF-16 units). */
  private pending: Array<string | Uint8Array> = [];
  private pendingSize = 0;
  private printedChunk = false;
  private readonly problems: SkippedFile[] = [];
  readonly totals: RunTotals = { files: 0, linted: 0, errors: 0, warnings: 0, failed: 0 };

  constructor(
    private readonly formatter: Formatter,
    private readonly stdout: NodeJS.WritableStream,
    private readonly stderr: NodeJS.WritableStream,
  ) {
    this.add(formatter.begin());
  }

  /** A problem found before linting (while walking folders), printed right away. */
  notice(file: string, problem: SkippedFile['problem']): void {
    this.report(file, problem);
  }

  accept(index: number, outcome: FileOutcome): void {
    this.held.set(index, outcome);
    for (let o = this.held.get(this.next); o; o = this.held.get(this.next)) {
      this.held.delete(this.next++);
      this.print(o);
    }
    if (this.pendingSize >= FLUSH_AT) this.flush();
  }

  /** Ends the format and resolves once stdout has taken everything. */
  async finish(): Promise<void> {
    this.add(this.formatter.end(this.problems));
    const drained = this.flush();
    if (!drained) await new Promise<void>((resolve) => this.stdout.once('drain', () => resolve()));
  }

  private print(o: FileOutcome): void {
    if (o.linted || o.problems.length) this.totals.files++;
    if (o.linted) this.totals.linted++;
    this.totals.errors += o.errors;
    this.totals.warnings += o.warnings;
    for (const p of o.problems) this.report(o.file, p);
    if (o.problems.some((p) => p.severity === 'error')) this.totals.failed++;
    if (!o.chunk.length) return;
    if (this.printedChunk) this.add(this.formatter.separator);
    this.add(o.chunk);
    this.printedChunk = true;
  }

  private report(file: string, problem: SkippedFile['problem']): void {
    this.problems.push({ file, problem });
    this.stderr.write(`${file}: ${problem.severity}: ${problem.message}\n`);
  }

  private add(piece: string | Uint8Array): void {
    if (!piece.length) return;
    this.pending.push(piece);
    this.pendingSize += piece.length;
  }

  private flush(): boolean {
    if (!this.pending.length) return true;
    const pieces = this.pending;
    this.pending = [];
    this.pendingSize = 0;
    // One write per flush: all text stays a string; any bytes make it one buffer.
    const out = pieces.every((p) => typeof p === 'string')
      ? pieces.join('')
      : Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    return this.stdout.write(out);
  }
}
