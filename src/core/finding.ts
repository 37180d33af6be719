import type { NewsDocument, Range } from './document';
import type { Settings } from './config';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** One text replacement. Offsets are UTF-16 units into the analysed text. */
export interface Edit {
  readonly range: Range;
  readonly text: string;
}

/** A repair offered for a finding: one or more edits applied together. */
export interface Fix {
  /** Short, localised description shown as the quick fix title. */
  readonly title: string;
  readonly edits: readonly Edit[];
}

export interface RelatedInformation {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  readonly related?: readonly RelatedInformation[];
}

/** What a rule reports; the engine fills in the rule id and the severity. */
export interface Report {
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  readonly related?: readonly RelatedInformation[];
  /** Overrides the rule's default severity for this finding (e.g. a hint). */
  readonly severity?: Severity;
}

/** The frozen context handed to every rule: the document parsed once. */
export interface RuleContext {
  readonly document: NewsDocument;
  readonly settings: Settings;
}

export interface RuleMeta {
  /** Stable, English, kebab-case. */
  readonly id: string;
  /** Localised one-line description (documentation and settings). */
  readonly description: string;
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
   * The rule's findings on a line depend on that line alone (and the
   * settings): after an edit only the edited lines are checked again
   * (incremental.ts).
   */
  readonly lineLocal?: boolean;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext, report: (r: Report) => void): void;
}
