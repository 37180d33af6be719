/**
 * The anatomy of a pasted web page: where the article's body is, which line
 * is its headline, and what the lines around it are (navigation, related
 * lists, comments, share/app/ad promotions). In the spirit of boilerpipe's
 * shallow text features (Kohlschütter et al., 2010) and jusText's
 * context-sensitive pass, for plain text:
 *
 *  1. Each line gets shallow features: length, share of Han characters,
 *     sentence punctuation, whether it ends a sentence, separators, date
 *     shapes, lexicon hits per kind (generic words, never a site's name).
 *  2. The body is the run of lines with the highest score, where prose lines
 *     count for their length and short non-prose lines against it (a menu, a
 *     share bar, a comment block); headers of related lists and comment
 *     blocks end it.
 *  3. The headline is the title-shaped line closest above the body (past the
 *     source line, share bar and byline).
 *  4. Only when the text reads as a page (chrome found around the body), the
 *     lines before the headline and after the body are chrome, each typed by
 *     its lexicon and by the block it sits in (after `推荐阅读`: related;
 *     after `评论`: comments). Credits, the dateline, and sentence fragments
 *     (a line ending with `，`) are never chrome.
 *
 * Pure and linear: one pass for the features, Kadane's algorithm for the
 * body, one pass for the context. Every pattern is a plain alternation.
 */
import type { BoilerplateKind } from '../rules/boilerplate/kinds';
import { RECORD_KINDS } from '../rules/boilerplate/kinds';
import { stripRuby } from '../text/shapes';
import { isJapaneseOrKorean } from '../text/chars';

/** Kinds that only the page's context gives (added to the line-local ones). */
export type PageKind = 'navigation' | 'related' | 'comment' | 'promotion';

export interface PageAnatomy {
  /** The kind of every line: the line-local kind, or the context's. */
  readonly kinds: readonly (BoilerplateKind | undefined)[];
  /** The headline's line, when the text reads as a page; else -1. */
  readonly title: number;
  /** First and last line of the body, or -1. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Whether chrome was found around the body. */
  readonly page: boolean;
}

export interface Features {
  /** Visible length of the trimmed line (code units, astral pairs count twice; long lines are capped). */
  len: number;
  han: number;
  /** Sentence punctuation: `，。！？；、` and the half-width ones. */
  punct: number;
  /** Ends with `。！？…` (after closing quotes). */
  ends: boolean;
  /** Ends with `，、` or starts with closing punctuation: a sentence fragment. */
  fragment: boolean;
  /** Separators of menus and breadcrumbs: `|｜丨>›»/`. */
  sep: number;
  digits: number;
  latin: number;
  spaces: number;
}

/** How far from the body (in non-blank lines) chrome is looked for. */
const ZONE = 150;
const SCAN = 200; // a longer line is prose: it is not scanned

const LONG: Features = Object.freeze({ len: Infinity, han: Infinity, punct: 2, ends: true, fragment: false, sep: 0, digits: 0, latin: 0, spaces: 0 });

function features(text: string): Features {
  if (text.length > SCAN) return LONG;
  const t = text;
  let start = 0;
  let end = t.length;
  while (start < end && isSpace(t.charCodeAt(start))) start++;
  while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
  const f: Features = { len: end - start, han: 0, punct: 0, ends: false, fragment: false, sep: 0, digits: 0, latin: 0, spaces: 0 };
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) f.han++;
    else if (c >= 0x30 && c <= 0x39) f.digits++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) f.latin++;
    else if (c === 0xff0c || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3001 || c === 0x2c || c === 0x3b) f.punct++;
    else if (c === 0x7c || c === 0xff5c || c === 0x4e28 || c === 0x3e || c === 0x203a || c === 0xbb || c === 0x2f) f.sep++;
    else if (c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x09) f.spaces++;
  }
  let e = end;
  while (e > start && CLOSERS.includes(t[e - 1])) e--;
  const last = e > start ? t[e - 1] : '';
  f.ends = '。！？!?…；'.includes(last) && last !== '';
  f.fragment = (end > start && '，、,'.includes(t[end - 1])) || (end > start && CONTINUING.includes(t[start]));
  return f;
}

const CLOSERS = '”’」』）)》】"\'';
const CONTINUING = '，、。；：！？）」』》…,;!?)';

function blank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0d || c === 0xfeff;
}

