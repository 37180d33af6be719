/**
 * The generic toolkit of incremental strategies: carrying findings over an
 * edit, moving what lies after it, counting over the edited lines only
 * (values per line are carried by the document: NewsDocument.lineValues).
 * Knows no rule.
 */
import type { Range } from '../../document';
import { makeFinding, movedData, withData, type Edit, type Finding, type Fix } from '../../finding';
import { partitionPoint } from '../../text/search';
import type { Change } from './types';

/** Index of the first finding that starts at or after `offset` (findings sorted by position). */
export function firstAtOrAfter(findings: readonly Finding[], offset: number): number {
  return partitionPoint(findings.length, (i) => findings[i].range.start < offset);
}

/** Index of the first item (in order of `start`) that starts at or after `offset`. */
export function firstStartingFrom(items: readonly { readonly start: number }[], offset: number): number {
  return partitionPoint(items.length, (i) => items[i].start < offset);
}

/** A finding with another range and fix (or none). */
export function withFix(f: Finding, range: Range, fix: Fix | undefined): Finding {
  const m = makeFinding(f.ruleId, f.severity, f.message, range, fix);
  return f.data ? withData(m, f.data) : m;
}

export function shift(range: Range, delta: number): Range {
  return { start: range.start + delta, end: range.end + delta };
}

/** A finding moved by `delta` offsets; a fix's edits are moved when first read (they may be computed lazily). */
export function moved(f: Finding, delta: number): Finding {
  // The commonest findings inline (the same shapes as makeFinding's): moving them is most of the work after an edit.
  if (!f.related && !f.data) {
    const range = { start: f.range.start + delta, end: f.range.end + delta };
    if (f.fix) return { ruleId: f.ruleId, severity: f.severity, message: f.message, range, fix: MovedFix.of(f.fix, delta) };
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, range };
  }
  const related = f.related?.map((r) => ({ range: shift(r.range, delta), message: r.message }));
  const m = makeFinding(f.ruleId, f.severity, f.message, shift(f.range, delta), f.fix && MovedFix.of(f.fix, delta), related);
  return f.data ? withData(m, movedData(f.data, delta)) : m;
}

/**
 * A fix moved by `delta` offsets: the edits of the fix first reported,
 * moved when first read. Moved again and again, it still refers to that
 * fix, not to a chain of moved ones. A class, so that moving the many
 * findings after an edit costs little (its `edits` is a getter of the
 * prototype).
 */
export class MovedFix implements Fix {
  private movedEdits: readonly Edit[] | undefined;

  private constructor(
    private readonly origin: Fix,
    private readonly delta: number,
  ) {}

  static of(fix: Fix, delta: number): Fix {
    return fix instanceof MovedFix ? new MovedFix(fix.origin, fix.delta + delta) : new MovedFix(fix, delta);
  }

  get title(): string {
    return this.origin.title;
  }

  get extent(): Range | undefined {
    const extent = this.origin.extent;
    return extent && shift(extent, this.delta);
  }

  get edits(): readonly Edit[] {
    this.movedEdits ??= this.origin.edits.map((e) => ({ range: shift(e.range, this.delta), text: e.text }));
    return this.movedEdits;
  }
}

/**
 * A count over the text that no line break interrupts (so the document's
 * is the sum of its lines'), carried over an edit: the old total, less the
 * edited lines' old count, plus their new one. Without an old total, it is
 * summed line by line, as the rules count (see foldedMarks on why that
 * matters).
 */
export function lineSum(change: Change, old: number | undefined, count: (text: string, from: number, to: number) => number): number {
  const { document } = change;
  if (!change.old || old === undefined) {
    let total = 0;
    const lines = document.lines;
    for (let i = 0; i < lines.length; i++) total += count(document.text, lines[i].start, lines[i].end);
    return total;
  }
  const gone = count(change.old.text, change.old.lines[change.first].start, change.old.lines[change.oldLast].end);
  return old - gone + count(document.text, document.lines[change.first].start, document.lines[change.last].end);
}

/**
 * The previous findings before the edited lines, the fresh ones, and the
 * previous ones after line `oldLast` moved with the text: the common end of
 * a strategy that checked lines `change.first..` again.
 */
export function spliced(previous: readonly Finding[], fresh: readonly Finding[], change: Change, oldLast: number): { findings: Finding[]; kept: number; moved: number } {
  const old = change.old!;
  const keptBefore = firstAtOrAfter(previous, old.lines[change.first].start);
  const keptAfter = oldLast + 1 < old.lineCount ? firstAtOrAfter(previous, old.lines[oldLast + 1].start) : previous.length;
  return splicedAt(previous, fresh, keptBefore, keptAfter, change.delta);
}

/** The previous findings `0..before - 1`, the fresh ones, and the previous ones from `after` moved by `delta`. */
export function splicedAt(previous: readonly Finding[], fresh: readonly Finding[], before: number, after: number, delta: number): { findings: Finding[]; kept: number; moved: number } {
  // Written in place into an array of the final length: growing one by push copies it again and again.
  const findings = new Array<Finding>(before + fresh.length + previous.length - after);
  let o = 0;
  for (let i = 0; i < before; i++) findings[o++] = previous[i];
  for (let i = 0; i < fresh.length; i++) findings[o++] = fresh[i];
  if (delta === 0) for (let i = after; i < previous.length; i++) findings[o++] = previous[i];
  else for (let i = after; i < previous.length; i++) findings[o++] = moved(previous[i], delta);
  return { findings, kept: before, moved: previous.length - after };
}
