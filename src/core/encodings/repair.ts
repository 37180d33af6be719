/**
 * Mojibake repair: find runs of text that some wrong code page produced,
 * re-encode them with that code page and decode the bytes correctly, and keep
 * the result only when it is far more natural than the run (see score.ts).
 *
 * The scan is linear: for each kind of damage the text is cut into maximal
 * runs of characters the wrong code page can encode, each run is encoded
 * once, and the bytes are walked once for chains of well-formed characters of
 * the right encoding. Round trips are never tried at every offset.
 *
 * This module chooses among the candidates, reads misread lines again and
 * settles the repairs; kinds.ts names the damage, windows.ts finds where to
 * look, runs.ts cuts the runs, byte-runs.ts and char-to-char.ts read them,
 * judge.ts decides.
 */
import { C1_KIND, KINDS, charToChar, relaxedKind, type MojibakeKind, type MojibakeRepair } from './kinds';
import { scanKind } from './runs';
import { frequencyCost } from './score';
import { cp1252Char } from './tables';
import { WINDOW, mojibakeRegion, suspiciousTable, suspiciousWindows, type SuspiciousWindows } from './windows';
import { commonEnds } from '../engine/minimal-edits';

export { MOJIBAKE_KINDS, type MojibakeKind, type MojibakeRepair } from './kinds';
export { changedWindows, mojibakeRegion, settleStretch, suspiciousTable, suspiciousWindows, type SuspiciousWindows } from './windows';

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
    for (const kind of KINDS) if (families & kind.family) scanKind(text, a, b, kind, depth, candidates, findMojibake);
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
    if (r.gain < CONSENSUS_GAIN || r.lost > 0 || r.inner || r.unsure) continue;
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
    scanKind(text, lineStart, lineEnd, relaxedKind(kind), depth, extra, findMojibake);
  }
  return extra.length === 0 ? chosen : mergeRelaxed(text, taken, extra);
}

/**
 * `taken` (in order) with the relaxed repairs `extra` of a misread line or
 * document, in one sweep in order: a relaxed repair fills a gap between the
 * chosen ones, or replaces those of its own kind that it holds and reaches
 * beyond (`鍊兼贩鍚堬紝` for 值混合， where only `鍚堬紝` was sure).
 */
function mergeRelaxed(text: string, taken: readonly MojibakeRepair[], extra: MojibakeRepair[]): MojibakeRepair[] {
  extra.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MojibakeRepair[] = [];
  let i = 0;
  for (const c of extra) {
    while (i < taken.length && taken[i].end <= c.start) out.push(taken[i++]);
    if (out.length > 0 && out[out.length - 1].end > c.start) continue;
    let j = i;
    while (j < taken.length && taken[j].start < c.end) j++;
    const impl = KINDS.find((k) => k.id === c.kind.id);
    const kind = impl ?? c.kind;
    if (j === i) {
      out.push({ ...c, kind });
      continue;
    }
    // Big5 ↔ GBK reads the line as one run (across its ASCII), with no
    // edge taken for free inside it: where it ends the damage sooner, the
    // character left is as natural as it stands (`，或 --no-wildcards 以…`:
    // 或 and its reading 麼 are both common) and stays.
    const trims = impl !== undefined && charToChar(impl) && taken[i].start >= c.start && taken[j - 1].end > c.end && leftAsNatural(text, taken[j - 1], c.end);
    let held = true;
    let unsure = false;
    let gain = c.gain;
    for (let k = i; k < j && held; k++) {
      const r = taken[k];
      held = r.kind.id === c.kind.id && ((r.start >= c.start && r.end <= c.end) || trims) && r.lost === 0;
      unsure ||= r.unsure === true;
      gain += r.gain;
    }
    // The line (or document) confirms what was unsure alone (private use, see MojibakeRepair.unsure).
    if (held && (unsure || trims || taken[i].start > c.start || taken[j - 1].end < c.end || fillsGap(text, taken, i, j, c))) {
      out.push({ ...c, kind, gain });
      i = j;
    }
  }
  while (i < taken.length) out.push(taken[i++]);
  return out;
}

/**
 * Whether the characters of a Big5 ↔ GBK repair `r` from `from` on (one
 * reading per character) are each as natural as they stand as read.
 */
function leftAsNatural(text: string, r: MojibakeRepair, from: number): boolean {
  const left = Array.from(text.slice(from, r.end));
  const read = Array.from(r.text);
  if (read.length < left.length) return false;
  for (let k = 0; k < left.length; k++) {
    if (frequencyCost(left[k].codePointAt(0)!) > frequencyCost(read[read.length - left.length + k].codePointAt(0)!)) return false;
  }
  return true;
}

/** Whether `c` repairs more than `taken[i, j)` (which it holds) between them (`或 --verbose ┪ --quiet 常`: the ┪ between two repairs). */
function fillsGap(text: string, taken: readonly MojibakeRepair[], i: number, j: number, c: MojibakeRepair): boolean {
  let off = 0; // where in c.text the text between the repairs lies
  let at = c.start;
  for (let k = i; k <= j; k++) {
    const stop = k < j ? taken[k].start : c.end;
    const n = stop - at;
    if (n > 0 && c.text.slice(off, off + n) !== text.slice(at, stop)) return true;
    if (k < j) {
      off += n + taken[k].text.length;
      at = taken[k].end;
    }
  }
  return false;
}

