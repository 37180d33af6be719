import type { NewsDocument } from '../document';
import { boilerplateKind, type BoilerplateKind } from '../classify';

const cache = new WeakMap<NewsDocument, readonly (BoilerplateKind | undefined)[]>();

/**
 * The boilerplate kind of every line, computed once per document and shared
 * by the `boilerplate` rule and the outline (the document is immutable).
 */
export function lineKinds(doc: NewsDocument): readonly (BoilerplateKind | undefined)[] {
  let kinds = cache.get(doc);
  if (!kinds) {
    kinds = Object.freeze(doc.lines.map((l) => (l.blank ? undefined : boilerplateKind(l.text))));
    cache.set(doc, kinds);
  }
  return kinds;
}
