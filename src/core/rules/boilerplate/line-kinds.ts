import type { Line, NewsDocument } from '../../document';
import type { BoilerplateKind } from './kinds';
import { knownKind, memoFor } from '../../anatomy/memo';

export type LineKinds = readonly (BoilerplateKind | undefined)[];

const cache = new WeakMap<NewsDocument, LineKinds>();

/**
 * The boilerplate kind of every line, computed once per document and shared
 * by the `boilerplate` rule and the outline (the document is immutable).
 */
export function lineKinds(doc: NewsDocument): LineKinds {
  let kinds = cache.get(doc);
  if (!kinds) {
    memoFor(doc);
    kinds = Object.freeze(doc.lines.map(lineKind));
    cache.set(doc, kinds);
  }
  return kinds;
}

/** The boilerplate kind of one line: it depends on the line's text alone (and is remembered by it). */
export function lineKind(line: Line): BoilerplateKind | undefined {
  return line.blank ? undefined : knownKind(line.text);
}

/** Gives `doc` the kinds of its lines, known otherwise (incremental analysis carries them over an edit). */
export function knowLineKinds(doc: NewsDocument, kinds: LineKinds): void {
  cache.set(doc, Object.freeze(kinds));
}
