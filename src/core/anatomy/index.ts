/**
 * The page anatomy of a document (page.ts), computed once per document from
 * its lines and their line-local kinds, and shared by the `boilerplate` rule,
 * `duplicate-block` and the outline.
 *
 * Cheap after an edit: what is known of each line is carried over with the
 * line (NewsDocument.lineValues), or else remembered by its text (memo.ts),
 * so only the edited lines are judged again; an edit inside the body that
 * leaves the anatomy as it was (unchangedBy) keeps it, and otherwise the
 * pass over the whole document is one over arrays. A document of the same
 * text as the last one (the outline's, after the rule's) gets the same
 * anatomy.
 */
import type { LineEdit, NewsDocument } from '../document';
import { KINDS, lineKinds, type LineKinds } from '../rules/boilerplate/line-kinds';
import { knownFacts, memoFor } from './memo';
import { anatomyOf, bodyRun, lineWeight, sameInBody, sameShortInBody, type LineFacts, type PageAnatomy } from './page';
import { partitionPoint } from '../text/search';

export { pageAnatomy, isDatedSourceLine, type PageAnatomy, type PageKind } from './page';

/** Keys of NewsDocument.lineValues and documentValue: the lines' facts, their weights, the anatomy. */
const FACTS = {};
const WEIGHTS = {};
const ANATOMY = {};
const NON_BLANK = {};
let last: { text: string; lineCount: number; anatomy: PageAnatomy } | undefined;

export function documentAnatomy(doc: NewsDocument): PageAnatomy {
  const a = doc.documentValue(ANATOMY, () => freshAnatomy(doc), (old, edit) => (unchangedBy(doc, old, edit) ? old : undefined));
  last = { text: doc.text, lineCount: doc.lineCount, anatomy: a };
  return a;
}

function freshAnatomy(doc: NewsDocument): PageAnatomy {
  if (last && last.lineCount === doc.lineCount && last.text === doc.text) return last.anatomy;
  memoFor(doc);
  const lines = doc.lines;
  const texts = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) texts[i] = lines[i].blank ? '' : lines[i].text;
  const facts = factsOf(doc);
  return anatomyOf(texts, lineKinds(doc), (i) => facts[i]!);
}

/**
 * The weight of each line in the search for the body (NaN: blank), from the
 * lines' facts and kinds; carried over edits with the lines, and asked only
 * by an edit's carry (unchangedBy), never by a whole analysis.
 */
function weightsOf(doc: NewsDocument, facts: readonly (LineFacts | undefined)[], kinds: LineKinds): readonly number[] {
  return doc.lineValues(WEIGHTS, (line) => (line.blank ? NaN : lineWeight(facts[line.index]!, kinds[line.index])));
}

/** Whether no line within three non-blank lines of line `i` reads `s` or `u` (a caption is a line printed twice nearby). */
function apart(doc: NewsDocument, facts: readonly (LineFacts | undefined)[], i: number, s: string, u: string): boolean {
  const idx = nonBlankLines(doc);
  const k = partitionPoint(idx.length, (m) => idx[m] < i);
  for (let j = Math.max(0, k - 3); j <= k + 3 && j < idx.length; j++) {
    const t = j === k ? undefined : facts[idx[j]]?.t;
    if (t === s || t === u) return false;
  }
  return true;
}

/** The indices of the non-blank lines; kept over an edit that keeps every line's blankness. */
function nonBlankLines(doc: NewsDocument): Int32Array {
  return doc.documentValue(
    NON_BLANK,
    () => {
      const idx: number[] = [];
      for (let i = 0; i < doc.lineCount; i++) if (!doc.lines[i].blank) idx.push(i);
      return Int32Array.from(idx);
    },
    (old, edit) => {
      const oldFacts = edit.oldLineValues(FACTS);
      if (edit.lineDelta !== 0 || !oldFacts) return undefined;
      for (let i = edit.first; i < edit.next; i++) if (doc.lines[i].blank !== (oldFacts[i] === undefined)) return undefined;
      return old;
    },
  );
}

function factsOf(doc: NewsDocument): readonly (LineFacts | undefined)[] {
  return doc.lineValues(FACTS, (line) => (line.blank ? undefined : knownFacts(line.text)));
}

/**
 * Whether an edit leaves the anatomy as it was, so that it is not worked out
 * again on every keystroke: the edit kept the lines' count and blankness, it
 * touched only lines inside the body, each read the same there (sameInBody,
 * the same line-local kind), and the body found again from the lines'
 * weights is the same run. Then every pass of anatomyOf reads what it read
 * before.
 */
function unchangedBy(doc: NewsDocument, old: PageAnatomy, edit: LineEdit): boolean {
  if (edit.lineDelta !== 0 || old.bodyStart < 0) return false;
  const oldFacts = edit.oldLineValues(FACTS) as readonly (LineFacts | undefined)[] | undefined;
  const oldKinds = edit.oldLineValues(KINDS) as LineKinds | undefined;
  if (!oldFacts || !oldKinds) return false;
  memoFor(doc);
  const facts = factsOf(doc);
  const kinds = lineKinds(doc);
  for (let i = edit.first; i < edit.next; i++) {
    const was = oldFacts[i];
    const now = facts[i];
    if (!was || !now) {
      if (was !== now) return false;
      continue;
    }
    if (i <= old.bodyStart || i >= old.bodyEnd || kinds[i] !== oldKinds[i]) return false;
    if (!sameInBody(was, now) && !(edit.next - edit.first === 1 && sameShortInBody(was, now) && apart(doc, facts, i, was.t, now.t))) return false;
  }
  const weights = weightsOf(doc, facts, kinds);
  const idx = nonBlankLines(doc);
  const body = bodyRun(idx.length, (k) => weights[idx[k]]);
  return body !== undefined && idx[body.start] === old.bodyStart && idx[body.end] === old.bodyEnd;
}

/** The kind of every line in its page's context. */
export function documentKinds(doc: NewsDocument): LineKinds {
  return documentAnatomy(doc).kinds;
}
