/**
 * GBK read as Big5 and Big5 read as GBK: every double-byte character is one
 * character of the other, so which characters of a run are damaged is
 * decided for the run as a whole (a Viterbi over clean and damaged).
 */
import { countEastAsian } from './judge';
import type { KindImpl, MojibakeRepair, Target } from './kinds';
import { MAX_BRIDGE, encodable, inRun, scratch } from './run-support';
import { charCost, frequencyCost, frequencyCostTable16, isCjkCode, isCommonWord, isHanCode, naturalness } from './score';
import type { CodePage } from './tables';
import { isPrivateUse } from '../text/chars';
import { isKana } from '../text/japanese-korean-lines';

/**
 * Cost of switching between clean text and damage, and of each damaged
 * character. Damage is whole pieces of text (a line, a sentence, a field):
 * a switch at a pause (after a clause's end, before an opening mark, next to
 * a lost character) costs less than one inside a clause.
 */
const SWITCH_COST = 5;
const PAUSE_SWITCH_COST = 3;
const DAMAGE_COST = 0.1;
/** Bonus for a common two-character word across a step (國會). */
const WORD_BONUS = 1.5;
/** Least gain of a repair in a line known to be misread (lineConsensus): a rare mark for a common one (`¨` for “). */
const RELAXED_MIN_GAIN = 1.5;

/**
 * GBK ↔ Big5: each character of the run is one double-byte code read with
 * the wrong table, so a repair maps character to character, and which
 * characters are damaged is decided for the run as a whole: the cheapest
 * labelling of each character as clean (its own cost) or damaged (the cost
 * of the character its bytes make in the right code page), paying for every
 * switch between the two (Viterbi over two states). Common characters inside
 * the damage (把某 for 參議) go with their neighbours, and clean text beside
 * it stays clean.
 */
export function scanCharToChar(text: string, from: number, to: number, lo: number, hi: number, kind: KindImpl, page: CodePage, depth: number, out: MojibakeRepair[]): void {
  const target = kind.target();
  if (!mayGain(text, from, to, kind, page, target)) return;
  const len = to - from;
  const sc = scratch(depth, len);
  // Per character (code point) k: its offset, its right reading (0: none),
  // and back pointers as bits.
  const at = sc.chain;
  const right = sc.bs;
  const fromDamaged = sc.wild;
  const fromCleanToDamaged = sc.bytes;
  // Damage may start or end at a run's edge without a switch where the text
  // stops (a line's start or end, the window's edge, a run cut short); next
  // to text the wrong code page cannot hold, which is clean for certain, it
  // pays the switch there as inside the run, and a word across the edge
  // counts (`市领` keeps 市 clean after the damage).
  const before = cleanNeighbour(text, from - 1, -1, lo, encodable(page));
  const after = cleanNeighbour(text, to, 1, hi - 1, encodable(page));
  let clean = 0;
  let damaged = before ? Infinity : 0;
  let prevClean = before;
  let prevRight = 0;
  let m = 0;
  const readings = rightReadings(kind);
  for (let u = from; u < to; m++) {
    const c = text.codePointAt(u) ?? 0;
    at[m] = u;
    u += c > 0xffff ? 2 : 1;
    let r = c <= 0xffff ? readings[c] : -1;
    if (r < 0) {
      r = readRight(c, page, target);
      if (c <= 0xffff) readings[c] = r;
    }
    right[m] = r;
    // Best cost ending in each state at k, and where it came from; a
    // common word across the step (國會) earns a bonus.
    const stayClean = clean - word(prevClean, c);
    const switchToClean = damaged + switchCost(prevRight, c) - word(prevRight, c);
    fromDamaged[m] = switchToClean < stayClean ? 1 : 0;
    const nextClean = Math.min(stayClean, switchToClean) + frequencyCost(c);
    let nextDamaged = Infinity;
    if (r !== 0) {
      const stay = damaged - word(prevRight, r);
      const enter = clean + switchCost(prevClean, r) - word(prevClean, r);
      fromCleanToDamaged[m] = enter < stay ? 1 : 0;
      nextDamaged = Math.min(stay, enter) + frequencyCost(r) + DAMAGE_COST;
    }
    clean = nextClean;
    damaged = nextDamaged;
    prevClean = c;
    prevRight = r;
  }
  at[m] = to;
  if (after) {
    clean -= word(prevClean, after);
    damaged += switchCost(prevRight, after) - word(prevRight, after);
  }
  // Walk back, collecting damaged stretches [k, end).
  let inDamage = damaged < clean;
  let end = m;
  for (let k = m - 1; k >= 0; k--) {
    if (inDamage) {
      if (fromCleanToDamaged[k] === 1) {
        addCharToChar(text, at, right, k, end, kind, out);
        inDamage = false;
      }
    } else if (fromDamaged[k] === 1) {
      inDamage = true;
      end = k;
    }
  }
  if (inDamage) addCharToChar(text, at, right, 0, end, kind, out);
}

