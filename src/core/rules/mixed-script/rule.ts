import { t } from '@vscode/l10n';
import type { Check, RuleMeta } from '../../rule';
import type { Edit, Fix } from '../../finding';
import type { Line, Range } from '../../document';
import { commonEnds, splitsPair } from '../../engine/minimal-edits';
import { japaneseKoreanSpansOf } from '../../text/japanese-korean';
import { overlapsSpan, sumOutsideSpans, type Span } from '../../text/spans';
import { lostMarkerSpans } from '../../text/lost-markers';
import { gbkChainBoundary, gbkCodes, utf8ReadAsGbkMarks } from '../../encodings';
import { convert, countScript, scriptRunOffsets, type ConvertOptions, type Script, type ScriptTarget } from '../../script';

/**
 * Text in the other Chinese script than the document's target
 * (`newsclean.script.target`; `auto` is the document's majority). Only
 * characters that exist in one script alone count: shared characters say
 * nothing. A paragraph (a line, in these transcripts) written mostly in the
 * other script is flagged as a whole; a paragraph in the target script with
 * two or more characters of the other script is flagged at those characters.
 * A single such character in a target-script paragraph is left alone: it is
 * usually a name (任京暘), not a conversion leftover.
 *
 * The fix converts the paragraph (through `convert`, phrase-aware), as
 * minimal edits; a finding on a few characters gets the edits of the
 * conversion that fall on them. Edits are computed when first read, so
 * detection alone stays cheap.
 */
export const meta: RuleMeta = {
  id: 'mixed-script',
  description: 'Text in the other Chinese script (Traditional among Simplified or the reverse).',
  family: 'script',
  docs: 'rule-mixed-script',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
  protectableTerms: true,
};

export const check: Check = ({ document, settings }, report) => {
    const setting = settings.get('newsclean.script.target') ?? 'auto';
    const protectedTerms = (settings.get('newsclean.script.protectedTerms') ?? []).filter((x) => x.length > 0);
    const options: ConvertOptions = { customPhrases: settings.get('newsclean.script.customPhrases') ?? [], protectedTerms };
    const text = document.text;
    const lines = document.lines.filter((l) => !l.blank && hasCjk(l.text));
    if (lines.length === 0) return;
    // One counting pass per line; the counts serve both the majority and each line's verdict.
    // Japanese and Korean text is not Chinese: its kanji and hanja count for neither script.
    const foreign = japaneseKoreanSpansOf(document);
    const counts = foreign.length === 0 ? lines.map((l) => countScript(text, l.start, l.end)) : lines.map((l) => countOutside(foreign, text, l.start, l.end));

    let target: ScriptTarget;
    if (setting === 'auto') {
      let hans = 0;
      let hant = 0;
      for (const c of counts) {
        hans += c.hans;
        hant += c.hant;
      }
      const majority = majorityTarget(hans, hant);
      if (!majority) return; // all one script (or none): nothing is mixed
      target = majority;
    } else target = setting;
    const own: Script = target === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
    const other: Script = own === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
    const skip = protectedTerms.length > 0 ? termSkipper(text, protectedTerms) : undefined;
    const otherName = other === 'zh-Hans' ? t('Simplified') : t('Traditional');
    const ownName = own === 'zh-Hans' ? t('Simplified') : t('Traditional');
    const lineFixTitle = t('Convert paragraph to {0} Chinese', ownName);
    // Localized once: per finding only the line number goes in (`t` parses its template on every call).
    const lineMessage = t('Line {0} is written in {1} Chinese; the document is {2}.', LINE_NUMBER, otherName, ownName);

    let runs = new Int32Array(0); // start and end of each run of a line, reused from line to line
    // A call per line rather than one long loop body: after a deoptimization (a new
    // document, new shapes) V8 re-optimizes it within a few lines, not on a later run.
    const checkLine = (line: Line, hans: number, hant: number): void => {
      if ((other === 'zh-Hans' ? hans : hant) === 0 && !skip) return;
      if (runs.length < line.end - line.start + 1) runs = new Int32Array(2 * (line.end - line.start + 1));
      let n = scriptRunOffsets(text, other, runs, line.start, line.end, skip);
      // Mojibake (`鍗楅槼`) is made of Traditional-looking characters: it is the
      // mojibake rule's, and converting it would destroy its bytes.
      if (n > 0 && other === 'zh-Hant') n = dropMojibakeRuns(text, line, runs, n);
      if (n > 0 && foreign.length > 0) n = dropForeignRuns(foreign, runs, n);
      // `锟斤拷` and `烫烫烫` are the lost-characters rule's evidence: never converted.
      if (n > 0) n = dropLostMarkerRuns(text, line, runs, n);
      if (n === 0) return;
      let otherCount = 0;
      for (let r = 0; r < 2 * n; r += 2) otherCount += runs[r + 1] - runs[r];
      const ownCount = own === 'zh-Hans' ? hans : hant;
      const lineFix = new LineFix(lineFixTitle, line, target, options);
      if (otherCount > ownCount) {
        report({
          message: lineMessage.replaceAll(LINE_NUMBER, String(line.index + 1)),
          range: { start: runs[0], end: runs[2 * n - 1] },
          fix: lineFix,
        });
      } else if (otherCount >= 2) {
        for (let r = 0; r < 2 * n; r += 2) {
          const run = { start: runs[r], end: runs[r + 1] };
          const chars = text.slice(run.start, run.end);
          report({
            message: t('“{0}” is {1} Chinese in {2} text.', chars, otherName, ownName),
            range: run,
            fix: new SubsetFix(t('Convert “{0}” to {1} Chinese', chars, ownName), lineFix, run.start, run.end),
          });
        }
      }
    };
    for (let k = 0; k < lines.length; k++) checkLine(lines[k], counts[k].hans, counts[k].hant);
};

