import { NewsDocument } from './document';
import { resolveSettings, type Settings } from './config';
import type { Range } from './document';
import type { Finding, Fix, RelatedInformation, Rule, RuleContext, Severity } from './finding';
import { applyFixes } from './fix';
import { RULES } from './rules';
import { japaneseKoreanSpansOf, keepOffJapaneseKorean } from './text/japanese-korean';

export interface AnalyzeOptions {
  settings?: Settings;
  /** Only these rule ids (still subject to settings turning a rule off). */
  rules?: readonly string[];
  /** The rules to choose from; the registry by default. */
  ruleSet?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export function selectedRules(options: AnalyzeOptions): Rule[] {
  const only = options.rules ? new Set(options.rules) : undefined;
  return (options.ruleSet ?? RULES).filter((r) => !only || only.has(r.id));
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
  const byRule = new Map<Rule, Finding[]>();
  for (const rule of [...rules.filter((r) => r.largeBuffers), ...rules.filter((r) => !r.largeBuffers)]) {
    const severity = settings.ruleSeverity(rule.id, rule.defaultSeverity);
    if (severity) byRule.set(rule, runRule(rule, ctx, severity, options.onRuleError));
  }
  const findings: Finding[] = [];
  for (const rule of rules) for (const f of byRule.get(rule) ?? []) findings.push(f);
  return findings.sort(byPosition);
}

/**
 * One rule's findings, in the order it reports them, with its id and
 * severity filled in. A rule that throws keeps what it reported before.
 */
export function runRule(rule: Rule, ctx: RuleContext, severity: Severity, onRuleError?: AnalyzeOptions['onRuleError']): Finding[] {
  const findings: Finding[] = [];
  // Japanese and Korean text is never rewritten nor counted (text/japanese-korean.ts).
  const foreign = japaneseKoreanSpansOf(ctx.document);
  try {
    rule.check(ctx, (report) => {
      const r = foreign.length === 0 ? report : keepOffJapaneseKorean(foreign, report, rule.restoresText === true);
      if (!r) return;
      findings.push(makeFinding(rule.id, r.severity && severity === rule.defaultSeverity ? r.severity : severity, r.message, r.range, r.fix, r.related));
    });
  } catch (error) {
    onRuleError?.(rule.id, error);
  }
  return findings;
}

/**
 * A finding, without the fix and the related information it does not have.
 * Made here alone, so that findings come in few shapes and code that reads
 * many of them (sorting, merging, moving) stays fast.
 */
export function makeFinding(ruleId: string, severity: Severity, message: string, range: Range, fix?: Fix, related?: readonly RelatedInformation[]): Finding {
  if (fix) return related ? { ruleId, severity, message, range, fix, related } : { ruleId, severity, message, range, fix };
  return related ? { ruleId, severity, message, range, related } : { ruleId, severity, message, range };
}

/** The order of findings: by start, then by end (a stable sort keeps the rules' order for ties). */
export function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

export interface CleanResult {
  text: string;
  applied: Finding[];
  /** Passes run until nothing fixable was left (fixes can uncover fixes). */
  passes: number;
}

/**
 * Applies every fix of the selected rules, repeating until no fix applies
 * (at most `maxPasses`), so the result is a fixed point of the rules.
 */
export function fixAll(text: string, options: AnalyzeOptions & { safeOnly?: boolean; maxPasses?: number } = {}): CleanResult {
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
  const safe = new Set(ruleSet.filter((r) => settings.cleans(r.id, r.safeToClean)).map((r) => r.id));
  const restoring = new Set(ruleSet.filter((r) => r.restoresText).map((r) => r.id));
  for (; passes < (options.maxPasses ?? 6); passes++) {
    let findings = analyze(new NewsDocument(current), options).filter(
      (f) => f.fix && (!options.safeOnly || safe.has(f.ruleId)),
    );
    if (findings.length === 0) break;
    // Repairs of the characters themselves first; the next pass judges the repaired text.
    const repairs = findings.filter((f) => restoring.has(f.ruleId));
    if (repairs.length > 0) findings = repairs;
    const result = applyFixes(current, findings);
    if (result.applied.length === 0 || result.text === current) break;
    for (const f of result.applied) applied.push(f);
    current = result.text;
  }
  return { text: current, applied, passes };
}
