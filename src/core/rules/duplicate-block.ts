import { t } from '@vscode/l10n';
import type { NewsDocument, Range } from '../document';
import type { Settings } from '../config';
import type { RelatedInformation, Report, Rule, RuleContext } from '../finding';
import { CONTINUING_START, OPEN_END, isCreditLine, isSpeakerLabel } from '../classify';
import { normalize, streamEnd, type NormalizedStream } from '../text/normalize';
import { findRepeats, type Repeat } from '../text/winnow';
import { excerpt, lineRemovalRange } from '../text/lines';

/**
 * A paragraph or run of paragraphs that repeats earlier text, found whatever
 * the line breaks, white space and punctuation width: the document becomes a
 * stream of CJK characters, letters and digits mapped back to the original
 * offsets, repeats are found with winnowed k-gram fingerprints (linear
 * time), and a run of whole lines covered by repeats is one finding whose
 * related information points at the earlier copy. The fix removes the run;
 * with `newsclean.duplicates.keep: best` the copy with fewer layout defects
 * is the one kept.
 */
export const duplicateBlock: Rule = {
  id: 'duplicate-block',
  description: 'A paragraph or passage that repeats earlier text.',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
  check(ctx, report) {
    reportDuplicates(ctx, scanRepeats(ctx.document.text, duplicateMinLength(ctx.settings)), report);
  },
};

/** `newsclean.duplicates.minLength`, at least 4. */
export function duplicateMinLength(settings: Settings): number {
  return Math.max(4, Number(settings.get('newsclean.duplicates.minLength')) || 12);
}

/** The normalised stream of a text and the repeats in it. */
export interface RepeatScan {
  readonly stream: NormalizedStream;
  readonly repeats: readonly Repeat[];
}

export function scanRepeats(text: string, minLength: number): RepeatScan {
  const stream = normalize(text);
  return { stream, repeats: findRepeats(stream.codes, { minLength }) };
}

/** The findings from the repeats of the document's text. */
export function reportDuplicates({ document, settings }: RuleContext, scan: RepeatScan, report: (r: Report) => void): void {
  const minLength = duplicateMinLength(settings);
  const keep = settings.get('newsclean.duplicates.keep') === 'best' ? 'best' : 'first';
  for (const d of findDuplicateRuns(document, minLength, scan)) {
    let removed = d.lines;
    let kept = d.sources;
    // Keep best: when the earlier copy is whole lines and has more layout
    // defects, remove it instead and keep the later one.
    if (keep === 'best' && d.sourceLines && defects(document, d.sourceLines) > defects(document, d.lines)) {
      removed = d.sourceLines;
      kept = [{ start: document.lines[d.lines.first].start, end: document.lines[d.lines.last].end }];
    }
    const { first, last } = removed;
    const range = { start: document.lines[first].start, end: document.lines[last].end };
    const keptLines = kept.map((r) => document.lineAt(r.start).index + 1);
    const related: RelatedInformation[] = kept.map((r) => ({
      range: r,
      message:
        removed === d.lines
          ? t('The earlier copy, which is kept (line {0}).', document.lineAt(r.start).index + 1)
          : t('The later copy, which is kept: it has fewer layout defects (line {0}).', document.lineAt(r.start).index + 1),
    }));
    const what = excerpt(document.text.slice(range.start, Math.min(range.end, range.start + 200)));
    const removal = lineRemovalRange(document, first, last, d.removedAfter && removed === d.lines);
    report({
      range,
      message:
        first === last
          ? t('Line {0} repeats line {1}: “{2}”.', first + 1, keptLines[0], what)
          : t('Lines {0}–{1} repeat text from line {2} ({3} characters): “{4}”.', first + 1, last + 1, keptLines[0], d.chars, what),
      related,
      // No fix where removing the lines would change a line ending.
      ...(removal && {
        fix: {
          title:
            first === last
              ? t('Remove the repeated line {0}', first + 1)
              : t('Remove the repeated lines {0}–{1}', first + 1, last + 1),
          edits: [{ range: removal, text: '' }],
        },
      }),
    });
  }
}

export interface LineSpan {
  readonly first: number;
  readonly last: number;
}

export interface DuplicateRun {
  /** The repeated lines (the later copy). */
  readonly lines: LineSpan;
  /** Where the earlier copy is (one range per distinct source). */
  readonly sources: readonly Range[];
  /** The earlier copy as whole lines, when it is exactly whole lines and one place. */
  readonly sourceLines?: LineSpan;
  /** Characters (of the normalised stream) repeated. */
  readonly chars: number;
  /** Every non-blank line after this run is in a later run too. */
  readonly removedAfter: boolean;
}

/**
 * Runs of whole lines that repeat earlier text. A line counts when every one
 * of its letters, digits and CJK characters lies in a repeat; lines with
 * none (`。`) inside or right after a run join it.
 */
