/**
 * Repeated passages in a normalised stream, found with k-gram fingerprints
 * selected by winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003, the
 * algorithm behind MOSS): every k-gram is hashed with a rolling hash, the
 * rightmost minimal hash of each window of `w` consecutive k-grams is kept
 * as a fingerprint, and any common substring of at least `w + k - 1`
 * characters is guaranteed to share a fingerprint. Each later fingerprint
 * is looked up in a hash chain of earlier ones, verified character by
 * character (hash collisions never produce a match) and extended to a
 * maximal match.
 *
 * Linear time in the stream's length: hashing and winnowing are O(n), each
 * fingerprint tries at most `maxCandidates` earlier occurrences, and a
 * region already found to repeat is skipped. The fingerprints and their
 * chains depend on the text alone, not on the repeats found, so after an
 * edit they are kept away from it (spliceFingerprints); the scan for
 * repeats, which reads the stream from its start, is taken up where the
 * scan before first read the edit (findRepeatsTraced).
 */
import { release } from './release';
import { partitionPoint } from './search';

export interface Repeat {
  /** Start of the earlier copy (stream index). */
  readonly src: number;
  /** Start of the later copy (stream index), `src + length <= dst`. */
  readonly dst: number;
  readonly length: number;
}

export interface RepeatOptions {
  /** Shortest repeat reported, in stream characters. */
  readonly minLength: number;
  /** k-gram length (default 5, clamped to minLength). */
  readonly k?: number;
  /** Earlier occurrences tried per fingerprint (default 8). */
  readonly maxCandidates?: number;
}

const BASE = 0x01000193;
/** How far a new repeat may take over the end of the previous one. */
const LEFT_TAKEOVER = 4096;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of every k-gram: `out[i]` covers `codes[i, i + k)`. */
export function kgramHashes(codes: Int32Array, k: number): Uint32Array {
  const n = codes.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  rollingHashes(codes, k, 0, out);
  return out;
}

/**
 * Winnowing: positions of the rightmost minimal hash of every window of `w`
 * hashes, each position once, in increasing order (windowMinima).
 */
export function winnow(hashes: Uint32Array, w: number): Int32Array {
  if (hashes.length === 0) return new Int32Array(0);
  const minima = windowMinima(hashes, Math.max(1, Math.min(w, hashes.length)), true);
  const positions = minima.slice();
  release(minima);
  return positions;
}

/**
 * The rightmost minimum of every full window of `win` hashes, in the
 * windows' order (entry j: the window `[j, j + win)`), or with `once` each
 * position once. The minimum is carried from window to window and looked
 * for again when it leaves the window, which on hashes is about once per
 * window and twice as fast as a monotonic deque; hashes that make it leave
 * at every step (rising ones) would make that O(n·win), so past a budget of
 * 4n steps the deque (O(n)) does it. A view of a longer array.
 */
function windowMinima(hashes: Uint32Array, win: number, once = false): Int32Array {
  const n = hashes.length;
  const out = new Int32Array(Math.max(0, n - win + 1));
  let count = 0;
  let min = -1;
  let budget = 4 * n;
  for (let end = win - 1; end < n; end++) {
    const start = end - win + 1;
    if (min < start) {
      if ((budget -= win) < 0) return windowMinimaWithDeque(hashes, win, once, out);
      min = start;
      for (let i = start + 1; i <= end; i++) if (hashes[i] <= hashes[min]) min = i;
    } else if (hashes[end] <= hashes[min]) min = end;
    if (!once || count === 0 || out[count - 1] !== min) out[count++] = min;
  }
  return out.subarray(0, count);
}

/** windowMinima with a monotonic deque, for any hashes in O(n), into `out`. */
function windowMinimaWithDeque(hashes: Uint32Array, win: number, once: boolean, out: Int32Array): Int32Array {
  // deque[head, tail): positions whose hashes rise strictly from head to
  // tail; the head is the current window's rightmost minimum. It never holds
  // more than a window, so it is a ring (indices `& ring`).
  let size = 2;
  while (size <= win) size *= 2;
  const ring = size - 1;
  const deque = new Int32Array(size);
  let head = 0;
  let tail = 0;
  let count = 0;
  for (let i = 0; i < hashes.length; i++) {
    // Keep the rightmost minimum: drop every entry >= the new hash.
    const h = hashes[i];
    while (tail > head && hashes[deque[(tail - 1) & ring]] >= h) tail--;
    deque[tail++ & ring] = i;
    if (deque[head & ring] <= i - win) head++;
    const min = deque[head & ring];
    if (i >= win - 1 && (!once || count === 0 || out[count - 1] !== min)) out[count++] = min;
  }
  return out.subarray(0, count);
}

