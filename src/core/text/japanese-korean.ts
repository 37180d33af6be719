/**
 * Japanese and Korean text inside a Chinese article: what it is, decided in
 * this one place. No rule may rewrite it, and the script rules do not count
 * it as Chinese.
 *
 * - A clause is the text between two clause or sentence marks (line breaks,
 *   `，。！？；：、` and their ASCII forms) or brackets (`《》「」『』（）()【】“”`).
 * - A clause is Korean when it holds a hangul syllable or jamo (GBK, Big5
 *   and the Latin code pages have none, so mojibake never makes hangul).
 * - A clause is Japanese when its kana read as Japanese: mojibake between
 *   Big5 and GBK is full of kana too, so kana alone prove nothing. The
 *   clause's kana must be common in Japanese (mean surprisal in the kana
 *   model from real Japanese prose at most 7.5 bits) with adjacent hiragana
 *   in pairs Japanese uses (half of them), or two or more adjacent pairs must
 *   be nearly all such pairs (80 %, mean surprisal up to 10.5 bits: Big5 ↔
 *   GBK mojibake hits about 5 %); kana must make a fifth of its letters
 *   (Han and kana), and it must hold no private-use character, C1 control or
 *   U+FFFD (which real text never has and mojibake often does). A lone kana
 *   counts only when it is a particle (`の` `は` `を` …) among a few Han at most.
 * - A bracketed gloss right after such a clause belongs to it (`대한민국(大韓民國)`).
 * - A line is Japanese or Korean as a whole (its Han between the clauses,
 *   `東京都知事`, `大韓民國` included) when such clauses hold at least half of
 *   its letters; otherwise only those clauses are (`《吾輩は猫である》` in a
 *   Chinese sentence), each with the marks right before and after it; a
 *   katakana word with the long-vowel mark `ー` is Japanese (`デフォルト`).
 *
 * Everything is decided line by line, so any stretch of whole lines gives
 * the same spans as the whole document.
 */
import type { Fix, Report } from '../finding';
import { KANA_PAIRS, KANA_SURPRISAL } from './kana-model';
import { isPrivateUse } from './chars';

/** A stretch `[start, end)` of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const MAX_SURPRISAL = 7.5;
const UNSEEN_SURPRISAL = 16;
const PAIR_SHARE = 0.5;
const SURE_PAIR_SHARE = 0.8;
const MAX_SURPRISAL_PAIRED = 10.5;
const KANA_SHARE = 0.2;
const LINE_SHARE = 0.5;
const PARTICLES = new Set([...'のはをにがでとも'].map((c) => c.charCodeAt(0)));

let surprisal: Float32Array | undefined;
let pairs: Set<number> | undefined;

function model(): { surprisal: Float32Array; pairs: Set<number> } {
  if (!surprisal || !pairs) {
    surprisal = new Float32Array(0x30ff - 0x3041 + 1).fill(UNSEEN_SURPRISAL);
    for (const [c, bits] of KANA_SURPRISAL) surprisal[c - 0x3041] = bits;
    pairs = new Set();
    for (let i = 0; i + 1 < KANA_PAIRS.length; i += 2) pairs.add((KANA_PAIRS.charCodeAt(i) << 16) | KANA_PAIRS.charCodeAt(i + 1));
  }
  return { surprisal, pairs };
}

/** Hiragana and katakana (the middle dot `・`, which Chinese uses too, excepted). */
export function isKana(c: number): boolean {
  return c >= 0x3041 && c <= 0x30ff && c !== 0x30fb;
}

/** Hangul syllables, jamo and compatibility jamo. */
export function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3131 && c <= 0x318e);
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdbff);
}

function isBoundary(c: number): boolean {
  switch (c) {
    case 0x0a: case 0x0d: case 0x2c: case 0x2e: case 0x21: case 0x3f: case 0x3b: case 0x3a: case 0x28: case 0x29:
    case 0xff0c: case 0x3002: case 0xff01: case 0xff1f: case 0xff1b: case 0xff1a: case 0x3001: case 0xff08: case 0xff09:
    case 0x300a: case 0x300b: case 0x300c: case 0x300d: case 0x300e: case 0x300f: case 0x3010: case 0x3011:
    case 0x201c: case 0x201d: case 0x3008: case 0x3009:
      return true;
    default:
      return false;
  }
}

