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

/** Everything the server reads from the `imr` settings section (or initializationOptions). */
export interface ServerSettings {
  rules: RuleSettings;
  validate: 'onType' | 'onSave';
  validationDelay: number;
  maxOutlineItems: number;
  configFile?: string;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = { rules: {}, validate: 'onType', validationDelay: 200, maxOutlineItems: 5000 };

/**
 * Reads the `imr` settings object. Accepts both `{ rules: ... }` and flat dotted keys
 * (`{ "imr.rules": ... }`, as some clients send initializationOptions). Bad values are
 * reported and replaced by their defaults.
 */
export function readServerSettings(value: unknown): { settings: ServerSettings; problems: string[] } {
  const settings: ServerSettings = { ...DEFAULT_SERVER_SETTINGS, rules: {} };
  const problems: string[] = [];
  if (value === undefined || value === null) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { settings, problems: ['IMR settings must be an object.'] };
  const raw = value as Record<string, unknown>;
  const get = (key: string): unknown => (key in raw ? raw[key] : raw['imr.' + key]);
  const rules = readRuleSettings(get('rules'));
  settings.rules = rules.rules;
  problems.push(...rules.problems.map((p) => `imr.rules: ${p}`));
  const validate = get('validate');
  if (validate === 'onType' || validate === 'onSave') settings.validate = validate;
  else if (validate !== undefined) problems.push(`imr.validate: "${String(validate)}" is not onType or onSave.`);
  const delay = get('validationDelay');
  if (typeof delay === 'number' && delay >= 0 && delay <= 60000) settings.validationDelay = delay;
  else if (delay !== undefined) problems.push(`imr.validationDelay: ${String(delay)} is not a number of milliseconds (0-60000).`);
  const max = get('maxOutlineItems');
  if (typeof max === 'number' && max >= 0) settings.maxOutlineItems = Math.floor(max);
  else if (max !== undefined) problems.push(`imr.maxOutlineItems: ${String(max)} is not a non-negative number.`);
  const configFile = get('configFile');
  if (typeof configFile === 'string' && configFile.trim() !== '') settings.configFile = configFile.trim();
  else if (configFile !== undefined && configFile !== null && configFile !== '') problems.push('imr.configFile must be a path.');
  return { settings, problems };
}
