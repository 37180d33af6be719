import type { Finding } from '../../finding';
import type { Check } from '../../rule';
import { moved } from '../../engine/incremental/carry';
import { made } from '../../engine/incremental/line-local';
import type { IncrementalStrategy } from '../../engine/incremental/types';
import { boilerplateReport, removableLines, removedKinds, type RemovableLine } from './rule';

/** boilerplate's lines. */
export interface BoilerplateState {
  readonly entries: readonly RemovableLine[];
}

/**
 * The kind of each line is carried over (lineKinds). A line's finding depends on its
 * text, its kind, its neighbours (where a removal may end) and, for removals
 * at the end, on the lines after it: the findings of lines away from the
 * edit whose entries are as they were are kept.
 */
export const boilerplateLines: IncrementalStrategy<BoilerplateState> = (ctx) => {
  const { document, change, previous } = ctx;
  const lines = document.lines;
  const old = change.old ? previous?.state : undefined;
  const kept = previous?.findings;
  const remove = removedKinds(ctx.settings);
  let entries: readonly RemovableLine[] = [];
  /** For each entry, the index of the old one (and finding) it repeats, or -1. */
  let same: Int32Array | undefined;
  const check: Check = (_, report) => {
    entries = removableLines(document, remove);
    if (!old || !kept || !change.old) {
      for (const e of entries) report(boilerplateReport(document, e, remove));
      ctx.save({ entries }); // only when every finding was made
      return;
    }
    const oldLines = change.old.lines;
    same = new Int32Array(entries.length).fill(-1);
    for (let k = 0, o = 0; k < entries.length; k++) {
      const e = entries[k];
      const i = e.line;
      // Away from the edit: the line, and what its removal depends on, unchanged. Before the edit, that is
      // the line after it up to its first character; after it, the end of the line before it too.
      if (i < change.first || i >= change.last + 2) {
        const oi = i < change.first ? i : i - change.lineDelta;
        while (o < old.entries.length && old.entries[o].line < oi) o++;
        const p = old.entries[o];
        if (
          p?.line === oi &&
          p.kind === e.kind &&
          p.whole === e.whole &&
          p.removedAfter === e.removedAfter &&
          // A removal at the end depends on the last line.
          (!e.removedAfter || i > change.last) &&
          // The fix's title names the line.
          (i < change.first || change.lineDelta === 0 || !e.whole) &&
          (e.whole || (p.range!.start - oldLines[oi].start === e.range!.start - lines[i].start && p.range!.end - p.range!.start === e.range!.end - e.range!.start))
        ) {
          same[k] = o;
          continue;
        }
      }
      report(boilerplateReport(document, e, remove));
    }
    ctx.save({ entries });
  };
  if (!old || !kept || !change.old) return made(ctx.run({ check }));
  const fresh = ctx.checkPart({ check });
  if (!fresh || !same) return made(ctx.fallback());
  const findings: Finding[] = [];
  let keptBefore = 0; // the first findings, the old ones where they were
  let movedAfter = 0; // the last ones, the old last ones moved
  for (let k = 0, n = 0; k < entries.length; k++) {
    const o = same[k];
    if (o < 0) findings.push(fresh[n++]);
    else findings.push(entries[k].line < change.first || change.delta === 0 ? kept[o] : moved(kept[o], change.delta));
    if (o === k && keptBefore === k && entries[k].line < change.first) keptBefore++;
    movedAfter = o >= 0 && entries[k].line > change.last && kept.length - o === entries.length - k ? movedAfter + 1 : 0;
  }
  return { findings, kept: keptBefore, moved: Math.min(movedAfter, kept.length - keptBefore, findings.length - keptBefore) };
};