export function findDuplicateRuns(doc: NewsDocument, minLength: number, scan = scanRepeats(doc.text, minLength)): DuplicateRun[] {
  const { stream, repeats } = scan;
  if (repeats.length === 0) return [];
  const lines = doc.lines;
  const n = stream.length;
  // Which repeat covers each stream position (-1: none). Later copies never overlap.
  const owner = new Int32Array(n).fill(-1);
  repeats.forEach((r, id) => owner.fill(id, r.dst, r.dst + r.length));
  // Stream range of each line.
  const lineFrom = new Int32Array(lines.length);
  const lineTo = new Int32Array(lines.length);
  let s = 0;
  for (const line of lines) {
    while (s < n && stream.starts[s] < line.start) s++;
    lineFrom[line.index] = s;
    while (s < n && stream.starts[s] < line.end) s++;
    lineTo[line.index] = s;
  }
  const covered = (i: number) => {
    if (lineFrom[i] === lineTo[i]) return false;
    for (let x = lineFrom[i]; x < lineTo[i]; x++) if (owner[x] < 0) return false;
    return true;
  };
  const runs: { first: number; last: number }[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!covered(i)) {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < lines.length) {
      if (covered(j)) last = j;
      else if (lines[j].blank || lineFrom[j] === lineTo[j]) {
        // blank or punctuation only: part of the run when coverage goes on
      } else break;
      j++;
    }
    // Punctuation-only lines (`。`) right after the run belong to it.
    let k = last + 1;
    while (k < lines.length && !lines[k].blank && lineFrom[k] === lineTo[k]) last = k++;
    runs.push({ first, last });
    i = Math.max(j, last + 1);
  }
  const out: DuplicateRun[] = [];
  for (const run of runs) {
    const from = lineFrom[run.first];
    const to = lineTo[run.last];
    const chars = to - from;
    if (chars < minLength) continue;
    // Formulaic lines (a speaker label, a credit) alone are not duplicates.
    let substantive = false;
    for (let l = run.first; l <= run.last && !substantive; l++) {
      const text = lines[l].text;
      if (!lines[l].blank && lineFrom[l] < lineTo[l] && !isSpeakerLabel(text) && !isCreditLine(text)) substantive = true;
    }
    if (!substantive) continue;
    const sources = sourceRanges(stream, repeats, owner, from, to);
    out.push({ lines: run, sources, sourceLines: wholeLines(doc, sources), chars, removedAfter: false });
  }
  // removedAfter: every non-blank line after the run is in a later run.
  let tailCovered = true;
  for (let r = out.length - 1, l = lines.length - 1; r >= 0; r--) {
    for (; l > out[r].lines.last; l--) if (!lines[l].blank) tailCovered = false;
    (out[r] as { removedAfter: boolean }).removedAfter = tailCovered;
    l = out[r].lines.first - 1;
  }
  return out;
}

/** The earlier copies of stream range [from, to), merged where they touch. */
function sourceRanges(stream: NormalizedStream, repeats: readonly Repeat[], owner: Int32Array, from: number, to: number): Range[] {
  const ranges: Range[] = [];
  let x = from;
  while (x < to) {
    const id = owner[x];
    if (id < 0) {
      x++;
      continue;
    }
    const r = repeats[id];
    const end = Math.min(to, r.dst + r.length);
    const a = r.src + (x - r.dst);
    const b = r.src + (end - r.dst) - 1;
    const range = { start: stream.starts[a], end: streamEnd(stream, b) };
    const prev = ranges[ranges.length - 1];
    if (prev && range.start >= prev.start && range.start - prev.end <= 64) ranges[ranges.length - 1] = { start: prev.start, end: Math.max(prev.end, range.end) };
    else ranges.push(range);
    x = end;
  }
  return ranges;
}

/** The lines of a single source range when it starts and ends at line content edges. */
function wholeLines(doc: NewsDocument, sources: readonly Range[]): LineSpan | undefined {
  if (sources.length !== 1) return undefined;
  const { start, end } = sources[0];
  const a = doc.lineAt(start);
  const b = doc.lineAt(Math.max(start, end - 1));
  const lead = a.text.length - a.text.trimStart().length;
  if (start !== a.start + lead) return undefined;
  // Only punctuation and white space may follow the end on its line.
  if (/[\p{L}\p{N}]/u.test(doc.text.slice(end, b.end))) return undefined;
  return { first: a.index, last: b.index };
}

/** Layout defects of lines: stray breaks, spaces before punctuation, U+FFFD. */
export function defects(doc: NewsDocument, span: LineSpan): number {
  let n = 0;
  for (let i = span.first; i <= span.last; i++) {
    const text = doc.lines[i].text;
    if (doc.lines[i].blank) continue;
    if (CONTINUING_START.test(text.trimStart())) n++;
    if (OPEN_END.test(text.trimEnd())) n++;
    const spaces = text.match(/[ \u3000]+[，、。；：！？,;:!?]/g);
    if (spaces) n += spaces.length;
    const lost = text.match(/\ufffd/g);
    if (lost) n += lost.length;
  }
  return n;
}