/**
 * The character at `i`, next to a run's edge, when the text there is one the
 * wrong code page cannot hold (past a few ASCII characters, which read the
 * same both ways), so clean for certain; 0 at a line break, past the
 * window's edge `limit` (inclusive) or before more of the run.
 */
function cleanNeighbour(text: string, i: number, dir: 1 | -1, limit: number, encoded: Uint8Array): number {
  for (let x = i, n = 0; n <= MAX_BRIDGE && (dir > 0 ? x <= limit : x >= limit); x += dir, n++) {
    const c = text.charCodeAt(x);
    if (c < 0x20 || c === 0x7f) return 0;
    if (c < 0x7f) continue;
    return inRun(encoded, c, 0x80) ? 0 : text.charCodeAt(i);
  }
  return 0;
}

/**
 * Whether some stretch of `text[from, to)` could pass addCharToChar, which
 * keeps a damaged stretch only when its gain (the drop in the cost its
 * non-ASCII characters are scored at, once read right) is at least
 * `kind.minGain`. Per character, that drop is at most its frequency cost
 * less that of its right reading, plus the bonus of a common word with the
 * reading before it (the words of the damaged text only add to its cost).
 * A damaged stretch holds no character without a right reading, so the
 * largest sum of these bounds between such characters (Kadane's maximum
 * subarray, one pass) bounds every gain: when it falls short, the Viterbi
 * could find nothing and is not run. Most runs of real text read through
 * the other table only get rarer.
 */
function mayGain(text: string, from: number, to: number, kind: KindImpl, page: CodePage, target: Target): boolean {
  const readings = rightReadings(kind);
  // addCharToChar sums the two costs apart; a margin covers the rounding of summing differences.
  const needed = (kind.relaxed ? RELAXED_MIN_GAIN : kind.minGain) - 1e-6;
  const costs = frequencyCostTable16();
  let drop = 0;
  let prevRight = 0;
  for (let u = from; u < to; ) {
    const c = text.codePointAt(u) ?? 0;
    u += c > 0xffff ? 2 : 1;
    let r = c <= 0xffff ? readings[c] : -1;
    if (r < 0) {
      r = readRight(c, page, target);
      if (c <= 0xffff) readings[c] = r;
    }
    if (r === 0) drop = 0;
    else if (c >= 0x80) {
      const step = drop + (c <= 0xffff ? costs[c] : frequencyCost(c)) - (r <= 0xffff ? costs[r] : frequencyCost(r));
      // Real text read through the other table mostly gets rarer: when even
      // the word bonus cannot lift the sum above 0, no word is looked up.
      drop = step + WORD_BONUS <= 0 ? 0 : Math.max(0, step + word(prevRight, r));
      if (drop >= needed) return true;
    }
    prevRight = r;
  }
  return false;
}

const readingsByKind = new Map<string, Int32Array>();

/** The right reading of each BMP character under `kind` (-1: not yet computed), filled as needed. */
function rightReadings(kind: KindImpl): Int32Array {
  let t = readingsByKind.get(kind.id);
  if (!t) {
    t = new Int32Array(0x10000).fill(-1);
    for (let c = 0; c < 0x80; c++) t[c] = c;
    readingsByKind.set(kind.id, t);
  }
  return t;
}

/** The character the code of `c` in the wrong page makes in the right one, or 0. */
function readRight(c: number, page: CodePage, target: Target): number {
  const v = page.encodeChar(c) ?? 0;
  if (v <= 0xff) return 0;
  const pair = new Uint8Array(2);
  const read = (code: number) => {
    pair[0] = code >> 8;
    pair[1] = code & 0xff;
    return target.seqLen(pair, 0, 2) === 2 ? (target.decode(pair, 0, 2).codePointAt(0) ?? 0) : 0;
  };
  let r = read(v);
  // A character with two codes (Big5-HKSCS): the commoner reading.
  for (const o of page.otherCodes?.(c) ?? []) {
    const alt = read(o);
    if (alt !== 0 && (r === 0 || frequencyCost(alt) < frequencyCost(r))) r = alt;
  }
  return r;
}

