/**
 * The one binary search of the engine: the first index in `[lo, hi)` at
 * which `before(i)` is false, where `before` is true up to some index and
 * false from there on (a partition point, as C++'s std::partition_point).
 * `hi` when it is true everywhere.
 */
export function partitionPoint(hi: number, before: (i: number) => boolean, lo = 0): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
