/**
 * Every setting of the extension, typed, with its default: the editor-wide
 * ones (general.ts) and each rule's own (RuleMeta.settings), gathered here
 * in the order of the registry. The one source for the manifest's
 * `contributes.configuration` (scripts/build.mjs --gen-config writes it, and
 * a unit test fails on drift), the CLI's `--config`/`--set`, validation and
 * the engine's defaults.
 */
import { SEVERITIES } from '../finding';
import type { Severity } from '../finding';
import type { AnyRule } from '../rule';
import { RULES } from '../rules';
import { GENERAL_SETTINGS } from './general';
import type { SettingSpecs } from './spec';
import type { RuleLevel, SettingKey, SettingValue, Settings } from './types';

export type { RuleLevel, SettingKey, SettingValue, Settings } from './types';
export { settingOf, withSetting } from './types';

function gather(rules: readonly AnyRule[]): SettingSpecs {
  const out: Record<string, SettingSpecs[string]> = { ...GENERAL_SETTINGS };
  for (const r of rules) {
    for (const [key, s] of Object.entries(r.meta.settings ?? {})) {
      if (key in out) throw new Error(`setting ${key} declared twice`);
      out[key] = s;
    }
  }
  return Object.freeze(out);
}

export const SETTINGS: SettingSpecs = gather(RULES);

/** Rules that run only when a setting turns them on. */
const OFF_BY_DEFAULT = RULES.filter((r) => r.meta.offByDefault);

export const RULE_LEVELS: readonly RuleLevel[] = ['default', 'off', ...SEVERITIES];

/** The key of a rule's level setting. */
export function ruleKey(ruleId: string): `newsclean.rules.${string}` {
  return `newsclean.rules.${ruleId}`;
}

/** The key of a rule's "included in Clean Document" setting. */
export function cleanKey(ruleId: string): `newsclean.clean.${string}` {
  return `newsclean.clean.${ruleId}`;
}

/** Validates one value; returns an English error or undefined. */
/** Every setting an editor may hold: the general ones, and each rule's level and clean-up choice. */
export function settingKeys(rules: readonly AnyRule[] = RULES): string[] {
  return [...Object.keys(SETTINGS), ...rules.flatMap(({ meta: r }) => [ruleKey(r.id), cleanKey(r.id)])];
}

export function validateSetting(key: string, value: unknown): string | undefined {
  if (key.startsWith('newsclean.rules.')) {
    return RULE_LEVELS.includes(value as RuleLevel) ? undefined : `${key} must be one of ${RULE_LEVELS.join(', ')}`;
  }
  if (key.startsWith('newsclean.clean.')) return typeof value === 'boolean' ? undefined : `${key} must be a boolean`;
  const s = SETTINGS[key];
  if (!s) return `unknown setting ${key}`;
  const ok =
    s.type === 'array'
      ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : typeof value === s.type && (s.type !== 'number' || Number.isFinite(value));
  if (!ok) return `${key} must be ${s.type === 'array' ? 'an array of strings' : `a ${s.type}`}`;
  const wrong = s.items && (value as string[]).find((v) => !s.items!.includes(v));
  if (wrong !== undefined) return `${key}: “${wrong}” is not one of ${s.items!.join(', ')}`;
  if (s.enum && !s.enum.includes(value as string)) return `${key} must be one of ${s.enum.join(', ')}`;
  if (s.minimum !== undefined && (value as number) < s.minimum) return `${key} must be at least ${s.minimum}`;
  return undefined;
}

/**
 * Builds settings from user values (flat keys as in VS Code's settings.json).
 * Invalid values are reported through `onError` and replaced by defaults.
 */
export function resolveSettings(values: Record<string, unknown> = {}, onError?: (message: string) => void): Settings {
  const merged = new Map<string, unknown>();
  for (const [key, s] of Object.entries(SETTINGS)) merged.set(key, s.default);
  for (const { meta } of OFF_BY_DEFAULT) merged.set(ruleKey(meta.id), 'off');
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    const error = validateSetting(key, value);
    if (error) onError?.(error);
    else merged.set(key, value);
  }
  return Object.freeze({
    get: <K extends SettingKey>(key: K) => (merged.has(key) ? merged.get(key) : key.startsWith('newsclean.rules.') ? 'default' : undefined) as SettingValue<K>,
    ruleSeverity(ruleId: string, defaultSeverity: Severity): Severity | undefined {
      const level = (merged.get(ruleKey(ruleId)) ?? 'default') as RuleLevel;
      if (level === 'off') return undefined;
      return level === 'default' ? defaultSeverity : level;
    },
    cleans(ruleId: string, safeToClean: boolean): boolean {
      const v = merged.get(cleanKey(ruleId));
      return typeof v === 'boolean' ? v : safeToClean;
    },
  });
}