/** Prose a reader would keep: long and sentence-like, or a sentence. */
function proseWeight(f: Features): number {
  const dense = f.han >= 0.5 * (f.len - f.spaces) || f.len > SCAN;
  if (f.len > SCAN) return 300;
  if (dense && f.len >= 30 && (f.ends || f.punct >= 2) && f.sep < 2) return Math.min(f.len, 300);
  if (dense && f.ends && f.len >= 6 && f.sep === 0) return f.len / 2;
  return 0;
}

// Lexicons per kind: generic words of page chrome in Simplified and Traditional Chinese and English.
const RELATED_HEAD =
  /^[\s【\[「]*(相关|相關|推荐|推薦|延伸阅读|延伸閱讀|更多|热点|熱點|热门|熱門|热文|熱文|热读|熱讀|猜你喜欢|猜你喜歡|也許您會感興趣|也许您会感兴趣|你可能|您可能|大家都在看|精彩推荐|精彩推薦|今日推荐|今日推薦|排行|热榜|熱榜|最新|往期|看了又看|为你推荐|為你推薦|图片新闻|圖片新聞|视频推荐|影音推薦|熱門新聞|即時新聞|新闻排行|新聞排行)/;
const COMMENT_HEAD = /(评论|評論|跟贴|跟帖|留言|网友|網友|发表|發表)/;
const SHARE = /(播报|播報|朗读|朗讀|分享|微信|微博|朋友圈|QQ|Facebook|facebook|LINE|Line|Twitter|twitter|Weibo|複製連結|复制链接|收藏|点赞|點讚|按讚|打印|列印|转发|轉發|字号|字號|字级|字級|字体|字體|大字|小字)/;
const APP = /(客户端|客戶端|下载|下載|APP|App|app|扫码|掃碼|扫一扫|掃一掃|二维码|二維碼|公众号|公眾號|关注|關注|订阅|訂閱|追蹤|加入好友)/;
const AD = /(广告|廣告|推广|推廣|赞助|贊助|AD|Ad\b)/;
const COMMENT_LINE = /(回复|回覆|回應|举报|舉報|^赞|^讚|顶\d|踩\d|\d+楼|\d+樓|登录|登入|注册|註冊|退出|表情|最热|最熱|最新|条评论|則留言|人参与|人參與)/;
const FOOTER = /(关于我们|關於我們|关于本站|關於本站|联系我们|聯絡我們|聯繫我們|网站地图|網站地圖|隐私|隱私|招聘|许可证|許可證|友情链接|友情連結|服务条款|服務條款|使用条款|使用條款|客服|广告服务|廣告服務|合作|About|about|Contact|Privacy|Terms)/;
const DATE = /(19|20)\d\d[-/年.]\s?[01]?\d[-/月.]\s?[0-3]?\d|[01]?\d月[0-3]?\d日|\d\d?:\d\d/;
/** A feed card's stamp, its source and its age: `法新社·2 天前`, `新华社 | 23 小时前` (a live blog's bare `5分钟前` is not one). */
const FEED_STAMP = /^[^\d\s·•|｜]{2,12}\s*[·•|｜]\s*(\d{1,3}\s*(秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)前|刚刚|剛剛)$/;
const SOURCE_WORD = /(来源|來源|稿源|出处|出處|作者|编辑|編輯|记者|記者|发布|發布|發佈|更新)/;

/** A staff credit or a source at the end: `[作者: 刘满仓 　责任编辑: 杨丹宇 ]`, `（中時 ）`, `文/栗思`. */
const CREDIT_WORD = /(来源|來源|作者|记者|記者|编辑|編輯|责编|責編|撰文|撰稿|采写|採寫|整理|校对|校對|审核|審核|审校|審校|监制|監製|出品|主编|主編|通讯员|通訊員|编译|編譯|翻译|翻譯)\s*[:：|｜/／]|^\s*[(（[【][^()（）]{1,12}[)）\]】]\s*$|^(文|图|圖)\s*[/／|｜]/;
const PHOTO_CREDIT = /^(图片来源|圖片來源|图源|圖源|图片|圖片)\s*[:：]|(摄|攝|供图|供圖|资料图|資料圖|资料图片|資料圖片|翻摄|翻攝|截图|截圖)\s*[)）\]】]?$|[（(](图|圖)\s*[/／:：]|(图片来源|圖片來源)\s*[:：]|(图|圖)\s*[/／]\s*\w/;
/** A photo credit with nothing else on its line: `图片来源：…`, `（资料图）`, `姜明 摄`. */
const BARE_CREDIT = /^(图片来源|圖片來源|图源|圖源|图片|圖片|图|圖|摄影|攝影|[（(]|[\u4e00-\u9fff·]{2,4}\s*[摄攝]$)/;
const AD_LABEL = /^(广告|廣告|推广|推廣|赞助|贊助|AD|Ad)/;

function creditKind(t: string, f: Features): BoilerplateKind | undefined {
  if (f.len > 50 || f.ends) return undefined;
  if (PHOTO_CREDIT.test(t)) return 'photo-credit';
  if (CREDIT_WORD.test(t)) return 'credit';
  return undefined;
}

const DATE_FIRST = /^(19|20)\d\d[-/年.]/;

/** A short line that only page chrome prints: a menu, a share bar, a comment box, a related list's header, a footer link. */
function chromeSignal(t: string, f: Features): boolean {
  if (f.len > 30 || f.ends) return false;
  return (f.sep > 0 && f.len <= 40) || SHARE.test(t) || APP.test(t) || AD.test(t) || FOOTER.test(t) || RELATED_HEAD.test(t) || COMMENT_LINE.test(t);
}

/** A date or time first, then a source: `2023-05-12 09:30:15　来源：南阳日报`. */
export function isDatedSourceLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80) return false;
  return DATE.test(t) && SOURCE_WORD.test(t) && !/[。！？]$/.test(t);
}

