/**
 * Merging the rules' findings after an edit into one list, in the order
 * `analyze` gives them, with work proportional to the findings that changed.
 */
import type { Finding } from '../../finding';
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
 * position and put in among them, in one pass over the previous order that
 * allocates nothing per finding but the result. Positions are kept beside
 * the findings (`Merged`), so that the steps over all findings are loops
 * over numbers.
 */
export function merge(results: readonly RuleFindings[], previous: PreviousMerge | undefined, delta: number): Merged {
  const lists = results.map((r) => r.findings);
  const k = results.length;
  // All findings in one array (the rules' lists come in several shapes, which V8 would keep checking).
  // concat spreads one argument per rule, not per finding, and copies each list as a block: flat()
  // reads them one element at a time, ten times slower.
  const all = ([] as Finding[]).concat(...lists);
  const base = new Int32Array(k);
  for (let r = 1; r < k; r++) base[r] = base[r - 1] + lists[r - 1].length;
  // Per rule: its previous findings `kept..movedFrom - 1` are gone; its moved ones are `shift` further in its list.
  const kept = new Int32Array(k);
  const movedFrom = new Int32Array(k);
  const shift = new Int32Array(k);
  for (let r = 0; r < k; r++) {
    const length = previous ? previous.byRule[r].length : 0;
    kept[r] = results[r].kept;
    movedFrom[r] = length - results[r].moved;
    shift[r] = results[r].findings.length - length;
  }
  const fresh = mergeFresh(results);
  const total = all.length;
  const findings = new Array<Finding>(total);
  const ruleOf = new Uint16Array(total);
  const starts = new Int32Array(total);
  const ends = new Int32Array(total);
  const seen = new Int32Array(k);
  let o = 0;
  let f = 0;
  const n = previous ? previous.ruleOf.length : 0;
  for (let i = 0; i < n; i++) {
    const r = previous!.ruleOf[i];
    const j = seen[r]++;
    if (j >= kept[r] && j < movedFrom[r]) continue; // not there any more
    const moved = j >= kept[r];
    const start = moved ? previous!.starts[i] + delta : previous!.starts[i];
    const end = moved ? previous!.ends[i] + delta : previous!.ends[i];
    // The fresh findings that come before this one: by position, then rule, and, within a rule,
    // after its kept findings and before its moved ones.
    for (; f < fresh.length; f++) {
      const s = fresh.starts[f];
      const e = fresh.ends[f];
      const fr = fresh.ruleOf[f];
      if (s !== start ? s > start : e !== end ? e > end : fr !== r ? fr > r : !moved) break;
      ruleOf[o] = fr;
      findings[o] = all[base[fr] + fresh.index[f]];
      starts[o] = s;
      ends[o++] = e;
    }
    ruleOf[o] = r;
    findings[o] = all[base[r] + (moved ? j + shift[r] : j)];
    starts[o] = start;
    ends[o++] = end;
  }
  for (; f < fresh.length; f++) {
    ruleOf[o] = fresh.ruleOf[f];
    findings[o] = all[base[fresh.ruleOf[f]] + fresh.index[f]];
    starts[o] = fresh.starts[f];
    ends[o++] = fresh.ends[f];
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
  readonly length: number;
}

/** The findings of each rule that are not the previous ones, merged by position. */
function mergeFresh(results: readonly RuleFindings[]): Picked {
  const k = results.length;
  let n = 0;
  for (const r of results) n += r.findings.length - r.kept - r.moved;
  const out: Picked = { ruleOf: new Uint16Array(n), index: new Int32Array(n), starts: new Int32Array(n), ends: new Int32Array(n), length: n };
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


