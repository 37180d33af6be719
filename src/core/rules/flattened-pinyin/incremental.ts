import type { Finding, Fix } from '../../finding';
import type { Check } from '../../rule';
import { firstAtOrAfter, shift, withFix } from '../../engine/incremental/carry';
import { made } from '../../engine/incremental/line-local';
import type { IncrementalStrategy } from '../../engine/incremental/types';
import type { Line } from '../../document';
import { fixTouchesJapaneseKorean } from '../../text/japanese-korean';
import { overlapsSpan, type Span } from '../../text/spans';
import { partitionPoint } from '../../text/search';
import { allDense, denseLine, findAnnotations, removeAllFix, reportAnnotations, type Annotation } from './rule';

/** flattened-pinyin's annotations, by line. */
export interface Annotated {
  readonly byLine: readonly (AnnotatedLine | undefined)[];
  readonly count: number;
}

interface AnnotatedLine {
  readonly list: readonly Annotation[];
  /** Where the line started when they were found (they move with it). */
  readonly lineStart: number;
}

/**
 * The annotations are found per line and carried over with their lines.
 * When all of them are dense before and after the edit, a line's finding
 * depends on its annotations alone besides the one fix that removes them
 * all: the findings of unchanged lines are kept with the new fix. Otherwise
 * the findings are made from all annotations again.
 */
export const annotations: IncrementalStrategy<Annotated> = (ctx) => {
  const { document, change, previous } = ctx;
  const lines = document.lines;
  const old = change.old ? previous?.state : undefined;
  let annotated: Annotated | undefined;
  /** The annotations of lines `first..last` (the whole document without an old state). */
  const find = (first: number, last: number): Annotated => {
    const byLine = new Array<AnnotatedLine | undefined>(last - first + 1);
    let count = 0;
    for (const a of findAnnotations(document.view(first, last))) {
      const i = a.line - first;
      if (byLine[i]) (byLine[i].list as Annotation[]).push(a);
      else byLine[i] = { list: [a], lineStart: lines[a.line].start };
      count++;
    }
    return { byLine, count };
  };
  // All dense before and after: the findings of unchanged lines are kept.
  const canReuse = !!(old && previous && change.old && allDense(old.count));
  let reused = false;
  let fix: Fix | undefined;
  const check: Check = (_, report) => {
    if (!old || !change.old) annotated = find(0, lines.length - 1);
    else {
      const edited = find(change.first, change.last);
      let count = old.count + edited.count;
      for (let i = change.first; i <= change.oldLast; i++) count -= old.byLine[i]?.list.length ?? 0;
      const byLine: (AnnotatedLine | undefined)[] = old.byLine.slice(0, change.first);
      for (const e of edited.byLine) byLine.push(e);
      for (let i = change.oldLast + 1; i < old.byLine.length; i++) byLine.push(old.byLine[i]);
      annotated = { byLine, count };
    }
    reused = canReuse && allDense(annotated.count);
    const all = annotationsNow(annotated, lines);
    if (!reused) reportAnnotations(document, [...all()], report);
    else {
      const now = annotated;
      fix = removeAllFix(document, annotated.count, all, (spans) => annotationsOverlap(now, lines, spans));
      // Messages name lines: after an edit that adds or removes lines, the later findings are made again.
      const to = change.lineDelta === 0 ? change.last : lines.length - 1;
      for (let i = change.first; i <= to; i++) {
        const e = annotated.byLine[i];
        if (e) report(denseLine(i, e.list, fix, lines[i].start - e.lineStart));
      }
    }
    ctx.save(annotated);
  };
  if (!canReuse) return made(ctx.run({ check }));
  const fresh = ctx.checkPart({ check });
  if (!fresh) return made(ctx.fallback());
  if (!reused) return made(fresh);
  const kept = previous!.findings;
  const oldLines = change.old!.lines;
  const keptBefore = firstAtOrAfter(kept, oldLines[change.first].start);
  const keptAfter = change.lineDelta === 0 && change.oldLast + 1 < oldLines.length ? firstAtOrAfter(kept, oldLines[change.oldLast + 1].start) : kept.length;
  // The kept findings get the new fix, unless one of its edits touches Japanese or Korean text: then,
  // as the engine does with a report (text/japanese-korean.ts), they have none.
  const keptFix = fixTouchesJapaneseKorean(document, fix!) ? undefined : fix;
  const findings: Finding[] = [];
  for (let i = 0; i < keptBefore; i++) findings.push(withFix(kept[i], kept[i].range, keptFix));
  for (const f of fresh) findings.push(f);
  for (let i = keptAfter; i < kept.length; i++) findings.push(withFix(kept[i], shift(kept[i].range, change.delta), keptFix));
  return { findings, kept: keptBefore, moved: kept.length - keptAfter };
};

/**
 * Every annotation of `annotated`, where it is now on `lines`. Made here, out
 * of the strategy, so that the fix that removes them all (which keeps this
 * to make its edits on first use) holds these two alone: a closure made in
 * the strategy would hold its context, and with it the previous analysis and
 * every one before it.
 */
function annotationsNow(annotated: Annotated, lines: readonly Line[]): () => Generator<Annotation> {
  return function* () {
    for (let i = 0; i < lines.length; i++) {
      const e = annotated.byLine[i];
      if (!e) continue;
      const moved = lines[i].start - e.lineStart;
      for (const a of e.list) yield moved === 0 ? a : { ...a, start: a.start + moved, end: a.end + moved, line: i };
    }
  };
}

/** Whether one of the annotations, where they are now, overlaps `spans` (sorted): only the lines the spans touch are looked at. */
function annotationsOverlap(annotated: Annotated, lines: readonly Line[], spans: readonly Span[]): boolean {
  let i = 0;
  for (const span of spans) {
    // The first line not wholly before the span (an annotation lies within its line).
    i = partitionPoint(lines.length, (m) => lines[m].end < span.start, i);
    for (; i < lines.length && lines[i].start <= span.end; i++) {
      const e = annotated.byLine[i];
      if (!e) continue;
      const moved = lines[i].start - e.lineStart;
      for (const a of e.list) if (overlapsSpan(spans, a.start + moved, a.end + moved)) return true;
    }
    // The next span may start on the line this one ended on.
    i = Math.max(0, i - 1);
  }
  return false;
}
