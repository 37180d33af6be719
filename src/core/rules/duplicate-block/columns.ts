/**
 * Where each character of the normalised stream lies in its line (its
 * offset from the line's start). An edit that leaves the stream as it was —
 * punctuation, white space — moves only the edited lines' columns: those are
 * kept as patches over the array, so that a keystroke does not copy it; a
 * few patches on, or when the stream itself changes, the array is made
 * afresh.
 */
export class Columns {
  /** Patches kept before the array is made afresh. */
  private static readonly MOST_PATCHES = 8;

  constructor(
    readonly flat: Int32Array,
    private readonly patches: readonly { readonly from: number; readonly values: Int32Array }[] = [],
  ) {}

  /** The column of stream character i. */
  at(i: number): number {
    for (let p = this.patches.length - 1; p >= 0; p--) {
      const { from, values } = this.patches[p];
      if (i >= from && i < from + values.length) return values[i - from];
    }
    return this.flat[i];
  }

  /** These columns with those of characters `from…` replaced by `values` (the stream unchanged). */
  patched(from: number, values: Int32Array): Columns {
    if (this.patches.length < Columns.MOST_PATCHES) return new Columns(this.flat, [...this.patches, { from, values }]);
    const flat = this.materialized();
    flat.set(values, from);
    return new Columns(flat);
  }

  /** These columns after the stream's characters `[a, b)` became `part`. */
  spliced(a: number, b: number, part: Int32Array): Columns {
    const flat = this.patches.length > 0 ? this.materialized() : this.flat;
    const out = new Int32Array(flat.length - (b - a) + part.length);
    out.set(flat.subarray(0, a));
    out.set(part, a);
    out.set(flat.subarray(b), a + part.length);
    return new Columns(out);
  }

  /** Whether characters `from…` have the columns `values`. */
  agree(from: number, values: Int32Array): boolean {
    for (let i = 0; i < values.length; i++) if (this.at(from + i) !== values[i]) return false;
    return true;
  }

  private materialized(): Int32Array {
    const flat = this.flat.slice();
    for (const { from, values } of this.patches) flat.set(values, from);
    return flat;
  }
}
