/** What a rule is: a stable code, a default severity, a one-line doc and a check. */
import type { Range } from 'vscode-languageserver-types';
import type { Letter, ParsedDocument } from '../model';
import type { Line } from '../text/lines';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Problem {
  range: Range;
  message: string;
  /** Extra data for quick fixes (e.g. the missing section kind). */
  data?: Record<string, unknown>;
}

/**
 * A rule's result must depend only on `letter`, `previous` and the lines inside them: the
 * language service keeps a letter's diagnostics across edits to other letters.
 */
export interface RuleContext {
  document: ParsedDocument;
  letter: Letter;
  /** The letter before `letter` in the same file (a section moved below a later one starts a new letter). */
  previous?: Letter;
  /** The document's lines (for rules that read text the model does not keep). */
  lines: readonly Line[];
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the README rule table and the diagnostic's doc link. */
  description: string;
  check(ctx: RuleContext): Problem[];
}
