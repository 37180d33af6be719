/**
 * The normalised stream used to compare text regardless of line breaks,
 * white space and punctuation width: only CJK characters, kana, hangul,
 * letters and digits survive (ASCII and full-width letters folded to lower
 * case ASCII), and flattened pinyin ruby after a Han character (`簡(jiǎn)`)
 * is skipped. Each kept character remembers the UTF-16 offset where it
 * starts in the original text, so a match in the stream maps back exactly.
 *
 * One pass, constant work per code unit (the ruby look-ahead is bounded).
 */
import { isHanCodePoint } from './chars';

export interface NormalizedStream {
  /** Code points of the kept characters. */
  readonly codes: Int32Array;
  /** `starts[i]`: original offset of kept character i. */
  readonly starts: Int32Array;
  readonly length: number;
}

/** Whether a code point is a letter or digit we compare on (-1 when not, else the folded code). */
export function foldChar(cp: number): number {
  if (cp >= 0x61 && cp <= 0x7a) return cp; // a-z
  if (cp >= 0x30 && cp <= 0x39) return cp; // 0-9
  if (cp >= 0x41 && cp <= 0x5a) return cp + 32; // A-Z
  if (cp < 0x80) return -1;
  if (cp >= 0xff10 && cp <= 0xff19) return cp - 0xff10 + 0x30; // full-width digits
  if (cp >= 0xff21 && cp <= 0xff3a) return cp - 0xff21 + 0x61; // full-width A-Z
  if (cp >= 0xff41 && cp <= 0xff5a) return cp - 0xff41 + 0x61; // full-width a-z
  if (isHanCodePoint(cp)) return cp;
  if (cp >= 0x3040 && cp <= 0x30ff) return cp; // kana
  if (cp >= 0xac00 && cp <= 0xd7af) return cp; // hangul
  if (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) return cp; // Latin-1 / Extended letters
  if (cp >= 0x391 && cp <= 0x3c9) return cp; // Greek
  if (cp >= 0x410 && cp <= 0x44f) return cp; // Cyrillic
  return -1;
}

/** Pinyin letters: a-z, ü and the tone-marked vowels. */
function isPinyinUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0xfc || (c >= 0xe0 && c <= 0xfa) || (c >= 0x100 && c <= 0x1dc) || c === 0x1e3f || c === 0x144 || c === 0x148 || c === 0x1f9;
}

/**
 * Length of a flattened ruby annotation `(jiǎn)` / `（jiǎn）` starting at `i`
 * (0 when there is none): 1–8 pinyin letters in parentheses.
 */
export function rubyLength(text: string, i: number): number {
  const open = text.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return 0;
  let j = i + 1;
  const limit = Math.min(text.length, i + 10);
  while (j < limit && isPinyinUnit(text.charCodeAt(j))) j++;
  if (j === i + 1 || j >= text.length) return 0;
  const close = text.charCodeAt(j);
  return close === 0x29 || close === 0xff09 ? j + 1 - i : 0;
}

/** The normalised stream of `text[from, to)`. */
export function normalize(text: string, from = 0, to = text.length): NormalizedStream {
  const cap = Math.max(0, to - from);
  let codes = new Int32Array(cap);
  let starts = new Int32Array(cap);
  let n = 0;
  let prevHan = false;
  for (let i = from; i < to; ) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        width = 2;
      }
    }
    if (prevHan && (cp === 0x28 || cp === 0xff08)) {
      const r = rubyLength(text, i);
      if (r > 0 && i + r <= to) {
        i += r;
        continue; // the Han character before it stays "previous"
      }
    }
    // Most characters of a transcript are common Han characters: no folding.
    const common = cp >= 0x4e00 && cp <= 0x9fff;
    const f = common ? cp : foldChar(cp);
    if (f >= 0) {
      codes[n] = f;
      starts[n] = i;
      n++;
    }
    prevHan = common || (f >= 0 && isHanCodePoint(f));
    i += width;
  }
  // Views, not copies: most characters are kept, and a copy would double the peak.
  if (n < cap) {
    codes = codes.subarray(0, n);
    starts = starts.subarray(0, n);
  }
  return { codes, starts, length: n };
}

/** Original offset just past kept character `i`. */
export function streamEnd(stream: NormalizedStream, i: number): number {
  return stream.starts[i] + (stream.codes[i] > 0xffff ? 2 : 1);
}
