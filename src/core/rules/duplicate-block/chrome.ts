/**
 * Repeated page chrome is boilerplate, not a repeated passage: a menu or a
 * footer printed twice, a related-articles list that repeats a teaser, a
 * breadcrumb or a `正在阅读：` bar that quotes the headline, a `[摘要：…]` box
 * that quotes the lead. Which lines are chrome comes from the page anatomy
 * (every kind but the article's record: credits, bylines, photo credits),
 * and, on text that does not read as a page, from the shape of a menu.
 */
import type { NewsDocument } from '../../document';
import { documentAnatomy } from '../../anatomy';
import { RECORD_KINDS } from '../boilerplate/kinds';
import { partitionPoint } from '../../text/search';
import type { Repeat } from '../../text/winnow';

/** Whether line i is page chrome; the anatomy is computed on the first question. `menu` remembers isMenuLike per line (see RepeatScan). */
export type ChromeTest = (i: number) => boolean;

export function chromeTest(doc: NewsDocument, menu?: Int8Array): ChromeTest {
  let kinds: ReturnType<typeof documentAnatomy>['kinds'] | undefined;
  return (i) => {
    kinds ??= documentAnatomy(doc).kinds;
    const kind = kinds[i];
    if (kind !== undefined) return !RECORD_KINDS.includes(kind);
    if (!menu) return isMenuLike(doc.lines[i].text);
    // Remembered per line (-1: not asked yet), so that after an edit only the edited lines are read again.
    if (menu[i] < 0) menu[i] = isMenuLike(doc.lines[i].text) ? 1 : 0;
    return menu[i] === 1;
  };
}

const SENTENCE_MARKS = /[，。！？；、,!?;]/;
const ITEM_SEPARATORS = /[\s|｜丨/>›»·•]+/;

/**
 * A line of menu items: three or more short items (six characters at most)
 * between spaces or separators, and no sentence punctuation —
 * `首页 滚动 商学院 商业传奇`, `新华网 > 时政 > 正文`.
 */
export function isMenuLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 60 || SENTENCE_MARKS.test(t)) return false;
  const items = t.split(ITEM_SEPARATORS);
  let n = 0;
  for (const item of items) {
    if (item.length > 6) return false;
    if (item.length > 0) n++;
  }
  return n >= 3;
}

/**
 * A label before quoted text on its line: `正在阅读：`, `[摘要：`, `导读:` —
 * a few characters, no sentence punctuation, a colon last.
 */
const LABEL = /^[[【〔(（]?[^\s，。！？；、,.!?;:：]{1,8}\s*[:：]\s*$/;

/**
 * Per line of a run of repeated lines: whether the earlier copy of its
 * characters lies in chrome — lines that `chrome` says are chrome, or the
 * text after a label on its line (see LABEL). `spans` and `lineStart` map the
 * normalised stream back to lines and offsets (see RepeatScan).
 */
export function sourceInChrome(
  doc: NewsDocument,
  spans: Int32Array,
  repeats: readonly Repeat[],
  firstRepeat: number,
  line: number,
  chrome: ChromeTest,
  offsetOf: (streamIndex: number) => number,
): boolean {
  const from = spans[2 * line];
  const to = spans[2 * line + 1];
  let any = false;
  for (let q = firstRepeat; q < repeats.length && repeats[q].dst < to; q++) {
    const r = repeats[q];
    if (r.dst + r.length <= from) continue;
    const a = r.src + (Math.max(from, r.dst) - r.dst);
    const b = r.src + (Math.min(to, r.dst + r.length) - r.dst); // exclusive
    const first = lineOfStream(doc, spans, a);
    const last = lineOfStream(doc, spans, b - 1);
    for (let m = first; m <= last; m++) {
      if (spans[2 * m] === spans[2 * m + 1]) continue;
      any = true;
      if (chrome(m)) continue;
      // The copy starts after a label on its line.
      if (m === first && quotedAfterLabel(doc, m, offsetOf(a))) continue;
      return false;
    }
  }
  return any;
}

/** Whether the text of line m before `offset` is a label (see LABEL). */
function quotedAfterLabel(doc: NewsDocument, m: number, offset: number): boolean {
  const start = doc.lines[m].start;
  return offset > start && offset - start <= 40 && LABEL.test(doc.text.slice(start, offset).trim());
}

/** The line that holds stream index i (the last line whose span starts at or before i). */
export function lineOfStream(doc: NewsDocument, spans: Int32Array, i: number): number {
  return Math.max(0, partitionPoint(doc.lineCount, (m) => spans[2 * m] <= i) - 1);
}