/**
 * Maximal later copies of earlier text, at least `minLength` long, in order
 * of their position; the later copies never overlap each other.
 */
export function findRepeats(codes: Int32Array, options: RepeatOptions, given?: Fingerprints): Repeat[] {
  const minLength = Math.max(1, Math.floor(options.minLength));
  const { k, w } = windowOf(options);
  if (codes.length < minLength * 2) return [];
  const print = given ?? fingerprints(codes, k, w);
  // The same scan as after an edit (one shape of arguments, so one compiled loop for both), its trail let go.
  const { repeats, trail } = findRepeatsTraced(codes, options, print);
  if (trail) release(trail.reach);
  // Fingerprints handed in belong to the caller (an incremental scan keeps them).
  if (!given) release(print.prints, print.hashes, print.earlier);
  return repeats;
}

/**
 * What a scan for repeats read and found, so that the scan after an edit
 * can start where the edit was first read (findRepeatsTraced).
 */
export interface RepeatTrail {
  /** Per fingerprint f: one past the furthest stream index read while handling fingerprints 0 to f. */
  readonly reach: Int32Array;
  /** The repeats in the order they were found, four numbers each: fingerprint, src, dst, end. */
  readonly found: readonly number[];
}

/**
 * findRepeats on given fingerprints, with the scan's trail. Given the trail
 * of the scan of the text before an edit whose first changed stream index
 * is `from`, the scan starts at the first fingerprint whose handling read
 * at or after `from`, or at the first fingerprint not kept from before the
 * edit (Fingerprints.kept), in the state the scan before was in there (its
 * repeats found so far, replayed): the same repeats as findRepeats, in time
 * proportional to the stream after that point. `start` is that fingerprint.
 */
export function findRepeatsTraced(
  codes: Int32Array,
  options: RepeatOptions,
  print: Fingerprints,
  previous?: { readonly trail: RepeatTrail; readonly from: number },
): { repeats: Repeat[]; trail?: RepeatTrail; start: number } {
  const minLength = Math.max(1, Math.floor(options.minLength));
  const { k } = windowOf(options);
  if (codes.length < minLength * 2) return { repeats: [], start: 0 };
  const reach = new Int32Array(print.prints.length);
  const found: number[] = [];
  const repeats: Repeat[] = [];
  let covered = 0;
  let start = 0;
  if (previous) {
    const { trail, from } = previous;
    start = partitionPoint(Math.min(print.kept ?? 0, trail.reach.length), (f) => trail.reach[f] <= from);
    reach.set(trail.reach.subarray(0, start));
    for (let e = 0; e < trail.found.length && trail.found[e] < start; e += 4) {
      found.push(trail.found[e], trail.found[e + 1], trail.found[e + 2], trail.found[e + 3]);
      covered = pushRepeat(repeats, trail.found[e + 1], trail.found[e + 2], trail.found[e + 3]);
    }
  }
  // In slices: a branch first taken after an edit sends the compiled loop back to the interpreter, and a
  // new call takes up the loop compiled again sooner than the interpreter's loop is replaced in its run.
  for (let f = start; f < print.prints.length; f += SLICE) {
    covered = scanFrom(codes, minLength, k, options.maxCandidates ?? 8, print, f, Math.min(f + SLICE, print.prints.length), repeats, covered, reach, found);
  }
  return { repeats, trail: { reach, found }, start };
}

/** Fingerprints scanned per call of scanFrom. */
const SLICE = 4096;

/**
 * The scan for repeats of fingerprints `start` to `end - 1`, with `repeats`
 * and `covered` (where the last repeat ends) as they were at `start`; it
 * records what it reads and finds in `reach` and `found` (RepeatTrail), and
 * returns `covered` at `end`.
 */
