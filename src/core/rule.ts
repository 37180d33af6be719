/**
 * What a rule is, and everything it declares about itself: its id, family,
 * documentation anchor, severity, whether and how its fixes apply, its own
 * settings, and how it is analysed again after an edit. The engine, the
 * configuration, the extension and the CLI read all of it from here; adding
 * a rule is a folder under `rules/` and one line in `rules/index.ts`.
 */
import type { Severity } from './finding';
import type { Check } from './check';
import type { SettingSpecs } from './config/spec';
import type { IncrementalStrategy } from './engine/incremental/types';

export type { Check, RuleContext } from './check';

/** The groups of rules, as the status bar counts them. */
export type RuleFamily = 'encoding' | 'script' | 'punctuation' | 'layout' | 'boilerplate' | 'other';

export interface RuleMeta {
  /** Stable, English, kebab-case. */
  readonly id: string;
  /** Localised one-line description (documentation and settings). */
  readonly description: string;
  /** The status-bar group. */
  readonly family: RuleFamily;
  /** The anchor of the rule's section in README.md (`rule-<id>`). */
  readonly docs: string;
  readonly defaultSeverity: Severity;
  readonly fixable: boolean;
  /** Whether "Clean Document" applies this rule's fixes by default. */
  readonly safeToClean: boolean;
  /**
   * The fix restores the text's real characters (mojibake). Fix-all applies
   * such fixes in a pass of their own before any other, so that the other
   * rules judge the repaired text, not the garbage.
   */
  readonly restoresText?: boolean;
  /**
   * The rule holds large buffers while it runs (duplicate-block: the whole
   * text as code points and offsets, and its fingerprints). `analyze` runs
   * such rules before the others, while no findings are held yet, so that
   * the two do not add up; their findings keep their place.
   */
  readonly largeBuffers?: boolean;
  /**
   * A finding of the rule on a short term (a name, a brand) is silenced by
   * listing the term in `newsclean.script.protectedTerms`: the light bulb
   * offers to protect it through the config file.
   */
  readonly protectableTerms?: boolean;
  /** The rule runs only when `newsclean.rules.<id>` turns it on (a house style few newsrooms want). */
  readonly offByDefault?: boolean;
  /** The rule's own settings (`newsclean.<section>.<name>`), gathered by config. */
  readonly settings?: SettingSpecs;
}

export interface Rule<State = unknown> {
  readonly meta: RuleMeta;
  readonly check: Check;
  /**
   * How the rule is analysed again after an edit, reusing what it found
   * before (see engine/incremental). Without one, the rule runs on the whole
   * document again at every edit.
   */
  readonly incremental?: IncrementalStrategy<State>;
}

/** A rule as its meta and check declare it (the registry holds rules of any state). */
export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

