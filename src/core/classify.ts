/**
 * Line shapes shared by the rules and the outline: what a heading, a credit
 * line or a list item looks like. Every pattern is anchored and free of
 * nested quantifiers, so it runs in linear time on any input.
 */

/** CJK ideographs (BMP blocks; astral ideographs are rare in news text). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

export function isLatinAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9\u00c0-\u024f]/.test(ch);
}

/** Punctuation that closes or continues a sentence: a line never starts with it. */
export const CONTINUING_START = /^[，、。；：！？）」』》〉】…,;:!?)]/;

/** Marks after which a line cannot end: an opening mark or a comma. */
export const OPEN_END = /[（「『《〈【“‘(，、,]$/;

/** Punctuation that can end a sentence. */
const TERMINAL = /[。！？!?…；;]$/;
const CLOSERS = /[”’」』）)》】]+$/;

/** True when the (trimmed) text ends a sentence: `。`, `！`, or `。”` and the like. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (TERMINAL.test(t)) return true;
  const m = CLOSERS.exec(t);
  return m !== null && TERMINAL.test(t.slice(0, m.index));
}

const SENTENCE_PUNCT = /[，。！？；,!?;、]/;
const COLON = /[:：]/;

/** Names of metadata fields (`主题词:`), which look like `place:title` headings. */
const METADATA_KEY =
  /^(主题词|主題詞|关键词|關鍵詞|关键字|關鍵字|来源|來源|发布时间|發布時間|發佈時間|发布日期|發布日期|时间|時間|日期|作者|编辑|編輯|责编|責編|责任编辑|責任編輯|审核|審核|记者|記者|通讯员|通訊員|索引号|索引號|文号|文號|备案序号|備案序號|标签|標籤|分类|分類|摘要|附件|网址|網址|电话|電話|地址|邮箱|郵箱|Notice|Source)\s*[:：]/i;

const CREDIT_ROLE =
  /^(记者|記者|编辑|編輯|责编|責編|责任编辑|責任編輯|审核|審核|审校|審校|校对|校對|通讯员|通訊員|摄影|攝影|摄像|攝像|撰稿|美编|美編|主编|主編|监制|監製|统筹|統籌|策划|策劃|制作|製作|设计|設計|文|图|圖|文字|视频|視頻|出品)\s*[|｜:：]/;
/** `姜明 摄`, `记者 王鸿洋 摄`, `(资料图片)`, `图据余姚发布`. */
const PHOTO_CREDIT = /(^|\s)[\u4e00-\u9fff·]{2,6}\s*[摄攝]$|[图圖]据|[图圖]據|^[（(]资料[图圖]片[)）]$|^[（(]資料[圖图]片[)）]$/;

export function isCreditLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return false;
  return CREDIT_ROLE.test(t) || PHOTO_CREDIT.test(t);
}

export function isMetadataLine(text: string): boolean {
  return METADATA_KEY.test(text.trim());
}

/** `1.`, `（一）`, `一、`, `①`, `- `, `• `. */
const LIST_ITEM = /^\s*(\d{1,3}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[\u2460-\u2473\u2776-\u277f]|[-*•·●■◆]\s)/;

export function isListItem(text: string): boolean {
  return LIST_ITEM.test(text);
}

/** Number of characters as a reader counts them (astral pairs count once). */
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

function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

/**
 * A short standalone heading such as `大抓落实勇担当`: 2–24 characters, mostly
 * Han, with no sentence punctuation and no sentence end. Spaces may separate
 * two halves (`树牢项目为王理念 掀起大招商高潮`).
 */
export function isShortHeadingShape(text: string): boolean {
  const t = text.trim();
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
  return endsSentence(t) || (visibleLength(t) > 30 && SENTENCE_PUNCT.test(t));
}
