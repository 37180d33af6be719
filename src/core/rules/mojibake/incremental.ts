import type { Check } from '../../rule';
import { changedWindows, findMojibake, mojibakeRegion, nonAsciiCount, repairsIn, settle, settleStretch, suspiciousWindows, wholeFileVerdict, type MojibakeRepair, type SuspiciousWindows } from '../../encodings';
import { firstStartingFrom, lineSum, splicedAt } from '../../engine/incremental/carry';
import { made } from '../../engine/incremental/line-local';
import type { Change, IncrementalStrategy } from '../../engine/incremental/types';
import { repairReport, reportMojibake } from './rule';

/** mojibake's repairs as the scan found them and as settle made them, and whether they made the document mojibake as a whole. */
export interface Repairs {
  readonly scan: readonly MojibakeRepair[];
  readonly repairs: readonly MojibakeRepair[];
  readonly whole: boolean;
  /** The document's nonAsciiCount. */
  readonly nonAscii: number;
}

/**
 * The scan's repairs of the lines around the edit are found again (a run of
 * damage never holds a line break), those of the other lines are kept; then
 * settle (which may join repairs with their neighbours) makes its repairs
 * again on a stretch around them that it reads apart from the rest
 * (settleStretch). The findings of the other repairs are kept while the
 * document is not mojibake as a whole (its non-ASCII count is carried over).
 */
export const repairs: IncrementalStrategy<Repairs> = (ctx) => {
  const { document, change, previous } = ctx;
  const text = document.text;
  const old = change.old ? previous?.state : undefined;
  let reuse: { before: number; after: number } | undefined;
  const check: Check = (_, report) => {
    const nonAscii = lineSum(change, old?.nonAscii, nonAsciiCount);
    let scan: MojibakeRepair[];
    let found: MojibakeRepair[];
    let settled: MojibakeRepair[] = [];
    let before = 0;
    let after = 0;
    if (!old || !change.old) {
      scan = findMojibake(text, 0, false);
      found = settle(text, scan, 0, text.length);
    } else {
      const { start, end, oldEnd, windows } = rereadStretch(change);
      scan = old.scan.slice(0, firstStartingFrom(old.scan, start));
      for (const r of repairsIn(text, windows, start, end, 0, false)) scan.push(r);
      for (let i = firstStartingFrom(old.scan, oldEnd); i < old.scan.length; i++) scan.push(moveRepair(old.scan[i], change.delta));
      // Its gaps lie where the old text and the new one are the same: before the edit, and after it.
      const stretch = settleStretch(text, scan, start, Math.max(end, change.newTo));
      before = firstStartingFrom(old.repairs, stretch.start);
      after = old.repairs.length - firstStartingFrom(old.repairs, stretch.end - change.delta);
      settled = settle(text, scan.slice(firstStartingFrom(scan, stretch.start), firstStartingFrom(scan, stretch.end)), stretch.start, stretch.end);
      found = old.repairs.slice(0, before);
      for (const r of settled) found.push(r);
      for (let i = old.repairs.length - after; i < old.repairs.length; i++) found.push(moveRepair(old.repairs[i], change.delta));
    }
    const verdict = wholeFileVerdict(text, found, nonAscii);
    if (old && !old.whole && !verdict) {
      for (const r of settled) report(repairReport(r));
      reuse = { before, after };
    } else reportMojibake(document, found, scan, verdict, report);
    ctx.save({ scan, repairs: found, whole: verdict !== undefined, nonAscii }); // only when every finding was made
  };
  if (!old || !previous || !change.old) return made(ctx.run({ check }));
  const fresh = ctx.checkPart({ check });
  if (!fresh) return made(ctx.fallback());
  if (!reuse) return made(fresh);
  // Not mojibake as a whole before and after: one finding per repair, in order — unless the engine
  // dropped some (repairs in Japanese or Korean text are not reported): then the counts say nothing.
  const kept = previous.findings;
  if (kept.length !== old.repairs.length) return made(ctx.fallback());
  return splicedAt(kept, fresh, reuse.before, kept.length - reuse.after, change.delta);
};

/**
 * The lines whose repairs an edit may change, as `[start, end)` of the new
 * text and the end of the same lines in the old one, with the windows
 * findMojibake reads them in: the edited lines, and those that a window
 * changed by the edit reaches into (changedWindows).
 */
function rereadStretch(change: Change): { start: number; end: number; oldEnd: number; windows: SuspiciousWindows } {
  const { document, from, oldTo, newTo } = change;
  const old = change.old!;
  const changed = changedWindows(old.text, document.text, from, oldTo, newTo);
  const first = Math.min(change.first, document.lineAt(changed.start).index);
  const last = Math.max(change.last, document.lineAt(changed.end - 1).index);
  const oldLast = last > change.last ? last - change.lineDelta : change.oldLast;
  const start = document.lines[first].start;
  const end = document.lines[last].end;
  // The lines may reach out of the region: their windows are those of a region around them.
  const around = mojibakeRegion(document.text, start, end);
  return { start, end, oldEnd: old.lines[oldLast].end, windows: suspiciousWindows(document.text, around.start, around.end) };
}

function moveRepair(r: MojibakeRepair, delta: number): MojibakeRepair {
  return { ...r, start: r.start + delta, end: r.end + delta };
}
