/**
 * Japanese and Korean text inside a Chinese article, and Japanese or Korean
 * documents: what no rule may rewrite, decided in this one place (the lines
 * and clauses in japanese-korean-lines.ts). The script rules do not count it
 * as Chinese.
 *
 * - A document is Japanese or Korean as a whole when its Japanese and Korean
 *   lines and clauses hold four fifths of its letters: then no rule runs on
 *   it (a Japanese page's kanji-only headings, `名称`, `実装`, are Japanese too).
 * - Otherwise its Japanese and Korean lines and clauses are kept off: a
 *   finding inside them is dropped, a fix touching them is not offered, and
 *   no fix joins a whole Japanese line to another.
 * - A line holding kana or hangul that is not wholly Japanese or Korean
 *   (a Chinese sentence quoting `《吾輩は猫である》`, or mojibake the encoding
 *   rules have yet to read) is only fixed by the rule that restores text;
 *   the others flag what they find there.
 *
 * A document's verdict is carried over an edit with the letter counts of the
 * lines the edit touched, so an edit is looked at again on its lines only.
 */
import type { Edit, Fix, Report } from '../finding';
import { countLetters, scanLines, type LineSpans } from './japanese-korean-lines';
import { firstEndingAfter, insideSpans, overlapsSpan, sumOutsideSpans, type Span } from './spans';

/** Japanese man pages: 86–97 % of their letters in Japanese lines (kanji-only headings the rest); a Chinese article quoting two paragraphs: 56 %. */
const DOCUMENT_SHARE = 0.8;

/**
 * What is known of a document: its lines' spans, the letters they hold, the
 * document's letters (counted only once a line is foreign), and the spans
 * the rules keep off.
 */
/** What the rules keep off in a document's text: its Japanese and Korean spans, and its lines that hold kana or hangul. */
export interface JapaneseKorean {
  readonly text: string;
  readonly spans: readonly Span[];
  readonly kanaLines: readonly Span[];
}

interface Verdict extends JapaneseKorean {
  readonly lines: LineSpans;
  readonly letters: number;
}

/**
 * A document is Japanese or Korean as a whole when its foreign lines and
 * clauses hold four fifths of its letters: then every line is (the kanji
 * of a Japanese heading, `名称`, `実装`, as much as its prose), and no rule
 * rewrites any of it. A Chinese article quoting Japanese or Korean keeps the
 * line-by-line spans.
 */
function verdictOf(text: string, lines: LineSpans, letters: number): Verdict {
  if (lines.foreignLetters > 0 && lines.foreignLetters >= DOCUMENT_SHARE * letters) {
    const all = [{ start: 0, end: text.length + 1 }];
    return { text, lines, letters, spans: all, kanaLines: all };
  }
  return { text, lines, letters, spans: lines.spans, kanaLines: lines.kanaLines };
}

/** Letters are counted only when some line is foreign: a Chinese document pays for one search. */
function judgeDocument(text: string): Verdict {
  const lines = scanLines(text, 0, text.length);
  return verdictOf(text, lines, lines.foreignLetters > 0 ? countLetters(text, 0, text.length) : -1);
}

/** Whether `spans` are those of a document that is Japanese or Korean as a whole. */
export function coversDocument(spans: readonly Span[], text: string): boolean {
  return spans.length === 1 && spans[0].start === 0 && spans[0].end > text.length;
}

/** The spans no rule may rewrite in a document of this text (japaneseKoreanSpansOf, not cached). */
export function japaneseKoreanDocumentSpans(text: string): readonly Span[] {
  return judgeDocument(text).spans;
}

const cache = new WeakMap<object, Verdict>();

/** The last verdict found or carried: a view of a document (NewsDocument.view) has its text, and its spans. */
let last: Verdict | undefined;

/**
 * The spans of a document's text that no rule may rewrite, sorted: its
 * Japanese and Korean lines and clauses, or the whole text when it reads as
 * Japanese or Korean as a whole. Computed once per document object (and text).
 */
export function japaneseKoreanSpansOf(document: { readonly text: string }): readonly Span[] {
  return verdictFor(document).spans;
}

