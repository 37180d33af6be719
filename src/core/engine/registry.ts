import type { AnyRule, RuleFamily } from '../rule';
import { RULES } from '../rules';

export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/** The status-bar group of a rule id ('other' for an id outside the registry). */
export function ruleFamily(ruleId: string): RuleFamily {
  return ruleById(ruleId)?.meta.family ?? 'other';
}
