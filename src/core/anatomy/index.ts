/**
 * The page anatomy of a document (page.ts), computed once per document from
 * its lines and their line-local kinds, and shared by the `boilerplate` rule,
 * `duplicate-block` and the outline.
 *
 * Cheap after an edit: what is known of each line is carried over with the
 * line (NewsDocument.lineValues), or else remembered by its text (memo.ts),
 * so only the edited lines are judged again, and the pass over
 * the whole document is one over arrays. A document of the same text as the
 * last one (the outline's, after the rule's) gets the same anatomy.
 */
import type { NewsDocument } from '../document';
import { lineKinds, type LineKinds } from '../rules/boilerplate/line-kinds';
import { knownFacts, memoFor } from './memo';
import { anatomyOf, type PageAnatomy } from './page';

export { pageAnatomy, isDatedSourceLine, type PageAnatomy, type PageKind } from './page';

const cache = new WeakMap<NewsDocument, PageAnatomy>();
/** The key of the lines' facts (NewsDocument.lineValues). */
const FACTS = {};
let last: { text: string; lineCount: number; anatomy: PageAnatomy } | undefined;

export function documentAnatomy(doc: NewsDocument): PageAnatomy {
  let a = cache.get(doc);
  if (a) return a;
  if (last && last.lineCount === doc.lineCount && last.text === doc.text) a = last.anatomy;
  else {
    memoFor(doc);
    const lines = doc.lines;
    const texts = new Array<string>(lines.length);
    for (let i = 0; i < lines.length; i++) texts[i] = lines[i].blank ? '' : lines[i].text;
    const facts = doc.lineValues(FACTS, (line) => (line.blank ? undefined : knownFacts(line.text)));
    a = anatomyOf(texts, lineKinds(doc), (i) => facts[i]!);
    last = { text: doc.text, lineCount: doc.lineCount, anatomy: a };
  }
  cache.set(doc, a);
  return a;
}

/** The kind of every line in its page's context. */
export function documentKinds(doc: NewsDocument): LineKinds {
  return documentAnatomy(doc).kinds;
}