/** A line that is only a date or time, or a date with a short name: `15:312018/09/16`, `2024年05月10日 00:26 每日经济新闻`. */
function isDateLine(text: string, f: Features): boolean {
  if (f.len > 60 || f.ends || f.punct > 1 || f.han > 12) return false;
  return DATE.test(text);
}

/** What the anatomy reads of one non-blank line: its features and the shapes looked for everywhere in the body. */
export interface LineFacts {
  readonly f: Features;
  /** The line without flattened pinyin, trimmed; '' for a line too long to scan. */
  readonly t: string;
  /** A related list's or comment block's header (short). */
  readonly head: boolean;
  /** A source line that starts with its date. */
  readonly datedFirst: boolean;
  /** In the body: a photo credit, an ad's label, an ad's close button. */
  readonly photo: boolean;
  readonly adLabel: boolean;
  readonly close: boolean;
  /** A feed card's stamp (FEED_STAMP), short and no sentence's end. */
  readonly feedStamp: boolean;
  /** Short (an ad's menu item), and names an ad (AD). */
  readonly ad: boolean;
}

/** The facts of a non-blank line (they depend on its text alone). */
export function lineFacts(text: string): LineFacts {
  // On the text without flattened pinyin (`簡(jiǎn)`), which would read as Latin.
  const plain = text.length > SCAN ? text : stripRuby(text);
  const f = features(plain);
  const t = plain.length > SCAN ? '' : plain.trim();
  const short = f.len <= 80;
  return {
    f,
    t,
    head: f.len <= 14 && (RELATED_HEAD.test(t) || (COMMENT_HEAD.test(t) && f.punct === 0)),
    datedFirst: f.digits >= 4 && short && isDatedSourceLine(t) && DATE_FIRST.test(t),
    photo: short && PHOTO_CREDIT.test(t),
    adLabel: short && AD_LABEL.test(t),
    close: t === '×' || t === '✕',
    feedStamp: f.len <= 30 && !f.ends && FEED_STAMP.test(t),
    ad: f.len <= 40 && AD.test(t),
  };
}

/** A line's weight in the search for the body: prose counts for its length, chrome and short lines against it. */
export function lineWeight(x: LineFacts, kind: BoilerplateKind | undefined): number {
  if (x.head) return -1e6;
  if (kind) return RECORD_KINDS.includes(kind) ? -4 : -30;
  const p = proseWeight(x.f);
  if (p > 0) return p;
  return x.f.fragment ? 2 : -8;
}

/**
 * The body among `n` non-blank lines of weights `weightAt(k)`: the run of
 * the highest sum (Kadane's algorithm, the first of equal ones), starting
 * and ending with prose (a run may start on a fragment); none under 60.
 */
