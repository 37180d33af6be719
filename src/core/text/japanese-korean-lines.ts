/**
 * Which lines and clauses of a text are Japanese or Korean, line by line
 * (what a document as a whole is: japanese-korean.ts).
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
 *   katakana word with the long-vowel mark `ー` is Japanese (`デフォルト`), and
 *   so is a katakana word before its particle (`ヘッダの`) or beside a
 *   Japanese clause (`(ゲスト),会場のスタッフ`).
 * - A whole line's span takes the `\n` before it and its own line break, so
 *   that no fix joins it to another line.
 *
 * A line's spans depend on it and the `\n` before it alone.
 */
import { KANA_PAIRS, KANA_SURPRISAL } from './kana-model';
import { isPrivateUse } from './chars';
import type { Span } from './spans';

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
  let katakanaParticle = false;
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
      if (katakanaRun === 0 && PARTICLES.has(c) && i >= start + 3 && isKatakanaWord(text, i - 3, i)) katakanaParticle = true;
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
  // A katakana word and its particle (`ヘッダの`, `ファイルを`).
  if (katakanaParticle && !gluedSymbol(text, start, end)) return { letters, foreign: true };
  // A katakana word beside known hiragana pairs (`驚くほど多くのプログラム`).
  if (longestKatakana >= 3 && known >= 2) return { letters, foreign: true };
  const mean = bits / kana;
  const foreign = (mean <= MAX_SURPRISAL && known >= PAIR_SHARE * adjacent) || (adjacent >= 2 && known >= SURE_PAIR_SHARE * adjacent && mean <= MAX_SURPRISAL_PAIRED);
  return { letters, foreign };
}

/** Whether `text[start, end)` is katakana (the long-vowel mark included, the middle dot not). */
function isKatakanaWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30a1 || c > 0x30fc || c === 0x30fb) return false;
  }
  return true;
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
 * `out`; a whole line's span takes the line breaks around it too (the `\n`
 * before it, and its own up to `lineBreakEnd`), so that no fix joins it to
 * another line. Returns the letters of the line that are foreign.
 */
function lineSpans(text: string, start: number, end: number, lineBreakEnd: number, out: Span[]): number {
  if (!mayHold(text, start, end)) return 0;
  const found: Span[] = [];
  let letters = 0;
  let foreignLetters = 0;
  // The clause before, when it is a katakana word that was not found foreign on its own.
  let katakana: { span: Span; letters: number } | undefined;
  let previousForeign = false;
  for (let i = start; i <= end; ) {
    let j = i;
    while (j < end && !isBoundary(text.charCodeAt(j))) j++;
    if (j > i) {
      const v = judgeClause(text, i, j);
      letters += v.letters;
      // A gloss in brackets right after Japanese or Korean text is part of it: 대한민국(大韓民國).
      const last = found.length > 0 ? found[found.length - 1] : undefined;
      const gloss = last !== undefined && last.end === i - 1 && isOpenParen(text.charCodeAt(i - 1)) && j < end && isCloseParen(text.charCodeAt(j));
      // A katakana word beside a Japanese clause is Japanese too: `(ゲスト),会場のスタッフ`.
      const word = j - i >= 2 && isKatakanaWord(text, i, j);
      if (v.foreign || gloss || (word && previousForeign)) {
        if (katakana) {
          foreignLetters += katakana.letters;
          found.push(katakana.span);
        }
        foreignLetters += v.letters;
        found.push({ start: i, end: j });
        previousForeign = true;
        katakana = undefined;
      } else {
        previousForeign = false;
        katakana = word ? { span: { start: i, end: j }, letters: v.letters } : undefined;
      }
    }
    i = j + 1;
  }
  if (found.length === 0) return 0;
  if (foreignLetters >= LINE_SHARE * letters) {
    out.push(wholeLine(text, start, lineBreakEnd));
    return letters;
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
  return foreignLetters;
}

/** The span of a whole line: from the `\n` before it to `lineBreakEnd` (its own line break included). */
function wholeLine(text: string, start: number, lineBreakEnd: number): Span {
  return { start: start > 0 && text.charCodeAt(start - 1) === 0x0a ? start - 1 : start, end: lineBreakEnd };
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** Kana, hangul and jamo: what a line must hold to have a span (mayHold's characters, as one search). */
const KANA_OR_HANGUL = /[\u1100-\u11ff\u3041-\u30ff\u3131-\u318e\uac00-\ud7a3]/g;

/** The spans of the lines of a stretch of text, and how many of its letters they hold. */
export interface LineSpans {
  readonly spans: Span[];
  /** Every line that holds kana or hangul, taken as a whole line's span is. */
  readonly kanaLines: Span[];
  readonly foreignLetters: number;
}

/**
 * The Japanese and Korean spans of the lines of `text[from, to)` (`from` a
 * line start), line by line. Only the lines that hold kana or hangul are
 * read: one regular-expression search jumps from one to the next, so a
 * Chinese document costs one quick pass.
 */
export function scanLines(text: string, from: number, to: number): LineSpans {
  const spans: Span[] = [];
  const kanaLines: Span[] = [];
  let foreignLetters = 0;
  const search = KANA_OR_HANGUL;
  search.lastIndex = from;
  // The search stops at `to` (offsets unchanged): a line's look-up must not read the rest of the text.
  const within = to < text.length ? text.slice(0, to) : text;
  for (let m = search.exec(within); m !== null && m.index < to; m = search.exec(within)) {
    const start = Math.max(from, text.lastIndexOf('\n', m.index) + 1);
    let end = text.indexOf('\n', m.index);
    if (end < 0 || end > to) end = to;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    foreignLetters += lineSpans(text, start, lineEnd, Math.min(end + 1, to), spans);
    kanaLines.push(wholeLine(text, start, Math.min(end + 1, to)));
    if (end >= to) break;
    search.lastIndex = end + 1;
  }
  search.lastIndex = 0;
  return { spans, kanaLines, foreignLetters };
}

/**
 * The Japanese and Korean spans of the lines of `text[from, to)` (`from` a
 * line start), sorted, decided line by line (see `documentSpans` for a
 * whole document). A whole line's span also takes the line break before it
 * (its `\n`), so that no fix joins the line to the one before: two such
 * spans of consecutive lines share that one character.
 */
export function japaneseKoreanSpans(text: string, from = 0, to = text.length): Span[] {
  return scanLines(text, from, to).spans;
}

/** Han, kana and hangul in `text[from, to)`: the letters a document's verdict weighs. */
export function countLetters(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x1100 && (isHan(c) || isKana(c) || isHangul(c))) n++;
  }
  return n;
}
