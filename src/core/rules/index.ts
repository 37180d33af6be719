import type { Rule } from '../finding';
import { boilerplate } from './boilerplate/rule';
import { duplicateBlock } from './duplicate-block/rule';
import { flattenedPinyin } from './flattened-pinyin/rule';
import { halfwidthPunctuation } from './halfwidth-punctuation/rule';
import { lostCharacters } from './lost-characters/rule';
import { mixedScript } from './mixed-script/rule';
import { mojibake } from './mojibake/rule';
import { strayLineBreak } from './stray-line-break/rule';

/**
 * Every rule, one file each. When fixes collide, the one that starts first
 * wins and the other is found again on the next pass of fix-all.
 */
export const RULES: readonly Rule[] = Object.freeze([
  mojibake,
  lostCharacters,
  flattenedPinyin,
  mixedScript,
  halfwidthPunctuation,
  strayLineBreak,
  duplicateBlock,
  boilerplate,
]);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Families of rules, as the status bar groups them. */
const FAMILIES: Record<string, string> = {
  'stray-line-break': 'layout',
  'duplicate-block': 'layout',
  mojibake: 'encoding',
  'lost-characters': 'encoding',
  'flattened-pinyin': 'encoding',
  'mixed-script': 'script',
  'halfwidth-punctuation': 'punctuation',
  boilerplate: 'boilerplate',
};

export function ruleFamily(ruleId: string): string {
  return FAMILIES[ruleId] ?? 'other';
}
