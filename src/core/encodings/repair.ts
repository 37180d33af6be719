/**
 * Mojibake repair: find runs of text that some wrong code page produced,
 * re-encode them with that code page and decode the bytes correctly, and keep
 * the result only when it is far more natural than the run (see score.ts).
 *
 * The scan is linear: for each kind of damage the text is cut into maximal
 * runs of characters the wrong code page can encode, each run is encoded
 * once, and the bytes are walked once for chains of well-formed characters of
 * the right encoding. Round trips are never tried at every offset.
 */
import { BUILT_SUSPICIOUS_TABLE } from './built-tables';
import { unpackTable } from './packed';
import { charCost, costTable16, frequencyCost, isCommonWord, naturalness, type Naturalness } from './score';
import { UTF8_TARGET, big5, cp1251, cp1252Char, gbk, latin, utf8SeqLen, type CodePage } from './tables';
import { commonEnds } from '../engine/minimal-edits';

interface Target {
  readonly name: string;
  seqLen(bytes: Uint8Array, i: number, end: number): number;
  isPrefix(bytes: Uint8Array, i: number, end: number): boolean;
  decode(bytes: Uint8Array, start: number, end: number): string;
}

export interface MojibakeKind {
  readonly id: string;
  /** The code page the text was wrongly decoded with. */
  readonly wrong: string;
  /** The encoding the bytes really were in. */
  readonly right: string;
  /** VS Code's id for the right encoding (Reopen with Encoding). */
  readonly vscodeEncodingId: string;
}

interface KindImpl extends MojibakeKind {
  readonly wrongPage: () => CodePage;
  readonly target: () => Target;
  /** The repair must be Chinese (Han and CJK punctuation). */
  readonly cjk: boolean;
  /** Minimum drop in cost. */
  readonly minGain: number;
  /** Which suspicious characters the wrong code page makes. */
  readonly family: number;
  /**
   * Read again in a line that already holds a confident repair of this kind
   * (see lineConsensus): short runs are judged on their reading alone.
   */
  readonly relaxed?: true;
}

const KINDS: readonly KindImpl[] = [
  { id: 'utf8-as-gbk', wrong: 'GBK', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: gbk, target: () => UTF8_TARGET, cjk: true, minGain: 3, family: 2 },
  { id: 'utf8-as-big5', wrong: 'Big5', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: big5, target: () => UTF8_TARGET, cjk: true, minGain: 3, family: 2 },
  { id: 'utf8-as-cp1252', wrong: 'Windows-1252', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: latin, target: () => UTF8_TARGET, cjk: false, minGain: 1, family: 1 },
  { id: 'gbk-as-cp1252', wrong: 'Windows-1252', right: 'GBK', vscodeEncodingId: 'gbk', wrongPage: latin, target: gbk, cjk: true, minGain: 3, family: 1 },
  { id: 'big5-as-cp1252', wrong: 'Windows-1252', right: 'Big5', vscodeEncodingId: 'big5hkscs', wrongPage: latin, target: big5, cjk: true, minGain: 3, family: 1 },
  { id: 'big5-as-gbk', wrong: 'GBK', right: 'Big5', vscodeEncodingId: 'big5hkscs', wrongPage: gbk, target: big5, cjk: true, minGain: 4, family: 2 },
  { id: 'gbk-as-big5', wrong: 'Big5', right: 'GBK', vscodeEncodingId: 'gbk', wrongPage: big5, target: gbk, cjk: true, minGain: 4, family: 2 },
  { id: 'utf8-as-cp1251', wrong: 'Windows-1251', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: cp1251, target: () => UTF8_TARGET, cjk: false, minGain: 3, family: 1 },
];

const C1_KIND: MojibakeKind = { id: 'cp1252-as-latin1', wrong: 'ISO-8859-1', right: 'Windows-1252', vscodeEncodingId: 'windows1252' };

export interface MojibakeRepair {
  /** UTF-16 range in the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The outermost layer of damage. */
  readonly kind: MojibakeKind;
  /** Two layers: the inner kind. */
  readonly inner?: MojibakeKind;
  /** Characters whose bytes were lost (shown as U+FFFD in `text`). */
  readonly lost: number;
  /** Drop in cost, for ranking overlapping candidates. */
  readonly gain: number;
  /** Still mojibake with what lies beside it after several repairs: reported, not made (see settle). */
  readonly unsettled?: true;
}