export function bodyRun(n: number, weightAt: (k: number) => number): { start: number; end: number } | undefined {
  let best = 0;
  let start = -1;
  let end = -1;
  for (let k = 0, sum = 0, from = 0; k < n; k++) {
    if (sum <= 0) {
      sum = 0;
      from = k;
    }
    sum += weightAt(k);
    if (sum > best) {
      best = sum;
      start = from;
      end = k;
    }
  }
  if (start < 0 || best < 60) return undefined;
  while (start < end && weightAt(start) <= 2) start++;
  while (end > start && weightAt(end) <= 2) end--;
  return { start, end };
}

/**
 * Whether the anatomy reads a line inside the body (not its first or last)
 * the same with facts `a` as with `b`: past the search for the body (whose
 * weights are summed again), the body's passes ask a line its flags and
 * whether it is longer than 80, and — only when it is 40 long or shorter, a
 * caption's or an ad's length — whether it ends a sentence, is a fragment,
 * and its text; a longer line is compared with a caption's text only by
 * equality (never equal) and under a caption by BARE_CREDIT.
 */
export function sameInBody(a: LineFacts, b: LineFacts): boolean {
  if (!sameFlags(a, b)) return false;
  if (a.t === b.t && sameFeatures(a.f, b.f)) return true;
  const long = (x: LineFacts) => x.f.len > 40 && x.t.length > 40;
  return long(a) && long(b) && a.f.len > 80 === b.f.len > 80 && BARE_CREDIT.test(a.t) === BARE_CREDIT.test(b.t);
}

/**
 * sameInBody for a short line (a caption's or an ad's length), when no line
 * within three non-blank lines has the text of either (`apart`): the passes
 * over the body ask it, besides the flags, its length class, sentence end,
 * fragment, and whether it holds a date, is Japanese or Korean, or is a bare
 * photo credit.
 */
export function sameShortInBody(a: LineFacts, b: LineFacts): boolean {
  const { f: x, t: s } = a;
  const { f: y, t: u } = b;
  const lengthClass = (f: Features) => (f.len > 80 ? 3 : f.len > 40 ? 2 : f.len < 4 ? 0 : 1);
  return (
    sameFlags(a, b) &&
    x.ends === y.ends && x.fragment === y.fragment && lengthClass(x) === lengthClass(y) &&
    DATE.test(s) === DATE.test(u) && isJapaneseOrKorean(s) === isJapaneseOrKorean(u) && BARE_CREDIT.test(s) === BARE_CREDIT.test(u)
  );
}

/** The flags of LineFacts, each the same. */
function sameFlags(a: LineFacts, b: LineFacts): boolean {
  return a.head === b.head && a.datedFirst === b.datedFirst && a.photo === b.photo && a.adLabel === b.adLabel && a.close === b.close && a.feedStamp === b.feedStamp && a.ad === b.ad;
}

function sameFeatures(a: Features, b: Features): boolean {
  return a === b || (a.len === b.len && a.han === b.han && a.punct === b.punct && a.ends === b.ends && a.fragment === b.fragment && a.sep === b.sep && a.digits === b.digits && a.latin === b.latin && a.spaces === b.spaces);
}

/**
 * The anatomy of a document given its lines (texts and blankness) and the
 * kinds the line-local patterns gave them.
 */
export function pageAnatomy(texts: readonly string[], local: readonly (BoilerplateKind | undefined)[]): PageAnatomy {
  return anatomyOf(texts, local, (i) => lineFacts(texts[i]));
}

