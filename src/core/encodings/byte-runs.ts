/**
 * Runs repaired byte by byte: the run is encoded with the wrong code page
 * once and the bytes are walked for chains of well-formed characters of
 * the right encoding (UTF-8 read as GBK, Big5, Windows-1252 or -1251; GBK
 * and Big5 read as Windows-1252), with bytes lost on the way.
 */
import { UTF8_CHAIN, betweenAscii, evaluate, layoutBetweenAscii } from './judge';
import { LATIN, bridgesAscii, type InnerScan, type KindImpl, type MojibakeRepair } from './kinds';
import { isBridge, scratch } from './run-support';
import { costTable16, frequencyCost, isCommonWord } from './score';
import { UTF8_TARGET, utf8SeqLen, type CodePage } from './tables';

/** Longest segment tried as one repair. */
const MAX_SEGMENT = 2048;

/** The UTF-8 lead bytes of `bytes[from, to)`, or 0 when it holds ASCII. */
function leadsWithoutAscii(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let x = from; x < to; x++) {
    if (bytes[x] < 0x80) return 0;
    if (bytes[x] >= 0xc0) n++;
  }
  return n;
}

/** A `?` (or U+FFFD) right after a run may be a byte lost when mojibake was saved. */
function savedLost(next: number): boolean {
  return next === 0x3f || next === 0xfffd;
}

/** The byte a U+FFFD stands for is unknown: any continuation byte. */
const WILD = 0x80;

export function scanRun(text: string, from: number, to: number, kind: KindImpl, page: CodePage, depth: number, out: MojibakeRepair[], inner: InnerScan): void {
  const len = to - from;
  // bs[k] = byte offset of char from+k. Buffers are reused per depth.
  const sc = scratch(depth, len);
  const { bs, bytes, chain, pre } = sc;
  let wild: Uint8Array | undefined;
  let b = 0;
  for (let k = 0; k < len; k++) {
    bs[k] = b;
    const ch = text.charCodeAt(from + k);
    if (ch === 0xfffd) {
      if (!wild) {
        wild = sc.wild;
        wild.fill(0, 0, len * 2 + 2);
      }
      wild[b] = 1;
      bytes[b++] = WILD;
      continue;
    }
    const v = ch < 0x80 ? ch : page.encodeChar(ch)!;
    if (v > 0xff) {
      bytes[b++] = v >> 8;
      bytes[b++] = v & 0xff;
    } else bytes[b++] = v;
  }
  bs[len] = b;
  const end = b;
  const next = to < text.length ? text.charCodeAt(to) : -1;
  const target = kind.target();
  // Prefix sums of character costs: a segment too clean to be mojibake is
  // dropped before anything is decoded.
  const costs = costTable16();
  pre[0] = 0;
  for (let k = 0; k < len; k++) pre[k + 1] = pre[k] + costs[text.charCodeAt(from + k)];
  // chain[x]: bytes covered by consecutive well-formed multi-byte characters from x.
  chain[end] = 0;
  const bridges = bridgesAscii(kind);
  for (let x = end - 1; x >= 0; x--) {
    const l = target.seqLen(bytes, x, end);
    chain[x] = l > 0 ? l + chain[x + l] : bridges && x > 0 && isBridge(bytes[x]) && chain[x + 1] > 0 ? 1 + chain[x + 1] : 0;
  }
  const step = (x: number) => target.seqLen(bytes, x, end) || 1;
  let k = 0;
  let tries = 0;
  while (k < len) {
    const s = bs[k];
    if (chain[s] === 0 || bytes[s] < 0x80) {
      k++;
      tries = 0;
      continue;
    }
    // Walk the chain: remember the last sequence boundary that is a char boundary.
    let e = s;
    let c = k;
    let aligned = -1;
    const limit = Math.min(end, s + chain[s], bs[Math.min(len, k + MAX_SEGMENT)]);
    while (e < limit) {
      e += step(e);
      while (bs[c] < e) c++;
      if (bs[c] === e) aligned = c;
    }
    let segEnd = aligned;
    let lost = 0;
    let decodeTo = aligned > k ? bs[aligned] : s;
    if (e === s + chain[s]) {
      // The chain ended; the char holding byte e may have been cut.
      let h = c;
      while (h > k && bs[h] > e) h--;
      if (h < len && bs[h] < e) {
        // An odd final byte paired with a following ASCII letter: take it.
        let ascii = true;
        for (let x = e; x < bs[h + 1]; x++) if (bytes[x] >= 0x80) ascii = false;
        if (ascii) {
          segEnd = h + 1;
          decodeTo = bs[h + 1];
        } else if (savedLost(next) && target.isPrefix(bytes, e, end)) {
          // 问句码 whose cut character shares a code with the one before
          // it (`层€?` for 歲。: B2 E3 80 then the lost 82).
          segEnd = len;
          decodeTo = e;
          lost = 1;
        }
      } else if (h === len - 1 && bs[h] === e && savedLost(next) && target.isPrefix(bytes, e, bs[h + 1])) {
        // 问句码: the run ends with the start of a character whose last
        // byte became '?' when saved: repair the rest, mark that one lost.
        segEnd = len;
        decodeTo = e;
        lost = 1;
      }
    }
    if (kind.cjk && target === UTF8_TARGET && lost === 0) {
      // A clean character right after the damage can be read into it: 一
      // is GBK D2 BB, which is also UTF-8 for Cyrillic һ. A two-byte
      // sequence (U+0080–U+07FF) made of one whole character at the end of
      // the segment is that character, not part of the damage.
      while (segEnd - k > 1 && decodeTo === bs[segEnd] && bs[segEnd - 1] === decodeTo - 2 && bytes[decodeTo - 2] >= 0xc2 && bytes[decodeTo - 2] <= 0xdf) {
        segEnd--;
        decodeTo -= 2;
      }
    }
    const s2 = bs[k];
    if (kind.family === LATIN && kind.target() !== UTF8_TARGET && insideUtf8(bytes, s2, decodeTo, end)) {
      // Valid UTF-8 is UTF-8 read as Windows-1252, not GBK or Big5.
      k = Math.max(k + 1, segEnd);
      tries = 0;
      continue;
    }
    // Dense in rare characters as mojibake is, or half as dense in a chain of UTF-8 read as GBK (see
    // evaluate): the chain's walk over the bytes only where it decides.
    const gain = pre[segEnd] - pre[k];
    const toUtf8 = kind.cjk && target === UTF8_TARGET;
    if (
      segEnd > k &&
      (kind.relaxed ||
        gain >= Math.max(kind.minGain, (segEnd - k) * 0.8) ||
        (toUtf8 && gain >= Math.max(kind.minGain, (segEnd - k) * 0.5) && leadsWithoutAscii(bytes, bs[k], decodeTo) >= UTF8_CHAIN) ||
        (len === 2 && segEnd === 2 && bridges))
    ) {
      let repaired: string;
      let lostAll = lost;
      if (wild) {
        // Decode sequence by sequence: one holding an unknown byte is lost.
        repaired = '';
        for (let x = s2; x < decodeTo; ) {
          const l = bytes[x] < 0x80 ? 1 : Math.max(1, target.seqLen(bytes, x, end));
          let w = false;
          for (let y = x; y < x + l; y++) if (wild[y]) w = true;
          const guess = w && target === UTF8_TARGET ? undefinedByte(bytes, wild, x, l, end, repaired) : undefined;
          if (w && guess === undefined) lostAll++;
          repaired += w ? (guess ?? '\ufffd') : target.decode(bytes, x, x + l);
          x += l;
        }
        if (lost) repaired += '\ufffd';
      } else repaired = target.decode(bytes, s2, decodeTo) + (lost ? '\ufffd' : '');
      const start = from + k;
      const stop = from + segEnd + lost;
      const cand = evaluate(text.slice(start, stop), repaired, kind, depth, lostAll, inner) ?? betweenAscii(text, start, stop, repaired, kind, lostAll) ?? layoutBetweenAscii(text, start, stop, repaired, kind, lostAll);
      if (cand) {
        out.push({ start, end: stop, text: cand.text, kind, inner: cand.inner, lost: lostAll, gain: cand.gain });
        k = segEnd;
        tries = 0;
        continue;
      }
    }
    // Not a repair from here: try a few later starts, then skip the chain.
    if (++tries < 4) k++;
    else {
      k = Math.max(k + 1, aligned);
      tries = 0;
    }
  }
}