/** Longest run (code units) handed to one walk; longer runs are cut. */
const MAX_RUN = 4096;
/** Longest segment tried as one repair. */
const MAX_SEGMENT = 2048;

/**
 * Finds every mojibake run in `text` with its exact repair. Never throws;
 * linear in the text. `settled`: mark the repairs that are not the last
 * word (see settle); inner layers and settle's own scan do without.
 */
export function findMojibake(text: string, depth = 0, settled = depth === 0): MojibakeRepair[] {
  return repairsIn(text, suspiciousWindows(text), 0, text.length, depth, settled);
}

/**
 * findMojibake's repairs in `text[start, end)`, which starts at a line start
 * (or 0) and ends at a line end (or the end), given the windows of the
 * whole text or of a stretch around it (mojibakeRegion): incremental
 * analysis reads again only the lines around an edit. A run of damage never
 * holds a line break, so the lines are read as the whole text reads them,
 * each window clipped to them.
 */
export function repairsIn(text: string, found: SuspiciousWindows, start: number, end: number, depth = 0, settled = depth === 0): MojibakeRepair[] {
  const candidates: MojibakeRepair[] = [];
  for (const { from, to, families } of found.windows) {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a >= b) continue;
    for (const kind of KINDS) if (families & kind.family) scanKind(text, a, b, kind, depth, candidates);
  }
  const chosen = lineConsensus(text, chooseNonOverlapping(candidates), start, end, depth);
  const c1 = found.c1.filter((i) => i >= start && i < end);
  if (c1.length > 0) addC1Controls(text, c1, chosen);
  chosen.sort((a, b) => a.start - b.start);
  return settled ? settle(text, chosen, start, end) : chosen;
}

/** A repair this sure (drop in cost) says its whole line was misread the same way. */
const CONSENSUS_GAIN = 3;

/**
 * A line misread with one code page is misread throughout: ASCII words,
 * spaces and box drawing cut it into runs, and a short run (`楂樼骇` for 高级,
 * `è¡¨Â` for 表 and a no-break space, `»ò` for 或) is too weak alone for the
 * judge. In a line that holds a confident repair of a kind, every run is
 * read again with that kind, relaxed (a valid reading that is natural text
 * and no less natural than the run); the new repairs fill the gaps between
 * those already chosen. Each line is read again at most once per kind, so
 * the scan stays linear.
 */
function lineConsensus(text: string, chosen: MojibakeRepair[], start: number, end: number, depth: number): MojibakeRepair[] {
  if (depth > 0 || chosen.length === 0) return chosen;
  const taken = chosen.slice().sort((a, b) => a.start - b.start);
  const extra: MojibakeRepair[] = [];
  // Repairs in order: each line is found once (its bounds from the first repair in it).
  let lineEnd = -1;
  let scanned = new Set<string>();
  for (const r of taken) {
    if (r.gain < CONSENSUS_GAIN || r.lost > 0 || r.inner) continue;
    if (r.start >= lineEnd) {
      const nl = text.indexOf('\n', r.end);
      lineEnd = Math.min(end, nl < 0 ? text.length : nl);
      scanned = new Set();
    }
    if (scanned.has(r.kind.id)) continue;
    scanned.add(r.kind.id);
    const kind = KINDS.find((k) => k.id === r.kind.id);
    if (!kind) continue;
    const lineStart = Math.max(start, text.lastIndexOf('\n', r.start - 1) + 1);
    scanKind(text, lineStart, lineEnd, { ...kind, relaxed: true }, depth, extra);
  }
  if (extra.length === 0) return chosen;
  // One sweep in order: a relaxed repair fills a gap between the chosen
  // ones, or replaces those of its own kind that it holds and reaches
  // beyond (`鍊兼贩鍚堬紝` for 值混合， where only `鍚堬紝` was sure).
  extra.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MojibakeRepair[] = [];
  let i = 0;
  for (const c of extra) {
    while (i < taken.length && taken[i].end <= c.start) out.push(taken[i++]);
    if (out.length > 0 && out[out.length - 1].end > c.start) continue;
    let j = i;
    while (j < taken.length && taken[j].start < c.end) j++;
    const kind = KINDS.find((k) => k.id === c.kind.id) ?? c.kind;
    if (j === i) {
      out.push({ ...c, kind });
      continue;
    }
    let held = true;
    let gain = c.gain;
    for (let k = i; k < j && held; k++) {
      const r = taken[k];
      held = r.kind.id === c.kind.id && r.start >= c.start && r.end <= c.end && r.lost === 0;
      gain += r.gain;
    }
    if (held && (taken[i].start > c.start || taken[j - 1].end < c.end)) {
      out.push({ ...c, kind, gain });
      i = j;
    }
  }
  while (i < taken.length) out.push(taken[i++]);
  return out;
}

