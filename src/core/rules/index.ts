import type { Rule } from '../finding';
import { strayLineBreak } from './stray-line-break';

/** Every rule, in the order findings are reported. One file per rule. */
export const RULES: readonly Rule[] = Object.freeze([strayLineBreak]);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