/** Parses a `--set key=value` string into a typed value. */
export function parseSettingValue(key: string, raw: string): unknown {
  const s = SETTINGS[key];
  if (s?.type === 'number') return Number(raw);
  if (s?.type === 'boolean' || key.startsWith('newsclean.clean.')) return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (s?.type === 'array') {
    const t = raw.trim();
    if (t.startsWith('[')) {
      try {
        return JSON.parse(t) as unknown;
      } catch {
        return raw;
      }
    }
    return t === '' ? [] : t.split(',').map((x) => x.trim());
  }
  return raw;
}

/**
 * The manifest's `contributes.configuration`, generated from SETTINGS and the
 * rule registry. Descriptions are `%config.<key>%` placeholders resolved by
 * package.nls*.json.
 */
export function manifestConfiguration(rules: readonly AnyRule[] = RULES): {
  id: string;
  title: string;
  properties: Record<string, Record<string, unknown>>;
} {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, s] of Object.entries(SETTINGS)) {
    // Text with markup (backticks) is markdown, so the Settings editor renders it.
    const p: Record<string, unknown> = { type: s.type, default: s.default, [markdownKey(s.description)]: `%config.${key}%` };
    if (s.type === 'array') p.items = { type: 'string' };
    if (s.enum) p.enum = [...s.enum];
    if (s.enum && s.enumDescriptions) p.enumDescriptions = s.enum.map((choice) => `%config.${key}.${choice}%`);
    if (s.minimum !== undefined) p.minimum = s.minimum;
    p.scope = s.scope ?? 'resource';
    properties[key] = p;
  }
  for (const { meta: r } of rules) {
    properties[ruleKey(r.id)] = {
      type: 'string',
      default: r.offByDefault ? 'off' : 'default',
      enum: [...RULE_LEVELS],
      enumDescriptions: RULE_LEVELS.map((level) => `%config.ruleLevel.${level}%`),
      markdownDescription: `%config.rule.${r.id}%`,
      scope: 'resource',
    };
  }
  for (const { meta: r } of rules) {
    properties[cleanKey(r.id)] = {
      type: 'boolean',
      default: r.safeToClean,
      markdownDescription: `%config.clean.${r.id}%`,
      scope: 'resource',
    };
  }
  // The id names the Settings editor's group, and keeps "Newsclean" out of each setting's label.
  return { id: 'newsclean', title: '%config.title%', properties };
}

function markdownKey(english: string): 'description' | 'markdownDescription' {
  return english.includes('`') ? 'markdownDescription' : 'description';
}

/** English descriptions of the rule levels (`newsclean.rules.<id>`). */
const RULE_LEVEL_DESCRIPTIONS: Record<RuleLevel, string> = {
  default: 'The rule’s own severity.',
  off: 'The rule is not run.',
  error: 'Report as an error.',
  warning: 'Report as a warning.',
  info: 'Report as information.',
  hint: 'Report as a hint (shown as dots under the text, not in the Problems view).',
};

/** English texts for the manifest placeholders above. */
export function manifestDescriptions(rules: readonly AnyRule[] = RULES): Record<string, string> {
  const out: Record<string, string> = { 'config.title': 'News Transcript Cleaner' };
  for (const [key, s] of Object.entries(SETTINGS)) {
    out[`config.${key}`] = s.description;
    s.enum?.forEach((choice, n) => {
      if (s.enumDescriptions) out[`config.${key}.${choice}`] = s.enumDescriptions[n];
    });
  }
  for (const level of RULE_LEVELS) out[`config.ruleLevel.${level}`] = RULE_LEVEL_DESCRIPTIONS[level];
  for (const { meta: r } of rules) {
    out[`config.rule.${r.id}`] = r.offByDefault
      ? `Severity of the \`${r.id}\` rule — ${r.description} Off by default; \`default\` turns it on at its own severity (\`${r.defaultSeverity}\`).`
      : `Severity of the \`${r.id}\` rule — ${r.description} \`default\` keeps the rule's own, \`off\` disables it.`;
    out[`config.clean.${r.id}`] = `Whether “Clean Document”, “Clean Workspace” and fix-on-save apply the fixes of \`${r.id}\`.`;
  }
  return out;
}
