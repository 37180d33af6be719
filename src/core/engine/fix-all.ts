import { resolveSettings } from '../config';
import type { Finding } from '../finding';
import type { AnyRule } from '../rule';
import { RULES } from '../rules';
import { selectedRules, type AnalyzeOptions } from './analyze';
import { applyFixes } from './fix';
import { analyzeIncremental, type IncrementalState } from './incremental';

export interface CleanResult {
  text: string;
  applied: Finding[];
  /** Every finding of the selected rules on the result, fixable or not. */
  remaining: Finding[];
  /** Passes run until nothing fixable was left (fixes can uncover fixes). */
  passes: number;
}

/**
 * Fix-all's passes by default. Fixes uncover fixes (a repair makes a line
 * Chinese, its `...` becomes `……`, the line now starts with `…` and is joined,
 * the joined line's brackets become full-width): the chains seen on generated
 * documents take up to seven passes, and a pass on text that changed little is
 * incremental, so the cap is generous.
 */
export const DEFAULT_MAX_PASSES = 16;

export interface FixAllOptions extends AnalyzeOptions {
  safeOnly?: boolean;
  /** At most this many passes (default `DEFAULT_MAX_PASSES`). */
  maxPasses?: number;
  /**
   * Called after each pass with the fixes it applied (their edits are in the
   * coordinates of `before`, the text the pass started from; without the
   * BOM when the text has one).
   */
  onPass?: (applied: readonly Finding[], before: string) => void;
  /** Checked before each pass: when it says so, fix-all stops there (and `remaining` is left empty unless known). */
  isCancelled?: () => boolean;
}

/**
 * Applies every fix of the selected rules, repeating until no fix applies
 * (at most `maxPasses`), so the result is a fixed point of the rules.
 *
 * Each pass applies the fixes of one analysis (repairs of the characters
 * alone when there are any: the next pass judges the repaired text). The
 * analyses are incremental from one pass to the next (a late pass that
 * removes one repeated block re-reads little), and while the text still
 * needs repairs only the rules that repair it run.
 */
export function fixAll(text: string, options: FixAllOptions = {}): CleanResult {
  // A byte-order mark belongs to the file, not to the first line: keep it.
  if (text.charCodeAt(0) === 0xfeff) {
    const inner = fixAll(text.slice(1), options);
    return { ...inner, text: '\ufeff' + inner.text };
  }
  const applied: Finding[] = [];
  let current = text;
  let passes = 0;
  const settings = options.settings ?? resolveSettings();
  const ruleSet = options.ruleSet ?? RULES;
  const safe = new Set(ruleSet.filter((r) => settings.cleans(r.meta.id, r.meta.safeToClean)).map((r) => r.meta.id));
  const fixable = (f: Finding) => f.fix !== undefined && (!options.safeOnly || safe.has(f.ruleId));
  const analyses = new Analyses({ ...options, settings });
  // The findings of `current`, when they are known.
  let found: Finding[] | undefined;
  for (; passes < (options.maxPasses ?? DEFAULT_MAX_PASSES); passes++) {
    if (options.isCancelled?.()) return { text: current, applied, remaining: found ?? [], passes };
    // Repairs of the characters themselves first; the next pass judges the repaired text.
    const repairs = analyses.restoring(current).filter(fixable);
    const findings = repairs.length > 0 ? repairs : (found = analyses.all(current)).filter(fixable);
    if (findings.length === 0) break;
    const result = applyFixes(current, findings);
    if (result.applied.length === 0 || result.text === current) {
      found ??= analyses.all(current);
      break;
    }
    for (const f of result.applied) applied.push(f);
    options.onPass?.(result.applied, current);
    current = result.text;
    found = undefined;
  }
  return { text: current, applied, remaining: found ?? analyses.all(current), passes };
}

/**
 * The analyses of the successive texts of fix-all: the rules that restore
 * text and the others apart (each group incremental from its own previous
 * analysis), put together in the order `analyze` gives.
 */
class Analyses {
  private readonly restorers: readonly AnyRule[];
  private readonly others: readonly AnyRule[];
  private readonly rank: Map<string, number>;
  private readonly states: [IncrementalState | undefined, IncrementalState | undefined] = [undefined, undefined];
  private last: { text: string; findings: readonly Finding[] } | undefined;

  constructor(private readonly options: AnalyzeOptions) {
    const rules = selectedRules(options);
    this.restorers = rules.filter((r) => r.meta.restoresText);
    this.others = rules.filter((r) => !r.meta.restoresText);
    this.rank = new Map(rules.map((r, i) => [r.meta.id, i]));
  }

  /** The findings of the rules that restore text. */
  restoring(text: string): readonly Finding[] {
    if (this.last?.text === text) return this.last.findings;
    return (this.last = { text, findings: this.group(0, text) }).findings;
  }

  /** The findings of every rule, as `analyze` orders them. */
  all(text: string): Finding[] {
    return mergeByPosition(this.restoring(text), this.group(1, text), this.rank);
  }

  private group(g: 0 | 1, text: string): readonly Finding[] {
    const rules = g === 0 ? this.restorers : this.others;
    if (rules.length === 0) return [];
    const { findings, state } = analyzeIncremental(this.states[g], text, { ...this.options, ruleSet: rules, rules: undefined });
    this.states[g] = state;
    return findings;
  }
}

/**
 * Two lists each in `analyze`'s order (by start, end, then rule) merged into
 * one in that order. Findings tie on all three only within one rule, hence
 * within one list, where they keep their order.
 */
function mergeByPosition(a: readonly Finding[], b: readonly Finding[], rank: ReadonlyMap<string, number>): Finding[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const out: Finding[] = [];
  let i = 0;
  for (const f of b) {
    while (i < a.length && precedes(a[i], f, rank)) out.push(a[i++]);
    out.push(f);
  }
  while (i < a.length) out.push(a[i++]);
  return out;
}

function precedes(x: Finding, y: Finding, rank: ReadonlyMap<string, number>): boolean {
  if (x.range.start !== y.range.start) return x.range.start < y.range.start;
  if (x.range.end !== y.range.end) return x.range.end < y.range.end;
  return rank.get(x.ruleId)! < rank.get(y.ruleId)!;
}
