/** The outline's entries: each carries the heading line and the whole part it heads. */
import type { Range } from '../document';

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
