import type { Check } from '../../rule';
import { made } from '../../engine/incremental/line-local';
import type { Change, IncrementalStrategy } from '../../engine/incremental/types';
import { normalize } from '../../text/normalize';
import { findRepeatsTraced, fingerprints, spliceFingerprints, windowOf } from '../../text/winnow';
import { coverLines, duplicateMinLength, lineSpans, reportDuplicates, scanRepeats, type RepeatScan } from './rule';

/**
 * The normalised stream of unchanged lines is carried over (it never
 * crosses a line break), and the repeats too when the edit left the stream
 * as it was (punctuation, white space, line breaks): then only the edited
 * lines' coverage is found again; otherwise the stream's fingerprints away
 * from the edit are kept (spliceFingerprints), and the scan for repeats
 * starts where the scan before first read the edit (findRepeatsTraced). The
 * runs of lines and the findings are made again on the whole document, from
 * that data.
 */
export const duplicates: IncrementalStrategy<RepeatScan> = (ctx) => {
  const { document, change, settings, previous } = ctx;
  const old = change.old ? previous?.state : undefined;
  const check: Check = (context, report) => {
    const minLength = duplicateMinLength(settings);
    const scan = old && change.old ? carryScan(old, change, minLength) : scanRepeats(document, minLength, true);
    ctx.save(scan);
    const moved = old && change.old ? scan.spans[2 * change.last + 1] - old.spans[2 * change.oldLast + 1] : 0;
    reportDuplicates(context, scan, report, old && change.old && { old, first: change.first, last: change.last, lineDelta: change.lineDelta, delta: change.delta, moved });
  };
  return made(ctx.run({ check }));
};

/** The scan of the new text from the old one: only the edited lines are normalised again. */
function carryScan(old: RepeatScan, change: Change, minLength: number): RepeatScan {
  const { document, first, last, oldLast, lineDelta } = change;
  const lines = document.lines;
  const a = old.spans[2 * first];
  const b = old.spans[2 * oldLast + 1];
  const middle = normalize(document.text, lines[first].start, lines[last].end);
  // How far the stream of the lines after the edit moved.
  const moved = middle.length - (b - a);
  let same = moved === 0;
  for (let i = 0; same && i < middle.length; i++) same = middle.codes[i] === old.codes[a + i];
  const spans = new Int32Array(2 * lines.length);
  spans.set(old.spans.subarray(0, 2 * first));
  const edited = new Int32Array(middle.length);
  lineSpans(lines, first, last, middle, a, spans, edited);
  for (let i = last + 1; i < lines.length; i++) {
    spans[2 * i] = old.spans[2 * (i - lineDelta)] + moved;
    spans[2 * i + 1] = old.spans[2 * (i - lineDelta) + 1] + moved;
  }
  const splice = (array: Int32Array, part: Int32Array): Int32Array => {
    const out = new Int32Array(array.length + moved);
    out.set(array.subarray(0, a));
    out.set(part, a);
    out.set(array.subarray(b), a + part.length);
    return out;
  };
  const codes = same ? old.codes : splice(old.codes, middle.codes);
  // Columns of unchanged lines are as they were, the edited lines' may be too.
  const columns = !same ? old.columns.spliced(a, b, edited) : old.columns.agree(a, edited) ? old.columns : old.columns.patched(a, edited);
  // What is known of the lines' shapes stays with the unchanged lines.
  const menu = new Int8Array(lines.length).fill(-1);
  menu.set(old.menu.subarray(0, first));
  menu.set(old.menu.subarray(oldLast + 1), last + 1);
  const covered = new Uint8Array(lines.length);
  if (!same) {
    // The fingerprints away from the edit are kept; the repeats before it too.
    const { k, w } = windowOf({ minLength });
    const prints = old.prints ? spliceFingerprints(old.prints, old.codes.length, codes, a, b, moved, k, w) : fingerprints(codes, k, w);
    const { repeats, trail } = findRepeatsTraced(codes, { minLength }, prints, old.trail && { trail: old.trail, from: a });
    coverLines(spans, repeats, 0, lines.length, covered);
    return { codes, columns, spans, prints, trail, repeats, covered, menu, excerpts: new Map(), earlierExcerpts: old.excerpts, runs: { byFirst: new Map() } };
  }
  // The same stream, the same repeats: lines away from the edit are covered as they were.
  covered.set(old.covered.subarray(0, first));
  covered.set(old.covered.subarray(oldLast + 1), last + 1);
  coverLines(spans, old.repeats, first, last + 1, covered);
  return { codes, columns, spans, prints: old.prints, trail: old.trail, repeats: old.repeats, covered, menu, excerpts: new Map(), earlierExcerpts: old.excerpts, runs: { byFirst: new Map() } };
}