/**
 * findMojibake's repairs of a document misread throughout with one kind of
 * damage (wholeFileVerdict: most of its text is such mojibake), given its
 * scan (findMojibake unsettled) and the scan settled: a file decoded with
 * the wrong code page is damaged everywhere, so, as lineConsensus does for
 * a line, every line with a suspicious character outside the repairs is
 * read again with that kind, relaxed, and private use of that kind is no
 * font's icons (MojibakeRepair.unsure): short runs between ASCII
 * (`(8) い).` for 中, a table's `|\ue7a5  |` for 序) are repaired. Linear:
 * each line is read again at most once.
 */
export function documentConsensus(text: string, scan: readonly MojibakeRepair[], settled: readonly MojibakeRepair[], kind: MojibakeKind): readonly MojibakeRepair[] {
  const impl = KINDS.find((k) => k.id === kind.id);
  if (!impl) return settled;
  const relaxed = relaxedKind(impl);
  const flags = suspiciousTable();
  const extra: MojibakeRepair[] = [];
  let scanned = 0; // the lines before this offset are read
  let k = 0; // the first repair of the scan that ends after the line's start
  for (const w of suspiciousWindows(text).windows) {
    if (!(w.families & impl.family)) continue;
    for (let at = Math.max(w.from, scanned); at < w.to; ) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const nl = text.indexOf('\n', at);
      const lineEnd = nl < 0 ? text.length : nl;
      while (k < scan.length && scan[k].end <= lineStart) k++;
      // A line whose suspicious characters all lie in repairs has nothing more to read.
      let open = false;
      for (let i = lineStart, j = k; i < lineEnd && !open; i++) {
        while (j < scan.length && scan[j].end <= i) j++;
        open = flags[text.charCodeAt(i)] !== 0 && !(j < scan.length && scan[j].start <= i);
      }
      if (open) scanKind(text, lineStart, lineEnd, relaxed, 0, extra, findMojibake);
      scanned = at = lineEnd + 1;
    }
  }
  if (extra.length === 0 && !scan.some((r) => r.unsure && r.kind.id === kind.id)) return settled;
  const sure = scan.map((r) => (r.unsure && r.kind.id === kind.id ? withoutUnsure(r) : r));
  return settle(text, extra.length === 0 ? sure : mergeRelaxed(text, sure, extra), 0, text.length);
}

function withoutUnsure(r: MojibakeRepair): MojibakeRepair {
  const rest = { ...r };
  delete rest.unsure;
  return rest;
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
  // Unsure repairs are reported as they are, beside the settled ones they do not overlap.
  if (repairs.some((r) => r.unsure)) return withUnsure(settle(text, repairs.filter((r) => !r.unsure), start, end), repairs.filter((r) => r.unsure));
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
    let again = scanRegion(stretch).filter(isMade);
    const touches = again.some((a) => group.some((r, j) => a.start + region.start <= at[k - group.length + j] + r.text.length && a.end + region.start >= at[k - group.length + j]));
    if (!touches) {
      for (const r of group) out.push(r);
      continue;
    }
    for (let round = 0; round < ROUNDS && again.length > 0; round++) {
      stretch = applyRepairs(stretch, again);
      again = findMojibake(stretch, 0, false).filter(isMade);
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

/** Whether a repair is made when fixed (not unsettled, not unsure). */
export function isMade(r: MojibakeRepair): boolean {
  return !r.unsettled && !r.unsure;
}

/** `settled` (in order) with the `unsure` repairs that overlap none of them, in order. */
function withUnsure(settled: MojibakeRepair[], unsure: readonly MojibakeRepair[]): MojibakeRepair[] {
  const out: MojibakeRepair[] = [];
  let k = 0;
  for (const u of unsure) {
    while (k < settled.length && settled[k].end <= u.start) out.push(settled[k++]);
    if (k < settled.length && settled[k].start < u.end) continue;
    if (out.length > 0 && out[out.length - 1].end > u.start) continue;
    out.push(u);
  }
  while (k < settled.length) out.push(settled[k++]);
  return out;
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
    regionScans.set(ownCopy(region), found);
    regionChars += region.length;
  }
  return found;
}

const regionScans = new Map<string, MojibakeRepair[]>();

/**
 * The same string, not a slice of another: in V8 a slice of 13 or more
 * characters refers to the string it was cut from, and a remembered region
 * cut from the repaired text of a large document would keep all of it.
 */
function ownCopy(s: string): string {
  return ` ${s}`.slice(1);
}
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

/** Applies findMojibake's repairs to a whole string (those it makes: not the unsettled ones). */
export function repairText(text: string, depth = 0): string {
  const reps = findMojibake(text, depth).filter(isMade);
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
