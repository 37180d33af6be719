/**
 * The boilerplate taxonomy: the kinds of lines that are not article text,
 * the patterns that recognise each, and their names. The single list of
 * kinds: the boilerplate rule, its setting and the outline read it here.
 */
import { t } from '../../text/localize';
import { SENTENCE_PUNCT, endsSentence } from '../../text/punctuation';
import { CREDIT_ROLE, PHOTO_CREDIT, isStaffCreditShape, stripRuby } from '../../text/shapes';
import { isJapaneseOrKorean } from '../../text/chars';

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
  | 'caption'
  // Page chrome known from its place around the article's body (anatomy/page.ts).
  | 'navigation'
  | 'related'
  | 'comment'
  | 'promotion';

/** Kinds that belong to the article's record: marked, kept unless configured. */
export const RECORD_KINDS: readonly BoilerplateKind[] = ['credit', 'byline', 'photo-credit', 'caption'];

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
  'caption',
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
  /^[\s【\[]*(分享到|请继续往下阅读|請繼續往下閱讀|继续往下阅读|繼續往下閱讀|继续阅读|繼續閱讀|分享至|上一篇|下一篇|返回顶部|返回頂部|返回首页|返回首頁|返回列表|打印本页|打印本頁|打印此文|关闭窗口|關閉窗口|扫一扫|掃一掃|扫码|掃碼|长按识别|長按識別|字体|字體|字号|字號|点击收起|點擊收起|点击展开|點擊展開|阅读原文|閱讀原文|相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞|阅读量|閱讀量|浏览次数|瀏覽次數|点击数|點擊數|收藏本文|我要纠错|我要糾錯)/;
const METADATA_FIELD =
  /^(原标题|原標題|主\s*题\s*词|主\s*題\s*詞|关\s*键\s*词|關\s*鍵\s*詞|关键字|關鍵字|索\s*引\s*号|索\s*引\s*號|文\s*号|文\s*號|标签|標籤|分类|分類|发布机构|發布機構|发文机关|發文機關|公开范围|公開範圍|公开方式|公開方式|有效性|成文日期|文件编号|文件編號|所属主题|所屬主題)\s*[:：|｜]/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const SOURCE = /^(来源|來源|稿源|信息来源|信息來源|发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|更新时间|更新時間)\s*[:：]/;
/** The date (and time) first, then the source: `2023-05-12 09:30:15　来源：南阳日报`. */
const DATE_THEN_SOURCE = /^(19|20)\d\d[-/年.]\s?[01]?\d[-/月.]\s?[0-3]?\d日?\s*(\d\d?:\d\d(:\d\d)?)?\s*(来源|來源|稿源)\s*[:：]/;
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

/**
 * A photo's caption by its mark: `图为…`, `△…`, `▲…`, `◎…` (a short line,
 * not a heading ending with a colon). Prose that merely starts with the
 * same characters is not one: a question (`图为何物`, `…？`), clauses (`；`),
 * or, after `图为`, more than one sentence.
 */
const CAPTION_MARK = /^(图为|圖為|(上|下|左|右)(图|圖)(为|為)|[△▲◎]\s*[^\s△▲◎])/;
const WORD_MARK = /^(图为|圖為|(上|下|左|右)(图|圖)(为|為))/;
const QUESTION_AFTER_MARK = /^(图为|圖為)(何|什么|什麼|甚么|甚麼|啥|谁|誰|哪)/;
/** Who made or supplied the photo, after the caption: `/图：123rf`, `（圖／翻攝畫面）`, `资料图`, `姜明 摄`. */
const CAPTION_CREDIT = /[/／（(]\s*(图|圖)\s*[/／:：]|^[△▲◎\s]*(图|圖)\s*[/／:：]|(摄|攝|供图|供圖|资料图|資料圖|资料图片|資料圖片)\s*[)）\]】]?$/;
export function captionShape(t: string): boolean {
  // Kana or hangul: a Japanese or Korean line (or mojibake) is never taken for a Chinese caption.
  if (t.length > 120 || !CAPTION_MARK.test(t) || /[:：]$/.test(t) || isJapaneseOrKorean(t)) return false;
  if (/[；;？?]/.test(t) || QUESTION_AFTER_MARK.test(t)) return false;
  // `图为…。…`: a sentence ended and another began (a credit after it does not count).
  const cut = t.search(CAPTION_CREDIT);
  const text = cut > 0 ? t.slice(0, cut) : t;
  return !(WORD_MARK.test(t) && /[。！!][^。！!”’」』）)\s]/.test(text));
}

/** `新华日报社南通分社记者集体采写整理`, `本报记者 王五 通讯员 李四`. */
const BYLINE_END = /(采写整理|採寫整理|采写|採寫|整理|报道|報道|报导|報導|撰文|撰稿|供稿|编译|編譯|综合报道|綜合報道)$/;
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
  // A caption's line that also names who made or supplied the photo is a photo credit.
  if (captionShape(credit)) return CAPTION_CREDIT.test(credit) ? 'photo-credit' : 'caption';
  // Footer-like kinds are short lines, not sentences of prose that mention
  // the same words (`版权所有者的权益应当受到保护，…`).
  const short = t.length <= 80 && fewSentenceMarks(t);
  if (DISCLAIMER.test(t)) return 'disclaimer';
  // A filing line may run long (`主办：… 版权所有 豫ICP备… 豫公网安备 …号网站标识码：…`); a sentence about filing is prose.
  if ((short || (t.length <= 200 && fewSentenceMarks(t) && !endsSentence(t))) && FILING.test(t)) return 'filing';
  if (short && REPRINT.test(t)) return 'reprint';
  if (short && CONTACT.test(t)) return 'contact';
  if (short && COPYRIGHT.test(t)) return 'copyright';
  if (short && (SOURCE_AND_DATE.test(t) || ((SOURCE.test(t) || DATE_THEN_SOURCE.test(t)) && t.length <= 60))) return 'source';
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

/** The metadata-field shape of a line (`主题词:`, `索引号|`), for the outline's speaker labels. */
export function isMetadataFieldShape(t: string): boolean {
  return METADATA_FIELD.test(t);
}


/** The localised name of a kind. */
export function kindLabel(kind: BoilerplateKind): string {
  switch (kind) {
    case 'copyright':
      return t('copyright notice');
    case 'filing':
      return t('filing number');
    case 'reprint':
      return t('reprint notice');
    case 'disclaimer':
      return t('platform disclaimer');
    case 'contact':
      return t('contact line');
    case 'chrome':
      return t('page navigation');
    case 'metadata':
      return t('metadata field');
    case 'source':
      return t('source and date line');
    case 'artefact':
      return t('trailing artefact');
    case 'credit':
      return t('staff credit');
    case 'byline':
      return t('byline');
    case 'photo-credit':
      return t('photo credit');
    case 'caption':
      return t('photo caption');
    case 'navigation':
      return t('page chrome');
    case 'related':
      return t('related articles');
    case 'comment':
      return t('comments');
    case 'promotion':
      return t('share, app or ad promotion');
  }
}
