import type { Rule } from '../finding';
import { boilerplate } from './boilerplate';
import { duplicateBlock } from './duplicate-block';
import { flattenedPinyin } from './flattened-pinyin';
import { halfwidthPunctuation } from './halfwidth-punctuation';
import { lostCharacters } from './lost-characters';
import { mixedScript } from './mixed-script';
import { mojibake } from './mojibake';
import { strayLineBreak } from './stray-line-break';
import { fullwidthAlphanumeric } from './fullwidth-alphanumeric/rule';
import { invisibleCharacters } from './invisible-characters/rule';
import { htmlRemnants } from './html-remnants/rule';
import { compatibilityIdeographs } from './compatibility-ideographs/rule';
import { quoteStyle } from './quote-style/rule';
import { cjkLatinSpacing } from './cjk-latin-spacing/rule';

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
  htmlRemnants,
  invisibleCharacters,
  compatibilityIdeographs,
  fullwidthAlphanumeric,
  quoteStyle,
  cjkLatinSpacing,
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
  'html-remnants': 'encoding',
  'invisible-characters': 'encoding',
  'compatibility-ideographs': 'encoding',
  'fullwidth-alphanumeric': 'punctuation',
  'quote-style': 'punctuation',
  'cjk-latin-spacing': 'punctuation',
};

export function ruleFamily(ruleId: string): string {
  return FAMILIES[ruleId] ?? 'other';
}
