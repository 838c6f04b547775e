/** What linting one file produced, before it is printed in a format. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../languageService';
import type { FileProblem } from './readInput';

export interface FileReport {
  /** The path as the user will see it (relative when the user named it relatively). */
  file: string;
  /** Null when the file could not be read (see `problems`). */
  parsed: ParsedDocument | null;
  diagnostics: Diagnostic[];
  /** Reasons the file was skipped (severity error) or things worth saying (warning). */
  problems: FileProblem[];
  /** PDFs: 1-based page of each text line (diagnostics and items print their page). */
  pageOfLine?: number[];
}

/** What one file adds to the run: its printed chunk and counts (all a worker sends back). */
export interface FileOutcome {
  file: string;
  /**
   * The file's part of stdout in the chosen format; empty prints nothing. Workers send it as
   * UTF-8 bytes in a transferred buffer: JSON output is larger than the letters, and copying
   * and encoding it on the main thread took a core's worth of time from the workers.
   */
  chunk: string | Uint8Array;
  errors: number;
  warnings: number;
  problems: FileProblem[];
  /** True when the file was linted (it is a letter and could be read). */
  linted: boolean;
}
