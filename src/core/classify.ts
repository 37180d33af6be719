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
const TERMINAL = '。！？!?…；;';
const CLOSERS = '”’」』）)》】';

/** True when the (trimmed) text ends a sentence: `。`, `！`, or `。”` and the like. */
export function endsSentence(text: string): boolean {
  // Looks at the last characters only (a pattern anchored at the end would scan the whole line).
  const t = text.trimEnd();
  let end = t.length;
  while (end > 0 && CLOSERS.includes(t[end - 1])) end--;
  return end > 0 && TERMINAL.includes(t[end - 1]);
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

/**
 * A role followed by names (`记者 | 胡禹`, `编辑：王鸿洋 审核：李四`), not by a
 * title (`视频：脸书进军智能手机市场收看01:49` is a link to a video): no
 * digits, and no name longer than a newsroom or agency name.
 */
function isStaffCreditShape(t: string): boolean {
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

// ---------------------------------------------------------------------------
// Article anatomy (issue 5): ruby-free shapes, boilerplate kinds, credits,
// speaker labels and captions. Everything below is additive; the functions
// above keep their behaviour.

/** The letters of a flattened pinyin annotation (lower case, tone marks), by code. */
const RUBY_LETTERS = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyzàáâãäåèéêëìíîïòóôõöùúûüāēěīōūǎǐǒǔǖǘǚǜńňǹḿ';
  const table = new Uint8Array(0x1e40);
  for (let i = 0; i < letters.length; i++) table[letters.charCodeAt(i)] = 1;
  return table;
})();

