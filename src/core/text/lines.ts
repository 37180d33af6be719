import type { NewsDocument, Range } from '../document';

/**
 * The range that removes lines `first..last` whole, line endings included,
 * so the lines around them keep their own endings. When the removed lines
 * are the last ones of a document that does not end with a line break, the
 * line break before them goes instead (the document still ends without
 * one). `removedAfter` says whether every line after `last` is removed too
 * (by the same batch of fixes), so that adjacent removals at the end of the
 * document never overlap: they all take the line break before them.
 *
 * A removal must never bring a lone CR and an LF together (they would fuse
 * into a new CRLF): the line break before the lines is taken instead of the
 * one after them, and when both would fuse (`\r\r<line>\n\n`), there is
 * no safe removal and the result is undefined. Nor may a removal at the
 * start of the document leave a U+FEFF there (`<line>\n\ufeff…`): it would
 * become a byte-order mark; there is no line break before to take instead,
 * so there is no safe removal either.
 */
export function lineRemovalRange(doc: NewsDocument, first: number, last: number, removedAfter = false): Range | undefined {
  const lines = doc.lines;
  const text = doc.text;
  const unsafe = (r: Range) =>
    r.start > 0 ? text.charCodeAt(r.start - 1) === 0x0d && text.charCodeAt(r.end) === 0x0a : text.charCodeAt(r.end) === 0xfeff;
  const before: Range | undefined = first > 0 ? { start: lines[first - 1].end, end: lines[last].end } : undefined;
  const atEnd = last === lines.length - 1 || removedAfter;
  if (atEnd && lines[lines.length - 1].text !== '' && before) return unsafe(before) ? undefined : before;
  const after: Range = { start: lines[first].start, end: last + 1 < lines.length ? lines[last + 1].start : lines[last].end };
  if (!unsafe(after)) return after;
  return before && !unsafe(before) ? before : undefined;
}

/** The trimmed text of a line range, shortened to `max` characters for messages. */
export function excerpt(text: string, max = 24): string {
  const t = text.replace(/[\s\u3000]+/g, ' ').trim();
  const chars = Array.from(t.length > max * 2 + 8 ? t.slice(0, max * 2 + 8) : t);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

/**
 * The matches of a global pattern that does not cross line breaks, in the
 * document's lines (a view's lines only); indices are offsets in the text.
 */
export function* matchesIn(doc: NewsDocument, pattern: RegExp): Generator<RegExpExecArray> {
  const { start, end } = doc.span;
  for (const m of doc.text.slice(start, end).matchAll(pattern)) {
    m.index += start;
    yield m as RegExpExecArray;
  }
}
