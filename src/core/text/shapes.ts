/**
 * Line shapes shared by the rules and the outline: what a heading, a credit
 * line, a list item or a speaker label looks like, on text with flattened
 * pinyin removed (stripRuby). Every pattern is anchored and free of nested
 * quantifiers, so it runs in linear time on any input.
 */
import { isBmpHan } from './chars';
import { COLON, OPEN_END, SENTENCE_PUNCT, endsSentence } from './punctuation';

/** Names of metadata fields (`主题词:`), which look like `place:title` headings. */
const METADATA_KEY =
  /^(主题词|主題詞|关键词|關鍵詞|关键字|關鍵字|来源|來源|发布时间|發布時間|發佈時間|发布日期|發布日期|时间|時間|日期|作者|编辑|編輯|责编|責編|责任编辑|責任編輯|审核|審核|记者|記者|通讯员|通訊員|索引号|索引號|文号|文號|备案序号|備案序號|标签|標籤|分类|分類|摘要|附件|网址|網址|电话|電話|地址|邮箱|郵箱|Notice|Source)\s*[:：]/i;

export const CREDIT_ROLE =
  /^(记者|記者|编辑|編輯|责编|責編|责任编辑|責任編輯|审核|審核|审校|審校|校对|校對|通讯员|通訊員|摄影|攝影|摄像|攝像|撰稿|美编|美編|主编|主編|监制|監製|统筹|統籌|策划|策劃|制作|製作|设计|設計|文|图|圖|文字|视频|視頻|出品)\s*[|｜:：]/;
/** `姜明 摄`, `记者 王鸿洋 摄`, `(资料图片)`, `图据余姚发布`. */
export const PHOTO_CREDIT = /(^|\s)[\u4e00-\u9fff·]{2,6}\s*[摄攝]$|[图圖]据|[图圖]據|^[（(]资料[图圖]片[)）]$|^[（(]資料[圖图]片[)）]$/;

/**
 * A role followed by names (`记者 | 胡禹`, `编辑：王鸿洋 审核：李四`), not by a
 * title (`视频：脸书进军智能手机市场收看01:49` is a link to a video): no
 * digits, and no name longer than a newsroom or agency name.
 */
export function isStaffCreditShape(t: string): boolean {
  const m = CREDIT_ROLE.exec(t);
  if (!m) return false;
  const value = t.slice(m[0].length);
  return !/\d/.test(value) && value.split(/[\s、,，|｜:：/]+/).every((name) => name.length <= 10);
}

export function isCreditLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return false;
  return isStaffCreditShape(t) || PHOTO_CREDIT.test(t);
}

export function isMetadataLine(text: string): boolean {
  return METADATA_KEY.test(text.trim());
}

/** `1.`, `（一）`, `一、`, `①`, `- `, `• `. */
const LIST_ITEM = /^\s*(\d{1,3}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[\u2460-\u2473\u2776-\u277f]|[-*•·●■◆]\s)/;

export function isListItem(text: string): boolean {
  return LIST_ITEM.test(text);
}

/**
 * Number of characters as a reader counts them (astral pairs count once):
 * at least half the code units, which the shapes below use to rule out a
 * long line without counting it.
 */
export function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isBmpHan(ch.charCodeAt(0))) n++;
  return n;
}

/**
 * A short standalone heading such as `大抓落实勇担当`: 2–24 characters, mostly
 * Han, with no sentence punctuation and no sentence end. Spaces may separate
 * two halves (`树牢项目为王理念 掀起大招商高潮`).
 */
export function isShortHeadingShape(text: string): boolean {
  const t = text.trim();
  if (t.length > 48) return false;
  const len = visibleLength(t);
  if (len < 2 || len > 24) return false;
  if (SENTENCE_PUNCT.test(t) || COLON.test(t) || /[…|｜]/.test(t)) return false;
  if (endsSentence(t) || OPEN_END.test(t) || isCreditLine(t) || isListItem(t) || isMetadataLine(t)) return false;
  return hanCount(t) >= Math.max(2, Math.ceil(len * 0.6));
}

/**
 * `通州:提振精气神,聚力项目建设`: a short place or unit name, a colon, and a
 * short title that does not end a sentence.
 */
export function isPlaceTitleShape(text: string): boolean {
  const t = text.trim();
  if (t.length > 64) return false;
  const len = visibleLength(t);
  if (len < 5 || len > 32 || isMetadataLine(t) || isCreditLine(t)) return false;
  const m = /^([\u4e00-\u9fff]{2,8})[:：]([^:：]+)$/.exec(t);
  if (!m) return false;
  const title = m[2].trim();
  return visibleLength(title) >= 3 && !endsSentence(title) && hanCount(title) >= Math.ceil(visibleLength(title) * 0.5);
}

/** A line that reads as running prose: long, or ending a sentence. */
export function isProse(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || isCreditLine(t)) return false;
  return endsSentence(t) || ((t.length > 60 || visibleLength(t) > 30) && SENTENCE_PUNCT.test(t));
}

/** The letters of a flattened pinyin annotation (lower case, tone marks), by code. */
const RUBY_LETTERS = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyzàáâãäåèéêëìíîïòóôõöùúûüāēěīōūǎǐǒǔǖǘǚǜńňǹḿ';
  const table = new Uint8Array(0x1e40);
  for (let i = 0; i < letters.length; i++) table[letters.charCodeAt(i)] = 1;
  return table;
})();

/**
 * The text with flattened pinyin removed, for recognising shapes: each
 * `(jiǎn)` or `（jiǎn）` of one to eight pinyin letters right after a Han
 * character goes, left to right (`簡(jiǎn)` → `簡`). Linear: it goes from
 * one opening parenthesis to the next, and an annotation is at most ten
 * characters.
 */
export function stripRuby(text: string): string {
  let narrow = text.indexOf('(');
  let wide = text.indexOf('（');
  let out = '';
  let kept = 0; // text before `kept` is in `out`, or is to be
  while (narrow >= 0 || wide >= 0) {
    const i = narrow < 0 ? wide : wide < 0 ? narrow : Math.min(narrow, wide);
    let next = i + 1;
    if (i > 0 && isBmpHan(text.charCodeAt(i - 1))) {
      let j = i + 1;
      while (j < text.length && j - i <= 9 && (RUBY_LETTERS[text.charCodeAt(j)] ?? 0) === 1) j++;
      const close = text.charCodeAt(j);
      if (j - i - 1 >= 1 && j - i - 1 <= 8 && (close === 0x29 || close === 0xff09)) {
        out += text.slice(kept, i);
        kept = next = j + 1;
      }
    }
    if (narrow >= 0 && narrow < next) narrow = text.indexOf('(', next);
    if (wide >= 0 && wide < next) wide = text.indexOf('（', next);
  }
  return kept === 0 ? text : out + text.slice(kept);
}
