/**
 * Where an edit is: the common prefix and suffix of the old and the new
 * text, from the editor's content changes when it gives them, and the lines
 * that changed.
 */
import { NewsDocument } from '../../document';
import type { Change } from './types';

/** One replacement as the editor reports it (VS Code's TextDocumentContentChangeEvent). */
export interface TextChange {
  /** Offset (UTF-16) in the text before this change. */
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export interface LocateOptions {
  readonly uri?: string;
  readonly version?: number;
  /**
   * The changes that made the new text from the old one, applied in order,
   * each to the text the ones before it made (as VS Code's changes of one
   * event, and the events in sequence). They spare comparing the texts; when
   * they do not add up to the new text's length they are ignored.
   */
  readonly changes?: readonly TextChange[];
}

export function locateChange(old: NewsDocument | undefined, text: string, { uri, version, changes }: LocateOptions): Change {
  if (!old) {
    const document = new NewsDocument(text, uri, version);
    return { document, first: 0, last: document.lineCount - 1, oldLast: -1, delta: 0, lineDelta: 0, from: 0, oldTo: 0, newTo: text.length };
  }
  const before = old.text;
  const hinted = changes && fromChanges(before.length, text.length, changes);
  const prefix = hinted ? hinted.prefix : commonLength(before, text, false);
  const suffix = hinted ? hinted.suffix : commonLength(before, text, true, Math.min(before.length, text.length) - prefix);
  const document = old.edited(text, prefix, before.length - suffix, uri, version);
  // A line is unchanged when it lies in the prefix with its line ending and
  // one more character (a `\r` could become `\r\n`), or starts after the
  // start of the suffix (NewsDocument.edited).
  const first = document.lineAt(prefix - 1).index;
  const last = document.lineAt(text.length - suffix).index;
  const lineDelta = document.lineCount - old.lineCount;
  return { document, old, first, last, oldLast: last - lineDelta, delta: text.length - before.length, lineDelta, from: prefix, oldTo: before.length - suffix, newTo: text.length - suffix };
}

/**
 * Length of the common prefix (or suffix) of `a` and `b`, at most `max`.
 * Compares growing slices (string equality is a fast block compare),
 * halving the step on a difference: linear, and far faster than a loop
 * over characters.
 */
function commonLength(a: string, b: string, suffix: boolean, max = Math.min(a.length, b.length)): number {
  const part = (s: string, from: number, to: number) => (suffix ? s.substring(s.length - to, s.length - from) : s.substring(from, to));
  let n = 0;
  let step = 64;
  while (n < max) {
    const to = Math.min(n + step, max);
    if (part(a, n, to) === part(b, n, to)) {
      n = to;
      step *= 2;
    } else if (to - n > 16) step = (to - n) >> 1;
    else {
      const at = (s: string, i: number) => s.charCodeAt(suffix ? s.length - 1 - i : i);
      while (n < max && at(a, n) === at(b, n)) n++;
      return n;
    }
  }
  return n;
}


/**
 * The common prefix and suffix that `changes` leave (at least: a change may
 * write what was there), or undefined when they do not lead from a text of
 * `oldLength` to one of `newLength`.
 */
export function fromChanges(oldLength: number, newLength: number, changes: readonly TextChange[]): { prefix: number; suffix: number } | undefined {
  let length = oldLength;
  let prefix = oldLength;
  let suffix = oldLength;
  for (const c of changes) {
    const end = c.rangeOffset + c.rangeLength;
    if (c.rangeOffset < 0 || c.rangeLength < 0 || end > length) return undefined;
    prefix = Math.min(prefix, c.rangeOffset);
    // The text after the change is the old text's end as far as no change reached it.
    suffix = Math.min(suffix, length - end);
    length += c.text.length - c.rangeLength;
  }
  if (length !== newLength) return undefined;
  return { prefix, suffix: Math.min(suffix, Math.min(oldLength, newLength) - prefix) };
}
