import type { NewsDocument, Range } from '../document';

/**
 * The range that removes lines `first..last` whole, line endings included,
 * so the lines around them keep their own endings. When the removed lines
 * are the last ones of a document that does not end with a line break, the
 * line break before them goes instead (the document still ends without
 * one). `removedAfter` says whether every line after `last` is removed too
 * (by the same batch of fixes), so that adjacent removals at the end of the
 * document never overlap: they all take the line break before them.
 */
export function lineRemovalRange(doc: NewsDocument, first: number, last: number, removedAfter = false): Range {
  const lines = doc.lines;
  const lastLine = lines[lines.length - 1];
  const atEnd = last === lines.length - 1 || removedAfter;
  if (atEnd && lastLine.text !== '' && first > 0) {
    return { start: lines[first - 1].end, end: lines[last].end };
  }
  const end = last + 1 < lines.length ? lines[last + 1].start : lines[last].end;
  // A lone CR before and an LF after would fuse into a new CRLF: take the
  // line break before the removed lines instead of the one after them.
  if (first > 0 && lines[first - 1].eol === '\r' && doc.text[end] === '\n') {
    return { start: lines[first - 1].end, end: lines[last].end };
  }
  return { start: lines[first].start, end };
}

/** The trimmed text of a line range, shortened to `max` characters for messages. */
export function excerpt(text: string, max = 24): string {
  const t = text.replace(/[\s\u3000]+/g, ' ').trim();
  const chars = Array.from(t.length > max * 2 + 8 ? t.slice(0, max * 2 + 8) : t);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}
