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

/** True when `text` holds kana or hangul: Japanese or Korean, never rewritten. A loop over code units (a regular expression with these classes is several times slower). */
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
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) return true;
  return false;
}
