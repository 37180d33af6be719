/**
 * Minimal edits that turn one text into another, for applying a cleaned text
 * to an editor without replacing the whole document (which would lose the
 * cursor and undo granularity). jsdiff's line diff finds the changed hunks;
 * a character diff inside each hunk keeps every edit small. Both are Myers
 * diffs, O((N+M)·D); the line pass keeps D small for the character pass.
 */
import { diffChars, diffLines } from 'diff';
import type { Edit } from '../finding';

export function minimalEdits(before: string, after: string): Edit[] {
  if (before === after) return [];
  const edits: Edit[] = [];
  let offset = 0;
  let pendingStart = -1;
  let removed = '';
  let added = '';
  const flush = () => {
    if (pendingStart < 0) return;
    for (const e of charEdits(pendingStart, removed, added)) edits.push(e);
    pendingStart = -1;
    removed = '';
    added = '';
  };
  for (const part of diffLines(before, after)) {
    if (part.added) {
      if (pendingStart < 0) pendingStart = offset;
      added += part.value;
    } else if (part.removed) {
      if (pendingStart < 0) pendingStart = offset;
      removed += part.value;
      offset += part.value.length;
    } else {
      flush();
      offset += part.value.length;
    }
  }
  flush();
  return edits;
}

/** Character-level edits for one hunk; falls back to the whole hunk when large. */
function charEdits(start: number, removed: string, added: string): Edit[] {
  if (removed.length + added.length > 20000) return [{ range: { start, end: start + removed.length }, text: added }];
  const edits: Edit[] = [];
  let offset = start;
  let eStart = -1;
  let eText = '';
  let eEnd = -1;
  for (const part of diffChars(removed, added)) {
    if (part.added) {
      if (eStart < 0) eStart = eEnd = offset;
      eText += part.value;
    } else if (part.removed) {
      if (eStart < 0) eStart = offset;
      offset += part.value.length;
      eEnd = offset;
    } else {
      if (eStart >= 0) edits.push({ range: { start: eStart, end: eEnd }, text: eText });
      eStart = -1;
      eText = '';
      offset += part.value.length;
    }
  }
  if (eStart >= 0) edits.push({ range: { start: eStart, end: eEnd }, text: eText });
  return edits;
}

/**
 * The lengths of the common prefix and suffix of `before` and `after`, not
 * overlapping, each ending on a code point boundary of both texts (two
 * astral characters can share their high surrogate: 𥐯 U+2542F, 𥖅 U+25585).
 */
export function commonEnds(before: string, after: string): { prefix: number; suffix: number } {
  let p = 0;
  while (p < before.length && p < after.length && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (splitsPair(before, p) || splitsPair(after, p)) p--;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  if (q > 0 && (splitsPair(before, before.length - q) || splitsPair(after, after.length - q))) q--;
  return { prefix: p, suffix: q };
}

/** Whether offset `i` falls between the two halves of a surrogate pair. */
export function splitsPair(s: string, i: number): boolean {
  const high = s.charCodeAt(i - 1);
  const low = s.charCodeAt(i);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
