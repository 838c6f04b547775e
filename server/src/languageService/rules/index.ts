/** The rule set: every diagnostic the language service can report, in README order. */
import type { Rule } from './types';
import { missingSection, sectionOrder, emptySection, noItems, missingOutcome, unknownOutcome } from './structureRules';
import { missingGuideline, missingRationale, outcomeContradictsRationale, duplicateItem } from './itemRules';
import { summaryItemMismatch, headerDateOrder } from './letterRules';

export const RULES: readonly Rule[] = [
  missingSection,
  sectionOrder,
  noItems,
  missingOutcome,
  unknownOutcome,
  missingGuideline,
  missingRationale,
  outcomeContradictsRationale,
  duplicateItem,
  emptySection,
  summaryItemMismatch,
  headerDateOrder,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

export type { Rule, Severity, SeveritySetting, Problem, RuleContext } from './types';
