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
  /** English description of each `enum` choice, in its order (the manifest gets `%config.<key>.<choice>%`). */
  readonly enumDescriptions?: readonly string[];
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
    enumDescriptions: ['Check as you type, after `newsclean.debounceMs`.', 'Check when the document is opened and saved.', 'Check only with “News Transcript: Check Document”.'],
    description: 'When documents are checked: as you type, when saved, or only on command.',
  }),
  'newsclean.debounceMs': spec<number>({
    type: 'number',
    default: 300,
    minimum: 0,
    description: 'Delay in milliseconds after the last edit before a document is checked again.',
  }),
  'newsclean.cleanPreview': spec<boolean>({
    type: 'boolean',
    default: true,
    description:
      '“Clean Document” and “Clean Workspace” first show every fix in the refactor preview, grouped by rule, to untick and apply or discard. Off: the fixes are applied at once (one undo step).',
  }),
  'newsclean.workspaceGlob': spec<string>({
    type: 'string',
    default: '**/*.{txt,news}',
    description: 'The files “Clean Workspace” cleans (a glob pattern relative to each workspace folder).',
  }),
  'newsclean.maxFileSizeKB': spec<number>({
    type: 'number',
    default: 10240,
    minimum: 1,
    description: 'Documents larger than this (in KiB) are not analysed; a message says so.',
  }),
  'newsclean.script.target': spec<'auto' | 'zh-Hans' | 'zh-Hant' | 'zh-TW' | 'zh-HK'>({
    type: 'string',
    default: 'auto',
    enum: ['auto', 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'],
    enumDescriptions: [
      'The script most of the document is written in.',
      'Simplified Chinese.',
      'Traditional Chinese (OpenCC standard).',
      'Traditional Chinese as used in Taiwan.',
      'Traditional Chinese as used in Hong Kong.',
    ],
    description:
      'The Chinese script documents should be written in: `auto` (the document\'s majority), Simplified (`zh-Hans`), Traditional as OpenCC writes it (`zh-Hant`), Taiwan (`zh-TW`) or Hong Kong (`zh-HK`). The mixed-script rule flags text in the other script; the conversion commands use it.',
  }),
  'newsclean.script.customPhrases': spec<string[]>({
    type: 'array',
    default: [],
    description:
      'Phrase pairs that win over the dictionary when converting between scripts, as `from=to` (e.g. `台湾=台灣`): where the text holds `from`, the result holds `to` exactly.',
  }),
  'newsclean.script.protectedTerms': spec<string[]>({
    type: 'array',
    default: [],
    description: 'Terms (names, brands) that are never converted between scripts and never flagged as the other script.',
  }),
  'newsclean.punctuation.quotes': spec<'auto' | 'curly' | 'corner'>({
    type: 'string',
    default: 'auto',
    enum: ['auto', 'curly', 'corner'],
    enumDescriptions: ['Corner brackets for `zh-TW` and `zh-HK`, curly quotes otherwise.', 'Curly quotes: “ ” and ‘ ’.', 'Corner brackets: 「 」 and 『 』.'],
    description:
      'Quotation marks that straight quotes in Chinese text become: curly `“ ” ‘ ’`, corner brackets `「 」 『 』`, or `auto` (corner brackets when the script target is `zh-TW` or `zh-HK`, curly otherwise).',
  }),
  'newsclean.duplicates.keep': spec<'first' | 'best'>({
    type: 'string',
    default: 'first',
    enum: ['first', 'best'],
    enumDescriptions: ['Keep the first copy, remove the later ones.', 'Keep the copy with the fewest layout defects.'],
    description:
      'Which copy of a repeated passage `duplicate-block` keeps: the first in reading order, or the one with fewer layout defects (stray line breaks, spaces before punctuation).',
  }),
  'newsclean.duplicates.minLength': spec<number>({
    type: 'number',
    default: 12,
    minimum: 4,
    description:
      'Shortest passage `duplicate-block` reports, counted in CJK characters, letters and digits (punctuation and white space do not count).',
  }),
  'newsclean.boilerplate.remove': spec<string[]>({
    type: 'array',
    default: ['copyright', 'filing', 'reprint', 'disclaimer', 'contact', 'chrome', 'metadata', 'source', 'artefact'],
    description:
      'Kinds of `boilerplate` lines that fixes and Clean Document remove: copyright, filing, reprint, disclaimer, contact, chrome, metadata, source, artefact, credit, byline, photo-credit. Kinds not listed are only marked.',
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS | `newsclean.rules.${string}` | `newsclean.clean.${string}`;

type SpecValue<S> = S extends Spec<infer T> ? T : never;
export type SettingValue<K extends SettingKey> = K extends keyof typeof SETTINGS
  ? SpecValue<(typeof SETTINGS)[K]>
  : K extends `newsclean.clean.${string}`
    ? boolean | undefined
    : RuleLevel;

/** Resolved settings: defaults overlaid with the user's values. Frozen. */
export interface Settings {
  get<K extends SettingKey>(key: K): SettingValue<K>;
  /** The effective severity of a rule, or undefined when it is off. */
  ruleSeverity(ruleId: string, defaultSeverity: Severity): Severity | undefined;
  /** Whether "Clean Document" applies the rule's fixes (default: the rule's own `safeToClean`). */
  cleans(ruleId: string, safeToClean: boolean): boolean;
}

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
export function validateSetting(key: string, value: unknown): string | undefined {
  if (key.startsWith('newsclean.rules.')) {
    return RULE_LEVELS.includes(value as RuleLevel) ? undefined : `${key} must be one of ${RULE_LEVELS.join(', ')}`;
  }
  if (key.startsWith('newsclean.clean.')) return typeof value === 'boolean' ? undefined : `${key} must be a boolean`;
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
    cleans(ruleId: string, safeToClean: boolean): boolean {
      const v = merged.get(cleanKey(ruleId));
      return typeof v === 'boolean' ? v : safeToClean;
    },
  });
}

/** Parses a `--set key=value` string into a typed value. */
export function parseSettingValue(key: string, raw: string): unknown {
  const s = (SETTINGS as Record<string, Spec<unknown>>)[key];
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
export function manifestConfiguration(rules: readonly { id: string; defaultSeverity: Severity; safeToClean: boolean }[]): {
  id: string;
  title: string;
  properties: Record<string, Record<string, unknown>>;
} {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, s] of Object.entries(SETTINGS) as [string, Spec<unknown>][]) {
    // Text with markup (backticks) is markdown, so the Settings editor renders it.
    const p: Record<string, unknown> = { type: s.type, default: s.default, [markdownKey(s.description)]: `%config.${key}%` };
    if (s.type === 'array') p.items = { type: 'string' };
    if (s.enum) p.enum = [...s.enum];
    if (s.enum && s.enumDescriptions) p.enumDescriptions = s.enum.map((choice) => `%config.${key}.${choice}%`);
    if (s.minimum !== undefined) p.minimum = s.minimum;
    p.scope = s.scope ?? 'resource';
    properties[key] = p;
  }
  for (const r of rules) {
    properties[ruleKey(r.id)] = {
      type: 'string',
      default: 'default',
      enum: [...RULE_LEVELS],
      enumDescriptions: RULE_LEVELS.map((level) => `%config.ruleLevel.${level}%`),
      markdownDescription: `%config.rule.${r.id}%`,
      scope: 'resource',
    };
  }
  for (const r of rules) {
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
export function manifestDescriptions(rules: readonly { id: string; description: string }[]): Record<string, string> {
  const out: Record<string, string> = { 'config.title': 'News Transcript Cleaner' };
  for (const [key, s] of Object.entries(SETTINGS) as [string, Spec<unknown>][]) {
    out[`config.${key}`] = s.description;
    s.enum?.forEach((choice, i) => {
      if (s.enumDescriptions) out[`config.${key}.${choice}`] = s.enumDescriptions[i];
    });
  }
  for (const level of RULE_LEVELS) out[`config.ruleLevel.${level}`] = RULE_LEVEL_DESCRIPTIONS[level];
  for (const r of rules) {
    out[`config.rule.${r.id}`] = `Severity of the \`${r.id}\` rule — ${r.description} \`default\` keeps the rule's own, \`off\` disables it.`;
    out[`config.clean.${r.id}`] = `Whether “Clean Document”, “Clean Workspace” and fix-on-save apply the fixes of \`${r.id}\`.`;
  }
  return out;
}
