/**
 * Rule configuration, shared by the editor setting `imr.rules` and `imr-lint --config`:
 * a map from rule code to `error | warning | information | hint | off`. Invalid entries
 * are reported, never thrown, and ignored.
 */
import { RULES } from './rules';
import type { SeveritySetting } from './rules';
import type { RuleSettings } from './features/diagnostics';

const SETTINGS = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

export interface ConfigResult {
  rules: RuleSettings;
  /** Human-readable problems with the input (unknown codes, bad severities, bad shape). */
  problems: string[];
}

/** Validates a rules map (the value of `imr.rules` or of a config file's `rules`). */
export function readRuleSettings(value: unknown): ConfigResult {
  const rules: RuleSettings = {};
  const problems: string[] = [];
  if (value === undefined || value === null) return { rules, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { rules, problems: ['"rules" must be an object mapping rule codes to error|warning|information|hint|off.'] };
  }
  const known = new Set(RULES.map((r) => r.code));
  for (const [code, setting] of Object.entries(value as Record<string, unknown>)) {
    if (!known.has(code)) {
      problems.push(`Unknown rule "${code}".`);
      continue;
    }
    if (typeof setting !== 'string' || !SETTINGS.has(setting as SeveritySetting)) {
      problems.push(`Rule "${code}": "${String(setting)}" is not one of error, warning, information, hint, off.`);
      continue;
    }
    rules[code] = setting as SeveritySetting;
  }
  return { rules, problems };
}

/** Parses a config file's text: `{ "rules": { ... } }`. Bad JSON is a problem, not an exception. */
export function parseConfigFile(text: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { rules: {}, problems: [`Config file is not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { rules: {}, problems: ['Config file must be a JSON object like { "rules": { "section-order": "off" } }.'] };
  }
  return readRuleSettings((json as Record<string, unknown>).rules);
}