const PAUSE_AFTER = 1;
const PAUSE_BEFORE = 2;
let pauses: Uint8Array | undefined;

/** The cost of a switch between adjacent characters a and b (see SWITCH_COST). */
function switchCost(a: number, b: number): number {
  if (!pauses) {
    pauses = new Uint8Array(0x10000);
    for (const c of '。，、；：！？）」』》】”’…,.;:!?) \ufffd') pauses[c.charCodeAt(0)] |= PAUSE_AFTER;
    for (const c of '（「『《【“‘( \ufffd') pauses[c.charCodeAt(0)] |= PAUSE_BEFORE;
  }
  const pause = (a <= 0xffff && pauses[a] & PAUSE_AFTER) || (b <= 0xffff && pauses[b] & PAUSE_BEFORE);
  return pause ? PAUSE_SWITCH_COST : SWITCH_COST;
}

function word(a: number, b: number): number {
  return a > 0 && b > 0 && a <= 0xffff && b <= 0xffff && isCommonWord(a, b) ? WORD_BONUS : 0;
}

/** Per character, the damage must be this rare and its repair this common (frequency costs). */
const CHAR_TO_CHAR_MIN_RARITY = 1.2;
const CHAR_TO_CHAR_MAX_REPAIR = 1.2;
/** With private use in the damage, which is certain, the repair may be rarer text (classical verse). */
const CHAR_TO_CHAR_MAX_REPAIR_PRIVATE = 2.5;

/** Whether two adjacent readings of `right[k, end)` make a common word. */
function commonWordIn(right: Int32Array, k: number, end: number): boolean {
  for (let x = k + 1; x < end; x++) if (word(right[x - 1], right[x]) > 0) return true;
  return false;
}

/** Whether half the Han characters of the reading `right[k, end)` at least are in a common two-character word with a neighbour. */
function wordedReading(right: Int32Array, k: number, end: number): boolean {
  let han = 0;
  let inWords = 0;
  for (let x = k; x < end; x++) {
    if (!isHanCode(right[x]) || right[x] > 0xffff) continue;
    han++;
    if ((x > k && word(right[x - 1], right[x]) > 0) || (x + 1 < end && word(right[x], right[x + 1]) > 0)) inWords++;
  }
  return inWords > 0 && inWords * 2 >= han;
}

/** Letters of `s` in words (two or more letters) wholly Greek or wholly Cyrillic. */
function greekOrCyrillicWords(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0x370 || c > 0x4ff) {
      i++;
      continue;
    }
    let j = i;
    let greek = 0;
    while (j < s.length && s.charCodeAt(j) >= 0x370 && s.charCodeAt(j) <= 0x4ff) if (s.charCodeAt(j++) < 0x400) greek++;
    if (j - i >= 2 && (greek === 0 || greek === j - i)) total += j - i;
    i = j;
  }
  return total;
}

/**
 * Whether the non-ASCII characters of `s` are Han, CJK punctuation,
 * full-width forms or box drawing; `strict` (one character alone, with no
 * other damage beside it): a common Han character or a common mark.
 */
function commonReading(s: string, strict: boolean): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    // Big5's interpunct (‧, between the parts of a title or a name) counts with the common marks.
    const mark = isCjkCode(c) && !isHanCode(c) ? charCost(c) <= 0.5 || c === 0x2027 : c >= 0x2500 && c <= 0x257f;
    if (mark) continue;
    if (!isHanCode(c) || (strict && frequencyCost(c) > 2)) return false;
  }
  return true;
}

