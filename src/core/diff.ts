/**
 * Minimal edits that turn one text into another, for applying a cleaned text
 * to an editor without replacing the whole document (which would lose the
 * cursor and undo granularity). jsdiff's line diff finds the changed hunks;
 * a character diff inside each hunk keeps every edit small. Both are Myers
 * diffs, O((N+M)·D); the line pass keeps D small for the character pass.
 */
import { diffChars, diffLines } from 'diff';
import type { Edit } from './finding';

export function minimalEdits(before: string, after: string): Edit[] {
  if (before === after) return [];
  const edits: Edit[] = [];
  let offset = 0;
  let pendingStart = -1;
  let removed = '';
  let added = '';
  const flush = () => {
    if (pendingStart < 0) return;
    edits.push(...charEdits(pendingStart, removed, added));
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