function isOpenParen(c: number): boolean {
  return c === 0x28 || c === 0xff08;
}

function isCloseParen(c: number): boolean {
  return c === 0x29 || c === 0xff09;
}

function isAlien(c: number): boolean {
  return (c >= 0x80 && c < 0xa0) || isPrivateUse(c) || c === 0xfffd;
}

/** Letters (Han and kana/hangul) of `text[start, end)`, and whether it is Japanese or Korean. */
function judgeClause(text: string, start: number, end: number): { letters: number; foreign: boolean } {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let bits = 0;
  let lastKana = -2;
  let particle = 0;
  let adjacent = 0;
  let known = 0;
  let katakanaRun = 0;
  let longestKatakana = 0;
  let prolonged = false;
  const m = model();
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isAlien(c)) return { letters: end - start, foreign: false };
    if (c >= 0x30a1 && c <= 0x30fc && c !== 0x30fb) {
      katakanaRun++;
      if (katakanaRun > longestKatakana) longestKatakana = katakanaRun;
      if (c === 0x30fc && katakanaRun >= 2) prolonged = true;
    } else katakanaRun = 0;
    if (isHangul(c)) hangul++;
    else if (isKana(c)) {
      kana++;
      bits += m.surprisal[c - 0x3041];
      particle = c;
      // Katakana words are loanwords and names, an open set: only pairs of hiragana tell.
      if (lastKana === i - 1 && c < 0x30a0 && text.charCodeAt(i - 1) < 0x30a0) {
        adjacent++;
        if (m.pairs.has((text.charCodeAt(i - 1) << 16) | c)) known++;
      }
      lastKana = i;
    } else if (isHan(c)) han++;
  }
  const letters = han + kana + hangul;
  if (hangul > 0) return { letters, foreign: true };
  if (kana === 0) return { letters, foreign: false };
  if (kana === 1) return { letters, foreign: PARTICLES.has(particle) && han <= 6 && !gluedSymbol(text, start, end) };
  if (kana < KANA_SHARE * (kana + han)) return { letters, foreign: false };
  // A katakana word with the long-vowel mark (`デフォルト`, `グレー`): loanwords, never mojibake's.
  if (prolonged && longestKatakana >= 3) return { letters, foreign: true };
  // A katakana word beside known hiragana pairs (`驚くほど多くのプログラム`).
  if (longestKatakana >= 3 && known >= 2) return { letters, foreign: true };
  const mean = bits / kana;
  const foreign = (mean <= MAX_SURPRISAL && known >= PAIR_SHARE * adjacent) || (adjacent >= 2 && known >= SURE_PAIR_SHARE * adjacent && mean <= MAX_SURPRISAL_PAIRED);
  return { letters, foreign };
}

/**
 * Whether `text[start, end)` holds a letter of GBK's symbol rows glued to a
 * Han character or kana: box drawing, bopomofo, Greek or Cyrillic. Big5
 * read as GBK is dense in them (Big5's commonest characters fall on those
 * rows, as on the kana: `╰参が笆` is 系統互動); Japanese writes none of them
 * inside its words.
 */
function gluedSymbol(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isSymbolRow(text.charCodeAt(i))) continue;
    const before = i > start ? text.charCodeAt(i - 1) : 0;
    const after = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    if (isHan(before) || isKana(before) || isHan(after) || isKana(after)) return true;
  }
  return false;
}

function isSymbolRow(c: number): boolean {
  return (c >= 0x2500 && c <= 0x257f) || (c >= 0x3105 && c <= 0x312f) || (c >= 0x0391 && c <= 0x03c9) || (c >= 0x0401 && c <= 0x0451);
}

/** Whether `text[start, end)` may hold kana or hangul at all (a cheap test first). */
function mayHold(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3131 && c <= 0x318e)) return true;
  }
  return false;
}

