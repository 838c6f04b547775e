/**
 * An output format. `file` runs wherever the file was linted (a worker thread or the main
 * thread) and must be a pure function of the report; `begin`, `separator` and `end` run on
 * the main thread, which streams `begin`, the non-empty chunks in path order, then `end`.
 */
import type { FileProblem } from '../readInput';
import type { FileReport } from '../report';

export interface SkippedFile {
  file: string;
  problem: FileProblem;
}

export interface Formatter {
  begin(): string;
  file(report: FileReport): string;
  /** Printed between two non-empty chunks. */
  separator: string;
  /** `problems`: every per-file problem of the run, in path order (SARIF lists them). */
  end(problems: SkippedFile[]): string;
}

export type FormatName = 'text' | 'json' | 'sarif' | 'csv';
export const FORMAT_NAMES: readonly FormatName[] = ['text', 'json', 'sarif', 'csv'];
