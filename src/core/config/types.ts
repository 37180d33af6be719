/**
 * Resolved settings as rules and adapters read them. Apart from the
 * configuration's index (which gathers the rules' settings), so that rules
 * can name the type without importing the registry.
 */
import type { Severity } from '../finding';
import type { GENERAL_SETTINGS } from './general';
import type { SpecValue } from './spec';

export type RuleLevel = Severity | 'off' | 'default';

type General = typeof GENERAL_SETTINGS;

/** The editor-wide settings, a rule's level and clean settings, and the rules' own settings (`newsclean.<section>.<name>`). */
export type SettingKey = keyof General | `newsclean.${string}`;

/** The editor-wide settings are typed here; a rule's own are typed where it declares them (settingOf). */
export type SettingValue<K extends SettingKey> = K extends keyof General
  ? SpecValue<General[K]>
  : K extends `newsclean.clean.${string}`
    ? boolean | undefined
    : K extends `newsclean.rules.${string}`
      ? RuleLevel
      : unknown;

/** Resolved settings: defaults overlaid with the user's values. Frozen. */
export interface Settings {
  get<K extends SettingKey>(key: K): SettingValue<K>;
  /** The effective severity of a rule, or undefined when it is off. */
  ruleSeverity(ruleId: string, defaultSeverity: Severity): Severity | undefined;
  /** Whether "Clean Document" applies the rule's fixes (default: the rule's own `safeToClean`). */
  cleans(ruleId: string, safeToClean: boolean): boolean;
}

/** A rule's own setting, typed by the table it declares (settings are validated when resolved). */
export function settingOf<S extends Readonly<Record<string, unknown>>, K extends keyof S & string>(settings: Settings, _specs: S, key: K): SpecValue<S[K]> {
  return settings.get(key as SettingKey) as SpecValue<S[K]>;
}

/** `settings` with `key` set to `value`. */
export function withSetting(settings: Settings, key: SettingKey, value: unknown): Settings {
  return Object.freeze({
    get: ((k: SettingKey) => (k === key ? value : settings.get(k))) as Settings['get'],
    ruleSeverity: (id: string, severity: Severity) => settings.ruleSeverity(id, severity),
    cleans: (id: string, safe: boolean) => settings.cleans(id, safe),
  });
}
