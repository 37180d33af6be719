/**
 * Character classes the clean-up rules (full-width letters, invisible
 * characters, quotes, spacing) share: which script a character is, and
 * whether a line is Japanese or Korean, which is never rewritten.
 */

/** CJK ideographs, BMP blocks and the high surrogates of the extension planes. */
export function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd8bf);
}

/** CJK punctuation and the full-width forms of ASCII punctuation (not letters and digits). */
export function isCjkPunctCode(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2026 ||
    c === 0x2014
  );
}

/** Kana, hangul and their compatibility forms: a line holding any is Japanese or Korean. */
const KANA_HANGUL = /[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\uff66-\uff9d\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\uffa0-\uffdc]/;

/** True when `text` holds kana or hangul: Japanese or Korean, never rewritten. */
export function isJapaneseOrKorean(text: string): boolean {
  return KANA_HANGUL.test(text);
}

/** True when `text` holds a Han character. */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) return true;
  return false;
}
