import { t } from '../../text/localize';
import type { Check, RuleMeta } from '../../rule';
import { DUPLICATE_SETTINGS } from './settings';
import type { Line, NewsDocument, Range } from '../../document';
import type { Settings } from '../../config/types';
import type { FindingData, RelatedInformation, Report } from '../../finding';
import type { RuleContext } from '../../rule';
import { CONTINUING_START, OPEN_END } from '../../text/punctuation';
import { isCreditLine } from '../../text/shapes';
import { isSpeakerLabel } from '../../outline/shapes';
import { normalize, type NormalizedStream } from '../../text/normalize';
import { findRepeats, findRepeatsTraced, fingerprints, windowOf, type Fingerprints, type Repeat, type RepeatTrail } from '../../text/winnow';
import { release } from '../../text/release';
import { excerpt, lineRemovalRange } from '../../text/lines';
import { partitionPoint } from '../../text/search';
import { chromeTest, lineOfStream, sourceInChrome, type ChromeTest } from './chrome';
import { documentAnatomy } from '../../anatomy';
import type { LineKinds } from '../boilerplate/line-kinds';
import { Columns } from './columns';

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
export const meta: RuleMeta = {
  id: 'duplicate-block',
  description: 'A paragraph or passage that repeats earlier text.',
  family: 'layout',
  docs: 'rule-duplicate-block',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
  largeBuffers: true,
  settings: DUPLICATE_SETTINGS,
};

export const check: Check = (ctx, report) => {
  const scan = scanRepeats(ctx.document, duplicateMinLength(ctx.settings));
  reportDuplicates(ctx, scan, report);
  // Nothing keeps the scan of a whole analysis (incremental analysis keeps its own).
  release(scan.codes, scan.columns.flat, scan.spans, scan.covered, scan.menu);
};

/** `newsclean.duplicates.minLength`, at least 4. */
export function duplicateMinLength(settings: Settings): number {
  return Math.max(4, Number(settings.get('newsclean.duplicates.minLength')) || 12);
}

/**
 * The document's normalised stream (normalize), line by line, and the
 * repeats in it. The stream never crosses a line break: a line's part of
 * it is the stream of the line alone.
 */
export interface RepeatScan {
  /** The stream's characters. */
  readonly codes: Int32Array;
  /** Where each of them is: its offset from the start of its line. */
  readonly columns: Columns;
  /** Line i holds the stream's characters spans[2i] to spans[2i + 1] - 1. */
  readonly spans: Int32Array;
  /** The stream's fingerprints, kept by an incremental scan for the next edit. */
  readonly prints?: Fingerprints;
  /** What the scan for repeats read and found, kept with the fingerprints. */
  readonly trail?: RepeatTrail;
  readonly repeats: readonly Repeat[];
  /** Per line: 1 when it has characters in the stream and each lies in a repeat. */
  readonly covered: Uint8Array;
  /** Per line: whether it reads as a menu (isMenuLike), -1 until asked; carried over an edit with the line. */
  readonly menu: Int8Array;
  /** The excerpts quoted in messages, by the text they shorten; those of the scan before an edit are looked up too. */
  readonly excerpts: Map<string, string>;
  /** Undefined on a whole scan, but always there: every scan has one shape, for the code compiled for it. */
  readonly earlierExcerpts: ReadonlyMap<string, string> | undefined;
  /** What findDuplicateRuns made of each run of covered lines, for the scan after an edit (RunCarry); filled when it runs. */
  readonly runs: RunMemo;
}

/** The duplicate runs found in each run of covered lines (coveredRuns), by its first line, and the lines' kinds they were found with. */
export interface RunMemo {
  readonly byFirst: Map<number, { readonly last: number; readonly parts: readonly DuplicateRun[] }>;
  kinds?: LineKinds;
}

