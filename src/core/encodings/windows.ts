/**
 * Where findMojibake looks: windows around the characters mojibake is dense
 * in, and the stretches whose windows (and whose settled repairs) are read
 * apart from the rest of the text, for incremental analysis.
 */
import { BUILT_SUSPICIOUS_TABLE } from './built-tables';
import { CJK, LATIN, type MojibakeRepair } from './kinds';
import { unpackTable } from './packed';
import { charCost } from './score';

/** Characters around a suspicious one that are scanned with it. */
export const WINDOW = 32;

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
