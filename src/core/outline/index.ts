/**
 * The article's anatomy as a tree of entries. Each entry carries two ranges,
 * as vscode-markdown-languageservice's table of contents does: the heading
 * line itself (`selectionRange`) and the whole part it heads (`range`), so
 * the symbol tree and folding ranges are short adapters. The parser is in
 * anatomy.ts.
 */
import type { Range } from '../document';

export { parseAnatomy as parseOutline } from './anatomy';

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
