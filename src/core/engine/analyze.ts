import { resolveSettings, type Settings } from '../config';
import type { NewsDocument } from '../document';
import { byPosition, makeFinding, withData, type Finding, type Fix, type Severity } from '../finding';
import type { AnyRule, RuleContext } from '../rule';
import { RULES } from '../rules';
import { coversDocument, japaneseKoreanLinesOf, keepOffJapaneseKorean } from '../text/japanese-korean';

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
  const settings = options.settings ?? resolveSettings();
  const ctx: RuleContext = Object.freeze({ document, settings });
  const rules = selectedRules(options);
  const byRule = new Map<AnyRule, Finding[]>();
  for (const rule of [...rules.filter((r) => r.meta.largeBuffers), ...rules.filter((r) => !r.meta.largeBuffers)]) {
    const severity = settings.ruleSeverity(rule.meta.id, rule.meta.defaultSeverity);
    if (severity) byRule.set(rule, runRule(rule, ctx, severity, options.onRuleError, rule.check, options.fixes !== false));
  }
  const findings: Finding[] = [];
  for (const rule of rules) for (const f of byRule.get(rule) ?? []) findings.push(f);
  return findings.sort(byPosition);
}

/**
 * One rule's findings, in the order it reports them, with its id and
 * severity filled in. A rule that throws keeps what it reported before.
 */
export function runRule(rule: AnyRule, ctx: RuleContext, severity: Severity, onRuleError?: AnalyzeOptions['onRuleError'], check = rule.check, fixes = true): Finding[] {
  const findings: Finding[] = [];
  const { id, defaultSeverity, restoresText } = rule.meta;
  // Japanese and Korean text is never rewritten nor counted (text/japanese-korean.ts).
  const foreign = japaneseKoreanLinesOf(ctx.document);
  // A document that is Japanese or Korean as a whole: no rule has anything to say.
  if (coversDocument(foreign, ctx.document.text)) return findings;
  try {
    check(ctx, (report) => {
      const r = foreign.length === 0 ? report : keepOffJapaneseKorean(ctx.document, report, restoresText === true);
      if (!r) return;
      const f = makeFinding(id, r.severity && severity === defaultSeverity ? r.severity : severity, r.message, r.range, r.fix && !fixes ? FIXABLE : r.fix, r.related);
      findings.push(r.data ? withData(f, r.data) : f);
    });
  } catch (error) {
    onRuleError?.(id, error);
  }
  return findings;
}