function scanFrom(
  codes: Int32Array,
  minLength: number,
  k: number,
  maxCandidates: number,
  { prints, earlier }: Fingerprints,
  start: number,
  end: number,
  repeats: Repeat[],
  covered: number,
  reach: Int32Array,
  found: number[],
): number {
  const n = codes.length;
  let far = start > 0 ? reach[start - 1] : 0;
  for (let f = start; f < end; f++) {
    const p = prints[f];
    if (p + k > far) far = p + k;
    // The latest earlier fingerprint with the same hash; the others follow it (`earlier`).
    const head = earlier[f];
    // A fingerprint near the end of the last repeat may find an earlier copy
    // that goes on further (the repeat took a near-twin line, `…（下）`, for
    // the exact one, `…（上）`): then that copy replaces it. Only the last
    // `minLength` positions are tried again, so the scan stays linear.
    const again = p < covered;
    // Left extensions stop at the last repeat (or, trying again, its start).
    const floor = again ? repeats[repeats.length - 1].dst : covered;
    if (head >= 0 && p + minLength >= covered) {
      let bestLen = 0;
      let bestSrc = -1;
      let bestDst = -1;
      let tries = 0;
      for (let g = head; g >= 0 && tries < maxCandidates; g = earlier[g]) {
        const q = prints[g];
        if (q + k > p) continue;
        tries++;
        let same = true;
        for (let j = 0; j < k; j++) {
          if (codes[q + j] !== codes[p + j]) {
            same = false;
            break;
          }
        }
        if (!same) continue;
        let r = k;
        const most = Math.min(n - p, p - q);
        while (r < most && codes[q + r] === codes[p + r]) r++;
        // Read up to p + r (the character that differs), or up to the end of the stream.
        if (p + r + 1 > far) far = p + r + 1;
        // Left, down to the floor, and not into the earlier copy's right end.
        const l = sameBefore(codes, q, p, Math.min(p - floor, q, p - q - r));
        const len = l + r;
        if (len > bestLen || (len === bestLen && q - l < bestSrc)) {
          bestLen = len;
          bestSrc = q - l;
          bestDst = p - l;
        }
      }
      if (bestLen >= minLength && (!again || bestDst + bestLen > covered)) {
        let src = bestSrc;
        let dst = bestDst;
        let end = bestDst + bestLen;
        // A copy right after its original (`XX`) matches at every rotation,
        // and the right extension took the last one (`X` without its first
        // characters, then the start of what follows): slide the match back
        // while the characters agree, so that the copy starts where the
        // original does (bounded, so linear).
        // (Written without branches, as the takeover below: a step first taken after an edit would send
        // the compiled loop back to the interpreter for the rest of the scan.)
        const slideFloor = Math.max(floor, dst - LEFT_TAKEOVER);
        const slide = sameBefore(codes, src, dst, !again && src + (end - dst) === dst ? Math.min(src, dst - slideFloor) : 0);
        src -= slide;
        dst -= slide;
        end -= slide;
        // A match stopped by the previous repeat may go on to the left: the
        // earlier fingerprint may have picked a shorter source (a title also
        // quoted in the lead). Take over what it covered (bounded, so linear).
        // The earlier copy's end stays where it is: it may not reach the later copy's start.
        const takeover = Math.max(0, dst - LEFT_TAKEOVER);
        const taken = sameBefore(codes, src, dst, Math.min(dst - takeover, src, dst - (src + end - dst)));
        src -= taken;
        dst -= taken;
        covered = pushRepeat(repeats, src, dst, end);
        found.push(f, src, dst, end);
      }
    }
    reach[f] = far;
  }
  return covered;
}

/** How many characters right before `a` and right before `b` agree, going left, at most `most`. */
function sameBefore(codes: Int32Array, a: number, b: number, most: number): number {
  let n = 0;
  while (n < most && codes[a - n - 1] === codes[b - n - 1]) n++;
  return n;
}

/** Adds a repeat after those it takes over (they start at or after it) and cuts the one it overlaps; returns its end. */
function pushRepeat(repeats: Repeat[], src: number, dst: number, end: number): number {
  while (repeats.length > 0 && repeats[repeats.length - 1].dst >= dst) repeats.pop();
  const prev = repeats[repeats.length - 1];
  if (prev && prev.dst + prev.length > dst) repeats[repeats.length - 1] = { src: prev.src, dst: prev.dst, length: dst - prev.dst };
  repeats.push({ src, dst, length: end - dst });
  return end;
}

