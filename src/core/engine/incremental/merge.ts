/**
 * Merging the rules' findings after an edit into one list, in the order
 * `analyze` gives them, with work proportional to the findings that changed.
 */
import type { Finding } from '../../finding';
import { partitionPoint } from '../../text/search';
import type { RuleFindings } from './types';

/** The previous analysis, as the merge reads it. */
export interface PreviousMerge extends Merged {
  /** Each rule's findings (in the order of the rules), sorted by position. */
  readonly byRule: readonly (readonly Finding[])[];
}

/**
 * The findings of every rule in one list sorted by position, a rule's
 * before the next one's on ties, as analyze's stable sort orders them. The
 * previous findings that are still there (kept, or moved with the text) keep
 * their previous order; the others (few after an edit) are merged by
 * position and put in among them. Positions are kept beside the findings
 * (`Merged`), so that the steps over all findings are loops over numbers.
 */
export function merge(results: readonly RuleFindings[], previous: PreviousMerge | undefined, delta: number): Merged {
  const lists = results.map((r) => r.findings);
  const still = stillThere(results, previous, delta);
  const fresh = mergeFresh(results);
  // Where each fresh finding goes: before the first finding still there that comes after it, by
  // position, then rule, and, within a rule, after its kept findings and before its moved ones.
  const at = new Int32Array(fresh.length);
  for (let f = 0, from = 0; f < fresh.length; f++) {
    const start = fresh.starts[f];
    const end = fresh.ends[f];
    const rule = fresh.ruleOf[f];
    // Whether the finding still there at `i` comes before the fresh one.
    const stillFirst = (i: number): boolean =>
      start !== still.starts[i] ? start > still.starts[i] : end !== still.ends[i] ? end > still.ends[i] : rule !== still.ruleOf[i] ? rule > still.ruleOf[i] : still.moved[i] !== 1;
    at[f] = from = partitionPoint(still.length, stillFirst, from);
  }
  // All findings in one array (the rules' lists come in several shapes, which V8 would keep checking).
  // concat spreads one argument per rule, not per finding, and copies each list as a block: flat()
  // reads them one element at a time, ten times slower.
  const all = ([] as Finding[]).concat(...lists);
  const base = new Int32Array(lists.length);
  for (let r = 1; r < lists.length; r++) base[r] = base[r - 1] + lists[r - 1].length;
  const total = still.length + fresh.length;
  const findings = new Array<Finding>(total);
  const ruleOf = new Uint16Array(total);
  const starts = new Int32Array(total);
  const ends = new Int32Array(total);
  for (let o = 0, i = 0, f = 0; o < total; o++) {
    if (f < fresh.length && at[f] === i) {
      ruleOf[o] = fresh.ruleOf[f];
      findings[o] = all[base[fresh.ruleOf[f]] + fresh.index[f]];
      starts[o] = fresh.starts[f];
      ends[o] = fresh.ends[f++];
    } else {
      ruleOf[o] = still.ruleOf[i];
      findings[o] = all[base[still.ruleOf[i]] + still.index[i]];
      starts[o] = still.starts[i];
      ends[o] = still.ends[i++];
    }
  }
  return { findings, ruleOf, starts, ends };
}

/** Findings in order, each with the index of its rule (in `rules`) and its position. */
export interface Merged {
  readonly findings: Finding[];
  readonly ruleOf: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Some of the rules' findings, each as its rule and its index in the rule's list, with its position. */
interface Picked {
  readonly ruleOf: Uint16Array;
  readonly index: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Per finding still there: 1 when it moved with the text. */
  readonly moved: Uint8Array;
  readonly length: number;
}

function picked(n: number): Picked {
  return { ruleOf: new Uint16Array(n), index: new Int32Array(n), starts: new Int32Array(n), ends: new Int32Array(n), moved: new Uint8Array(n), length: n };
}

/** The previous findings that are still there (kept, or moved by `delta`), in their order. */
function stillThere(results: readonly RuleFindings[], previous: PreviousMerge | undefined, delta: number): Picked {
  if (!previous) return picked(0);
  const k = results.length;
  const kept = new Int32Array(k);
  const movedFrom = new Int32Array(k); // the first of the rule's previous findings that is moved
  const shift = new Int32Array(k); // how far its moved ones are in the new list
  let n = 0;
  for (let r = 0; r < k; r++) {
    const length = previous.byRule[r].length;
    kept[r] = results[r].kept;
    movedFrom[r] = length - results[r].moved;
    shift[r] = results[r].findings.length - length;
    n += results[r].kept + results[r].moved;
  }
  const out = picked(n);
  const seen = new Int32Array(k);
  for (let i = 0, o = 0; i < previous.ruleOf.length; i++) {
    const r = previous.ruleOf[i];
    const j = seen[r]++;
    if (j >= kept[r] && j < movedFrom[r]) continue;
    const moved = j < kept[r] ? 0 : 1;
    out.ruleOf[o] = r;
    out.index[o] = moved ? j + shift[r] : j;
    out.starts[o] = previous.starts[i] + moved * delta;
    out.ends[o] = previous.ends[i] + moved * delta;
    out.moved[o++] = moved;
  }
  return out;
}

/** The findings of each rule that are not the previous ones, merged by position. */
function mergeFresh(results: readonly RuleFindings[]): Picked {
  const k = results.length;
  let n = 0;
  for (const r of results) n += r.findings.length - r.kept - r.moved;
  const out = picked(n);
  // Their positions, read once.
  const starts = results.map((r) => Int32Array.from(r.findings.slice(r.kept, r.findings.length - r.moved), (f) => f.range.start));
  const ends = results.map((r) => Int32Array.from(r.findings.slice(r.kept, r.findings.length - r.moved), (f) => f.range.end));
  const next = new Int32Array(k);
  for (let o = 0; o < n; o++) {
    let best = -1;
    for (let r = 0; r < k; r++) {
      const i = next[r];
      if (i === starts[r].length) continue;
      if (best < 0 || starts[r][i] < out.starts[o] || (starts[r][i] === out.starts[o] && ends[r][i] < out.ends[o])) {
        best = r;
        out.starts[o] = starts[r][i];
        out.ends[o] = ends[r][i];
      }
    }
    out.ruleOf[o] = best;
    out.index[o] = results[best].kept + next[best]++;
  }
  return out;
}