/** Judges the damaged characters [k, end) found by scanCharToChar; both readings are scored by character frequency. */
function addCharToChar(text: string, at: Int32Array, right: Int32Array, k: number, end: number, kind: KindImpl, out: MojibakeRepair[]): void {
  let repaired = '';
  let oCost = 0;
  let rCost = 0;
  let n = 0;
  let privateUse = 0;
  let han = 0;
  let hanCost = 0;
  for (let x = k; x < end; x++) {
    const c = text.codePointAt(at[x]) ?? 0;
    repaired += String.fromCodePoint(right[x]);
    if (c < 0x80) continue;
    n++;
    if (isPrivateUse(c)) privateUse++;
    // Scored as the walk scores them: common words (铿锵, 生豬) make rare
    // characters natural.
    const prev = x > k ? (text.codePointAt(at[x - 1]) ?? 0) : 0;
    oCost += frequencyCost(c) - word(prev, c);
    const cost = frequencyCost(right[x]) - (x > k ? word(right[x - 1], right[x]) : 0);
    rCost += cost;
    if (isHanCode(right[x])) {
      han++;
      hanCost += cost;
    }
  }
  // In a line known to be misread (lineConsensus), one character will do
  // (`ゑ` for 比); so will one private-use character (the wrong code page's
  // user-defined rows, which no text means) that reads as a common one.
  if (n < (kind.relaxed || privateUse > 0 ? 1 : 2)) return;
  const start = at[k];
  const stop = at[end];
  const original = text.slice(start, stop);
  // ASCII reads the same both ways: the share is taken of the rest. Big5's
  // commonest characters fall on GBK's Greek and Cyrillic rows too (有 is
  // `Τ`, 我 is `и`): beside private use only words of one of those scripts
  // count as such (`иΤΞ` is none), and a character alone in a line known
  // to be misread (“ is `¨`) is judged by its reading.
  if (privateUse > 0 ? greekOrCyrillicWords(original) * 2 >= n : !(kind.relaxed && n === 1) && countEastAsian(original) * 2 < n) return;
  const r = naturalness(repaired);
  if (r.forbidden > 0) return;
  if (privateUse > 0 || (kind.relaxed && oCost >= n * 2)) {
    // Big5's punctuation and box drawing fall on GBK's user-defined rows
    // and rare symbols (“ is `¨`): such a repair may be marks alone (`、`,
    // `）`, `│`), each of them common; its Han may be rarer (classical verse).
    if (!commonReading(repaired, n === 1 && !kind.relaxed)) return;
    if (hanCost > han * CHAR_TO_CHAR_MAX_REPAIR_PRIVATE) return;
  } else {
    if (r.han === 0 || r.cjk < r.nonAscii * 0.6) return;
    if (oCost < n * CHAR_TO_CHAR_MIN_RARITY || rCost > n * CHAR_TO_CHAR_MAX_REPAIR) return;
    // Kana are Japanese as often as they are Big5 read as GBK, and the costs
    // do not weigh Japanese: outside a line known to be misread, a reading
    // of kana must show Chinese words (`╰参が笆` is 系統互動; `まず` is not
    // 引內, nor `マゼンダ` 穴未件母).
    if (!kind.relaxed && couldBeJapanese(original) && !wordedReading(right, k, end)) return;
  }
  const gain = oCost - rCost;
  if (gain < Math.max(kind.relaxed ? RELAXED_MIN_GAIN : kind.minGain, n * 0.5)) return;
  // Private use alone may be a font's icons (`\ue60c 分享`): reported, not
  // made, unless it reads as more than an icon or two would (three
  // characters, or two making a common word: `的外部：`, `的字`).
  const unsure = privateUse === n && !kind.relaxed && (n === 1 || (n === 2 && !commonWordIn(right, k, end)));
  out.push({ start, end: stop, text: repaired, kind, lost: 0, gain, ...(unsure ? { unsure } : {}) });
}

/**
 * Whether `s` could be Japanese: it holds kana, and nothing else but ASCII,
 * Han, kana and the marks both languages use. Bopomofo, box drawing, Greek,
 * Cyrillic or full-width forms beside kana (`ボㄒ` is 範例) are Big5 read as
 * GBK; Japanese writes none of them.
 */
function couldBeJapanese(s: string): boolean {
  let kana = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3041 && c <= 0x30fa) {
      // A small kana (`ゅ`, `ッ`) follows a kana in Japanese, never a Han character (`厨ゅ` is 協定).
      if (isSmallKana(c) && !(i > 0 && isKana(s.charCodeAt(i - 1)))) return false;
      kana = true;
    } else if (c >= 0x80 && !isHanCode(c) && !(c >= 0x3000 && c <= 0x303f) && c !== 0x30fb && c !== 0x30fc) return false;
  }
  return kana;
}

/** The small kana: ぁぃぅぇぉっゃゅょゎゕゖ and their katakana. */
function isSmallKana(c: number): boolean {
  const h = c >= 0x30a1 ? c - 0x60 : c;
  return h === 0x3041 || h === 0x3043 || h === 0x3045 || h === 0x3047 || h === 0x3049 || h === 0x3063 || h === 0x3083 || h === 0x3085 || h === 0x3087 || h === 0x308e || h === 0x3095 || h === 0x3096;
}
