/**
 * What an incremental strategy sees and returns. A rule may declare one
 * (`Rule.incremental`); the engine calls it after each edit with the edit
 * located, the rule's previous findings and the state it saved, and merges
 * what it returns with the other rules' findings. Knows no rule.
 */
import type { NewsDocument } from '../../document';
import type { Finding } from '../../finding';
import type { Settings } from '../../config/types';
import type { Check } from '../../check';

/**
 * The edit between two versions: lines `first..last` of the new document
 * replace lines `first..oldLast` of the old one; everything after them
 * moved by `delta` offsets and `lineDelta` lines. Without an old version,
 * every line is new.
 */
export interface Change {
  /** The new document. */
  readonly document: NewsDocument;
  readonly old?: NewsDocument;
  readonly first: number;
  readonly last: number;
  readonly oldLast: number;
  readonly delta: number;
  readonly lineDelta: number;
  /** The text that differs: `[from, oldTo)` of the old text became `[from, newTo)`. */
  readonly from: number;
  readonly oldTo: number;
  readonly newTo: number;
}

/**
 * A rule's findings, sorted by position. The first `kept` are the previous
 * analysis's first (where they were), the last `moved` its last (moved with
 * the text after the edit); `kept + moved` is at most the length of either.
 */
export interface RuleFindings {
  readonly findings: readonly Finding[];
  readonly kept: number;
  readonly moved: number;
}

/** What the rule found in the analysis before the edit. */
export interface Previous<State> {
  /** The rule's findings, sorted by position. */
  readonly findings: readonly Finding[];
  /** What the strategy saved (undefined when it saved nothing). */
  readonly state: State | undefined;
}

export interface RunOptions {
  /** Another check than the rule's (one that records state, or checks part of the document). */
  readonly check?: Check;
  /** Other settings than the analysis's (a context the strategy resolved). */
  readonly settings?: Settings;
  /** Another document: a view of the edited lines. */
  readonly document?: NewsDocument;
}

export interface IncrementalContext<State> {
  readonly document: NewsDocument;
  readonly settings: Settings;
  readonly change: Change;
  /** Undefined on the first analysis, and when the settings or the rules changed. */
  readonly previous?: Previous<State>;
  /** The rule's findings on the whole document, sorted (as `analyze` makes them; failures are reported). */
  run(options?: RunOptions): Finding[];
  /**
   * The findings of a check on part of the document, sorted; undefined when
   * it failed, which is reported: then `fallback()` gives the answer.
   */
  checkPart(options: RunOptions): Finding[] | undefined;
  /** After a failed `checkPart`: the rule on the whole document (with these settings), its failure not reported twice. */
  fallback(options?: Pick<RunOptions, 'settings'>): Finding[];
  /** Records what the next analysis may reuse (only the last call counts). */
  save(state: State): void;
}

/** Computes one rule's findings after an edit, and saves what the next edit may reuse. */
export type IncrementalStrategy<State> = (ctx: IncrementalContext<State>) => RuleFindings;
