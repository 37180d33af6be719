import { t } from '../../text/localize';
import type { Rule } from '../../finding';
import { isCjkPunctCode, isHanCode, isJapaneseOrKorean } from '../../text/cjk';

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
  id: 'quote-style',
  description: 'Curly quotes and corner brackets mixed in one document.',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
  check({ document, settings }, report) {
    const lines = [];
    for (const l of document.lines) if (QUOTE.test(l.text) && !isJapaneseOrKorean(l.text)) lines.push(l);
    if (lines.length === 0) return;
    let curly = 0;
    let corner = 0;
    for (const line of lines) {
      const s = line.text;
      QUOTES.lastIndex = 0;
      for (let m = QUOTES.exec(s); m; m = QUOTES.exec(s)) {
        const k = markKind(s, m.index);
        if (k === 1) curly++;
        else if (k === 2) corner++;
      }
    }
    if (curly === 0 || corner === 0) return;
    const setting = settings.get('newsclean.punctuation.quotes') ?? 'auto';
    const target = settings.get('newsclean.script.target') ?? 'auto';
    const style =
      setting !== 'auto' ? setting : curly !== corner ? (curly > corner ? 'curly' : 'corner') : target === 'zh-TW' || target === 'zh-HK' ? 'corner' : 'curly';
    const from = style === 'curly' ? 2 : 1;
    const styleName = style === 'curly' ? t('curly quotes “ ”') : t('corner brackets 「 」');
    for (const line of lines) {
      const s = line.text;
      QUOTES.lastIndex = 0;
      for (let m = QUOTES.exec(s); m; m = QUOTES.exec(s)) {
        const i = m.index;
        if (markKind(s, i) !== from) continue;
        const mark = s[i];
        const to = SWAP[mark];
        const range = { start: line.start + i, end: line.start + i + 1 };
        report({
          message: t('“{0}” in a document that uses {1}: use “{2}”.', mark, styleName, to),
          range,
          fix: { title: t('Replace “{0}” with “{1}”', mark, to), edits: [{ range, text: to }] },
        });
      }
    }
  },
};

const QUOTE = /[“”‘’「」『』]/;
const QUOTES = /[“”‘’「」『』]/g;
const SWAP: Record<string, string> = { '“': '「', '”': '」', '‘': '『', '’': '』', '「': '“', '」': '”', '『': '‘', '』': '’' };

const isLatinLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
const chinese = (c: number) => isHanCode(c) || isCjkPunctCode(c) || c === 0x300c || c === 0x300d || c === 0x300e || c === 0x300f;

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
