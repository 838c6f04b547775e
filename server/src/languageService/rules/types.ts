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

export interface RuleContext {
  document: ParsedDocument;
  letter: Letter;
  /** The letter's index in `document.letters` (so a rule need not search for it: that is quadratic over a bulk export). */
  letterIndex: number;
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
