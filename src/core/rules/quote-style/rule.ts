import { t } from '../../text/localize';
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
 * Document-wide: the style is the whole document's. Incrementally it runs on
 * the whole document again after every edit (one pass over the lines that
 * hold a quote mark).
 */
export const quoteStyle: Rule = {
  meta: {
    id: 'quote-style',
    description: 'Curly quotes and corner brackets mixed in one document.',
    family: 'punctuation',
    docs: 'rule-quote-style',
    defaultSeverity: 'warning',
    fixable: true,
    safeToClean: true,
  },
  check({ document, settings }, report) {
    // One pass over the text finds the marks (offsets ascend, so their lines are found by a moving cursor).
    const { text, lines } = document;
    const { start: from, end: to } = document.span;
    const marks: number[] = []; // offset, kind, offset, kind…
    let curly = 0;
    let corner = 0;
    let k = 0;
    let skipLine = -1; // the last line found Japanese or Korean
    let okLine = -1;
    QUOTES.lastIndex = from;
    for (let m = QUOTES.exec(text); m && m.index < to; m = QUOTES.exec(text)) {
      while (k + 1 < lines.length && lines[k + 1].start <= m.index) k++;
      const line = lines[k];
      if (m.index >= line.end || k === skipLine) continue;
      if (k !== okLine) {
        if (isJapaneseOrKorean(line.text)) {
          skipLine = k;
          continue;
        }
        okLine = k;
      }
      const kind = markKind(line.text, m.index - line.start);
      if (kind === 0) continue;
      if (kind === 1) curly++;
      else corner++;
      marks.push(m.index, kind);
    }
    if (curly === 0 || corner === 0) return;
    const setting = settings.get('newsclean.punctuation.quotes') ?? 'auto';
    const target = settings.get('newsclean.script.target') ?? 'auto';
    const style =
      setting !== 'auto' ? setting : curly !== corner ? (curly > corner ? 'curly' : 'corner') : target === 'zh-TW' || target === 'zh-HK' ? 'corner' : 'curly';
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
  },
};

const QUOTES = /[“”‘’「」『』]/g;
const SWAP: Record<string, string> = { '“': '「', '”': '」', '‘': '『', '’': '』', '「': '“', '」': '”', '『': '‘', '』': '’' };

const isLatinLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
const chinese = (c: number) => isHanUnit(c) || isCjkPunctCode(c) || c === 0x300c || c === 0x300d || c === 0x300e || c === 0x300f;

/** 1: a curly quote, 2: a corner bracket, 0: neither (or a single quote that is an apostrophe or not beside Chinese). */
function markKind(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x201c || c === 0x201d) return 1;
  if (c >= 0x300c && c <= 0x300f) return 2;
  if (c !== 0x2018 && c !== 0x2019) return 0;
  const before = i > 0 ? s.charCodeAt(i - 1) : -1;
  const after = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
  if (isLatinLetter(before) && isLatinLetter(after)) return 0;
  return chinese(before) || chinese(after) ? 1 : 0;
}
