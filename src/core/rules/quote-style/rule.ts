import { t } from '../../text/localize';
import type { Settings } from '../../config/types';
import type { Report } from '../../finding';
import type { NewsDocument } from '../../document';
import type { Rule } from '../../rule';
import { isCjkPunctCode, isHanUnit, isJapaneseOrKorean } from '../../text/chars';

/**
 * One document mixing curly quotes (`“ ” ‘ ’`) and corner brackets
 * (`「 」 『 』`): the marks of the other style become the document's style,
 * mark by mark at the same level (`“`↔`「`, `”`↔`」`, `‘`↔`『`, `’`↔`』`), so
 * nesting is kept. The style is `newsclean.punctuation.quotes` when it says
 * `curly` or `corner`; with `auto`, the style most marks of the document use
 * (a tie: corner brackets when the script target is `zh-TW`/`zh-HK`, curly
 * otherwise). A document that uses one style only is left alone, whatever
 * the setting. Single curly quotes count only beside Chinese (an English
 * apostrophe, `it’s`, is not a quote); Japanese and Korean lines are neither
 * counted nor changed.
 *
 * Document-wide: the style is the whole document's. Incrementally the marks
 * of the edited lines are counted again, and while the style stays, only
 * those lines are checked again (incremental.ts).
 */
export const meta: Rule['meta'] = {
  id: 'quote-style',
  description: 'Curly quotes and corner brackets mixed in one document.',
  family: 'punctuation',
  docs: 'rule-quote-style',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
};

export const check: Rule['check'] = ({ document, settings }, report) => {
  checkQuotes(document, settings, report);
};

/** The check: reports the marks not of the document's style, and gives the counts of the marks by kind. */
export function checkQuotes(document: NewsDocument, settings: Settings, report: (r: Report) => void): QuoteCounts {
  const { text } = document;
  const marks: number[] = []; // offset, kind, offset, kind…
  let curly = 0;
  let corner = 0;
  eachMark(text, document.span.start, document.span.end, (at, kind) => {
    if (kind === 1) curly++;
    else corner++;
    marks.push(at, kind);
  });
  const counts = { curly, corner };
  const style = styleOf(counts, settings);
  if (style) reportMarks(text, marks, style, report);
  return counts;
}

/** The marks of a stretch of lines, by kind. */
export interface QuoteCounts {
  readonly curly: number;
  readonly corner: number;
}

/**
 * The document's style: the setting when it says `curly` or `corner`, else
 * the one most marks use (a tie: corner brackets when the script target is
 * `zh-TW`/`zh-HK`, curly otherwise); undefined when one style only is used.
 */
export function styleOf({ curly, corner }: QuoteCounts, settings: Settings): 'curly' | 'corner' | undefined {
  if (curly === 0 || corner === 0) return undefined;
  const setting = settings.get('newsclean.punctuation.quotes') ?? 'auto';
  const target = settings.get('newsclean.script.target') ?? 'auto';
  if (setting === 'curly' || setting === 'corner') return setting;
  return curly !== corner ? (curly > corner ? 'curly' : 'corner') : target === 'zh-TW' || target === 'zh-HK' ? 'corner' : 'curly';
}

/** The counts of the marks in `[from, to)`, which starts at a line start and ends at a line end. */
export function countMarks(text: string, from: number, to: number): QuoteCounts {
  let curly = 0;
  let corner = 0;
  eachMark(text, from, to, (_, kind) => {
    if (kind === 1) curly++;
    else corner++;
  });
  return { curly, corner };
}

/** Reports the marks of `marks` (offset, kind, …) that are not of `style`. */
export function reportMarks(text: string, marks: readonly number[], style: 'curly' | 'corner', report: (r: Report) => void): void {
  const other = style === 'curly' ? 2 : 1;
  const styleName = style === 'curly' ? t('curly quotes “ ”') : t('corner brackets 「 」');
  for (let i = 0; i < marks.length; i += 2) {
    if (marks[i + 1] !== other) continue;
    const mark = text[marks[i]];
    const to = SWAP[mark];
    const range = { start: marks[i], end: marks[i] + 1 };
    report({
      message: t('“{0}” in a document that uses {1}: use “{2}”.', mark, styleName, to),
      range,
      fix: { title: t('Replace “{0}” with “{1}”', mark, to), edits: [{ range, text: to }] },
    });
  }
}

/**
 * Each quote mark of `[from, to)` with its kind (1 curly, 2 corner), in
 * order; marks that are neither (see markKind) and the lines of Japanese or
 * Korean are left out. A mark's kind depends on its line alone, which is
 * found around it (each line once, scanned to its ends: linear).
 */
export function eachMark(text: string, from: number, to: number, visit: (at: number, kind: number) => void): void {
  let lineStart = -1;
  let lineEnd = -1;
  let foreign = false;
  QUOTES.lastIndex = from;
  for (let m = QUOTES.exec(text); m && m.index < to; m = QUOTES.exec(text)) {
    const at = m.index;
    if (at >= lineEnd) {
      lineStart = at;
      while (lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;
      lineEnd = at + 1;
      while (lineEnd < text.length && !isBreak(text.charCodeAt(lineEnd))) lineEnd++;
      foreign = isJapaneseOrKorean(text.slice(lineStart, lineEnd));
    }
    if (foreign) continue;
    const kind = markKind(text, at, lineStart, lineEnd);
    if (kind !== 0) visit(at, kind);
  }
}

const isBreak = (c: number) => c === 0x0a || c === 0x0d;

const QUOTES = /[“”‘’「」『』]/g;
const SWAP: Record<string, string> = { '“': '「', '”': '」', '‘': '『', '’': '』', '「': '“', '」': '”', '『': '‘', '』': '’' };

const isLatinLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
const chinese = (c: number) => isHanUnit(c) || isCjkPunctCode(c) || c === 0x300c || c === 0x300d || c === 0x300e || c === 0x300f;

/** 1: a curly quote, 2: a corner bracket, 0: neither (or a single quote that is an apostrophe or not beside Chinese), at `i` of the line `[start, end)`. */
function markKind(s: string, i: number, start: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x201c || c === 0x201d) return 1;
  if (c >= 0x300c && c <= 0x300f) return 2;
  if (c !== 0x2018 && c !== 0x2019) return 0;
  const before = i > start ? s.charCodeAt(i - 1) : -1;
  const after = i + 1 < end ? s.charCodeAt(i + 1) : -1;
  if (isLatinLetter(before) && isLatinLetter(after)) return 0;
  return chinese(before) || chinese(after) ? 1 : 0;
}
