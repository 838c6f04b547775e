/** Public surface of the pure language service. */
export * from './model';
export { parseDocument } from './parser/parseDocument';
export { LanguageService, analyzeText, type LetterDocument, type LanguageServiceOptions } from './service';
export { computeDiagnostics, type RuleSettings } from './features/diagnostics';
export { RULES, ruleByCode } from './rules';