/**
 * Makes each repair the last word. In the text with every repair made, the
 * stretch around each repair is scanned again; a new repair that overlaps
 * or touches one means the first gave text that is mojibake again with what
 * lies beside it (another layer, a neighbour read another way). The stretch
 * is then repaired again, up to ROUNDS times, and its repairs become one,
 * from the damaged text to the text where no repair is left, so that a
 * second pass never repairs the first one's result. A stretch that is still
 * changing after ROUNDS is a guess: its repairs are marked unsettled,
 * reported and not made.
 */
export function settle(text: string, repairs: MojibakeRepair[], start: number, end: number): MojibakeRepair[] {
  if (repairs.length === 0) return repairs;
  const at: number[] = []; // where each repair's text lies in `repaired`, text[start, end) with the repairs made
  let repaired = '';
  let last = start;
  for (const r of repairs) {
    repaired += text.slice(last, r.start);
    at.push(repaired.length);
    repaired += r.text;
    last = r.end;
  }
  repaired += text.slice(last, end);
  const out: MojibakeRepair[] = [];
  let shift = 0; // repaired offset minus text offset after the repairs handled so far
  const flags = suspiciousTable();
  for (let k = 0; k < repairs.length; ) {
    // No suspicious character within a window of the repaired text or the characters
    // beside it: no scanned window, so no new repair, can reach it.
    const lo = Math.max(0, at[k] - WINDOW - 1);
    const hi = Math.min(repaired.length, at[k] + repairs[k].text.length + WINDOW + 1);
    let quiet = true;
    for (let i = lo; i < hi && quiet; i++) quiet = flags[repaired.charCodeAt(i)] === 0;
    if (quiet) {
      shift += repairs[k].text.length - (repairs[k].end - repairs[k].start);
      out.push(repairs[k++]);
      continue;
    }
    const region = mojibakeRegion(repaired, at[k], at[k] + repairs[k].text.length);
    let m = k;
    while (m < repairs.length && at[m] < region.end) m++;
    const group = repairs.slice(k, m);
    const regionShift = shift;
    for (const r of group) shift += r.text.length - (r.end - r.start);
    k = m;
    let stretch = repaired.slice(region.start, region.end);
    let again = scanRegion(stretch);
    const touches = again.some((a) => group.some((r, j) => a.start + region.start <= at[k - group.length + j] + r.text.length && a.end + region.start >= at[k - group.length + j]));
    if (!touches) {
      for (const r of group) out.push(r);
      continue;
    }
    for (let round = 0; round < ROUNDS && again.length > 0; round++) {
      stretch = applyRepairs(stretch, again);
      again = findMojibake(stretch, 0, false);
    }
    // The stretch's edges lie outside every repair: map them back to `text`.
    const from = start + region.start - regionShift;
    const to = start + region.end - shift;
    const combined = again.length === 0 && from >= (out.length > 0 ? out[out.length - 1].end : start) ? joinRepairs(text, from, to, stretch, group) : undefined;
    if (combined) out.push(combined);
    else for (const r of group) out.push({ ...r, unsettled: true });
  }
  return out;
}

/**
 * A stretch of `text` around `[from, to)` that settle reads apart from the
 * rest, given the repairs the scan found (`scan`, in order): it starts and
 * ends with 2·WINDOW + 2 characters that are not suspicious and lie in no
 * repair (or at an end of the text), which stay as they are in the
 * repaired text. No region, window or group of settle reaches across such
 * a gap, so settle on the stretch gives what settle on the whole text gives
 * there (incremental analysis settles only the stretch around an edit).
 */
