/**
 * The judge: whether a reading of a run is a repair (far more natural than
 * the run), how much it gains, and whether a repair hides a second layer.
 */
import { CJK, LATIN, charToChar, type InnerScan, type KindImpl, type MojibakeKind } from './kinds';
import { isAsciiAlnum } from './run-support';
import { charCost, frequencyCost, isCjkCode, naturalness, type Naturalness } from './score';
import { UTF8_TARGET } from './tables';
import { isUnifiedHan } from '../text/chars';

export function evaluate(
  original: string,
  repaired: string,
  kind: KindImpl,
  depth: number,
  lost: number,
  scanInner: InnerScan,
): { text: string; gain: number; inner?: MojibakeKind } | undefined {
  const o = naturalness(original);
  if (kind.relaxed) return relaxedJudge(original, o, repaired, kind, lost);
  // Mojibake is dense in rare characters; clean text never is.
  // UTF-8 read as GBK is also marked by its bytes: a chain of four or more
  // whole UTF-8 sequences, each read as Han (`鏇惧瓙鏇帮細` for 曾子曰：,
  // made of characters common enough), which clean Chinese almost never forms.
  if (o.cost < o.length * (utf8Chain(kind, original, repaired) ? 0.5 : 0.8)) return undefined;
  // GBK and Big5 also hold Greek and Cyrillic: text in those scripts is
  // never taken for Chinese mojibake; a GBK/Big5 reading of Latin-1 text
  // must give at least two Han characters (`Ã¥` is not `氓`).
  // Big5 read as GBK is also dense in kana, box drawing and private use
  // (Big5's commonest rows fall on GBK's symbol and user-defined rows).
  if (kind.family === CJK && (charToChar(kind) ? countEastAsian(original) : o.han) * 2 < o.length) return undefined;
  if (kind.family === LATIN && kind.target() !== UTF8_TARGET && countHan(repaired) < 2) return undefined;
  // ftfy keeps `DrÃ¥ber`: a lone `Ã¥` is too weak to call mojibake.
  if (kind.id === 'utf8-as-cp1252' && original.length === 2 && original.charCodeAt(1) === 0xa5) return undefined;
  // A lone two-byte sequence must give a Latin-1 letter (`Ã©` → `é`), not
  // `Ġ` from `Ä` + no-break space.
  if (kind.family === LATIN && original.length === 2 && !(repaired.length === 1 && repaired.charCodeAt(0) >= 0xc0 && repaired.charCodeAt(0) <= 0xff)) return undefined;
  const direct = judge(o, repaired, kind, lost);
  if (direct !== undefined) return { text: repaired, gain: direct };
  if (depth > 0 || repaired.length < 3) return undefined;
  // Only a repair that itself looks like mojibake may hide a second layer.
  // GBK's user-defined rows read as private use (iconv-lite maps them there
  // and back), so the middle layer may hold such characters; nothing else
  // forbidden.
  const r1 = naturalness(repaired);
  if (r1.forbidden > r1.privateUse || r1.cost < r1.length * 0.8) return undefined;
  // Two layers: the repaired text is itself mojibake.
  const inner = scanInner(repaired, depth + 1).filter((r) => !r.unsure);
  // Decoding with a code page and encoding back with the same one gives the
  // same bytes: GBK read as cp1252 "then" UTF-8 read as GBK is one layer,
  // UTF-8 read as cp1252, and is judged as that.
  if (inner.length === 0 || inner.some((r) => r.kind.wrong === kind.right)) return undefined;
  let twice = '';
  let at = 0;
  for (const r of inner) {
    twice += repaired.slice(at, r.start) + r.text;
    at = r.end;
  }
  twice += repaired.slice(at);
  const innerLost = inner.reduce((a, r) => a + r.lost, 0);
  const gain = judge(o, twice, { ...kind, cjk: false, minGain: kind.minGain }, lost + innerLost);
  return gain === undefined ? undefined : { text: twice, gain, inner: inner[0].kind };
}

/**
 * One double-byte character read as two Latin-1 characters between ASCII
 * (`APPºÍWeb` for APP和Web, `iPhone£¬iPad`, `iOS 18¡£` at the end of a
 * line, `|ÊÇ   |` in a table): too short for the judge alone, which wants
 * two Han characters. It is repaired when ASCII or a line end on both sides
 * leaves no room for a Latin word, the line holds Han characters, and the character
 * is one of the commonest Han characters or a common full-width mark.
 */
export function betweenAscii(text: string, start: number, stop: number, repaired: string, kind: KindImpl, lost: number): { text: string; gain: number; inner?: MojibakeKind } | undefined {
  if (kind.family !== LATIN || kind.target() === UTF8_TARGET || lost > 0 || stop - start !== 2 || repaired.length !== 1) return undefined;
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = stop < text.length ? text.charCodeAt(stop) : -1;
  // ASCII, a line end or a table's bar on both sides: `APPºÍWeb`, `|ÊÇ   |`, `fcntl »ò`.
  const edge = (c: number) => c === -1 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0x7f);
  if (!edge(before) || !edge(after)) return undefined;
  const c = repaired.charCodeAt(0);
  // Standing alone between spaces, bars or line ends, two Latin-1 letters or
  // signs are no Latin word (`|Ïñ|`, `fcntl »ò`); glued to ASCII letters or
  // digits, the line must hold Han characters too.
  const alone = !isAsciiAlnum(before) && !isAsciiAlnum(after);
  if (frequencyCost(c) !== 0 || c < 0x3000 || (!alone && !hanNearby(text, start, stop))) return undefined;
  // Two accented capitals (`ÔÚ`, `ÊÇ`) cost less than minGain; what they make is what decides.
  const gain = naturalness(text.slice(start, stop)).cost;
  return gain >= 2 ? { text: repaired, gain } : undefined;
}