/**
 * Whether a document reads as Japanese or Korean as a whole, so that no rule
 * runs on it and it gets no finding: the verdict its analysis found (kept per
 * document object and text), not looked for again. Japanese and Korean are
 * never rewritten: editors and the CLI say so instead of saying nothing.
 */
export function readsAsJapaneseOrKorean(document: { readonly text: string }): boolean {
  const { spans, text } = verdictFor(document);
  return coversDocument(spans, text);
}

/** The spans and kana lines of a document (see JapaneseKorean), computed once per document object (and text). */
export function japaneseKoreanOf(document: { readonly text: string }): JapaneseKorean {
  return verdictFor(document);
}

function verdictFor(document: { readonly text: string }): Verdict {
  const hit = cache.get(document);
  if (hit && hit.text === document.text) return hit;
  if (last?.text !== document.text) last = judgeDocument(document.text);
  cache.set(document, last);
  return last;
}

/**
 * Whether `fix`, made by a rule that does not restore text, changes a line
 * that holds kana or hangul, or joins one to another line. Such a line is
 * Japanese or Korean, or quotes it, or is mojibake the encoding rules have
 * yet to read: the other rules flag what they find there, and leave the
 * line as it is (`詳細な文書` is not made Simplified, `(ゲスト)` keeps its marks).
 * A rule whose fix of many edits is made on first use may answer for it
 * with `overlaps` (whether the ranges its edits will have overlap the
 * spans it is given, which cannot be a line break): the answer is kept for
 * the fix, and the engine does not make its edits to ask again.
 */
export function fixTouchesJapaneseKorean(document: { readonly text: string }, fix: Fix, overlaps?: (spans: readonly Span[]) => boolean): boolean {
  const { kanaLines, text } = verdictFor(document);
  if (kanaLines.length === 0) return false;
  if (!overlaps) return fixTouchesSpans(kanaLines, fix, text);
  const known = touched.get(fix);
  if (known?.spans === kanaLines) return known.touches;
  const touches = overlaps(kanaLines);
  touched.set(fix, { spans: kanaLines, touches });
  return touches;
}

/**
 * Gives `document` the spans of `old` carried over an edit that replaced
 * `old.text[from, oldTo)` by `document.text[from, newTo)`, when `old`'s are
 * known: the lines before the edit keep their spans, those after it move,
 * and only the lines the edit touched are looked at again (a line's spans
 * depend on the line alone and the `\n` before it); the document's letters
 * are counted again on those lines only. Equal to japaneseKoreanSpansOf of
 * the edited text. Returns false when the document's verdict changed (it
 * became, or stopped being, Japanese or Korean as a whole): then the spans
 * outside the edit changed too.
 */
export function carryJapaneseKoreanSpans(old: { readonly text: string }, document: { readonly text: string }, from: number, oldTo: number, newTo: number): boolean {
  const hit = cache.get(old);
  if (!hit || hit.text !== old.text || cache.has(document)) return true;
  const text = document.text;
  const delta = text.length - old.text.length;
  if (newTo - oldTo !== delta) return true;
  // The lines the edit touched: from the start of the line holding `from` to the end (line break included) of the one holding `newTo`.
  const start = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0;
  const nl = text.indexOf('\n', newTo);
  const end = nl < 0 ? text.length : nl + 1;
  const was = scanLines(old.text, start, end - delta);
  const now = scanLines(text, start, end);
  const lines: LineSpans = {
    spans: carried(hit.lines.spans, now.spans, start, end, delta),
    kanaLines: carried(hit.lines.kanaLines, now.kanaLines, start, end, delta),
    foreignLetters: hit.lines.foreignLetters - was.foreignLetters + now.foreignLetters,
  };
  let letters = -1;
  if (lines.foreignLetters > 0) letters = hit.letters < 0 ? countLetters(text, 0, text.length) : hit.letters - countLetters(old.text, start, end - delta) + countLetters(text, start, end);
  last = verdictOf(text, lines, letters);
  cache.set(document, last);
  return (last.spans !== last.lines.spans) === (hit.spans !== hit.lines.spans);
}

