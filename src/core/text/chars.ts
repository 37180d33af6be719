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

/** A Latin letter (with the accented ones of Latin-1 and Latin Extended) or a digit: where words need a space between them. */
export function isLatinAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9\u00c0-\u024f]/.test(ch);
}
