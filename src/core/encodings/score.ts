/**
 * The naturalness score: how unlikely a piece of text is as real writing.
 * Real Chinese uses a small set of common characters (GB2312 level 1, Big5
 * level 1); mojibake is dense in rare ones, in private-use and control
 * characters, and (on the Latin side, after ftfy's "badness") in accented
 * capitals followed by symbols. Lower is more natural.
 */
import { HAN_BY_FREQUENCY } from './frequency';
import { COMMON_WORDS } from './words';
import { hanLevel } from './tables';
import { BUILT_COST_TABLE } from './built-tables';
import { unpackFloatTable } from './packed';
import { isBmpHan, isPrivateUse } from '../text/chars';

const HAN_COST = [0, 1.5, 3.5, 5];

let costTable: Float32Array | undefined;

/** charCost of every BMP code unit, built on first use. */
export function costTable16(): Float32Array {
  if (!costTable && BUILT_COST_TABLE !== undefined) costTable = unpackFloatTable(BUILT_COST_TABLE, 65536);
  if (!costTable) {
    const t = new Float32Array(65536);
    for (let c = 0; c < 65536; c++) t[c] = computeCost(c);
    costTable = t;
  }
  return costTable;
}

let frequencyTable: Float32Array | undefined;

/**
 * Like charCost, finer for Han: from the character's rank in real text
 * (0 for the 500 commonest, one more for each doubling of the rank), for
 * choosing between two readings that are both valid Chinese (GBK ↔ Big5).
 */
export function frequencyCostTable16(): Float32Array {
  if (!frequencyTable) {
    const t = Float32Array.from(costTable16());
    for (let c = 0x3400; c < 0x10000; c++) if (isHanCode(c)) t[c] = 4.5;
    // Kana, bopomofo and box drawing are what GBK's and Big5's symbol rows
    // put into Chinese text read with the other table.
    for (let c = 0x3040; c <= 0x312f; c++) t[c] = 3;
    for (let c = 0x2500; c <= 0x257f; c++) t[c] = 3;
    for (let c = 0x0370; c <= 0x04ff; c++) t[c] = 3; // Greek and Cyrillic rows
    for (let r = 0; r < HAN_BY_FREQUENCY.length; r++) {
      const c = HAN_BY_FREQUENCY.charCodeAt(r);
      if (c >= 0xd800 && c <= 0xdfff) continue;
      t[c] = Math.min(4, Math.max(0, Math.log2((r + 1) / 500)));
    }
    frequencyTable = t;
  }
  return frequencyTable;
}

let wordTable: Int32Array | undefined;
const WORD_SLOTS = 1 << 17;

/** Slot of a two-character key in the open-addressing word table. */
function wordSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 15;
}

/** True when the two BMP characters form a common two-character word (國會, 国会). */
export function isCommonWord(a: number, b: number): boolean {
  if (!wordTable) {
    const t = new Int32Array(WORD_SLOTS);
    for (let i = 0; i + 1 < COMMON_WORDS.length; i += 2) {
      const key = (COMMON_WORDS.charCodeAt(i) << 16) | COMMON_WORDS.charCodeAt(i + 1);
      let slot = wordSlot(key);
      while (t[slot] !== 0 && t[slot] !== key) slot = (slot + 1) & (WORD_SLOTS - 1);
      t[slot] = key;
    }
    wordTable = t;
  }
  if (a > 0xffff || b > 0xffff || a === 0) return false;
  const key = (a << 16) | b;
  for (let slot = wordSlot(key); wordTable[slot] !== 0; slot = (slot + 1) & (WORD_SLOTS - 1)) if (wordTable[slot] === key) return true;
  return false;
}

/** frequencyCostTable16 for any code point (characters outside the BMP: as charCost, plus). */
export function frequencyCost(cp: number): number {
  return cp <= 0xffff ? frequencyCostTable16()[cp] : charCost(cp) + 0.5;
}

/** Cost of one code point in isolation. */
export function charCost(cp: number): number {
  return cp < 0x10000 ? costTable16()[cp] : computeCost(cp);
}