/**
 * The scan before an edit and where the edit is, so that findDuplicateRuns
 * can take over what it found in a run of covered lines the edit does not
 * reach: lines `first..last` (of the new text) are edited, the lines after
 * them moved by `lineDelta`, their text by `delta` offsets and their part of
 * the stream by `moved`.
 */
export interface RunCarry {
  readonly old: RepeatScan;
  readonly first: number;
  readonly last: number;
  readonly lineDelta: number;
  readonly delta: number;
  readonly moved: number;
}

/** The scan of a whole document; with `keepPrints`, its fingerprints and trail too (for the next edit). */
export function scanRepeats(doc: NewsDocument, minLength: number, keepPrints = false): RepeatScan {
  const stream = normalize(doc.text);
  const spans = new Int32Array(2 * doc.lineCount);
  // The columns are written over the offsets they are made from (each read before it is written).
  const columns = stream.starts;
  lineSpans(doc.lines, 0, doc.lineCount - 1, stream, 0, spans, columns);
  const window = keepPrints ? windowOf({ minLength }) : undefined;
  const prints = window && fingerprints(stream.codes, window.k, window.w);
  const { repeats, trail } = prints ? findRepeatsTraced(stream.codes, { minLength }, prints) : { repeats: findRepeats(stream.codes, { minLength }), trail: undefined };
  const covered = new Uint8Array(doc.lineCount);
  coverLines(spans, repeats, 0, doc.lineCount, covered);
  return { codes: stream.codes, columns: new Columns(columns), spans, prints, trail, repeats, covered, menu: new Int8Array(doc.lineCount).fill(-1), excerpts: new Map(), earlierExcerpts: undefined, runs: { byFirst: new Map() } };
}

/**
 * Writes to `spans` the spans of lines `first..last` and to `columns` where
 * their characters are, given `stream`, the normalised stream of their text,
 * which starts at the stream's index `base` (`columns` is `stream`'s).
 */
export function lineSpans(lines: readonly Line[], first: number, last: number, stream: NormalizedStream, base: number, spans: Int32Array, columns: Int32Array): void {
  const n = stream.length;
  let s = 0;
  for (let i = first; i <= last; i++) {
    const { start, end } = lines[i];
    while (s < n && stream.starts[s] < start) s++;
    spans[2 * i] = base + s;
    for (; s < n && stream.starts[s] < end; s++) columns[s] = stream.starts[s] - start;
    spans[2 * i + 1] = base + s;
  }
}

/** Writes to `covered` whether each of lines `from..to - 1` is covered by the repeats (sorted, apart). */
export function coverLines(spans: Int32Array, repeats: readonly Repeat[], from: number, to: number, covered: Uint8Array): void {
  let r = from < to ? repeatAt(repeats, spans[2 * from]) : 0;
  for (let i = from; i < to; i++) {
    const lineFrom = spans[2 * i];
    const lineTo = spans[2 * i + 1];
    while (r < repeats.length && repeats[r].dst + repeats[r].length <= lineFrom) r++;
    let x = lineFrom;
    for (let q = r; x < lineTo && q < repeats.length && repeats[q].dst <= x; q++) x = repeats[q].dst + repeats[q].length;
    covered[i] = lineFrom < lineTo && x >= lineTo ? 1 : 0;
  }
}

/** Index of the first repeat that ends after stream index `x` (repeats sorted, apart). */
function repeatAt(repeats: readonly Repeat[], x: number): number {
  return partitionPoint(repeats.length, (m) => repeats[m].dst + repeats[m].length <= x);
}

