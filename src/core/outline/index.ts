/**
 * The article's anatomy as a tree of entries. Each entry carries two ranges,
 * as vscode-markdown-languageservice's table of contents does: the heading
 * line itself (`selectionRange`) and the whole part it heads (`range`), so
 * the symbol tree and folding ranges are short adapters.
 *
 * Headings are recognised by shape and context, never by a list of known
 * headings: a short standalone line followed by prose, or a `place:title`
 * line; a run of such lines at the top followed by a dateline or by each
 * other is the title block.
 */
import type { NewsDocument, Range } from '../document';
import { isPlaceTitleShape, isProse, isShortHeadingShape } from '../classify';

export type OutlineKind = 'title' | 'subtitle' | 'dateline' | 'section' | 'subsection' | 'speaker' | 'caption' | 'credits' | 'boilerplate';

export interface OutlineEntry {
  readonly name: string;
  readonly kind: OutlineKind;
  /** 0-based first and last line of `range`. */
  readonly line: number;
  readonly endLine: number;
  /** The heading line. */
  readonly selectionRange: Range;
  /** The heading and everything it heads. */
  readonly range: Range;
  readonly children: readonly OutlineEntry[];
}

/** A news dateline / lead source: `本报讯`, `交汇点讯 1月29日`, `新华社北京7月1日电`. */
const DATELINE = /^\s*[^\s，。,]{0,12}?(讯|訊|电|電)[\s(（]|^\s*[^\s，。,]{0,12}(讯|訊)\s*\d{1,2}月\d{1,2}日/;

export function isDateline(text: string): boolean {
  return DATELINE.test(text);
}

interface Mark {
  line: number;
  kind: OutlineKind;
}

export function parseOutline(doc: NewsDocument): OutlineEntry[] {
  const lines = doc.lines;
  const nonBlank = lines.filter((l) => !l.blank).map((l) => l.index);
  if (nonBlank.length === 0) return [];
  const heading = (i: number) => isShortHeadingShape(lines[i].text) || isPlaceTitleShape(lines[i].text);
  const marks: Mark[] = [];

  // The title block: heading-shaped lines at the top, two or more of them, or
  // one followed by a dateline.
  let k = 0;
  while (k < nonBlank.length && isShortHeadingShape(lines[nonBlank[k]].text)) k++;
  const afterBlock = nonBlank[k];
  const titled = k >= 2 || (k === 1 && afterBlock !== undefined && isDateline(lines[afterBlock].text));
  let first = 0;
  if (titled) {
    marks.push({ line: nonBlank[0], kind: 'title' });
    first = k;
  }

  for (let n = first; n < nonBlank.length; n++) {
    const i = nonBlank[n];
    const next = nonBlank[n + 1];
    if (next === undefined) continue;
    const prev = nonBlank[n - 1];
    if (isPlaceTitleShape(lines[i].text)) {
      if (!heading(next)) marks.push({ line: i, kind: 'section' });
    } else if (isShortHeadingShape(lines[i].text)) {
      const standalone = prev === undefined || !heading(prev);
      if (standalone && isProse(lines[next].text)) marks.push({ line: i, kind: 'section' });
    }
  }
  return build(doc, marks);
}

function build(doc: NewsDocument, marks: Mark[]): OutlineEntry[] {
  const lines = doc.lines;
  const lastContent = (from: number, before: number) => {
    let j = before - 1;
    while (j > from && lines[j].blank) j--;
    return j;
  };
  const entry = (m: Mark, endLine: number, children: OutlineEntry[]): OutlineEntry => {
    const head = lines[m.line];
    return {
      name: head.text.trim(),
      kind: m.kind,
      line: m.line,
      endLine,
      selectionRange: { start: head.start, end: head.end },
      range: { start: head.start, end: lines[endLine].end },
      children,
    };
  };
  const sections = marks.filter((m) => m.kind === 'section');
  const sectionEntries = sections.map((m, idx) => {
    const stop = idx + 1 < sections.length ? sections[idx + 1].line : lines.length;
    return entry(m, lastContent(m.line, stop), []);
  });
  const title = marks.find((m) => m.kind === 'title');
  if (!title) return sectionEntries;
  return [entry(title, lastContent(title.line, lines.length), sectionEntries)];
}