function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

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
    if (i > 0 && isHanCode(text.charCodeAt(i - 1))) {
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

/** Kinds of lines that are not article text. */
export type BoilerplateKind =
  | 'copyright'
  | 'filing'
  | 'reprint'
  | 'disclaimer'
  | 'contact'
  | 'chrome'
  | 'metadata'
  | 'source'
  | 'artefact'
  | 'credit'
  | 'byline'
  | 'photo-credit'
  // Page chrome known from its place around the article's body (anatomy/page.ts).
  | 'navigation'
  | 'related'
  | 'comment'
  | 'promotion';

/** Kinds that belong to the article's record: marked, kept unless configured. */
export const RECORD_KINDS: readonly BoilerplateKind[] = ['credit', 'byline', 'photo-credit'];

export const BOILERPLATE_KINDS: readonly BoilerplateKind[] = [
  'copyright',
  'filing',
  'reprint',
  'disclaimer',
  'contact',
  'chrome',
  'metadata',
  'source',
  'artefact',
  'credit',
  'byline',
  'photo-credit',
  'navigation',
  'related',
  'comment',
  'promotion',
];

// `©` counts only before a year or at the start of the line: cp1252 mojibake
// of Chinese (`é¡¹ç›®`) is full of stray `©`.
const COPYRIGHT = /版[权權]所有|copyright|^\s*©|©\s*(?:19|20)\d\d|\(c\)\s*\d{4}|all rights reserved|不得转载|不得轉載/i;
const FILING = /icp\s*[备備证證]|公[网網]安[备備]|[备備]案(序号|序號|号|號|编号|編號)|增值[电電]信|[网網][络絡]文化[经經]营/i;
const REPRINT = /(转载|轉載|轉發|转发).{0,12}(注明|註明|出[处處]|授[权權]|联系|聯系|聯繫)|(未[经經]|禁止|谢绝|謝絕).{0,6}(转载|轉載)|如有侵[权權]|版[权權][归歸]/;
const DISCLAIMER =
  /^(特别声明|特別聲明|免责声明|免責聲明|声明|聲明|notice|disclaimer)\s*[:：]|[仅僅]提供信息存[储儲](服[务務])?|不代表本(站|网|網|平台|报|報)|only provides information storage|does not represent the (views|position)/i;
const CONTACT =
  /^(联系电话|聯繫電話|聯系電話|联系方式|聯繫方式|聯系方式|投稿邮箱|投稿郵箱|新闻热线|新聞熱線|爆料热线|爆料熱線|电话|電話|邮箱|郵箱|传真|傳真|地址|e-?mail|tel)\s*[:：]|(请|請)(联系|聯系|聯繫|致电|致電)[^。]{0,20}\d{3,4}[-—–‐ ]?\d{4,8}|(联系|聯系|聯繫)(电话|電話|我们|我們)[:：]?\s*\d{3,4}[-—–‐ ]?\d{4,8}/i;
const CHROME =
  /^[\s【\[]*(分享到|分享至|上一篇|下一篇|返回顶部|返回頂部|返回首页|返回首頁|返回列表|打印本页|打印本頁|打印此文|关闭窗口|關閉窗口|扫一扫|掃一掃|扫码|掃碼|长按识别|長按識別|字体|字體|字号|字號|点击收起|點擊收起|点击展开|點擊展開|阅读原文|閱讀原文|相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞|阅读量|閱讀量|浏览次数|瀏覽次數|点击数|點擊數|收藏本文|我要纠错|我要糾錯)/;
const METADATA_FIELD =
  /^(主\s*题\s*词|主\s*題\s*詞|关\s*键\s*词|關\s*鍵\s*詞|关键字|關鍵字|索\s*引\s*号|索\s*引\s*號|文\s*号|文\s*號|标签|標籤|分类|分類|发布机构|發布機構|发文机关|發文機關|公开范围|公開範圍|公开方式|公開方式|有效性|成文日期|文件编号|文件編號|所属主题|所屬主題)\s*[:：|｜]/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const SOURCE = /^(来源|來源|稿源|信息来源|信息來源|发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|更新时间|更新時間)\s*[:：]/;
const SOURCE_AND_DATE = /(来源|來源)\s*[:：].{0,40}(时间|時間|日期)\s*[:：]\s*\d{4}/;
const STANDALONE_ARTEFACT = /^[\u2460-\u24ff\u2776-\u2793\d\s]{1,4}$/;

/** `记者 | 胡禹`, `编辑：…`, `责编 | …`, `审核 | …`. */
export function isStaffCredit(text: string): boolean {
  return staffCreditShape(stripRuby(text).trim());
}

// The shapes below take text already stripped of ruby and trimmed, so that
// `boilerplateKind` strips a line once for all of them.
function staffCreditShape(t: string): boolean {
  return t.length > 0 && t.length <= 40 && isStaffCreditShape(t);
}

/** `姜明 摄`, `图据余姚发布`, `肥西城市大景 图据肥西发布`, `(资料图片)`. */
export function isPhotoCredit(text: string): boolean {
  return photoCreditShape(stripRuby(text).trim());
}

function photoCreditShape(t: string): boolean {
  if (t.length === 0 || t.length > 40 || CREDIT_ROLE.test(t)) return false;
  return PHOTO_CREDIT.test(t) || /^[（(](资料|資料|新华社|新華社|视觉中国|視覺中國|图片来源|圖片來源)[^()（）]{0,12}[)）]$/.test(t);
}

/** `新华日报社南通分社记者集体采写整理`, `本报记者 王五 通讯员 李四`. */
const BYLINE_END = /(采写整理|採寫整理|采写|採寫|整理|报道|報道|撰文|撰稿|供稿|编译|編譯|综合报道|綜合報道)$/;
const BYLINE_WHO = /(记者|記者|通讯员|通訊員|社|报|報|台|网|網|中心|编辑部|編輯部)/;
export function isByline(text: string): boolean {
  return bylineShape(stripRuby(text).trim());
}

function bylineShape(t: string): boolean {
  if (t.length < 4 || t.length > 40 || endsSentence(t) || SENTENCE_PUNCT.test(t)) return false;
  if (BYLINE_END.test(t) && BYLINE_WHO.test(t)) return true;
  return /^(本报记者|本報記者|本报通讯员|本報通訊員|文\/|文／)/.test(t) && t.length <= 30;
}

/**
 * The boilerplate kind of a whole line, or undefined for article text.
 * Long lines are prose (a 5 MB line is never scanned by these patterns).
 */
export function boilerplateKind(text: string): BoilerplateKind | undefined {
  const raw = text.trim();
  if (raw.length === 0 || raw.length > 400) return undefined;
  const t = stripRuby(raw);
  // The credit shapes strip their text too: a second pass can remove more
  // (`簡(jiǎn)(jiǎn)`), but only when the first removed something.
  const credit = (t.length === raw.length ? t : stripRuby(t)).trim();
  if (staffCreditShape(credit)) return 'credit';
  if (bylineShape(credit)) return 'byline';
  if (photoCreditShape(credit)) return 'photo-credit';
  // Footer-like kinds are short lines, not sentences of prose that mention
  // the same words (`版权所有者的权益应当受到保护，…`).
  const short = t.length <= 80 && fewSentenceMarks(t);
  if (DISCLAIMER.test(t)) return 'disclaimer';
  if (short && FILING.test(t)) return 'filing';
  if (short && REPRINT.test(t)) return 'reprint';
  if (short && CONTACT.test(t)) return 'contact';
  if (short && COPYRIGHT.test(t)) return 'copyright';
  if (short && (SOURCE_AND_DATE.test(t) || (SOURCE.test(t) && t.length <= 60))) return 'source';
  if (METADATA_FIELD.test(t) || TABLE_RULE.test(t) || (short && isTableRow(t))) return 'metadata';
  if (t.length <= 40 && CHROME.test(t)) return 'chrome';
  return undefined;
}

/** Whether `text` has at most two of `，,。；;！!？?` (a short footer line, not prose). */
function fewSentenceMarks(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mark = c < 0x80 ? c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f : c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f;
    if (mark && ++n > 2) return false;
  }
  return true;
}

/** `发布机构 | 唐河县政府办公室 | 发布日期 | 2022-02-23 09:03:40 |`: two or more cells, none a sentence. */
function isTableRow(t: string): boolean {
  const cells = t.split(/[|｜]/);
  if (cells.length < 3) return false;
  return cells.every((c) => c.length <= 40 && !endsSentence(c));
}

/**
 * A stray trailing artefact such as `②2` after the last sentence of a line
 * (a page number or footnote marker left by the page): its [start, end)
 * within `text`, or undefined.
 */
export function trailingArtefact(text: string): { start: number; end: number } | undefined {
  const m = /[。！？!?”」』]([\u2460-\u24ff\u2776-\u2793][\u2460-\u24ff\u2776-\u2793\d]{0,3})\s*$/.exec(text.length > 64 ? text.slice(-64) : text);
  if (!m) return undefined;
  const base = text.length > 64 ? text.length - 64 : 0;
  const start = base + m.index + 1;
  return { start, end: start + m[1].length };
}

/** A line that is nothing but a page number or circled number (`②`, `2`). */
export function isStandaloneArtefact(text: string): boolean {
  return STANDALONE_ARTEFACT.test(text.trim()) && text.trim().length > 0;
}

/**
 * A speaker label such as `市经科信局主要负责同志:`: a short name or
 * position ending with a colon, no sentence punctuation before it.
 */
export function isSpeakerLabel(text: string): boolean {
  return speakerLabelShape(stripRuby(text).trim());
}

/** `isSpeakerLabel` of text already stripped of ruby and trimmed. */
export function speakerLabelShape(t: string): boolean {
  if (t.length > 60) return false;
  const len = visibleLength(t);
  if (len < 3 || len > 30 || !/[:：]$/.test(t)) return false;
  const body = t.slice(0, -1).trim();
  if (body.length < 2 || SENTENCE_PUNCT.test(body) || COLON.test(body) || isMetadataLine(t) || METADATA_FIELD.test(t)) return false;
  return hanCount(body) >= Math.ceil(visibleLength(body) * 0.6);
}

/** Heading shapes on the ruby-free text. */
export function isHeadingLike(text: string): boolean {
  return headingShape(stripRuby(text));
}

/** `isHeadingLike` of text already stripped of ruby. */
export function headingShape(t: string): boolean {
  return isShortHeadingShape(t) || isPlaceTitleShape(t);
}

/**
 * A photo caption rather than a section heading: a heading-shaped line that
 * reads as one unbroken narrative clause (13 or more Han characters with no
 * space or separator, e.g. `王凯率简阳市党政代表团前往余姚调研`). Used only
 * in documents that carry photos (photo credits or notes elsewhere).
 */
export function isNarrativeCaptionShape(text: string): boolean {
  const t = stripRuby(text).trim();
  return isShortHeadingShape(t) && !/[\s\u3000·]/.test(t) && hanCount(t) >= 13;
}
