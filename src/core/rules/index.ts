import type { AnyRule } from '../rule';
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
import { quoteStyle } from './quote-style';
import { cjkLatinSpacing } from './cjk-latin-spacing/rule';

/**
 * Every rule, one folder each. When fixes collide, the one that starts first
 * wins and the other is found again on the next pass of fix-all.
 */
export const RULES: readonly AnyRule[] = Object.freeze([
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