/** pageAnatomy with the facts of each non-blank line `i` from `factsOf(i)` (which may remember them). */
export function anatomyOf(texts: readonly string[], local: readonly (BoilerplateKind | undefined)[], factsOf: (line: number) => LineFacts): PageAnatomy {
  const n = texts.length;
  const kinds = local.slice();
  const none: PageAnatomy = { kinds, title: -1, bodyStart: -1, bodyEnd: -1, page: false };
  const idx: number[] = []; // non-blank lines
  for (let i = 0; i < n; i++) if (!blank(texts[i])) idx.push(i);
  if (idx.length < 3) return none;
  const facts = new Array<LineFacts>(idx.length);
  const feats = new Array<Features>(idx.length);
  for (let k = 0; k < idx.length; k++) {
    facts[k] = factsOf(idx[k]);
    feats[k] = facts[k].f;
  }
  const trimmed = (k: number): string => facts[k].t;

  // 2. The body: the maximum-sum run of line weights.
  const weight = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) weight[k] = lineWeight(facts[k], local[idx[k]]);
  const body = bodyRun(idx.length, (k) => weight[k]);
  if (!body) return none;
  const { start: bestStart, end: bestEnd } = body;

  // 3. The headline: the closest title-shaped line above the source/date line under it, or above the body.
  const window = Math.max(0, bestStart - 30);
  let anchor = bestStart;
  for (let k = window; k < bestStart; k++) {
    const f = feats[k];
    if (local[idx[k]] === 'source' || (f.digits >= 4 && (isDateLine(trimmed(k), f) || isDatedSourceLine(trimmed(k))))) {
      anchor = k;
      break;
    }
  }
  let title = -1;
  for (let k = anchor - 1; k >= window; k--) {
    const f = feats[k];
    const t = trimmed(k);
    if (local[idx[k]] || f.len < 6 || f.len > 80 || isDateLine(t, f) || f.spaces >= 3) continue;
    if (f.sep > 1 || (f.sep === 1 && (f.len < 12 || /[>›»/]/.test(t)))) continue; // a breadcrumb, not `栏目｜标题`
    if (f.han < 0.35 * (f.len - f.spaces) || /[。]$/.test(t) || f.punct > 3) continue;
    if ((f.len <= 10 || f.spaces >= 2) && (SHARE.test(t) || APP.test(t))) continue;
    // The longest of the candidates within a few lines (not the account name or kicker beside the headline).
    if (title >= 0 && title - k > 4) break;
    if (title < 0 || f.len > feats[title].len) title = k;
  }
  // A verbatim copy right above (a sticky bar's headline) is the headline; the lower line is the copy.
  if (title > 0 && trimmed(title - 1) === trimmed(title)) title--;

  // 4. Page chrome around the body, when there is evidence of a page.
  const ctx: (PageKind | undefined)[] = new Array(idx.length).fill(undefined);
  let evidence = 0;
  const chromeOf = (k: number, state: PageKind | undefined): PageKind => {
    const t = trimmed(k);
    const f = feats[k];
    if (f.len <= 30 && (SHARE.test(t) || APP.test(t) || AD.test(t))) return 'promotion';
    if (state === 'comment' || (f.len <= 30 && COMMENT_LINE.test(t))) return 'comment';
    if (state === 'related') return 'related';
    return 'navigation';
  };
  const keep = (k: number) => {
    const kind = local[idx[k]];
    return kind !== undefined || feats[k].fragment;
  };
  // Before the body.
  // Chrome is near the body (a page's header and footer); prose outside the body is another article's, not chrome.
  const preEnd = bestStart;
  for (let k = Math.max(0, bestStart - ZONE); k < preEnd; k++) {
    if (keep(k) || k === title || proseWeight(feats[k]) >= 30) continue;
    const t = trimmed(k);
    const f = feats[k];
    if (title >= 0 && k === title - 1 && k > 0 && f.len >= 8 && f.sep === 0 && proseWeight(f) === 0 && !SHARE.test(t) && !APP.test(t)) continue; // a kicker
    if (isDateLine(t, f) || isDatedSourceLine(t)) {
      ctx[k] = undefined;
      kinds[idx[k]] = 'source';
      continue;
    }
    const credit = creditKind(t, f);
    if (credit) {
      kinds[idx[k]] = credit;
      continue;
    }
    // Between the headline and the body, only chrome that says so: the rest is the title block (subtitles).
    if (title >= 0 && k > title && !chromeSignal(t, f) && f.len > 4 && trimmed(title) !== t) continue;
    ctx[k] = chromeOf(k, undefined);
    if (chromeSignal(t, f)) evidence++;
  }
  // After the body.
  let state: PageKind | undefined;
  for (let k = bestEnd + 1; k < idx.length && k <= bestEnd + ZONE; k++) {
    const f = feats[k];
    if (f.len > SCAN) {
      if (state) ctx[k] = state;
      continue;
    }
    const t = trimmed(k);
    if (f.len <= 14 && RELATED_HEAD.test(t)) state = 'related';
    else if (f.len <= 20 && COMMENT_HEAD.test(t) && f.punct === 0) state = 'comment';
    else if (f.sep >= 2 || FOOTER.test(t) || (local[idx[k]] && !RECORD_KINDS.includes(local[idx[k]]!))) state = undefined; // the footer
    if (keep(k) || (!state && proseWeight(f) >= 30)) continue;
    const credit = creditKind(t, f);
    if (credit) {
      kinds[idx[k]] = credit;
      continue;
    }
    ctx[k] = chromeOf(k, state);
    if (chromeSignal(t, f)) evidence++;
  }
  // Inside the body: dated source lines.
  for (let k = bestStart; k <= bestEnd; k++) if (!local[idx[k]] && facts[k].datedFirst) kinds[idx[k]] = 'source';
  // Inside the body: photo credits, and in-feed ads (a label, a teaser, a close button).
  for (let k = bestStart; k <= bestEnd; k++) {
    if (local[idx[k]] || feats[k].len > 80) continue;
    const x = facts[k];
    if (x.photo) kinds[idx[k]] = 'photo-credit';
    else if (x.adLabel) {
      ctx[k] = 'promotion';
      // Up to the close button: the ad's teaser.
      for (let j = k + 1; j <= bestEnd && j <= k + 3; j++) {
        if (facts[j].close) {
          for (let m = k + 1; m <= j; m++) ctx[m] = 'promotion';
          break;
        }
      }
    } else if (x.close) ctx[k] = 'promotion';
  }
  // Inside the body: a feed of other articles (two cards or more), each card's stamp and the title under it.
  const stamps: number[] = [];
  for (let k = bestStart; k <= bestEnd; k++) if (!local[idx[k]] && facts[k].feedStamp) stamps.push(k);
  if (stamps.length >= 2) {
    for (const k of stamps) {
      ctx[k] = 'related';
      const j = k + 1;
      if (j <= bestEnd && !local[idx[j]] && feats[j].len <= 40 && !feats[j].ends && !feats[j].fragment) ctx[j] = 'related';
    }
  }
  // Inside the body: an ad's menu (`為什麼顯示這個廣告？` `這個廣告令我不安` `提交`), a run of short lines, half of them and at least three naming the ad.
  for (let k = bestStart; k <= bestEnd; k++) {
    if (feats[k].len > 40) continue;
    let end = k;
    let ads = 0;
    while (end <= bestEnd && feats[end].len <= 40 && !(local[idx[end]] && RECORD_KINDS.includes(local[idx[end]]!))) if (facts[end++].ad) ads++;
    if (ads >= 3 && end - k >= 4 && 2 * ads >= end - k) {
      for (let m = k; m < end; m++) if (!feats[m].fragment) ctx[m] = 'promotion';
      evidence += 2;
    }
    k = end;
  }
  const page = evidence >= 2;
  if (!page) {
    for (let k = bestStart; k <= bestEnd; k++) kinds[idx[k]] = local[idx[k]] ?? kinds[idx[k]];
    for (let k = 0; k < idx.length; k++) if (k < bestStart || k > bestEnd) kinds[idx[k]] = local[idx[k]];
    return { kinds, title: -1, bodyStart: idx[bestStart], bodyEnd: idx[bestEnd], page: false };
  }
  for (let k = 0; k < idx.length; k++) if (ctx[k]) kinds[idx[k]] = ctx[k];
  // Inside a page's body: a photo's caption, printed twice (its alt text) or right above a bare photo credit.
  for (let k = bestStart; k <= bestEnd; k++) {
    const f = feats[k];
    if (kinds[idx[k]] || f.len > 40 || f.len < 4 || f.fragment) continue;
    const t = trimmed(k);
    if (DATE.test(t) || isJapaneseOrKorean(t)) continue; // a date printed twice is not a photo's; nor is Japanese or Korean a Chinese caption
    let caption = false;
    for (let j = Math.max(bestStart, k - 3); j <= bestEnd && j <= k + 3 && !caption; j++) caption = j !== k && trimmed(j) === t;
    const below = k + 1 <= bestEnd ? k + 1 : -1;
    if (!caption && !f.ends && below >= 0 && (facts[below].photo || local[idx[below]] === 'photo-credit') && BARE_CREDIT.test(trimmed(below))) caption = true;
    if (caption) kinds[idx[k]] = 'caption';
  }
  return { kinds, title: title >= 0 ? idx[title] : -1, bodyStart: idx[bestStart], bodyEnd: idx[bestEnd], page };
}
