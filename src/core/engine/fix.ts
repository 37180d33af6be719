import type { Edit, Finding, Fix } from '../finding';
import { partitionPoint } from '../text/search';

/**
 * Applies edits to `text`: sorted by position, overlapping edits dropped
 * (the earlier one wins, as markdownlint's applyFixes does), each applied as
 * a minimal replacement. Edits never rewrite line endings they do not touch,
 * so a CRLF file stays CRLF.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const accepted = selectEdits(edits);
  let out = '';
  let cursor = 0;
  for (const e of accepted) {
    out += text.slice(cursor, e.range.start) + e.text;
    cursor = e.range.end;
  }
  return out + text.slice(cursor);
}

/** Whether `selectEdits` keeps every one of `edits` (checked in place when they come in order, as they mostly do). */
function wellFormed(edits: readonly Edit[]): boolean {
  let lastEnd = -1;
  let lastStart = -1;
  for (const e of edits) {
    const { start, end } = e.range;
    if (start < lastStart || (start === lastStart && end < lastEnd)) return selectEdits(edits).length === edits.length;
    if (start < 0 || end < start) return false;
    if (start < lastEnd || (start === lastStart && start === lastEnd)) return false;
    if (start === end && e.text === '') return false;
    lastStart = start;
    lastEnd = end;
  }
  return true;
}

/** The edits `applyEdits` would apply, in document order, without overlaps. */
export function selectEdits(edits: readonly Edit[]): Edit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i);
  const out: Edit[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const { e } of sorted) {
    const { start, end } = e.range;
    if (start < 0 || end < start) continue;
    // Overlap: starts before the previous edit ended, or two edits at one point.
    if (start < lastEnd || (start === lastStart && start === lastEnd)) continue;
    if (start === end && e.text === '') continue;
    out.push(e);
    lastStart = start;
    lastEnd = end;
  }
  return out;
}

/**
 * Applies the fixes of `findings` whole: a fix whose edits would collide with
 * an already accepted fix is left out entirely (never half-applied). Fixes are
 * taken in document order, so the result does not depend on rule order.
 *
 * Fixes that are each safe can be unsafe together: two touching line
 * removals in `a\r<line>\n<line>\n\n` bring the CR before them and the LF
 * after them together, into a new CRLF. Where the accepted edits would join
 * a CR and an LF, the fix that owns the edit at the junction is left out
 * too; fix-all finds it again on its next pass, where its rule sees the
 * new neighbours.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: Finding[] } {
  let applied: Finding[] = [];
  const accepted = new TakenEdits();
  const owner = new Map<Edit, Finding>();
  // Findings can share one fix (a rule's "remove them all", thousands of
  // edits): it is judged once. Once taken, it collides with itself; once
  // refused, it would be refused again (what is taken only grows).
  const firstOf = new Map<Fix, number>();
  const candidates: { f: Finding; first: number }[] = [];
  for (const f of findings) {
    const first = f.fix ? firstEdit(f.fix, firstOf) : Infinity;
    if (first !== Infinity) candidates.push({ f, first }); // Infinity: no edits
  }
  candidates.sort((a, b) => a.first - b.first);
  const judged = new Set<Fix>();
  for (const { f } of candidates) {
    const fix = f.fix!;
    if (judged.has(fix)) continue;
    judged.add(fix);
    const edits = fix.edits;
    if (!wellFormed(edits)) continue;
    if (edits.some((e) => accepted.collides(e))) continue;
    accepted.add(edits);
    for (const e of edits) owner.set(e, f);
    applied.push(f);
  }
  let taken = accepted.sorted();
  for (let junctions = crlfJunctions(text, taken); junctions.length > 0; junctions = crlfJunctions(text, taken)) {
    const dropped = new Set(junctions.map((e) => owner.get(e)!));
    applied = applied.filter((f) => !dropped.has(f));
    taken = taken.filter((e) => !dropped.has(owner.get(e)!));
  }
  return { text: applyEdits(text, taken), applied };
}

/**
 * The edits accepted so far, sorted by start (each after those accepted
 * before it at the same start), in two lists: the bulk, and the few added
 * since it was last merged with them. A fix is spliced into the small list
 * (cheap wherever it lands, even behind a "remove them all" fix that spans
 * the document) and the lists are merged, in one pass, when the small one
 * grows or a fix of many edits comes.
 */
class TakenEdits {
  private bulk: Edit[] = [];
  private recent: Edit[] = [];

  collides(e: Edit): boolean {
    return collides(this.bulk, e) || collides(this.recent, e);
  }

  add(edits: readonly Edit[]): void {
    if (edits.length >= 256) {
      this.bulk = merged(this.sorted(), [...edits].sort((a, b) => a.range.start - b.range.start));
      this.recent = [];
      return;
    }
    for (const e of edits) this.recent.splice(insertionPoint(this.recent, e.range.start), 0, e);
    // Merged when as long as the bulk: each edit is copied a few times at most.
    if (this.recent.length > 4096 && this.recent.length > this.bulk.length) this.sorted();
  }

  sorted(): Edit[] {
    if (this.recent.length > 0) {
      this.bulk = merged(this.bulk, this.recent);
      this.recent = [];
    }
    return this.bulk;
  }
}

/** Two lists sorted by start merged into one; at equal starts the first list's edits come first. */
function merged(first: readonly Edit[], second: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  let i = 0;
  for (const e of second) {
    while (i < first.length && first[i].range.start <= e.range.start) out.push(first[i++]);
    out.push(e);
  }
  while (i < first.length) out.push(first[i++]);
  return out;
}

/**
 * The edits (sorted, not overlapping) at whose edges the edited text would
 * have a CR followed by an LF that did not follow it before: the edit whose
 * text starts with the LF, or the last edit before the text's own LF.
 */
function crlfJunctions(text: string, edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  // The last character written so far, and its offset when it is the text's own (-1: inserted).
  let last = '';
  let lastAt = -1;
  let cursor = 0;
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    const { start, end } = e.range;
    if (start > cursor) {
      last = text[start - 1];
      lastAt = start - 1;
    }
    if (e.text !== '') {
      if (last === '\r' && e.text[0] === '\n') out.push(e);
      last = e.text[e.text.length - 1];
      lastAt = -1;
    }
    cursor = end;
    const next = edits[i + 1];
    if ((!next || next.range.start > end) && last === '\r' && text[end] === '\n' && lastAt !== end - 1) out.push(e);
  }
  return out;
}

function firstEdit(fix: Fix, known: Map<Fix, number>): number {
  let first = known.get(fix);
  if (first === undefined) {
    first = Infinity;
    for (const e of fix.edits) if (e.range.start < first) first = e.range.start;
    known.set(fix, first);
  }
  return first;
}

function insertionPoint(sorted: readonly Edit[], start: number): number {
  return partitionPoint(sorted.length, (m) => sorted[m].range.start <= start);
}

function collides(sorted: readonly Edit[], e: Edit): boolean {
  const i = insertionPoint(sorted, e.range.start);
  // Neighbours: edits starting at or before e (scan back over equal starts) and the next one.
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) if (overlaps(sorted[j], e)) return true;
  return i < sorted.length && overlaps(sorted[i], e);
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.range.start < b.range.end && b.range.start < a.range.end) return true;
  // Two insertions, or an insertion at the edge of a replacement, at one point.
  return a.range.start === b.range.start && (a.range.start === a.range.end || b.range.start === b.range.end);
}
