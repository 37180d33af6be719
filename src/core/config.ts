/**
 * Every setting of the extension, typed, with its default: the one source for
 * the manifest's `contributes.configuration` (scripts/build.mjs --gen-config
 * writes it, and a unit test fails on drift), the CLI's `--config`/`--set`
 * and the engine's defaults.
 */
import { SEVERITIES, type Severity } from './finding';

export type RuleLevel = Severity | 'off' | 'default';

interface Spec<T> {
  readonly type: 'string' | 'number' | 'boolean' | 'array';
  readonly default: T;
  /** English description; the manifest gets a `%config.<key>%` placeholder. */
  readonly description: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly scope?: 'resource' | 'language-overridable' | 'window';
}

function spec<T>(s: Spec<T>): Spec<T> {
  return s;
}

export const SETTINGS = {
  'newsclean.languages': spec<string[]>({
    type: 'array',
    default: ['plaintext', 'news-transcript'],
    description: 'Language ids whose documents are checked and outlined.',
  }),
  'newsclean.run': spec<'onType' | 'onSave' | 'manual'>({
    type: 'string',
    default: 'onType',
    enum: ['onType', 'onSave', 'manual'],
    description: 'When documents are checked: as you type, when saved, or only on command.',
  }),
  'newsclean.debounceMs': spec<number>({
    type: 'number',
    default: 300,
    minimum: 0,
    description: 'Delay in milliseconds after the last edit before a document is checked again.',
  }),
  'newsclean.maxFileSizeKB': spec<number>({
    type: 'number',
    default: 10240,
    minimum: 1,
    description: 'Documents larger than this (in KiB) are not analysed; a message says so.',
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS | `newsclean.rules.${string}`;

type SpecValue<S> = S extends Spec<infer T> ? T : never;
export type SettingValue<K extends SettingKey> = K extends keyof typeof SETTINGS
  ? SpecValue<(typeof SETTINGS)[K]>
  : RuleLevel;

/** Resolved settings: defaults overlaid with the user's values. Frozen. */
export interface Settings {
  get<K extends SettingKey>(key: K): SettingValue<K>;
  /** The effective severity of a rule, or undefined when it is off. */
  ruleSeverity(ruleId: string, defaultSeverity: Severity): Severity | undefined;
}

export const RULE_LEVELS: readonly RuleLevel[] = ['default', 'off', ...SEVERITIES];

/** The key of a rule's level setting. */
export function ruleKey(ruleId: string): `newsclean.rules.${string}` {
  return `newsclean.rules.${ruleId}`;
}

/** Validates one value; returns an English error or undefined. */
export function validateSetting(key: string, value: unknown): string | undefined {
  if (key.startsWith('newsclean.rules.')) {
    return RULE_LEVELS.includes(value as RuleLevel) ? undefined : `${key} must be one of ${RULE_LEVELS.join(', ')}`;
  }
  const s = (SETTINGS as Record<string, Spec<unknown>>)[key];
  if (!s) return `unknown setting ${key}`;
  const ok =
    s.type === 'array'
      ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : typeof value === s.type && (s.type !== 'number' || Number.isFinite(value));
  if (!ok) return `${key} must be ${s.type === 'array' ? 'an array of strings' : `a ${s.type}`}`;
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
  });
}

/** Parses a `--set key=value` string into a typed value. */
export function parseSettingValue(key: string, raw: string): unknown {
  const s = (SETTINGS as Record<string, Spec<unknown>>)[key];
  if (s?.type === 'number') return Number(raw);
  if (s?.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
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
export function manifestConfiguration(rules: readonly { id: string; defaultSeverity: Severity }[]): {
  title: string;
  properties: Record<string, Record<string, unknown>>;
} {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, s] of Object.entries(SETTINGS) as [string, Spec<unknown>][]) {
    const p: Record<string, unknown> = { type: s.type, default: s.default, description: `%config.${key}%` };
    if (s.type === 'array') p.items = { type: 'string' };
    if (s.enum) p.enum = [...s.enum];
    if (s.minimum !== undefined) p.minimum = s.minimum;
    p.scope = s.scope ?? 'resource';
    properties[key] = p;
  }
  for (const r of rules) {
    properties[ruleKey(r.id)] = {
      type: 'string',
      default: 'default',
      enum: [...RULE_LEVELS],
      description: `%config.rule.${r.id}%`,
      scope: 'resource',
    };
  }
  return { title: '%config.title%', properties };
}

/** English texts for the manifest placeholders above. */
export function manifestDescriptions(rules: readonly { id: string; description: string }[]): Record<string, string> {
  const out: Record<string, string> = { 'config.title': 'News Transcript Cleaner' };
  for (const [key, s] of Object.entries(SETTINGS) as [string, Spec<unknown>][]) out[`config.${key}`] = s.description;
  for (const r of rules) out[`config.rule.${r.id}`] = `Severity of the \`${r.id}\` rule (${r.description}); \`default\` keeps the rule's own, \`off\` disables it.`;
  return out;
}