/**
 * The Japanese and Korean spans of one line `text[start, end)`, appended to
 * `out`; a whole line's span takes its line break too (`lineBreakEnd`), so
 * that no fix joins it to another line.
 */
function lineSpans(text: string, start: number, end: number, lineBreakEnd: number, out: Span[]): void {
  if (!mayHold(text, start, end)) return;
  const found: Span[] = [];
  let letters = 0;
  let foreignLetters = 0;
  for (let i = start; i <= end; ) {
    let j = i;
    while (j < end && !isBoundary(text.charCodeAt(j))) j++;
    if (j > i) {
      const v = judgeClause(text, i, j);
      letters += v.letters;
      // A gloss in brackets right after Japanese or Korean text is part of it: 대한민국(大韓民國).
      const last = found.length > 0 ? found[found.length - 1] : undefined;
      const gloss = last !== undefined && last.end === i - 1 && isOpenParen(text.charCodeAt(i - 1)) && j < end && isCloseParen(text.charCodeAt(j));
      if (v.foreign || gloss) {
        foreignLetters += v.letters;
        found.push({ start: i, end: j });
      }
    }
    i = j + 1;
  }
  if (found.length === 0) return;
  if (foreignLetters >= LINE_SHARE * letters) {
    out.push({ start, end: lineBreakEnd });
    return;
  }
  // A clause's own marks around it (`《` `》`, `(` `)`, `、`) belong to it.
  let last: Span | undefined;
  for (const s of found) {
    const from = s.start > start && !isLineBreak(text.charCodeAt(s.start - 1)) ? s.start - 1 : s.start;
    const to = s.end < end ? s.end + 1 : s.end;
    if (last && from <= last.end) {
      last = { start: last.start, end: to };
      out[out.length - 1] = last;
    } else {
      last = { start: from, end: to };
      out.push(last);
    }
  }
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** Kana, hangul and jamo: what a line must hold to have a span (mayHold's characters, as one search). */
const KANA_OR_HANGUL = /[\u1100-\u11ff\u3041-\u30ff\u3131-\u318e\uac00-\ud7a3]/g;

/**
 * The Japanese and Korean spans of the lines of `text[from, to)` (`from` a
 * line start), sorted and disjoint. Only the lines that hold kana or hangul
 * are read: one regular-expression search jumps from one to the next, so a
 * Chinese document costs one quick pass.
 */
export function japaneseKoreanSpans(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const search = KANA_OR_HANGUL;
  search.lastIndex = from;
  // The search stops at `to` (offsets unchanged): a line's look-up must not read the rest of the text.
  const within = to < text.length ? text.slice(0, to) : text;
  for (let m = search.exec(within); m !== null && m.index < to; m = search.exec(within)) {
    const start = Math.max(from, text.lastIndexOf('\n', m.index) + 1);
    let end = text.indexOf('\n', m.index);
    if (end < 0 || end > to) end = to;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    lineSpans(text, start, lineEnd, Math.min(end + 1, to), out);
    if (end >= to) break;
    search.lastIndex = end + 1;
  }
  search.lastIndex = 0;
  return out;
}

const cache = new WeakMap<object, { text: string; spans: Span[] }>();

/** The last spans found or carried: a view of a document (NewsDocument.view) has its text, and its spans. */
let last: { text: string; spans: Span[] } | undefined;

/** japaneseKoreanSpans of a document's text, computed once per document object (and text). */
export function japaneseKoreanSpansOf(document: { readonly text: string }): readonly Span[] {
  const hit = cache.get(document);
  if (hit && hit.text === document.text) return hit.spans;
  if (last?.text !== document.text) last = { text: document.text, spans: japaneseKoreanSpans(document.text) };
  cache.set(document, last);
  return last.spans;
}

/**
 * Gives `document` the spans of `old` carried over an edit that replaced
 * `old.text[from, oldTo)` by `document.text[from, newTo)`, when `old`'s are
 * known: the spans of the lines before the edit stay, those of the lines
 * after it move, and only the lines the edit touched are looked at again.
 * Equal to japaneseKoreanSpans(document.text): a line's spans depend on the
 * line alone (the lines are those `\n` ends, as there).
 */
export function carryJapaneseKoreanSpans(old: { readonly text: string }, document: { readonly text: string }, from: number, oldTo: number, newTo: number): void {
  const hit = cache.get(old);
  if (!hit || hit.text !== old.text || cache.has(document)) return;
  const text = document.text;
  const delta = text.length - old.text.length;
  if (newTo - oldTo !== delta) return;
  // The lines the edit touched: from the start of the line holding `from` to the end (line break included) of the one holding `newTo`.
  const start = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0;
  const nl = text.indexOf('\n', newTo);
  const end = nl < 0 ? text.length : nl + 1;
  const spans: Span[] = [];
  const before = hit.spans;
  let k = 0;
  while (k < before.length && before[k].end <= start) spans.push(before[k++]);
  for (const s of japaneseKoreanSpans(text, start, end)) spans.push(s);
  k = firstEndingAfter(before, end - delta);
  for (; k < before.length; k++) if (before[k].start >= end - delta) spans.push({ start: before[k].start + delta, end: before[k].end + delta });
  last = { text, spans };
  cache.set(document, last);
}

/** Index of the first of `spans` (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `[start, end)` overlaps one of `spans` (sorted, disjoint). */
export function overlapsSpan(spans: readonly Span[], start: number, end: number): boolean {
  const lo = firstEndingAfter(spans, start);
  if (lo >= spans.length) return false;
  const s = spans[lo];
  return end > start ? s.start < end : s.start <= start && start < s.end;
}

/** Whether `[start, end)` lies inside the spans wholly (a non-empty range). */
export function insideSpans(spans: readonly Span[], start: number, end: number): boolean {
  const lo = firstEndingAfter(spans, start);
  return lo < spans.length && spans[lo].start <= start && end <= spans[lo].end;
}

/**
 * What of a rule's report may stand beside Japanese and Korean text
 * (`spans`, non-empty): nothing when it lies inside that text (or, for a
 * rule that restores characters, touches it with every edit: mojibake is
 * never read into Japanese), the finding without its fix when the fix would
 * change that text, the report as it is otherwise (its fix the very object
 * the rule made).
 */
export function keepOffJapaneseKorean(spans: readonly Span[], report: Report, restoresText: boolean): Report | undefined {
  const { start, end } = report.range;
  if (insideSpans(spans, start, end)) return undefined;
  if (restoresText && overlapsSpan(spans, start, end) && !report.fix?.edits.some((e) => !overlapsSpan(spans, e.range.start, e.range.end))) return undefined;
  if (!report.fix || !fixTouchesSpans(spans, report.fix)) return report;
  return { message: report.message, range: report.range, ...(report.related && { related: report.related }), ...(report.severity && { severity: report.severity }) };
}

/** Whether one of `fix`'s edits touches `spans` (sorted, disjoint): such a fix is not offered. */
export function fixTouchesSpans(spans: readonly Span[], fix: Fix): boolean {
  return fix.edits.some((e) => overlapsSpan(spans, e.range.start, e.range.end));
}

/**
 * The pieces of `[start, end)` outside `spans` (sorted, disjoint), each given
 * to `count`; the sum of what it returns.
 */
export function sumOutsideSpans(spans: readonly Span[], start: number, end: number, count: (from: number, to: number) => number): number {
  let total = 0;
  let at = start;
  for (const s of spans) {
    if (s.end <= at) continue;
    if (s.start >= end) break;
    if (s.start > at) total += count(at, s.start);
    at = Math.max(at, s.end);
  }
  if (at < end) total += count(at, end);
  return total;
}

/** `count` summed over the pieces of the lines `text[from, to)` outside Japanese and Korean text. */
export function sumOutsideJapaneseKorean(text: string, from: number, to: number, count: (from: number, to: number) => number): number {
  const spans = japaneseKoreanSpans(text, from, to);
  return spans.length === 0 ? count(from, to) : sumOutsideSpans(spans, from, to, count);
}