export function settleStretch(text: string, scan: readonly MojibakeRepair[], from: number, to: number): { start: number; end: number } {
  const flags = suspiciousTable();
  const gap = 2 * WINDOW + 2;
  let start = 0;
  let j = scan.length - 1; // the last repair that starts at or before i
  for (let i = from - 1, clean = 0; i >= 0; i--) {
    while (j >= 0 && scan[j].start > i) j--;
    clean = (j < 0 || scan[j].end <= i) && flags[text.charCodeAt(i)] === 0 ? clean + 1 : 0;
    if (clean === gap) {
      start = i;
      break;
    }
  }
  let end = text.length;
  let k = 0; // the first repair that ends after i
  for (let i = to, clean = 0; i < text.length; i++) {
    while (k < scan.length && scan[k].end <= i) k++;
    clean = (k >= scan.length || scan[k].start > i) && flags[text.charCodeAt(i)] === 0 ? clean + 1 : 0;
    if (clean === gap) {
      end = i + 1;
      break;
    }
  }
  return { start, end };
}

/**
 * findMojibake of a region settle reads again, remembered by its text: after
 * an edit, settle reads the regions around it again, most of them as they
 * were (incremental analysis). A pure function of the text; at most about a
 * million characters of regions are kept.
 */
function scanRegion(region: string): MojibakeRepair[] {
  let found = regionScans.get(region);
  if (!found) {
    found = findMojibake(region, 0, false);
    if (regionChars + region.length > 1 << 20) {
      regionScans.clear();
      regionChars = 0;
    }
    regionScans.set(region, found);
    regionChars += region.length;
  }
  return found;
}

const regionScans = new Map<string, MojibakeRepair[]>();
let regionChars = 0;

/** Repaired again at most this many times (layers, or neighbours read another way, one by one). */
const ROUNDS = 8;

function applyRepairs(text: string, repairs: readonly MojibakeRepair[]): string {
  let out = '';
  let last = 0;
  for (const r of repairs) {
    out += text.slice(last, r.start) + r.text;
    last = r.end;
  }
  return out + text.slice(last);
}

/** One repair from `text[from, to)` to `result`, trimmed to where they differ (on code point boundaries). */
function joinRepairs(text: string, from: number, to: number, result: string, group: readonly MojibakeRepair[]): MojibakeRepair | undefined {
  const before = text.slice(from, to);
  const { prefix: p, suffix: q } = commonEnds(before, result);
  if (p + q >= before.length) return undefined;
  const repairedText = result.slice(p, result.length - q);
  const lostBefore = count(before.slice(p, before.length - q), 0xfffd);
  return {
    start: from + p,
    end: to - q,
    text: repairedText,
    kind: group[0].kind,
    ...(group[0].inner ? { inner: group[0].inner } : {}),
    lost: Math.max(0, count(repairedText, 0xfffd) - lostBefore),
    gain: group.reduce((sum, r) => sum + r.gain, 0),
  };
}

function count(s: string, code: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}

/** Characters around a suspicious one that are scanned with it. */
const WINDOW = 32;
const LATIN = 1;
const CJK = 2;

/** Where findMojibake looks: windows around suspicious characters, and the C1 controls. */
export interface SuspiciousWindows {
  /** In order, apart; `families`: which kinds of damage make their suspicious characters. */
  readonly windows: readonly { readonly from: number; readonly to: number; readonly families: number }[];
  readonly c1: readonly number[];
}

/**
 * Mojibake is dense in characters real text rarely uses (rare Han, kana or
 * Greek amid Chinese, Latin-1 symbols, private use, U+FFFD). Only windows
 * around them are scanned, and only for the kinds of damage whose wrong code
 * page makes such characters, so clean text costs one look-up per char.
 * `text[from, to)`: the whole text, or a stretch from mojibakeRegion, whose
 * windows are the whole text's there.
 */
export function suspiciousWindows(text: string, from = 0, to = text.length): SuspiciousWindows {
  const flags = suspiciousTable();
  const windows: { from: number; to: number; families: number }[] = [];
  const c1: number[] = [];
  let curFrom = -1;
  let curTo = -1;
  let fam = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const f = flags[c];
    if (f === 0) continue;
    if (c >= 0x80 && c <= 0x9f) c1.push(i);
    const wFrom = Math.max(from, i - WINDOW);
    const wTo = Math.min(to, i + WINDOW + 1);
    if (curTo >= wFrom) {
      curTo = wTo;
      fam |= f;
    } else {
      if (curTo > 0) windows.push({ from: curFrom, to: curTo, families: fam });
      curFrom = wFrom;
      curTo = wTo;
      fam = f;
    }
  }
  if (curTo > 0) windows.push({ from: curFrom, to: curTo, families: fam });
  return { windows, c1 };
}

