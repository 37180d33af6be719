/**
 * What is known of a line from its text alone (its line-local boilerplate
 * kind, its shallow features), remembered by text. An edit leaves most lines
 * as they were (NewsDocument.edited hands the new document the old lines'
 * very strings), and the outline reads a document of the same text as the
 * rule did: both find their lines here instead of judging them again.
 *
 * Two generations: the lines of the document asked about now and of the one
 * before it. A line that neither has is judged. Each text is stamped with
 * the last generation that asked for it, in one map: after an edit, a line
 * as it was is one lookup, not one more entry in a new map. The texts the
 * generation before did not ask for are let go once they outnumber those it
 * did, so memory stays that of a few documents, and the sweep's cost is
 * spread over the texts it lets go.
 */
import type { BoilerplateKind } from '../rules/boilerplate/kinds';
import { boilerplateKind } from '../rules/boilerplate/kinds';
import { lineFacts, type LineFacts } from './page';

interface Known {
  /** The line-local kind; null until asked. */
  kind: BoilerplateKind | undefined | null;
  facts: LineFacts | undefined;
  /** The last generation that asked for this text. */
  seen: number;
}

const memo = new Map<string, Known>();
let generation = 0;
/** How many texts this generation asked for, and the one before it. */
let askedNow = 0;
let askedBefore = 0;
/** The generation each document started (no WeakRef: its target would live until the end of the job). */
const generations = new WeakMap<object, number>();

/** Starts a new generation when `doc` is not the document asked about last. */
export function memoFor(doc: object): void {
  if (generations.get(doc) === generation) return;
  generations.set(doc, ++generation);
  askedBefore = askedNow;
  askedNow = 0;
  // What the generation that just ended did not ask for goes, when it is most of the map.
  if (memo.size > 2 * askedBefore + 1024) for (const [text, k] of memo) if (k.seen < generation - 1) memo.delete(text);
}

function known(text: string): Known {
  let k = memo.get(text);
  if (!k) {
    k = { kind: null, facts: undefined, seen: generation };
    memo.set(text, k);
    askedNow++;
  } else if (k.seen !== generation) {
    k.seen = generation;
    askedNow++;
  }
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
