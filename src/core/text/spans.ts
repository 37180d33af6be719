/** Sorted stretches of a text, and the questions the rules ask of them. */

/** A stretch `[start, end)` of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Index of the first of `spans` (sorted; two consecutive lines' spans may share the `\n` between them) that ends after `offset`. */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `[start, end)` overlaps one of `spans` (sorted). */
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
 * The pieces of `[start, end)` outside `spans` (sorted), each given
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