/**
 * The stretch of `text` around `[from, to)` whose windows (suspiciousWindows)
 * are the whole text's there: each edge lies in the middle of a run of
 * 2·WINDOW + 2 characters none of which is suspicious, so no window reaches
 * across it or merges over it.
 */
export function mojibakeRegion(text: string, from: number, to: number): { start: number; end: number } {
  const flags = suspiciousTable();
  const gap = 2 * WINDOW + 2;
  let start = 0;
  for (let i = from - 1, clean = 0; i >= 0; i--) {
    clean = flags[text.charCodeAt(i)] === 0 ? clean + 1 : 0;
    if (clean === gap) {
      start = i + WINDOW + 1;
      break;
    }
  }
  let end = text.length;
  for (let i = to, clean = 0; i < text.length; i++) {
    clean = flags[text.charCodeAt(i)] === 0 ? clean + 1 : 0;
    if (clean === gap) {
      end = i - WINDOW;
      break;
    }
  }
  return { start, end };
}

/**
 * Where an edit changed findMojibake's windows: `[from, oldTo)` of `before`
 * became `[from, newTo)` of `after`, the rest is equal. The stretch of
 * `after` returned holds the edit and every window that is not one of
 * `before`'s moved with the text (same extent, same kinds of damage); a
 * window that is no more counts where it was. Outside it, every character
 * lies in the same window as before, so its line reads as it did (a run of
 * damage never holds a line break).
 */
export function changedWindows(before: string, after: string, from: number, oldTo: number, newTo: number): { start: number; end: number } {
  const delta = newTo - oldTo;
  const oldRegion = mojibakeRegion(before, from, oldTo);
  const region = mojibakeRegion(after, from, newTo);
  const was = suspiciousWindows(before, oldRegion.start, oldRegion.end).windows;
  const now = suspiciousWindows(after, region.start, region.end).windows;
  // Old offsets where they are now; inside the edit, its start.
  const map = (p: number) => (p < from ? p : p >= oldTo ? p + delta : from);
  const outside = (p: number) => p < from || p >= oldTo;
  let start = from;
  let end = newTo;
  const widen = (a: number, b: number) => {
    start = Math.min(start, a);
    end = Math.max(end, b);
  };
  for (let i = 0, j = 0; i < was.length || j < now.length; ) {
    const a = was[i];
    const b = now[j];
    if (a && b && outside(a.from) && outside(a.to) && map(a.from) === b.from && map(a.to) === b.to && a.families === b.families) {
      i++;
      j++;
    } else if (a && (!b || map(a.from) <= b.from)) {
      widen(map(a.from), map(a.to));
      i++;
    } else {
      widen(b.from, b.to);
      j++;
    }
  }
  return { start, end };
}

let suspicious: Uint8Array | undefined;

export function suspiciousTable(): Uint8Array {
  if (!suspicious && BUILT_SUSPICIOUS_TABLE !== undefined) suspicious = unpackTable(BUILT_SUSPICIOUS_TABLE, 2, 65536);
  if (!suspicious) {
    const f = new Uint8Array(65536);
    for (let c = 0x80; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // astral pairs: not mojibake output
      if (charCost(c) < 1.5 && !(c >= 0x80 && c <= 0xff) && c !== 0xfffd) continue;
      const cjk = c >= 0x2e80 || (c >= 0x0391 && c <= 0x0451) || c === 0xfffd;
      f[c] = (cjk ? CJK : 0) | (c < 0x2e80 ? LATIN : 0);
    }
    suspicious = f;
  }
  return suspicious;
}

/** Applies findMojibake's repairs to a whole string (those it makes: not the unsettled ones). */
export function repairText(text: string, depth = 0): string {
  const reps = findMojibake(text, depth).filter((r) => !r.unsettled);
  return reps.length === 0 ? text : applyRepairs(text, reps);
}