/** The findings from the repeats of the document's text; `carry`: see RunCarry. */
export function reportDuplicates({ document, settings }: RuleContext, scan: RepeatScan, report: (r: Report) => void, carry?: RunCarry): void {
  const minLength = duplicateMinLength(settings);
  const keep = settings.get('newsclean.duplicates.keep') === 'best' ? 'best' : 'first';
  for (const d of findDuplicateRuns(document, minLength, scan, carry)) {
    let removed = d.lines;
    let kept = d.sources;
    // When the earlier copy is page chrome (whole lines), or with keep best
    // when it is whole lines and has more layout defects, remove it instead
    // and keep the later one.
    if (d.sourceLines && (d.chromeSource || (keep === 'best' && defects(document, d.sourceLines) > defects(document, d.lines)))) {
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
          : d.chromeSource
            ? t('The later copy, which is kept: the earlier one is page chrome (line {0}).', document.lineAt(r.start).index + 1)
            : t('The later copy, which is kept: it has fewer layout defects (line {0}).', document.lineAt(r.start).index + 1),
    }));
    // The kept copy's lines, for a code action that keeps this copy instead.
    const keptSpan = removed === d.lines ? d.sourceLines : d.lines;
    const swap = keptSpan && lineRemovalRange(document, keptSpan.first, keptSpan.last);
    const data: FindingData = { duplicate: { kept, keptIsEarlier: removed === d.lines, ...(swap && { keepThisInstead: swap }) } };
    const quoted = document.text.slice(range.start, Math.min(range.end, range.start + 200));
    let what = scan.excerpts.get(quoted);
    if (what === undefined) scan.excerpts.set(quoted, (what = scan.earlierExcerpts?.get(quoted) ?? excerpt(quoted)));
    const removal = lineRemovalRange(document, first, last, d.removedAfter && removed === d.lines);
    report({
      range,
      message:
        first === last
          ? t('Line {0} repeats line {1}: “{2}”.', first + 1, keptLines[0], what)
          : t('Lines {0}–{1} repeat text from line {2} ({3} characters): “{4}”.', first + 1, last + 1, keptLines[0], d.chars, what),
      related,
      data,
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
  /** The earlier copy is page chrome (whole lines) and this run is not: the earlier copy is the one removed. */
  readonly chromeSource?: boolean;
}

/**
 * Runs of whole lines that repeat earlier text. A line counts when every one
 * of its letters, digits and CJK characters lies in a repeat; lines with
 * none (`。`) inside or right after a run join it. Page chrome that repeats
 * chrome (a footer or a menu printed twice) is left to the boilerplate rule;
 * article text whose earlier copy is chrome (a breadcrumb or a `正在阅读：`
 * bar quoting the headline) is reported on the chrome's copy when that copy
 * is whole lines, and not at all when it is quoted inside a chrome line.
 */
export function findDuplicateRuns(doc: NewsDocument, minLength: number, scan = scanRepeats(doc, minLength), carry?: RunCarry): DuplicateRun[] {
  const { spans, repeats } = scan;
  if (repeats.length === 0) return [];
  const lines = doc.lines;
  const empty = (i: number) => spans[2 * i] === spans[2 * i + 1];
  const out: DuplicateRun[] = [];
  const offsets = streamOffsets(doc, scan);
  const chrome = chromeTest(doc, scan.menu);
  const kinds = () => documentAnatomy(doc).kinds;
  const partsOf = (whole: LineSpan): DuplicateRun[] => {
    const parts: DuplicateRun[] = [];
    for (const run of withoutChrome(doc, scan, whole, chrome, offsets.start)) {
      const from = spans[2 * run.first];
      const to = spans[2 * run.last + 1];
      const chars = to - from;
      if (chars < minLength) continue;
      // Formulaic lines (a speaker label, a credit) alone are not duplicates.
      let substantive = false;
      for (let l = run.first; l <= run.last && !substantive; l++) {
        const text = lines[l].text;
        if (!lines[l].blank && !empty(l) && !isSpeakerLabel(text) && !isCreditLine(text)) substantive = true;
      }
      if (!substantive) continue;
      const sources = sourceRanges(offsets, repeats, from, to);
      const sourceLines = wholeLines(doc, sources);
      if (run.chromeSource && !sourceLines) continue;
      parts.push({ lines: { first: run.first, last: run.last }, sources, sourceLines, chars, removedAfter: false, ...(run.chromeSource && { chromeSource: true }) });
    }
    return parts;
  };
  for (const whole of coveredRuns(doc, scan)) {
    const parts = (carry && carriedParts(doc, scan, whole, carry, kinds)) ?? partsOf(whole);
    scan.runs.byFirst.set(whole.first, { last: whole.last, parts });
    for (const p of parts) out.push({ ...p });
  }
  // Every run of covered lines has a line in the stream, so the anatomy was asked for.
  if (scan.runs.byFirst.size > 0) scan.runs.kinds = kinds();
  // removedAfter: every non-blank line after the run is in a later run.
  let tailCovered = true;
  for (let r = out.length - 1, l = lines.length - 1; r >= 0; r--) {
    for (; l > out[r].lines.last; l--) if (!lines[l].blank) tailCovered = false;
    (out[r] as { removedAfter: boolean }).removedAfter = tailCovered;
    l = out[r].lines.first - 1;
  }
  return out;
}

/**
 * What the scan before an edit found in a run of covered lines, when
 * nothing it was found from changed: the run lies wholly before the edited
 * lines, or wholly after them with every earlier copy it repeats; the
 * repeats over it are the same (moved with it); and the
 * lines from its earliest copy to its end have the same kinds (page chrome
 * or not). Their texts, spans and columns are then the same, and so is what
 * partsOf makes of them. Undefined when it must be found again.
 */
function carriedParts(doc: NewsDocument, scan: RepeatScan, whole: LineSpan, carry: RunCarry, kindsNow: () => LineKinds): readonly DuplicateRun[] | undefined {
  const { old, first, last, lineDelta, delta, moved } = carry;
  const before = whole.last < first;
  if (!before && whole.first <= last) return undefined;
  const lineShift = before ? 0 : lineDelta;
  const was = old.runs.byFirst.get(whole.first - lineShift);
  const oldKinds = old.runs.kinds;
  if (!was || was.last !== whole.last - lineShift || !oldKinds) return undefined;
  const { spans, repeats } = scan;
  const from = spans[2 * whole.first];
  const to = spans[2 * whole.last + 1];
  const streamShift = before ? 0 : moved;
  let q = repeatAt(repeats, from);
  let o = repeatAt(old.repeats, from - streamShift);
  let lowest = from;
  for (; q < repeats.length && repeats[q].dst < to; q++, o++) {
    const r = repeats[q];
    const p = old.repeats[o];
    if (!p || p.dst + streamShift !== r.dst || p.src + streamShift !== r.src || p.length !== r.length) return undefined;
    lowest = Math.min(lowest, r.src);
  }
  if (o < old.repeats.length && old.repeats[o].dst + streamShift < to) return undefined;
  const lo = lineOfStream(doc, spans, lowest);
  if (!before && lo <= last) return undefined;
  const kinds = kindsNow();
  for (let i = lo; i <= whole.last; i++) if (kinds[i] !== oldKinds[i - lineShift]) return undefined;
  if (lineShift === 0 && (before || delta === 0)) return was.parts;
  const lineSpan = (s: LineSpan): LineSpan => ({ first: s.first + lineShift, last: s.last + lineShift });
  return was.parts.map((p) => ({
    lines: lineSpan(p.lines),
    sources: p.sources.map((r) => ({ start: r.start + delta, end: r.end + delta })),
    sourceLines: p.sourceLines && lineSpan(p.sourceLines),
    chars: p.chars,
    removedAfter: false,
    ...(p.chromeSource && { chromeSource: true }),
  }));
}

/** The runs of covered lines, with the blank and punctuation-only lines inside and right after them. */
function coveredRuns(doc: NewsDocument, { spans, covered }: RepeatScan): LineSpan[] {
  const lines = doc.lines;
  const empty = (i: number) => spans[2 * i] === spans[2 * i + 1];
  const runs: LineSpan[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!covered[i]) {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < lines.length) {
      if (covered[j]) last = j;
      else if (lines[j].blank || empty(j)) {
        // blank or punctuation only: part of the run when coverage goes on
      } else break;
      j++;
    }
    // Punctuation-only lines (`。`) right after the run belong to it.
    let k = last + 1;
    while (k < lines.length && !lines[k].blank && empty(k)) last = k++;
    runs.push({ first, last });
    i = Math.max(j, last + 1);
  }
  return runs;
}

