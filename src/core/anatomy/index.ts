/**
 * The page anatomy of a document (page.ts), computed once per document from
 * its lines and their line-local kinds, and shared by the `boilerplate` rule,
 * `duplicate-block` and the outline.
 */
import type { NewsDocument } from '../document';
import { lineKinds, type LineKinds } from '../rules/boilerplate/line-kinds';
import { pageAnatomy, type PageAnatomy } from './page';

export { pageAnatomy, isDatedSourceLine, type PageAnatomy, type PageKind } from './page';

const cache = new WeakMap<NewsDocument, PageAnatomy>();

export function documentAnatomy(doc: NewsDocument): PageAnatomy {
  let a = cache.get(doc);
  if (!a) {
    const lines = doc.lines;
    const texts = new Array<string>(lines.length);
    for (let i = 0; i < lines.length; i++) texts[i] = lines[i].blank ? '' : lines[i].text;
    a = pageAnatomy(texts, lineKinds(doc));
    cache.set(doc, a);
  }
  return a;
}

/** The kind of every line in its page's context. */
export function documentKinds(doc: NewsDocument): LineKinds {
  return documentAnatomy(doc).kinds;
}