function chooseNonOverlapping(cands: MojibakeRepair[]): MojibakeRepair[] {
  if (cands.length <= 1) return cands.slice();
  const byGain = cands.slice().sort((a, b) => b.gain - a.gain || a.start - b.start);
  const taken: MojibakeRepair[] = [];
  // Candidates are few (one per mojibake run and kind); an interval check by
  // sorted insertion keeps this n log n.
  const starts: number[] = [];
  for (const c of byGain) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 ? taken[lo - 1] : undefined;
    const after = lo < taken.length ? taken[lo] : undefined;
    if (before && before.end > c.start) continue;
    if (after && after.start < c.end) continue;
    taken.splice(lo, 0, c);
    starts.splice(lo, 0, c.start);
  }
  return taken;
}

function addC1Controls(text: string, positions: readonly number[], chosen: MojibakeRepair[]): void {
  // Windows-1252 bytes read as Latin-1 leave C1 controls (`\x93` for “).
  const covered = chosen.slice().sort((a, b) => a.start - b.start);
  let k = 0;
  for (const i of positions) {
    const c = text.charCodeAt(i);
    while (k < covered.length && covered[k].end <= i) k++;
    if (k < covered.length && covered[k].start <= i) continue;
    const r = cp1252Char(c);
    if (!r || r === c) continue;
    chosen.push({ start: i, end: i + 1, text: String.fromCharCode(r), kind: C1_KIND, lost: 0, gain: 10 });
  }
}

function scanKind(text: string, from: number, to: number, kind: KindImpl, depth: number, out: MojibakeRepair[]): void {
  const page = kind.wrongPage();
  const encoded = encodable(page);
  const byChar = charToChar(kind);
  const minCode = 0x80;
  const asciiTrails = bridgesAscii(kind);
  const n = to;
  /** Index after a run of at most MAX_BRIDGE bridge characters from j that more of the run follows, or j. */
  const bridgeEnd = (j: number): number => {
    let b = j;
    while (b < n && b - j < MAX_BRIDGE && isBridge(text.charCodeAt(b))) b++;
    return b > j && b < n && inRun(encoded, text.charCodeAt(b), minCode) ? b : j;
  };
  let i = from;
  while (i < n) {
    // Skip to the next character the wrong code page encodes as high bytes.
    while (i < n && !inRun(encoded, text.charCodeAt(i), minCode)) i++;
    if (i >= n) break;
    let j = i;
    const gluedLeft = i > 0 && isLatinLetter(text.charCodeAt(i - 1));
    while (j < n && j - i < MAX_RUN) {
      const c = text.charCodeAt(j);
      if (inRun(encoded, c, minCode)) {
        j++;
        continue;
      }
      // Big5-HKSCS reads some codes as characters outside the BMP.
      if (c >= 0xd800 && c <= 0xdbff && byChar && page.encodeChar(text.codePointAt(j) ?? 0) !== undefined) {
        j += 2;
        continue;
      }
      if (byChar) {
        // ASCII is one byte in GBK and Big5 alike: it stays inside the run
        // (`165億元`, `第 三 款`) and means the same in both readings.
        let b = j;
        while (b < n && b - j < MAX_BRIDGE && c >= 0x20 && text.charCodeAt(b) >= 0x20 && text.charCodeAt(b) < 0x7f) b++;
        if (b === j || b >= n || !inRun(encoded, text.charCodeAt(b), minCode)) break;
        j = b;
        continue;
      }
      if (!asciiTrails) break;
      // GBK and Big5 trail bytes reach down into ASCII (0x40–0x7E): read as
      // Latin-1, `Ö\\ºÏ` is 謀合. One such character after a lead byte stays
      // in the run when more of the run follows, never at its end before
      // Latin or nothing, nor before a bridge in a run glued to a Latin word
      // (`MÄ£ÄM ÌÑÌ` is Latin).
      if (c >= 0x40 && c <= 0x7e && j > i && (page.encodeChar(text.charCodeAt(j - 1)) ?? 0) >= 0x81) {
        if (j + 1 < n && inRun(encoded, text.charCodeAt(j + 1), minCode)) {
          j++;
          continue;
        }
        if (!gluedLeft && bridgeEnd(j + 1) > j + 1) {
          j = bridgeEnd(j + 1);
          continue;
        }
        // Right before CJK text (`°l本` is 發本) it ends the run; in a line
        // known to be misread (lineConsensus), also before a line end, a
        // space or ASCII punctuation (`Ö¸Áî´a` is 指令碼, `Ñu(` is 製().
        if (j + 1 < n && text.charCodeAt(j + 1) >= 0x2e80) j++;
        else if (kind.relaxed && (j + 1 >= n || !isAsciiAlnum(text.charCodeAt(j + 1)))) j++;
        break;
      }
      // Spaces, digits and ASCII punctuation are single bytes in GBK and
      // Big5 too: `µÚ Èý ¿î` is 第 三 款, `Ôª1787Äê` is 元1787年. A run glued
      // to a Latin word (`SÖÄ£ ÑÝÄ`) is not bridged over spaces.
      if (c === 0x20 && gluedLeft) break;
      const b = bridgeEnd(j);
      if (b === j) break;
      j = b;
    }
    if (byChar) scanCharToChar(text, i, j, from, to, kind, page, depth, out);
    else if (mayRepair(text, i, j, kind)) scanRun(text, i, j, kind, page, depth, out);
    i = j;
  }
}