interface ChromeRun extends LineSpan {
  /** Every line's earlier copy is in chrome (the run itself is not). */
  readonly chromeSource: boolean;
}

/**
 * A run without its lines that are chrome repeating chrome: the parts
 * between them, each with whether all of its earlier copy is chrome. A part
 * of short lines with no sentence punctuation (`联合报书签`) next to such
 * chrome is the same menu or share bar, which the anatomy did not type.
 */
function withoutChrome(doc: NewsDocument, scan: RepeatScan, run: LineSpan, chrome: ChromeTest, offsetOf: (i: number) => number): ChromeRun[] {
  const { spans, repeats } = scan;
  const firstRepeat = repeatAt(repeats, spans[2 * run.first]);
  const inChrome = (l: number) => sourceInChrome(doc, spans, repeats, firstRepeat, l, chrome, offsetOf);
  const neutral = (l: number) => doc.lines[l].blank || spans[2 * l] === spans[2 * l + 1];
  const parts: ChromeRun[] = [];
  let first = -1;
  let last = -1;
  let quoted = true;
  let weak = true;
  let cut = false;
  const close = (cutAfter: boolean) => {
    if (first < 0) return;
    // Punctuation-only lines right after the part belong to it.
    while (last < run.last && !doc.lines[last + 1].blank && neutral(last + 1)) last++;
    if (!(weak && (cut || cutAfter))) parts.push({ first, last, chromeSource: quoted });
    first = -1;
  };
  for (let l = run.first; l <= run.last; l++) {
    if (neutral(l)) continue;
    const isChrome = chrome(l);
    if (isChrome && inChrome(l)) {
      close(true);
      cut = true;
      continue;
    }
    if (first < 0) {
      first = l;
      quoted = true;
      weak = true;
    }
    last = l;
    if (quoted && (isChrome || !inChrome(l))) quoted = false;
    if (weak && !isMenuItem(doc.lines[l].text)) weak = false;
  }
  close(false);
  return parts;
}

