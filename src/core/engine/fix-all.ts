import { NewsDocument } from '../document';
import { resolveSettings } from '../config';
import type { Finding } from '../finding';
import { RULES } from '../rules';
import { analyze, type AnalyzeOptions } from './analyze';
import { applyFixes } from './fix';

export interface CleanResult {
  text: string;
  applied: Finding[];
  /** Every finding of the selected rules on the result, fixable or not. */
  remaining: Finding[];
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
  const safe = new Set(ruleSet.filter((r) => settings.cleans(r.meta.id, r.meta.safeToClean)).map((r) => r.meta.id));
  const restoring = new Set(ruleSet.filter((r) => r.meta.restoresText).map((r) => r.meta.id));
  // The findings of `current`, when they are known.
  let found: Finding[] | undefined;
  for (; passes < (options.maxPasses ?? 6); passes++) {
    found = analyze(new NewsDocument(current), options);
    let findings = found.filter((f) => f.fix && (!options.safeOnly || safe.has(f.ruleId)));
    if (findings.length === 0) break;
    // Repairs of the characters themselves first; the next pass judges the repaired text.
    const repairs = findings.filter((f) => restoring.has(f.ruleId));
    if (repairs.length > 0) findings = repairs;
    const result = applyFixes(current, findings);
    if (result.applied.length === 0 || result.text === current) break;
    for (const f of result.applied) applied.push(f);
    current = result.text;
    found = undefined;
  }
  return { text: current, applied, remaining: found ?? analyze(new NewsDocument(current), options), passes };
}