/** The k-gram length and the window of `options` (see RepeatOptions). */
export function windowOf(options: RepeatOptions): { k: number; w: number } {
  const minLength = Math.max(1, Math.floor(options.minLength));
  const k = Math.max(1, Math.min(options.k ?? 5, minLength));
  return { k, w: Math.max(1, minLength - k + 1) };
}

/**
 * Fingerprints of a stream: their positions (increasing), their k-grams'
 * hashes, and for each the latest fingerprint before it with the same hash
 * (-1: none), which chains the fingerprints of each hash from the latest back.
 */
export interface Fingerprints {
  readonly prints: Int32Array;
  readonly hashes: Uint32Array;
  readonly earlier: Int32Array;
  /** How many of the first fingerprints, and their chains, are those of the stream before an edit (spliceFingerprints). */
  readonly kept?: number;
}

/** The fingerprints (positions) and their hashes; the hashes of the other k-grams are let go here. */
export function fingerprints(codes: Int32Array, k: number, w: number): Fingerprints {
  const all = kgramHashes(codes, k);
  const prints = winnow(all, w);
  const hashes = new Uint32Array(prints.length);
  for (let f = 0; f < prints.length; f++) hashes[f] = all[prints[f]];
  release(all);
  return { prints, hashes, earlier: chains(hashes), kept: 0 };
}

/** For each hash, the index of the latest one before it equal to it (-1: none): an open-addressing table from each hash to its latest index. */
function chains(hashes: Uint32Array): Int32Array {
  let capacity = 16;
  while (capacity < 2 * hashes.length) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Uint32Array(capacity);
  const latest = new Int32Array(capacity).fill(-1);
  const earlier = new Int32Array(hashes.length);
  for (let f = 0; f < hashes.length; f++) {
    const h = hashes[f];
    let slot = h & mask;
    while (latest[slot] >= 0 && keys[slot] !== h) slot = (slot + 1) & mask;
    earlier[f] = latest[slot];
    keys[slot] = h;
    latest[slot] = f;
  }
  release(keys, latest);
  return earlier;
}

/**
 * The fingerprints of a stream after an edit, from those before it: the
 * stream's characters `[a, b)` became `codes[a, a + (b - a) + moved)`.
 * Winnowing is local — a window's rightmost minimum depends on its `w`
 * hashes, each on `k` characters — and its minima never move left as the
 * window slides, so the windows that see the edit are winnowed again and the
 * fingerprints before and after them are kept: the same fingerprints as
 * `fingerprints(codes, k, w)`, in time proportional to the edit.
 */
export function spliceFingerprints(old: Fingerprints, oldLength: number, codes: Int32Array, a: number, b: number, moved: number, k: number, w: number): Fingerprints {
  const count = codes.length - k + 1; // k-grams after the edit
  // Short streams (a window shorter than w) are winnowed again whole.
  if (count < 2 * w + 2 || oldLength - k + 1 < 2 * w + 2) return fingerprints(codes, k, w);
  // k-grams c0..c1-1 (new indices) hold edited characters; the windows ending at e0..e1 see them.
  const c0 = Math.max(0, a - k + 1);
  const c1 = Math.min(count, b + moved);
  const e0 = Math.max(w - 1, c0);
  const e1 = Math.min(count - 1, c1 + w - 2);
  // One window more on each side, whose minima are known to the old fingerprints too.
  const from = Math.max(w - 1, e0 - 1);
  const to = Math.min(count - 1, e1 + 1);
  const first = from - w + 1;
  const hashes = new Uint32Array(to - first + 1);
  rollingHashes(codes, k, first, hashes);
  const minima = windowMinima(hashes, w);
  // first + minima[i]: the minimum of the window ending at from + i.
  const before = from < e0 ? first + minima[0] : -1;
  const after = to > e1 ? first + minima[minima.length - 1] - moved : Number.MAX_SAFE_INTEGER;
  const keepBefore = before < 0 ? 0 : partitionAfter(old.prints, before);
  const keepAfter = partitionBefore(old.prints, after);
  const middle: number[] = [];
  let last = keepBefore > 0 ? old.prints[keepBefore - 1] : -1;
  for (let i = from < e0 ? 1 : 0; i < minima.length - (to > e1 ? 1 : 0); i++) {
    if (first + minima[i] !== last) middle.push((last = first + minima[i]));
  }
  let afterStart = keepAfter;
  if (afterStart < old.prints.length && old.prints[afterStart] + moved === last) afterStart++;
  const total = keepBefore + middle.length + (old.prints.length - afterStart);
  const prints = new Int32Array(total);
  const printHashes = new Uint32Array(total);
  prints.set(old.prints.subarray(0, keepBefore));
  printHashes.set(old.hashes.subarray(0, keepBefore));
  for (let i = 0; i < middle.length; i++) {
    prints[keepBefore + i] = middle[i];
    printHashes[keepBefore + i] = hashes[middle[i] - first];
  }
  let o = keepBefore + middle.length;
  for (let i = afterStart; i < old.prints.length; i++, o++) {
    prints[o] = old.prints[i] + moved;
    printHashes[o] = old.hashes[i];
  }
  const earlier = spliceChains(old, printHashes, keepBefore, middle.length, afterStart);
  return earlier ? { prints, hashes: printHashes, earlier, kept: keepBefore } : fingerprints(codes, k, w);
}

