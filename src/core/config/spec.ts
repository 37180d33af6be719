/** How a setting is declared: by the configuration for the editor-wide ones, by a rule for its own (RuleMeta.settings). */
export interface Spec<T> {
  readonly type: 'string' | 'number' | 'boolean' | 'array';
  readonly default: T;
  /** English description; the manifest gets a `%config.<key>%` placeholder. */
  readonly description: string;
  readonly enum?: readonly string[];
  /** English description of each `enum` choice, in its order (the manifest gets `%config.<key>.<choice>%`). */
  readonly enumDescriptions?: readonly string[];
  /** For an array: the values its items may take (validation; any string when absent). */
  readonly items?: readonly string[];
  readonly minimum?: number;
  readonly scope?: 'resource' | 'language-overridable' | 'window';
}

/** Settings by key (`newsclean.<section>.<name>`). */
export type SettingSpecs = Readonly<Record<string, Spec<unknown>>>;

export type SpecValue<S> = S extends Spec<infer T> ? T : never;

export function spec<T>(s: Spec<T>): Spec<T> {
  return s;
}
