/** Public surface of the pure language service. */
export * from './model';
export { parseDocument } from './parser/parseDocument';
export { LanguageService, analyzeText, type LetterDocument, type LanguageServiceOptions, type Cancellation } from './service';
export { computeDiagnostics, type RuleSettings } from './features/diagnostics';
export { RULES, ruleByCode } from './rules';
export { readRuleSettings, parseConfigFile } from './config';
export { formatText } from './features/formatting';
export { symbolEntries, findWorkspaceSymbols, type SymbolEntry } from './features/workspaceSymbols';