function computeCost(cp: number): number {
  if (cp < 0x80) return cp >= 0x20 || cp === 9 || cp === 10 || cp === 13 ? 0 : 10;
  if (cp < 0xa0) return 10; // C1 controls
  if (isBmpHan(cp)) {
    return HAN_COST[hanLevel(cp)];
  }
  if (cp >= 0x20000 && cp <= 0x3ffff) return 4; // astral Han: real but rare
  if (cp <= 0xff) {
    if (cp === 0xd7 || cp === 0xf7) return 2;
    if (cp >= 0xc0) return 1; // accented letters
    if (cp === 0xa0) return 2.5;
    if (cp === 0xad) return 4; // soft hyphen
    return cp === 0xa9 || cp === 0xb7 || cp === 0xb0 || cp === 0xae ? 1 : 2; // © · ° ® common
  }
  if (cp >= 0x3000 && cp <= 0x303f) return COMMON_CJK_PUNCT.has(cp) ? 0 : 2.5;
  if (cp >= 0xff01 && cp <= 0xff5e) return COMMON_FULLWIDTH.has(cp) ? 0 : 1;
  if (cp >= 0x2010 && cp <= 0x2027) return COMMON_GENERAL_PUNCT.has(cp) ? 0.3 : 2.5;
  if (cp >= 0x0100 && cp <= 0x017f) return 1.5; // Latin Extended-A
  if (cp >= 0x0180 && cp <= 0x024f) return 3; // Latin Extended-B
  if (cp >= 0x0250 && cp <= 0x02ff) return 4; // IPA, modifier letters (ˆ ˜)
  if (cp >= 0x0300 && cp <= 0x036f) return 4; // combining marks
  if (cp >= 0x0370 && cp <= 0x03ff) return 1.5; // Greek
  if (cp >= 0x0400 && cp <= 0x04ff) return 1.5; // Cyrillic
  if (cp >= 0x0500 && cp <= 0x08ff) return 3; // Armenian, Hebrew, Arabic, Syriac …
  if (cp >= 0x3040 && cp <= 0x30ff) return 1.5; // kana
  if (cp >= 0xac00 && cp <= 0xd7a3) return 1.5; // Hangul syllables
  if (cp >= 0x1100 && cp <= 0x11ff) return 4; // Hangul jamo
  if (cp >= 0xe000 && cp <= 0xf8ff) return 10; // private use
  if (cp === 0xfffd) return 6;
  if (cp >= 0xfff0 && cp <= 0xffff) return 10;
  if (cp >= 0xd800 && cp <= 0xdfff) return 10; // lone surrogate
  if (cp === 0x20ac || cp === 0x2122 || cp === 0x2030) return 1.5; // € ™ ‰
  if (cp >= 0xff61 && cp <= 0xff9f) return 4; // half-width katakana
  if (cp >= 0x1f300 && cp <= 0x1faff) return 1; // emoji
  if (cp >= 0x2600 && cp <= 0x27bf) return 1.5; // symbols, dingbats
  if (cp >= 0x2500 && cp <= 0x257f) return 1; // box drawing: tables in text
  if (cp >= 0x2190 && cp <= 0x21ff) return 1.5; // arrows
  if (cp === 0xfeff) return 3;
  return 3;
}

const COMMON_CJK_PUNCT = new Set([0x3000, 0x3001, 0x3002, 0x3008, 0x3009, 0x300a, 0x300b, 0x300c, 0x300d, 0x300e, 0x300f, 0x3010, 0x3011, 0x3014, 0x3015]);
const COMMON_FULLWIDTH = new Set([...'，！？：；（）％＋－．／０１２３４５６７８９'].map((c) => c.charCodeAt(0)));
const COMMON_GENERAL_PUNCT = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026]);

/** A character a repair must never produce (controls, private use, noncharacters). */
export function isForbidden(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13) ||
    (cp >= 0x7f && cp < 0xa0) ||
    isPrivateUse(cp) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xfff0 && cp <= 0xfffc) ||
    cp === 0xfffe ||
    cp === 0xffff
  );
}

/**
 * Han for the score: the BMP blocks (isBmpHan) and the whole of planes 2
 * and 3 (U+20000–U+3FFFF), unassigned code points included, as computeCost
 * prices them ("astral Han"). Wider than isHanCodePoint in text/chars.ts
 * (Extensions B–H end at U+3134F; 〇 is not counted here): the han counts of
 * the judge depend on this range, so it stays as it is.
 */
export function isHanCode(cp: number): boolean {
  return isBmpHan(cp) || (cp >= 0x20000 && cp <= 0x3ffff);
}

/** True for Han, CJK punctuation and full-width forms. */
export function isCjkCode(cp: number): boolean {
  return isHanCode(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x2010 && cp <= 0x2027);
}

/**
 * Latin-side badness (after ftfy): an accented letter followed by a symbol
 * from the C1 / Latin-1 symbol range is how UTF-8 looks when read as
 * Windows-1252 (`Ã©`, `â€™`), and never how real text looks.
 */
function pairCost(a: number, b: number): number {
  const leadish = (a >= 0xc2 && a <= 0xef) || a === 0x201a || a === 0x192;
  const contish = (b >= 0x80 && b <= 0xbf) || CP1252_SYMBOLS.has(b);
  return leadish && contish ? 3 : 0;
}

const CP1252_SYMBOLS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

export interface Naturalness {
  /** Sum of costs; lower is more natural. */
  readonly cost: number;
  /** Number of code points. */
  readonly length: number;
  readonly han: number;
  readonly cjk: number;
  /** Non-ASCII code points. */
  readonly nonAscii: number;
  readonly forbidden: number;
  /** Private-use code points (counted in `forbidden` too). */
  readonly privateUse: number;
}

/** Scores a string (by code point). */
export function naturalness(s: string): Naturalness {
  let cost = 0;
  let length = 0;
  let han = 0;
  let cjk = 0;
  let nonAscii = 0;
  let forbidden = 0;
  let privateUse = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    length++;
    cost += charCost(cp);
    if (prev >= 0) cost += pairCost(prev, cp);
    if (cp >= 0x80) nonAscii++;
    if (isHanCode(cp)) han++;
    if (isCjkCode(cp)) cjk++;
    if (isForbidden(cp)) forbidden++;
    if (isPrivateUse(cp)) privateUse++;
    prev = cp;
  }
  return { cost, length, han, cjk, nonAscii, forbidden, privateUse };
}
