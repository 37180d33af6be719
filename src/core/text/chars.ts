/**
 * Named character predicates, each written once and named for what it is
 * for. Code units (UTF-16) unless the name says code point.
 */

/** The BMP Han blocks as a character-class body: Extension A, the unified ideographs, the compatibility ideographs. */
export const BMP_HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/** A Han character of the BMP (Extension A, unified, compatibility): what line shapes count as Chinese. */
export function isBmpHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** A CJK Unified Ideograph of the main block (U+4E00–U+9FFF): the characters of ordinary Chinese prose. */
export function isUnifiedHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/**
 * A Han code point as the duplicate finder's normalisation keeps it: the
 * BMP blocks, the supplementary ideographs (Extensions B–H, U+20000–U+3134F)
 * and 〇 (U+3007).
 */
export function isHanCodePoint(cp: number): boolean {
  return isBmpHan(cp) || (cp >= 0x20000 && cp <= 0x3134f) || cp === 0x3007;
}

/** A private-use code point of the BMP (U+E000–U+F8FF): a font's icons, or a code page's user-defined rows read as another. */
export function isPrivateUse(c: number): boolean {
  return c >= 0xe000 && c <= 0xf8ff;
}

/** A Latin letter (with the accented ones of Latin-1 and Latin Extended) or a digit: where words need a space between them. */
export function isLatinAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9\u00c0-\u024f]/.test(ch);
}

/** A Han code unit for the clean-up rules: a BMP Han character, or the lead surrogate of a supplementary ideograph. */
export function isHanUnit(c: number): boolean {
  return isBmpHan(c) || (c >= 0xd840 && c <= 0xd8bf);
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

/** True when `text` holds kana or hangul (the clean-up rules leave such a line alone; text/japanese-korean.ts finds the spans). A loop over code units (a regular expression with these classes is several times slower). */
export function isJapaneseOrKorean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1100) continue;
    if (
      (c >= 0x3041 && c <= 0x3096) ||
      (c >= 0x309d && c <= 0x309f) ||
      (c >= 0x30a1 && c <= 0x30fa) ||
      (c >= 0x30fd && c <= 0x30ff) ||
      (c >= 0x31f0 && c <= 0x31ff) ||
      (c >= 0xff66 && c <= 0xff9d) ||
      (c >= 0x1100 && c <= 0x11ff) ||
      (c >= 0x3130 && c <= 0x318f) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0xffa0 && c <= 0xffdc)
    )
      return true;
  }
  return false;
}

/** True when `text` holds a Han character. */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHanUnit(text.charCodeAt(i))) return true;
  return false;
}