/** The five bytes Windows-1252 leaves undefined, which reach text as U+FFFD or C1 controls. */
const CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * A UTF-8 sequence `bytes[x, x + l)` with one byte lost (WILD, a U+FFFD in
 * the text: one of Windows-1252's five undefined bytes): the character when
 * exactly one of the five gives a valid sequence that is natural — a common
 * character forming a common word with the character before or after it
 * (`å�¸` after 公: E5 8F B8, 司; 卸 and 吸 make no word with 公). Undefined
 * when none or several do: the byte stays lost.
 */
function undefinedByte(bytes: Uint8Array, wild: Uint8Array, x: number, l: number, end: number, before: string): string | undefined {
  let at = -1;
  for (let y = x; y < x + l; y++) {
    if (!wild[y]) continue;
    if (at >= 0) return undefined;
    at = y;
  }
  if (at <= x || l < 2) return undefined; // a lead byte is never one of the five
  const prev = before.length > 0 ? before.charCodeAt(before.length - 1) : 0;
  const nextLen = x + l < end && !wild[x + l] ? utf8SeqLen(bytes, x + l, end) : 0;
  const next = nextLen > 0 ? UTF8_TARGET.decode(bytes, x + l, x + l + nextLen).charCodeAt(0) : 0;
  let common = 0;
  const worded: string[] = [];
  for (const b of CP1252_UNDEFINED) {
    bytes[at] = b;
    if (utf8SeqLen(bytes, x, end) === l) {
      const ch = UTF8_TARGET.decode(bytes, x, x + l);
      const cp = ch.codePointAt(0)!;
      if (frequencyCost(cp) <= 1) {
        common++;
        if (cp <= 0xffff && (isCommonWord(prev, cp) || isCommonWord(cp, next))) worded.push(ch);
      }
    }
  }
  bytes[at] = WILD;
  return worded.length === 1 && common <= 3 ? worded[0] : undefined;
}

/**
 * True when bytes[start, stop) are valid UTF-8 once widened to the
 * sequences cut at either end (`¬¬ ä¸` inside `ç¬¬ ä¸‰` is 第 三).
 */
function insideUtf8(bytes: Uint8Array, start: number, stop: number, end: number): boolean {
  const cont = (b: number) => b >= 0x80 && b <= 0xbf;
  let a = start;
  while (a > 0 && start - a < 3 && cont(bytes[a])) a--;
  if (utf8SeqLen(bytes, a, end) === 0) a = start;
  let z = stop;
  while (z < end && z - stop < 3 && cont(bytes[z])) z++;
  return isUtf8Chain(bytes, a, z);
}

function isUtf8Chain(bytes: Uint8Array, start: number, end: number): boolean {
  for (let x = start; x < end; ) {
    const l = bytes[x] < 0x80 ? 1 : utf8SeqLen(bytes, x, end);
    if (l === 0) return false;
    x += l;
  }
  return true;
}
