/**
 * Spans of text that no typographic fix may touch: URLs, e-mail addresses,
 * Chinese website filing numbers (豫ICP备20017668号-1, 京公网安备11010502030143号),
 * and numbers, dates and times with their separators (1,000, 3.5, 1:2,
 * 2021-07-29 08:14:44). Every pattern is bounded or starts at a fixed literal,
 * so a scan is linear in the length of the text.
 */
import type { Range } from './document';
import { partitionPoint } from './text/search';

const PATTERNS: readonly RegExp[] = [
  // scheme://… or www.… up to white space or CJK punctuation
  /(?:\b[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/|\bwww\.)[^\s<>"'，。、；：！？“”‘’（）【】《》「」]+/g,
  // e-mail
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g,
  // ICP filing and public-security filing numbers
  /[\u4e00-\u9fff]{0,2}ICP[备備证證許许][\u4e00-\u9fff]{0,2}\d{1,12}[号號](?:-\d{1,4})?/g,
  /[\u4e00-\u9fff]{0,2}公[网網]安[备備]\s?\d{1,20}[号號]?/g,
  // numbers, dates, times, ratios: digits joined by , . : / -
  /\d(?:[\d,.:/-]{0,40}\d)?/g,
];

/** Protected spans of `text` (offsets into `text`), sorted and merged. */
export function protectedRanges(text: string): Range[] {
  const found: Range[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      if (r.end > last.end) merged[merged.length - 1] = { start: last.start, end: r.end };
    } else merged.push(r);
  }
  return merged;
}

/** Answers "is offset i protected?" for increasing offsets in O(1) amortised. */
export function protectedCursor(ranges: readonly Range[]): (i: number) => boolean {
  let k = 0;
  return (i: number) => {
    while (k < ranges.length && ranges[k].end <= i) k++;
    return k < ranges.length && ranges[k].start <= i;
  };
}

/** Binary search: is offset i inside one of the sorted ranges? */
export function isProtectedAt(ranges: readonly Range[], i: number): boolean {
  const k = partitionPoint(ranges.length, (m) => ranges[m].end <= i);
  return k < ranges.length && ranges[k].start <= i;
}
