import type { Line, NewsDocument } from '../../document';
import type { BoilerplateKind } from './kinds';
import { knownKind, memoFor } from '../../anatomy/memo';

export type LineKinds = readonly (BoilerplateKind | undefined)[];

/** The key of the lines' kinds (NewsDocument.lineValues). */
export const KINDS = {};

/**
 * The boilerplate kind of every line, computed once per document and shared
 * by the `boilerplate` rule and the outline (the document is immutable);
 * after an edit, only the edited lines' (NewsDocument.lineValues).
 */
export function lineKinds(doc: NewsDocument): LineKinds {
  let asked = false;
  return doc.lineValues(KINDS, (line) => {
    if (!asked) memoFor(doc);
    asked = true;
    return lineKind(line);
  });
}

/** The boilerplate kind of one line: it depends on the line's text alone (and is remembered by it). */
export function lineKind(line: Line): BoilerplateKind | undefined {
  return line.blank ? undefined : knownKind(line.text);
}
