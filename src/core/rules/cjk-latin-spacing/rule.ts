import { t } from '../../text/localize';
import type { Rule } from '../../rule';
import { lineLocal, type LineLocalState } from '../../engine/incremental/line-local';
import { isCreditLine } from '../../text/shapes';
import { protectedRanges, protectedCursor } from '../../protect';
import { isHanUnit, isJapaneseOrKorean } from '../../text/chars';

/**
 * A space between Chinese characters and Latin letters or digits, as
 * AutoCorrect writes it (its `WORD_STRATEGIES`): `在Ubuntu11.10 64位系统` →
 * `在 Ubuntu11.10 64 位系统`. Off by default: Chinese news style writes no
 * such space. Between
 *  - a Han character and a letter or digit, either way round, unless the
 *    letter follows `%`, `$` or `\` (`%s`, `$1`: format strings);
 *  - a Han character and a signed number (`范围-255` → `范围 -255`);
 *  - `10%`, `C++`, `C#`, `2+` and the Han character after them.
 * Never inside a URL, an e-mail address, a filing number, a number, date or
 * time (protect.ts), in a word (between spaces) that AutoCorrect takes for a
 * path (`wiki/网页`, `/wiki/hello网页`) or a path with an anchor
 * (`foo_01.htm#测试copy`), on a credit line (`记者 | 胡禹`), or on a Japanese
 * or Korean line. Line-local. The places where a Han character meets a
 * letter, digit or sign are found in one pass over the text (MEET).
 */
export const cjkLatinSpacing: Rule<LineLocalState> = {
  meta: {
    id: 'cjk-latin-spacing',
    description: 'No space between Chinese characters and Latin letters or digits, as AutoCorrect writes it.',
    family: 'punctuation',
    docs: 'rule-cjk-latin-spacing',
    defaultSeverity: 'info',
    fixable: true,
    safeToClean: true,
    offByDefault: true,
  },
  incremental: lineLocal({ namesLines: false }),
  check({ document }, report) {
    let message: string | undefined;
    let title: string | undefined;
    const { text, lines } = document;
    const { start: from, end: to } = document.span;
    let k = 0; // the line of the current gap, found by a moving cursor
    let s = '';
    let skip: boolean | undefined; // a Japanese, Korean or credit line: decided at its first gap
    let guarded: ((i: number) => boolean) | undefined | null;
    let wordEnd = -1; // the end of the current word (between spaces), and whether it is a path
    let path = false;
    let lineStart = -1;
    // Only where a Han character meets an ASCII letter, digit or sign can a space be needed: those places are found in one pass.
    MEET.lastIndex = from;
    for (let m = MEET.exec(text); m && m.index + 1 < to; m = MEET.exec(text)) {
      MEET.lastIndex = m.index + 1; // places overlap: 中a中
      const at = m.index + 1;
      while (lines[k].end < at) k++;
      if (lines[k].start !== lineStart) {
        lineStart = lines[k].start;
        s = lines[k].text;
        skip = undefined;
        guarded = undefined;
        wordEnd = -1;
      }
      const i = at - lineStart;
      if (!gap(s, i)) continue;
      if ((skip ??= isJapaneseOrKorean(s) || isCreditLine(s))) continue;
      if (i >= wordEnd) {
        const wordStart = s.lastIndexOf(' ', i - 1) + 1;
        wordEnd = s.indexOf(' ', i);
        if (wordEnd < 0) wordEnd = s.length;
        path = isPath(s, wordStart, wordEnd);
      }
      if (path) continue;
      // Inside a protected span (a URL, a filing number): the characters on both sides belong to it.
      if (guarded === undefined) guarded = MAY_PROTECT.test(s) ? protectedCursor(protectedRanges(s)) : null;
      if (guarded && guarded(i - 1) && guarded(i)) continue;
      message ??= t('No space between Chinese and Latin text: add one.');
      title ??= t('Add a space');
      const range = { start: at, end: at };
      report({ message, range, fix: { title, edits: [{ range, text: ' ' }] } });
    }
  },
};

/**
 * A Han character and an ASCII letter, digit or sign after it, or one of
 * those and a Han character (or the first half of an astral one) after it:
 * every place where gap() can hold, and few others.
 */
const MEET = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][A-Za-z0-9+-]|[A-Za-z0-9%+#][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ud840-\ud8bf]/g;
/** Protected spans where a Han character meets a letter or digit: URLs, e-mail addresses, filing numbers. */
const MAY_PROTECT = /:\/\/|www\.|@|ICP|公[网網]安/;

const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Whether a space belongs between s[i - 1] and s[i]. */
function gap(s: string, i: number): boolean {
  const a = s.charCodeAt(i - 1);
  const b = s.charCodeAt(i);
  if (isHanUnit(a)) {
    if (isAlnum(b)) return true;
    return (b === 0x2d || b === 0x2b) && isDigit(s.charCodeAt(i + 1)); // 范围 -255
  }
  if (!isHanUnit(b)) return false;
  if (isAlnum(a)) {
    const before = i >= 2 ? s.charCodeAt(i - 2) : 0;
    return before !== 0x25 && before !== 0x24 && before !== 0x5c; // not %s, $1, \d
  }
  if (a === 0x25) return i >= 2 && isDigit(s.charCodeAt(i - 2)); // 10% 的
  if (a === 0x2b || a === 0x23) {
    // C++ 的, C# 的, 2+ 差别: a run of + and # after a letter or digit
    let j = i - 1;
    while (j > 0 && (s.charCodeAt(j - 1) === 0x2b || s.charCodeAt(j - 1) === 0x23) && i - j < 8) j--;
    return j > 0 && isAlnum(s.charCodeAt(j - 1));
  }
  return false;
}

/** AutoCorrect's PATH_RE: a word that starts with `scheme://` or `name/`, `/name/` (a name of two or more of `A-Za-z0-9-_.`). */
const PATH = /^(?:[a-zA-Z\d]{1,32}:\/\/|\/?[a-zA-Z\d\-_.]{2,64}\/)/;
const isPathChar = (c: number) => isAlnum(c) || c === 0x2d || c === 0x5f || c === 0x2e;

/**
 * Whether s[from, to) is a word AutoCorrect leaves alone: a path or URL
 * (PATH_RE), or a path with an anchor followed by Han (PATH_HASH_RE:
 * `foo-a_01.html#测试test`), looked for `#` by `#` in linear time.
 */
function isPath(s: string, from: number, to: number): boolean {
  if (PATH.test(s.slice(from, Math.min(to, from + 100)))) return true;
  for (let h = s.indexOf('#', from); h >= 0 && h < to; h = s.indexOf('#', h + 1)) {
    if (h === from || !isPathChar(s.charCodeAt(h - 1))) continue;
    for (let j = h + 1; j < to; j++) {
      const c = s.charCodeAt(j);
      if (isHanUnit(c)) return true;
      if (!(isPathChar(c) || /[\p{L}\p{N}]/u.test(s[j]))) break;
    }
  }
  return false;
}