/** countScript of the line's text outside Japanese and Korean spans. */
function countOutside(spans: readonly Span[], text: string, start: number, end: number): { hans: number; hant: number } {
  let hant = 0;
  const hans = sumOutsideSpans(spans, start, end, (a, b) => {
    const c = countScript(text, a, b);
    hant += c.hant;
    return c.hans;
  });
  return { hans, hant };
}

/** Keeps, in place, the runs that do not overlap Japanese or Korean text; returns how many are left. */
function dropForeignRuns(spans: readonly Span[], runs: Int32Array, n: number): number {
  let k = 0;
  for (let r = 0; r < 2 * n; r += 2) {
    if (overlapsSpan(spans, runs[r], runs[r + 1])) continue;
    runs[k++] = runs[r];
    runs[k++] = runs[r + 1];
  }
  return k >> 1;
}

/**
 * Takes the lost-character marks out of the runs, in place (a run around a
 * mark becomes the parts before and after it); returns how many runs there are.
 */
function dropLostMarkerRuns(text: string, line: Line, runs: Int32Array, n: number): number {
  const marks = lostMarkerSpans(text, line.start, line.end);
  if (marks.length === 0) return n;
  const out: number[] = [];
  for (let r = 0; r < 2 * n; r += 2) {
    let start = runs[r];
    const end = runs[r + 1];
    for (const [a, b] of marks) {
      if (b <= start || a >= end) continue;
      if (a > start) out.push(start, a);
      start = Math.max(start, b);
    }
    if (start < end) out.push(start, end);
  }
  // The parts are disjoint and non-empty within the line: they fit where the runs were.
  runs.set(out);
  return out.length >> 1;
}

/**
 * The target `auto` stands for, from the counts of characters of one script
 * alone in the document: its majority; undefined when it is all one script
 * (or none), and nothing is mixed.
 */
export function majorityTarget(hans: number, hant: number): ScriptTarget | undefined {
  return hans === 0 || hant === 0 ? undefined : hant > hans ? 'zh-TW' : 'zh-Hans';
}

/** Stands for the line number in the localized line message; no message or script name holds it. */
const LINE_NUMBER = '\u0000';

/**
 * Keeps, in place, the runs (start, end pairs in `runs`) of which less than
 * half is marked as UTF-8 read as GBK; returns how many are left. The marks
 * are computed on the stretch around each run up to the nearest chain
 * boundaries (the same marks as on the whole line, for a fraction of the
 * work); runs that share a stretch share its marks.
 */
