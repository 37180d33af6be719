import type { Edit, Finding } from '../finding';
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
  let taken: Edit[] = []; // kept sorted by start
  const owner = new Map<Edit, Finding>();
  const candidates = findings
    .filter((f) => f.fix && f.fix.edits.length > 0)
    .map((f) => ({ f, first: f.fix!.edits.reduce((m, e) => (e.range.start < m ? e.range.start : m), Infinity) }))
    .sort((a, b) => a.first - b.first);
  for (const { f } of candidates) {
    const edits = f.fix!.edits;
    if (selectEdits(edits).length !== edits.length) continue;
    if (edits.some((e) => collides(taken, e))) continue;
    for (const e of edits) {
      taken.splice(insertionPoint(taken, e.range.start), 0, e);
      owner.set(e, f);
    }
    applied.push(f);
  }
  for (let junctions = crlfJunctions(text, taken); junctions.length > 0; junctions = crlfJunctions(text, taken)) {
    const dropped = new Set(junctions.map((e) => owner.get(e)!));
    applied = applied.filter((f) => !dropped.has(f));
    taken = taken.filter((e) => !dropped.has(owner.get(e)!));
  }
  return { text: applyEdits(text, taken), applied };
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
