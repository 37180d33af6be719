/**
 * The fixes of a clean-up as separate, reviewable replacements of the
 * original text. Fix-all runs in passes (repairs of the characters first,
 * then the rules that judge the repaired text, then what the joins made
 * visible) and reports the fixes of each; a later pass's edits are in the
 * coordinates of the text the earlier passes made. Each of them is mapped back to the original text;
 * where it touches what an earlier fix wrote, the two become one entry (one
 * cannot be applied without the other). The entries' replacements, applied
 * together, give exactly fix-all's text — checked, and when the check fails
 * the whole clean-up is one entry of minimal edits: never a wrong review.
 *
 * No `vscode` import: the plan is tested on plain Node.
 */
import type { Edit, Finding, FixAllOptions, Range } from '../core';
import { engine } from './engine';

export interface ReviewEntry {
  /** Offsets into the original text (UTF-16). */
  readonly range: Range;
  readonly text: string;
  /** The fixes this replacement carries out; the first one names it. */
  readonly findings: readonly Finding[];
}

export interface ReviewPlan {
  readonly before: string;
  readonly after: string;
  /** Sorted, not overlapping. */
  readonly entries: readonly ReviewEntry[];
  /** Every fix applied, in the order fix-all applied them. */
  readonly applied: readonly Finding[];
  /** False when the entries could not be attributed to fixes (one anonymous entry per minimal edit). */
  readonly attributed: boolean;
}

interface PassEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly finding: number;
}

export function planReview(text: string, options: Omit<FixAllOptions, 'onPass'> = {}): ReviewPlan {
  if (text.charCodeAt(0) === 0xfeff) {
    const inner = planReview(text.slice(1), options);
    const shift = (r: Range): Range => ({ start: r.start + 1, end: r.end + 1 });
    return {
      ...inner,
      before: text,
      after: '\ufeff' + inner.after,
      entries: inner.entries.map((e) => ({ ...e, range: shift(e.range) })),
    };
  }
  const findings: Finding[] = [];
  const passes: PassEdit[][] = [];
  const { text: after } = engine().fixAll(text, {
    ...options,
    onPass: (applied) => {
      const edits: PassEdit[] = [];
      for (const f of applied) {
        const id = findings.push(f) - 1;
        for (const e of f.fix!.edits) {
          if (e.range.start === e.range.end && e.text === '') continue;
          edits.push({ start: e.range.start, end: e.range.end, text: e.text, finding: id });
        }
      }
      edits.sort((a, b) => a.start - b.start || a.end - b.end);
      passes.push(edits);
    },
  });
  if (after === text) return { before: text, after, entries: [], applied: findings, attributed: true };
  const entries = attribute(text, after, passes, findings);
  if (entries) return { before: text, after, entries, applied: findings, attributed: true };
  return {
    before: text,
    after,
    entries: engine().minimalEdits(text, after).map((e: Edit) => ({ range: e.range, text: e.text, findings: [] })),
    applied: findings,
    attributed: false,
  };
}

/** The entries, or undefined when they do not reproduce `after` exactly. */
function attribute(before: string, after: string, passes: readonly PassEdit[][], findings: readonly Finding[]): ReviewEntry[] | undefined {
  // Union-find over the fixes: fixes that must go together.
  const parent = findings.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // Per pass: where each edit's output lies in the next text, and the deltas before it.
  const outputs = passes.map((edits) => {
    const outStart: number[] = [];
    const deltaBefore: number[] = [];
    let delta = 0;
    for (const e of edits) {
      deltaBefore.push(delta);
      outStart.push(e.start + delta);
      delta += e.text.length - (e.end - e.start);
    }
    deltaBefore.push(delta);
    return { outStart, deltaBefore };
  });
  // Every edit as a segment of the original text.
  const segments: { start: number; end: number; finding: number }[] = [];
  for (let p = 0; p < passes.length; p++) {
    for (const e of passes[p]) {
      let s = e.start;
      let t = e.end;
      for (let q = p - 1; q >= 0; q--) {
        const edits = passes[q];
        const { outStart, deltaBefore } = outputs[q];
        // The first edit whose output ends at or after s.
        let lo = 0;
        let hi = edits.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (outStart[mid] + edits[mid].text.length < s) lo = mid + 1;
          else hi = mid;
        }
        let last = lo - 1;
        while (last + 1 < edits.length && outStart[last + 1] <= t) {
          last++;
          union(e.finding, edits[last].finding);
        }
        if (last < lo) {
          s -= deltaBefore[lo];
          t -= deltaBefore[lo];
        } else {
          s = Math.min(edits[lo].start, s - deltaBefore[lo]);
          t = Math.max(edits[last].end, t - deltaBefore[last + 1]);
        }
      }
      segments.push({ start: s, end: t, finding: e.finding });
    }
  }
  segments.sort((a, b) => a.start - b.start || a.end - b.end);
  // Merge overlapping segments, and insertions touching a neighbour.
  const merged: { start: number; end: number; finding: number }[] = [];
  for (const seg of segments) {
    const prev = merged[merged.length - 1];
    if (prev && (seg.start < prev.end || (seg.start === prev.end && (seg.start === seg.end || prev.start === prev.end)))) {
      prev.end = Math.max(prev.end, seg.end);
      union(prev.finding, seg.finding);
    } else {
      merged.push({ ...seg });
    }
  }
  // Where each segment lies in the final text: forward through the passes.
  const bounds = merged.map((m) => ({ start: m.start, end: m.end }));
  for (const edits of passes) {
    let i = 0;
    let delta = 0;
    for (const b of bounds) {
      while (i < edits.length && edits[i].start < b.start) {
        delta += edits[i].text.length - (edits[i].end - edits[i].start);
        i++;
      }
      const start = b.start + delta;
      while (i < edits.length && (edits[i].start < b.end || (edits[i].start === b.end && edits[i].end === b.end))) {
        delta += edits[i].text.length - (edits[i].end - edits[i].start);
        i++;
      }
      b.start = start;
      b.end = b.end + delta;
    }
  }
  const members = new Map<number, Finding[]>();
  for (let i = 0; i < findings.length; i++) {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(findings[i]);
    else members.set(root, [findings[i]]);
  }
  const entries: ReviewEntry[] = [];
  let rebuilt = '';
  let cursor = 0;
  let finalCursor = 0;
  for (let k = 0; k < merged.length; k++) {
    const m = merged[k];
    const b = bounds[k];
    if (b.start < finalCursor || b.end < b.start) return undefined;
    const replacement = after.slice(b.start, b.end);
    rebuilt += before.slice(cursor, m.start) + replacement;
    cursor = m.end;
    finalCursor = b.end;
    if (replacement !== before.slice(m.start, m.end)) {
      entries.push({ range: { start: m.start, end: m.end }, text: replacement, findings: members.get(find(m.finding)) ?? [] });
    }
  }
  rebuilt += before.slice(cursor);
  return rebuilt === after ? entries : undefined;
}