/**
 * Whether scanRun could repair anything in `text[from, to)`: it tries only
 * segments whose characters cost at least `kind.minGain` in all (costs are
 * never negative), so a run that costs less in all is passed over. Most
 * runs of clean Chinese cost nothing.
 */
function mayRepair(text: string, from: number, to: number, kind: KindImpl): boolean {
  // Relaxed (lineConsensus), or one double-byte character between ASCII (betweenAscii).
  if (kind.relaxed || (to - from === 2 && bridgesAscii(kind))) return true;
  const costs = costTable16();
  let sum = 0;
  for (let i = from; i < to; i++) sum += costs[text.charCodeAt(i)];
  return sum >= kind.minGain;
}

/** Longest stretch of bridge characters inside one run. */
const MAX_BRIDGE = 8;

/** Kinds whose right code page keeps ASCII as single bytes between double-byte characters read as Latin. */
function bridgesAscii(kind: KindImpl): boolean {
  return kind.family === LATIN && kind.target() !== UTF8_TARGET;
}

function isAsciiAlnum(c: number): boolean {
  return isLatinLetter(c) || (c >= 0x30 && c <= 0x39);
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** ASCII below the lowest GBK/Big5 trail byte: never part of a double-byte character. */
function isBridge(c: number): boolean {
  return c >= 0x20 && c < 0x40;
}

/** GBK read as Big5 and Big5 read as GBK: every double-byte character is one character of the other. */
function charToChar(kind: KindImpl): boolean {
  return kind.family === CJK && kind.target() !== UTF8_TARGET;
}

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
function scanCharToChar(text: string, from: number, to: number, lo: number, hi: number, kind: KindImpl, page: CodePage, depth: number, out: MojibakeRepair[]): void {
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
  const needed = (kind.relaxed ? 2 : kind.minGain) - 1e-6;
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
      drop = Math.max(0, drop + frequencyCost(c) - frequencyCost(r) + word(prevRight, r));
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

/** Judges the damaged characters [k, end) found by scanCharToChar; both readings are scored by character frequency. */
function addCharToChar(text: string, at: Int32Array, right: Int32Array, k: number, end: number, kind: KindImpl, out: MojibakeRepair[]): void {
  let repaired = '';
  let oCost = 0;
  let rCost = 0;
  let n = 0;
  for (let x = k; x < end; x++) {
    const c = text.codePointAt(at[x]) ?? 0;
    repaired += String.fromCodePoint(right[x]);
    if (c < 0x80) continue;
    n++;
    // Scored as the walk scores them: common words (铿锵, 生豬) make rare
    // characters natural.
    const prev = x > k ? (text.codePointAt(at[x - 1]) ?? 0) : 0;
    oCost += frequencyCost(c) - word(prev, c);
    rCost += frequencyCost(right[x]) - (x > k ? word(right[x - 1], right[x]) : 0);
  }
  // In a line known to be misread (lineConsensus), one character will do (`ゑ` for 比).
  if (n < (kind.relaxed ? 1 : 2)) return;
  const start = at[k];
  const stop = at[end];
  const original = text.slice(start, stop);
  if (countEastAsian(original) * 2 < original.length) return;
  const r = naturalness(repaired);
  if (r.forbidden > 0 || r.han === 0 || r.cjk < r.nonAscii * 0.6) return;
  if (oCost < n * CHAR_TO_CHAR_MIN_RARITY || rCost > n * CHAR_TO_CHAR_MAX_REPAIR) return;
  const gain = oCost - rCost;
  if (gain < Math.max(kind.relaxed ? 2 : kind.minGain, n * 0.5)) return;
  out.push({ start, end: stop, text: repaired, kind, lost: 0, gain });
}

interface Scratch {
  bs: Int32Array;
  bytes: Uint8Array;
  wild: Uint8Array;
  chain: Int32Array;
  pre: Float64Array;
}

const scratchByDepth: Scratch[] = [];

function scratch(depth: number, len: number): Scratch {
  let s = scratchByDepth[depth];
  if (!s || s.bs.length < len + 1) {
    const cap = Math.max(len + 1, 256);
    s = {
      bs: new Int32Array(cap),
      bytes: new Uint8Array(cap * 2 + 2),
      wild: new Uint8Array(cap * 2 + 2),
      chain: new Int32Array(cap * 2 + 2),
      pre: new Float64Array(cap),
    };
    scratchByDepth[depth] = s;
  }
  return s;
}

/** A `?` (or U+FFFD) right after a run may be a byte lost when mojibake was saved. */
function savedLost(next: number): boolean {
  return next === 0x3f || next === 0xfffd;
}

/** U+FFFD inside a run stands for one byte the wrong decoder could not map. `encoded`: see encodable. */
function inRun(encoded: Uint8Array, c: number, minCode: number): boolean {
  return c >= minCode && (c === 0xfffd || encoded[c] === 1);
}

const encodableByPage = new Map<string, Uint8Array>();

/**
 * 1 for each code unit `page` encodes (`encodeChar` is not undefined), 0
 * otherwise: runs are found by a table look-up per character rather than a
 * call through the page (a different function for every page).
 */
function encodable(page: CodePage): Uint8Array {
  let t = encodableByPage.get(page.name);
  if (!t) {
    t = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) t[c] = page.encodeChar(c) !== undefined ? 1 : 0;
    encodableByPage.set(page.name, t);
  }
  return t;
}

/** The byte a U+FFFD stands for is unknown: any continuation byte. */
const WILD = 0x80;

function scanRun(text: string, from: number, to: number, kind: KindImpl, page: CodePage, depth: number, out: MojibakeRepair[]): void {
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
    if (segEnd > k && (kind.relaxed || pre[segEnd] - pre[k] >= Math.max(kind.minGain, (segEnd - k) * 0.8) || (len === 2 && segEnd === 2 && bridges))) {
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
      const cand = evaluate(text.slice(start, stop), repaired, kind, depth, lostAll) ?? betweenAscii(text, start, stop, repaired, kind, lostAll);
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

function evaluate(
  original: string,
  repaired: string,
  kind: KindImpl,
  depth: number,
  lost: number,
): { text: string; gain: number; inner?: MojibakeKind } | undefined {
  const o = naturalness(original);
  if (kind.relaxed) return relaxedJudge(original, o, repaired, kind, lost);
  // Mojibake is dense in rare characters; clean text never is.
  if (o.cost < o.length * 0.8) return undefined;
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
  const inner = findMojibake(repaired, depth + 1);
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
function betweenAscii(text: string, start: number, stop: number, repaired: string, kind: KindImpl, lost: number): { text: string; gain: number; inner?: MojibakeKind } | undefined {
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

/** Whether the line around `text[start, stop)` holds Han characters (within 200 code units): Chinese text, not Latin. */
function hanNearby(text: string, start: number, stop: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 200; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  for (let i = stop; i < text.length && i < stop + 200; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return false;
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

/** Code units from General Punctuation up (Han, kana, symbols, private use): not Latin, Greek or Cyrillic. */
function countEastAsian(s: string): number {
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
  if (layout === r.length) return o.nonAscii > 0 && o.han === 0 && layoutMarks(original).count === 0 ? { text: repaired, gain: Math.max(0, o.cost - r.cost) } : undefined;
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

export const MOJIBAKE_KINDS: readonly MojibakeKind[] = [...KINDS, C1_KIND];