/**
 * The chains (Fingerprints.earlier) after the fingerprints `[keepBefore,
 * afterStart)` of `old` were replaced by `count` new ones (whose hashes are
 * in `hashes`, the new fingerprints' hashes): those before keep theirs; a new
 * one's is the new one before it with its hash, or else found by one look
 * back for all of them; one after keeps its own moved, unless it is the
 * first of its hash after the edit. Undefined when following the chains
 * through the replaced ones would take longer than chaining all again.
 */
function spliceChains(old: Fingerprints, hashes: Uint32Array, keepBefore: number, count: number, afterStart: number): Int32Array | undefined {
  const shift = keepBefore + count - afterStart;
  const earlier = new Int32Array(hashes.length);
  earlier.set(old.earlier.subarray(0, keepBefore));
  let budget = 2 * hashes.length + 1024;
  // The latest fingerprint before the edit of each hash the new ones have: one look back for all of them.
  const latestBefore = new Map<number, number>();
  for (let f = keepBefore; f < keepBefore + count; f++) latestBefore.set(hashes[f], -1);
  for (let b = keepBefore - 1, left = latestBefore.size; b >= 0 && left > 0; b--) {
    if (latestBefore.get(hashes[b]) === -1) {
      latestBefore.set(hashes[b], b);
      left--;
    }
  }
  // The latest new fingerprint of each hash.
  const latestNew = new Map<number, number>();
  for (let f = keepBefore; f < keepBefore + count; f++) {
    const h = hashes[f];
    earlier[f] = latestNew.get(h) ?? latestBefore.get(h)!;
    latestNew.set(h, f);
  }
  for (let i = afterStart; i < old.earlier.length; i++) {
    const e = old.earlier[i];
    if (e >= afterStart) {
      earlier[i + shift] = e + shift;
      continue;
    }
    // The first of its hash after the edit: the latest new one, or the latest one before the edit.
    const latest = latestNew.get(old.hashes[i]);
    let g = e;
    while (latest === undefined && g >= keepBefore) {
      g = old.earlier[g];
      if (--budget < 0) return undefined;
    }
    earlier[i + shift] = latest ?? g;
  }
  return earlier;
}

/** Writes to `out` the hashes of k-grams `first`, `first + 1`, … (rolling: each from the one before). */
function rollingHashes(codes: Int32Array, k: number, first: number, out: Uint32Array): void {
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + codes[first + i]) | 0;
  out[0] = fmix(h);
  for (let j = 1; j < out.length; j++) {
    const i = first + j;
    h = (Math.imul(h - Math.imul(codes[i - 1], top), BASE) + codes[i + k - 1]) | 0;
    out[j] = fmix(h);
  }
}

/** Index of the first fingerprint after position `x`. */
function partitionAfter(prints: Int32Array, x: number): number {
  return partitionPoint(prints.length, (m) => prints[m] <= x);
}

/** Index of the first fingerprint at or after position `x`. */
function partitionBefore(prints: Int32Array, x: number): number {
  return partitionPoint(prints.length, (m) => prints[m] < x);
}
