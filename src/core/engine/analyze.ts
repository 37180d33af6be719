import { resolveSettings, type Settings } from '../config';
import type { NewsDocument } from '../document';
import { byPosition, makeFinding, withData, type Finding, type Fix, type Report, type Severity } from '../finding';
import type { AnyRule, RuleContext } from '../rule';
import { RULES } from '../rules';
import { coversDocument, japaneseKoreanOf, keepOffJapaneseKorean } from '../text/japanese-korean';

export interface AnalyzeOptions {
  settings?: Settings;
  /** Only these rule ids (still subject to settings turning a rule off). */
  rules?: readonly string[];
  /** The rules to choose from; the registry by default. */
  ruleSet?: readonly AnyRule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * False: each fix is FIXABLE, which says only that there is one (a check
   * whose output shows no edit): a large document's findings then hold
   * neither their edits nor their titles.
   */
  fixes?: boolean;
}

/** The fix of every fixable finding when AnalyzeOptions.fixes is false: no title, no edit. */
export const FIXABLE: Fix = Object.freeze({ title: '', edits: Object.freeze([]) });

export function selectedRules(options: AnalyzeOptions): AnyRule[] {
  const only = options.rules ? new Set(options.rules) : undefined;
  return (options.ruleSet ?? RULES).filter((r) => !only || only.has(r.meta.id));
}

/**
 * Runs every enabled rule once over the document, parsed once. Rules with
 * large buffers run first (see RuleMeta.largeBuffers); the findings are in
 * the rules' order all the same.
 */
export function analyze(document: NewsDocument, options: AnalyzeOptions = {}): Finding[] {
  const rules = selectedRules(options);
  const byRule: Finding[][] = rules.map(() => []);
  const fixes = options.fixes !== false;
  analyzeReports(document, options, (k, severity, r) => byRule[k].push(findingOf(rules[k].meta.id, severity, r, fixes)));
  const findings: Finding[] = [];
  for (const list of byRule) for (const f of list) findings.push(f);
  return findings.sort(byPosition);
}

/**
 * What `analyze` finds, as the reports the engine keeps, each with its
 * severity and the index of its rule in `selectedRules(options)`, in the
 * order the rules run: for a caller that keeps findings its own way (a
 * large file's in columns, see FindingTable).
 */
export function analyzeReports(document: NewsDocument, options: AnalyzeOptions, emit: (rule: number, severity: Severity, report: Report) => void): void {
  const settings = options.settings ?? resolveSettings();
  const ctx: RuleContext = Object.freeze({ document, settings });
  const rules = selectedRules(options);
  const order = rules.map((_, k) => k);
  for (const k of [...order.filter((k) => rules[k].meta.largeBuffers), ...order.filter((k) => !rules[k].meta.largeBuffers)]) {
    const rule = rules[k];
    const severity = settings.ruleSeverity(rule.meta.id, rule.meta.defaultSeverity);
    if (severity) eachReport(rule, ctx, severity, options.onRuleError, rule.check, (s, r) => emit(k, s, r));
  }
}

/**
 * One rule's findings, in the order it reports them, with its id and
 * severity filled in. A rule that throws keeps what it reported before.
 */
export function runRule(rule: AnyRule, ctx: RuleContext, severity: Severity, onRuleError?: AnalyzeOptions['onRuleError'], check = rule.check, fixes = true): Finding[] {
  const findings: Finding[] = [];
  eachReport(rule, ctx, severity, onRuleError, check, (s, r) => findings.push(findingOf(rule.meta.id, s, r, fixes)));
  return findings;
}

/**
 * Each report of one rule that the engine keeps, in the order the rule
 * makes them, with its severity: the rule's own (a hint) when it runs at
 * its default severity. A rule that throws keeps what it reported before.
 */
function eachReport(rule: AnyRule, ctx: RuleContext, severity: Severity, onRuleError: AnalyzeOptions['onRuleError'], check: AnyRule['check'], emit: (severity: Severity, report: Report) => void): void {
  const { id, defaultSeverity, restoresText } = rule.meta;
  // Japanese and Korean text is never rewritten nor counted (text/japanese-korean.ts).
  const foreign = japaneseKoreanOf(ctx.document);
  // A document that is Japanese or Korean as a whole: no rule has anything to say.
  if (coversDocument(foreign.spans, ctx.document.text)) return;
  try {
    check(ctx, (report) => {
      const r = foreign.kanaLines.length === 0 ? report : keepOffJapaneseKorean(foreign, report, restoresText === true);
      if (r) emit(r.severity && severity === defaultSeverity ? r.severity : severity, r);
    });
  } catch (error) {
    onRuleError?.(id, error);
  }
}

/** The finding of a report (with `fixes` false, its fix is FIXABLE). */
export function findingOf(ruleId: string, severity: Severity, r: Report, fixes: boolean): Finding {
  const f = makeFinding(ruleId, severity, r.message, r.range, r.fix && !fixes ? FIXABLE : r.fix, r.related);
  return r.data ? withData(f, r.data) : f;
}
