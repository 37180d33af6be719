/**
 * Analysis after an edit that reuses what the analysis before it found. Its
 * findings always equal `analyze` on the new text; only the work differs.
 *
 * The edit is located (change.ts) as the common prefix and suffix of the
 * old and the new text, or from the editor's content changes: the lines
 * wholly inside them are unchanged, those after the edit moved by the same
 * offset (and maybe number of lines); the new document shares the old one's
 * lines before the edit (NewsDocument.edited). Each rule is carried over by
 * its own strategy (`Rule.incremental`, in its folder; line-local.ts is the
 * ready-made one of rules whose findings on a line depend on that line), or
 * runs on the whole document again. The findings of all rules are merged in
 * the previous order, with the new ones put in among them (merge.ts).
 */
import type { NewsDocument } from '../../document';
import { SETTINGS, resolveSettings, type SettingKey, type Settings } from '../../config';
import { byPosition, type Finding } from '../../finding';
import type { AnyRule } from '../../rule';
import { runRule, selectedRules, type AnalyzeOptions } from '../analyze';
import { carryJapaneseKoreanSpans } from '../../text/japanese-korean';
import { locateChange, type TextChange } from './change';
import { made } from './line-local';
import { merge, type PreviousMerge } from './merge';
import type { Change, IncrementalContext, RunOptions, RuleFindings } from './types';

/** What `analyzeIncremental` keeps between two analyses of a document. */
export interface IncrementalState {
  /** The document analysed. */
  readonly document: NewsDocument;
  readonly findings: readonly Finding[];
}

export interface IncrementalOptions extends AnalyzeOptions {
  readonly uri?: string;
  readonly version?: number;
  /** The editor's changes since the previous analysis, a hint that spares comparing the texts (see LocateOptions). */
  readonly changes?: readonly TextChange[];
}

interface State extends PreviousMerge {
  readonly document: NewsDocument;
  /** The settings the findings were made with (see settingsKey). */
  readonly key: string;
  readonly rules: readonly AnyRule[];
  /** What each rule's strategy saved, in the order of the rules. */
  readonly states: readonly unknown[];
}

/**
 * Analyses `text`, reusing `previous` (the state of an earlier call on the
 * same document, or undefined for the first). Equal to
 * `analyze(new NewsDocument(text), options)`.
 */
export function analyzeIncremental(
  previous: IncrementalState | undefined,
  text: string,
  options: IncrementalOptions = {},
): IncrementalResult {
  const steps = analyzeIncrementalSteps(previous, text, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

export interface IncrementalResult {
  readonly findings: readonly Finding[];
  readonly state: IncrementalState;
}

/**
 * `analyzeIncremental` one rule at a time: the generator pauses after the
 * document is parsed and after each rule, so a caller that must stay
 * responsive (the language server) can let other work run in between, or
 * drop the analysis when a newer edit makes it useless. Its return value is
 * `analyzeIncremental`'s.
 */
export function* analyzeIncrementalSteps(
  previous: IncrementalState | undefined,
  text: string,
  options: IncrementalOptions = {},
): Generator<void, IncrementalResult, void> {
  const settings = options.settings ?? resolveSettings();
  const rules = selectedRules(options).filter((r) => settings.ruleSeverity(r.meta.id, r.meta.defaultSeverity));
  const key = settingsKey(settings, rules);
  const before = previous as State | undefined;
  const sameSettings = before && before.key === key && sameRules(before.rules, rules) ? before : undefined;
  const change = locateChange(sameSettings?.document, text, options);
  // Every rule keeps off Japanese and Korean text: its spans, carried over the edit, not found again.
  // When the document as a whole became (or stopped being) Japanese or Korean, nothing found before holds.
  const reusable = !change.old || carryJapaneseKoreanSpans(change.old, change.document, change.from, change.oldTo, change.newTo) ? sameSettings : undefined;
  const states = new Array<unknown>(rules.length);
  const results: RuleFindings[] = [];
  for (const [r, rule] of rules.entries()) {
    yield;
    const ctx = contextOf(rule, r, change, settings, options, reusable, states);
    results.push(rule.incremental ? rule.incremental(ctx) : made(ctx.run()));
  }
  const byRule = results.map((r) => r.findings);
  const { findings, ruleOf, starts, ends } = merge(results, reusable, change.delta);
  const state: State = { document: change.document, findings, ruleOf, starts, ends, key, rules, byRule, states };
  return { findings, state };
}

/** What a rule's strategy is given: the edit, the rule's previous findings and state, and ways to run it. */
function contextOf(
  rule: AnyRule,
  r: number,
  change: Change,
  settings: Settings,
  options: AnalyzeOptions,
  previous: State | undefined,
  states: unknown[],
): IncrementalContext<unknown> {
  const severity = settings.ruleSeverity(rule.meta.id, rule.meta.defaultSeverity)!;
  const run = (o: RunOptions, onRuleError: AnalyzeOptions['onRuleError']): Finding[] => {
    const ctx = Object.freeze({ document: o.document ?? change.document, settings: o.settings ?? settings });
    return runRule(rule, ctx, severity, onRuleError, o.check).sort(byPosition);
  };
  return {
    document: change.document,
    settings,
    change,
    previous: previous && { findings: previous.byRule[r], state: previous.states[r] },
    run: (o = {}) => run(o, options.onRuleError),
    checkPart(o) {
      let failed = false;
      const fresh = run(o, (id, error) => {
        failed = true;
        options.onRuleError?.(id, error);
      });
      return failed ? undefined : fresh;
    },
    fallback: (o = {}) => run({ settings: o.settings }, undefined),
    save(state) {
      states[r] = state;
    },
  };
}

/** Everything the findings depend on besides the text: every setting and each rule's severity. */
function settingsKey(settings: Settings, rules: readonly AnyRule[]): string {
  const values = Object.keys(SETTINGS).map((k) => settings.get(k as SettingKey));
  return JSON.stringify([values, rules.map((r) => [r.meta.id, settings.ruleSeverity(r.meta.id, r.meta.defaultSeverity)])]);
}

function sameRules(a: readonly AnyRule[], b: readonly AnyRule[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}