/**
 * The spans `before` the lines `[start, end)` of the edited text, `fresh`
 * (those lines' own), and those after them moved by `delta`. A whole line
 * after the edit starts with the `\n` that ends the last line the edit touched.
 */
function carried(before: readonly Span[], fresh: readonly Span[], start: number, end: number, delta: number): Span[] {
  const spans: Span[] = [];
  let k = 0;
  while (k < before.length && before[k].end <= start) spans.push(before[k++]);
  for (const s of fresh) spans.push(s);
  for (k = firstEndingAfter(before, end - delta); k < before.length; k++) {
    if (before[k].start >= end - delta - 1) spans.push({ start: before[k].start + delta, end: before[k].end + delta });
  }
  return spans;
}

/**
 * What of a rule's report may stand beside Japanese and Korean text
 * (`protection`, of the document the rule reads): nothing when it lies inside that text (or, for a rule that
 * restores characters, touches it with every edit: mojibake is never read
 * into Japanese), the finding without its fix when the fix would change that
 * text (for a rule that restores characters) or a line holding kana or
 * hangul (for any other), the report as it is otherwise (its fix the very
 * object the rule made).
 */
export function keepOffJapaneseKorean(protection: JapaneseKorean, report: Report, restoresText: boolean): Report | undefined {
  const { spans, kanaLines, text } = protection;
  const { start, end } = report.range;
  if (spans.length > 0 && insideSpans(spans, start, end)) return undefined;
  if (!report.fix) return report;
  if (restoresText) {
    if (spans.length === 0) return report;
    if (overlapsSpan(spans, start, end) && !report.fix.edits.some((e) => !overlapsSpan(spans, e.range.start, e.range.end))) return undefined;
    if (!fixTouchesSpans(spans, report.fix, text)) return report;
  } else if (kanaLines.length === 0 || !fixTouchesSpans(kanaLines, report.fix, text)) return report;
  return { message: report.message, range: report.range, ...(report.related && { related: report.related }), ...(report.severity && { severity: report.severity }) };
}

/** Whether one of `fix`'s edits touches `spans` (sorted) of `text`: such a fix is not offered. */
function fixTouchesSpans(spans: readonly Span[], fix: Fix, text: string): boolean {
  // A fix of many edits is often shared by many findings (a rule's fix-all of a document, whose
  // edits are made on first use): its edits are walked once per set of spans, not once per finding.
  const extent = fix.extent;
  if (extent && !overlapsSpan(spans, extent.start, extent.end)) return false;
  const known = touched.get(fix);
  if (known?.spans === spans) return known.touches;
  const edits = fix.edits;
  if (edits.length === 1) return editTouches(spans, edits[0], text);
  const touches = edits.some((e) => editTouches(spans, e, text));
  touched.set(fix, { spans, touches });
  return touches;
}

function editTouches(spans: readonly Span[], edit: Edit, text: string): boolean {
  return overlapsSpan(spans, edit.range.start, edit.range.end) && !removesLinesBefore(spans, edit, text);
}

const touched = new WeakMap<Fix, { spans: readonly Span[]; touches: boolean }>();

/**
 * Whether `edit` only removes or replaces whole lines right before a whole
 * Japanese or Korean line, taking the `\n` its span starts with: that line
 * still starts a line afterwards, so nothing is joined to it.
 */
function removesLinesBefore(spans: readonly Span[], edit: Edit, text: string): boolean {
  const { start, end } = edit.range;
  const s = spans[firstEndingAfter(spans, start)];
  return (
    s.start === end - 1 &&
    text.charCodeAt(s.start) === 0x0a &&
    (start === 0 || text.charCodeAt(start - 1) === 0x0a) &&
    (edit.text === '' || edit.text.endsWith('\n'))
  );
}

/** `count` summed over the pieces of the lines `text[from, to)` outside Japanese and Korean text. */
export function sumOutsideJapaneseKorean(text: string, from: number, to: number, count: (from: number, to: number) => number): number {
  const spans = scanLines(text, from, to).spans;
  return spans.length === 0 ? count(from, to) : sumOutsideSpans(spans, from, to, count);
}
