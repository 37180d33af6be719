/**
 * What is known of a line from its text alone (its line-local boilerplate
 * kind, its shallow features), remembered by text. An edit leaves most lines
 * as they were (NewsDocument.edited hands the new document the old lines'
 * very strings), and the outline reads a document of the same text as the
 * rule did: both find their lines here instead of judging them again.
 *
 * Two generations: the lines of the document asked about now and of the one
 * before it. A line that neither has is judged; the older generation is let
 * go when another document comes, so memory stays that of two documents.
 */
import type { BoilerplateKind } from '../rules/boilerplate/kinds';
import { boilerplateKind } from '../rules/boilerplate/kinds';
import { lineFacts, type LineFacts } from './page';

interface Known {
  /** The line-local kind; null until asked. */
  kind: BoilerplateKind | undefined | null;
  facts: LineFacts | undefined;
}

let current = new Map<string, Known>();
let previous = new Map<string, Known>();
let owner: WeakRef<object> | undefined;

/** Starts a new generation when `doc` is not the document asked about last. */
export function memoFor(doc: object): void {
  if (owner?.deref() === doc) return;
  owner = new WeakRef(doc);
  previous = current;
  current = new Map();
}

function known(text: string): Known {
  let k = current.get(text);
  if (k) return k;
  k = previous.get(text) ?? { kind: null, facts: undefined };
  current.set(text, k);
  return k;
}

/** boilerplateKind of a non-blank line's text, remembered. */
export function knownKind(text: string): BoilerplateKind | undefined {
  const k = known(text);
  if (k.kind === null) k.kind = boilerplateKind(text);
  return k.kind;
}

/** lineFacts of a non-blank line's text, remembered. */
export function knownFacts(text: string): LineFacts {
  const k = known(text);
  return (k.facts ??= lineFacts(text));
}