/** A short line with no sentence punctuation: a menu or share-bar item. */
function isMenuItem(text: string): boolean {
  const t = text.trim();
  return t.length <= 20 && !/[，。！？；,.!?;]/.test(t);
}

/** Where the stream's characters are in the text: the start and the end of character i. */
function streamOffsets(doc: NewsDocument, { codes, columns, spans }: RepeatScan): { start(i: number): number; end(i: number): number } {
  const start = (i: number) => {
    // The last line whose span starts at or before i (spans follow each other).
    const line = Math.max(0, partitionPoint(doc.lineCount, (m) => spans[2 * m] <= i) - 1);
    return doc.lines[line].start + columns.at(i);
  };
  return { start, end: (i) => start(i) + (codes[i] > 0xffff ? 2 : 1) };
}

/** The earlier copies of stream range [from, to), merged where they touch. */
function sourceRanges(offsets: ReturnType<typeof streamOffsets>, repeats: readonly Repeat[], from: number, to: number): Range[] {
  const ranges: Range[] = [];
  let x = from;
  for (let q = repeatAt(repeats, from); x < to && q < repeats.length && repeats[q].dst < to; q++) {
    const r = repeats[q];
    x = Math.max(x, r.dst);
    const end = Math.min(to, r.dst + r.length);
    const a = r.src + (x - r.dst);
    const b = r.src + (end - r.dst) - 1;
    const start = offsets.start(a);
    const range = { start, end: offsets.end(b) };
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