/**
 * In a line known to be misread (lineConsensus), a no-break space read as
 * GBK is `聽` (C2 A0), a real character: it is read as the space when it
 * stands alone between ASCII (`表 2.9.聽aptitude`), where a Han character
 * makes no word and the misread line explains it, never beside Han text.
 */
export function layoutBetweenAscii(text: string, start: number, stop: number, repaired: string, kind: KindImpl, lost: number): { text: string; gain: number; inner?: MojibakeKind } | undefined {
  if (!kind.relaxed || lost > 0 || stop - start !== 1 || repaired.length !== 1 || !isLayoutMark(repaired.charCodeAt(0))) return undefined;
  const ascii = (c: number) => c > 0x20 && c < 0x7f;
  if (!isUnifiedHan(text.charCodeAt(start)) || !ascii(text.charCodeAt(start - 1)) || !ascii(text.charCodeAt(stop))) return undefined;
  return { text: repaired, gain: RELAXED_LAYOUT_GAIN };
}

/** What a layout mark read between ASCII gains: enough to be kept, less than any repair of words. */
const RELAXED_LAYOUT_GAIN = 1;

/** Whether the line around `text[start, stop)` holds Han characters (within 200 code units): Chinese text, not Latin. */
function hanNearby(text: string, start: number, stop: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 200; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (isUnifiedHan(c)) return true;
  }
  for (let i = stop; i < text.length && i < stop + 200; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (isUnifiedHan(c)) return true;
  }
  return false;
}

/** Sequences in a chain of UTF-8 read as GBK that marks it as such whatever its characters. */
export const UTF8_CHAIN = 4;

/** UTF-8 read as GBK whose reading is UTF8_CHAIN or more Han or CJK marks, with no ASCII between them. */
function utf8Chain(kind: KindImpl, original: string, repaired: string): boolean {
  if (kind.family !== CJK || kind.target() !== UTF8_TARGET || repaired.length < UTF8_CHAIN) return false;
  for (let i = 0; i < original.length; i++) if (original.charCodeAt(i) < 0x80) return false;
  for (const ch of repaired) if (!isCjkCode(ch.codePointAt(0)!)) return false;
  return true;
}

/** Code units from General Punctuation up (Han, kana, symbols, private use): not Latin, Greek or Cyrillic. */
export function countEastAsian(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x2000) n++;
  return n;
}

function countHan(s: string): number {
  return naturalness(s).han;
}

/**
 * lineConsensus's judge: the reading must be natural text (no forbidden
 * character; Chinese for the kinds that give Chinese) and no less natural
 * per character than the run.
 */
function relaxedJudge(original: string, o: Naturalness, repaired: string, kind: KindImpl, lost: number): { text: string; gain: number } | undefined {
  if (lost > 0) return undefined;
  const r = naturalness(repaired);
  if (r.forbidden > 0 || r.nonAscii === 0 || r.privateUse > 0) return undefined;
  // Layout marks (no-break spaces, box drawing, arrows) are read with the words around them.
  const { count: layout, cost: layoutCost } = layoutMarks(repaired);
  // Only layout (a no-break space read as `Â `, box drawing as `â”‚`): never
  // in place of a Han character, which may be the real one (`聽` is listen).
  if (layout === r.length) return o.nonAscii > 0 && o.han === 0 ? { text: repaired, gain: Math.max(0, o.cost - r.cost) } : undefined;
  if (kind.cjk && r.cjk < (r.nonAscii - layout) * 0.6) return undefined;
  const avg = (r.cost - layoutCost) / (r.length - layout);
  if (avg > (kind.cjk || r.han > 0 ? 0.9 : 1.6) || o.cost / o.length < avg) return undefined;
  return { text: repaired, gain: o.cost - r.cost };
}

/** How many layout marks `s` holds, and their cost. */
function layoutMarks(s: string): { count: number; cost: number } {
  let count = 0;
  let cost = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLayoutMark(c)) {
      count++;
      cost += charCost(c);
    }
  }
  return { count, cost };
}

/** No-break space, box drawing and arrows: marks of layout, not words. */
function isLayoutMark(c: number): boolean {
  return c === 0xa0 || (c >= 0x2500 && c <= 0x257f) || (c >= 0x2190 && c <= 0x21ff);
}

/** The drop in cost when `original` is replaced by `repaired`, or undefined to refuse. */
function judge(o: Naturalness, repaired: string, kind: KindImpl, lost: number): number | undefined {
  const r = naturalness(repaired);
  if (r.forbidden > 0 || r.nonAscii === 0) return undefined;
  if (kind.cjk && (r.han === 0 || r.cjk + lost < r.nonAscii * 0.6)) return undefined;
  const placeholder = lost * 6;
  const realLen = r.length - lost;
  if (realLen <= 0) return undefined;
  const layout = layoutMarks(repaired);
  const avg = layout.count < realLen ? (r.cost - placeholder - layout.cost) / (realLen - layout.count) : (r.cost - placeholder) / realLen;
  if (avg > (kind.cjk || r.han > 0 ? 0.9 : 1.6)) return undefined;
  const gain = o.cost - (r.cost - placeholder) - lost * 2;
  if (gain < kind.minGain) return undefined;
  // The repair must also read better per character, not just be shorter.
  if (o.cost / o.length <= avg + 0.5) return undefined;
  return gain;
}
