/** The rule set: every diagnostic the language service can report. */
import type { Rule } from './types';
import { missingSection, noItems, missingOutcome, unknownOutcome } from './structureRules';

export const RULES: readonly Rule[] = [missingSection, noItems, missingOutcome, unknownOutcome];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

export type { Rule, Severity, SeveritySetting, Problem, RuleContext } from './types';