function dropMojibakeRuns(text: string, line: Line, runs: Int32Array, n: number): number {
  const codes = gbkCodes();
  let kept = 0;
  for (let r = 0; r < 2 * n; ) {
    // The stretch: from a boundary before this run to one after the last run it reaches.
    let from = runs[r];
    while (from > line.start && !gbkChainBoundary(text, from, codes)) from--;
    let to = runs[r];
    let last = r;
    for (; last < 2 * n && runs[last] <= to; last += 2) {
      to = Math.max(to, runs[last + 1]);
      while (to < line.end && !gbkChainBoundary(text, to, codes)) to++;
    }
    const marks = utf8ReadAsGbkMarks(text, from, to);
    for (; r < last; r += 2) {
      const start = runs[r];
      const end = runs[r + 1];
      let marked = 0;
      for (let i = start; i < end; i++) marked += marks[i - from];
      if (marked * 2 < end - start) {
        runs[2 * kept] = start;
        runs[2 * kept + 1] = end;
        kept++;
      }
    }
  }
  return kept;
}

function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x3400) return true;
  return false;
}

/**
 * A fix whose edits (the conversion of the line) are computed when first
 * read. A class, not an object literal with a getter: thousands are made
 * per analysis and most are never read.
 */
class LineFix implements Fix {
  private computed?: Edit[];
  readonly extent: Range;
  constructor(
    readonly title: string,
    private readonly line: Line,
    private readonly target: ScriptTarget,
    private readonly options: ConvertOptions,
  ) {
    this.extent = { start: line.start, end: line.start + line.text.length };
  }

  get edits(): Edit[] {
    if (!this.computed) {
      try {
        // The marks of lost text are converted as protected terms: left as they are.
        const marks = lostMarkerSpans(this.line.text).map(([a, b]) => this.line.text.slice(a, b));
        const options = marks.length === 0 ? this.options : { ...this.options, protectedTerms: [...(this.options.protectedTerms ?? []), ...marks] };
        this.computed = charEdits(this.line.text, convert(this.line.text, this.target, options), this.line.start);
      } catch {
        this.computed = [];
      }
    }
    return this.computed;
  }
}

/** The edits of a line's fix that fall on `[start, end)`, computed when first read. */
class SubsetFix implements Fix {
  private computed?: Edit[];
  readonly extent: Range;
  constructor(
    readonly title: string,
    private readonly whole: Fix,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.extent = { start, end };
  }

  get edits(): Edit[] {
    this.computed ??= this.whole.edits.filter((e) => e.range.end > this.start && e.range.start < this.end);
    return this.computed;
  }
}

/**
 * Minimal edits from `before` to `after`. OpenCC's conversions almost always
 * keep the length; then runs of changed code units become edits. Otherwise
 * the common prefix and suffix are kept and the middle replaced. Edits start
 * and end on code point boundaries: two astral characters can share their
 * high surrogate (𥐯 U+2542F → 𥖅 U+25585), and an edit of the low one alone
 * would split a surrogate pair.
 */
export function charEdits(before: string, after: string, base: number): Edit[] {
  if (before === after) return [];
  const edits: Edit[] = [];
  if (before.length === after.length) {
    for (let i = 0; i < before.length; i++) {
      if (before.charCodeAt(i) === after.charCodeAt(i)) continue;
      let j = i + 1;
      while (j < before.length && before.charCodeAt(j) !== after.charCodeAt(j)) j++;
      const start = splitsPair(before, i) || splitsPair(after, i) ? i - 1 : i;
      const end = splitsPair(before, j) || splitsPair(after, j) ? j + 1 : j;
      edits.push({ range: { start: base + start, end: base + end }, text: after.slice(start, end) });
      i = end - 1; // the loop goes on at `end`
    }
    return edits;
  }
  const { prefix: p, suffix: q } = commonEnds(before, after);
  return [{ range: { start: base + p, end: base + before.length - q }, text: after.slice(p, after.length - q) }];
}

/** For protected terms: returns, at an offset where a term starts, the offset just past it. */
function termSkipper(text: string, terms: readonly string[]): (i: number) => number {
  const byFirst = new Map<string, string[]>();
  for (const term of terms) {
    const list = byFirst.get(term[0]) ?? [];
    list.push(term);
    byFirst.set(term[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (i) => {
    const list = byFirst.get(text[i]);
    const hit = list?.find((term) => text.startsWith(term, i));
    return hit ? i + hit.length : i;
  };
}
