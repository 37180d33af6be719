/**
 * The complete anatomy of an article (issue 5): title block (title,
 * subtitles, dateline), sections and sub-sections, speaker labels and
 * captions as children of their section, and the credits block and the
 * boilerplate block at the end as entries of their own.
 *
 * Every line gets one role from its shape (on the text with flattened pinyin
 * removed) and its neighbours; never from a list of known headings:
 *  - boilerplate / credits / photo credits: `boilerplateKind` (rules/boilerplate/kinds.ts);
 *  - speaker: a short label ending with a colon, followed by prose;
 *  - section: a short standalone heading (or `place:title`) followed by prose;
 *    `一、…` numbered headings are sections, `（一）…` and `1.` ones sub-sections;
 *  - caption: a heading-shaped line that reads as one long narrative clause,
 *    in a document that carries photos, or any short line next to a photo credit;
 *  - title block: heading-shaped lines at the top (two or more, or one before
 *    a dateline), or anywhere right before a dateline (a repeated copy).
 */
import type { NewsDocument } from '../document';
import { RECORD_KINDS, isStandaloneArtefact, type BoilerplateKind } from '../rules/boilerplate/kinds';
import { CONTINUING_START, endsSentence } from '../text/punctuation';
import { headingShape, isHeadingLike, isNarrativeCaptionShape, isSpeakerLabel, speakerLabelShape } from './shapes';
import { isProse, stripRuby, visibleLength } from '../text/shapes';
import type { OutlineEntry, OutlineKind } from './types';
import { documentAnatomy, type PageAnatomy } from '../anatomy';

const DATELINE = /^\s*[^\s，。,]{0,12}?(讯|訊|电|電)[\s(（]|^\s*[^\s，。,]{0,12}(讯|訊)\s*\d{1,2}月\d{1,2}日/;
const NUMBERED_SECTION = /^[一二三四五六七八九十]{1,3}[、.．]\s*\S/;
const NUMBERED_SUBSECTION = /^([（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])\s*\S/;

type Role = OutlineKind | 'prose' | 'blank' | 'other';

interface LineInfo {
  role: Role;
  /** The line without flattened pinyin, trimmed. */
  text: string;
  /** Stripping found no pinyin: stripping `text` again would change nothing. */
  plain?: boolean;
  kind?: BoilerplateKind;
}

/** The whole anatomy: see the module comment. */
export function parseAnatomy(doc: NewsDocument): OutlineEntry[] {
  const lines = doc.lines;
  const info: LineInfo[] = lines.map((l) => {
    if (l.blank) return { role: 'blank', text: '' };
    // A long line is prose; only its start matters (a dateline).
    if (l.text.length > 400) return { role: 'prose', text: stripRuby(l.text.slice(0, 200)).trim() };
    const text = stripRuby(l.text);
    return { role: 'other', text: text.trim(), plain: text.length === l.text.length };
  });
  const nonBlank = lines.filter((l) => !l.blank).map((l) => l.index);
  if (nonBlank.length === 0) return [];
  let lastContent = nonBlank[nonBlank.length - 1];

  // 1. Boilerplate, credits and photo credits.
  let hasPhotos = false;
  const page = documentAnatomy(doc);
  const kinds = page.kinds;
  for (const i of nonBlank) {
    const raw = lines[i].text;
    if (info[i].role === 'prose') continue;
    const kind = kinds[i] ?? (i === lastContent && i > 0 && isStandaloneArtefact(raw) ? 'artefact' : undefined);
    if (!kind) continue;
    info[i].kind = kind;
    if (kind === 'photo-credit' || kind === 'caption') {
      info[i].role = 'caption';
      hasPhotos = true;
    } else info[i].role = RECORD_KINDS.includes(kind) ? 'credits' : 'boilerplate';
  }
  // A pasted page: its headline is the title (not the site name, channel or breadcrumb above it).
  if (page.page && page.title >= 0 && info[page.title].role === 'other') info[page.title].role = 'title';
  while (lastContent > 0 && (info[lastContent].role === 'boilerplate' || info[lastContent].role === 'credits')) lastContent--;

  const at = (n: number): LineInfo | undefined => (n >= 0 && n < nonBlank.length ? info[nonBlank[n]] : undefined);
  // Each line's shapes are asked about by its neighbours too: judge them once.
  const heading = shapeMemo(nonBlank.length, (n) => {
    const x = info[nonBlank[n]];
    return x.plain ? headingShape(x.text) : isHeadingLike(x.text);
  });
  const prose = shapeMemo(nonBlank.length, (n) => isProse(info[nonBlank[n]].text));
  const proseAt = (n: number) => {
    const x = at(n);
    return x !== undefined && (x.role === 'prose' || (x.role === 'other' && prose(n)));
  };
  const headingAt = (n: number) => {
    const x = at(n);
    return x !== undefined && x.role === 'other' && heading(n);
  };
  const datelineAt = (n: number) => {
    const x = at(n);
    return x !== undefined && (x.role === 'other' || x.role === 'prose') && DATELINE.test(x.text);
  };

  // 2. Title blocks: at the top, and right before any dateline.
  for (let n = 0; n < nonBlank.length; n++) {
    if (!headingAt(n) || (n > 0 && headingAt(n - 1))) continue;
    let k = n;
    while (headingAt(k)) k++;
    const run = k - n;
    const titled = (n === 0 && run >= 2) || (run >= 1 && run <= 4 && datelineAt(k));
    if (!titled) continue;
    info[nonBlank[n]].role = 'title';
    for (let m = n + 1; m < k; m++) info[nonBlank[m]].role = 'subtitle';
    if (datelineAt(k)) info[nonBlank[k]].role = 'dateline';
    n = k;
  }
  if (datelineAt(0)) info[nonBlank[0]].role = 'dateline';

  // 3. Speakers, sections, sub-sections and captions.
  const plain: number[] = [];
  let seenProse = false;
  for (let n = 0; n < nonBlank.length; n++) {
    const x = info[nonBlank[n]];
    if (n > 0 && !seenProse) seenProse = proseAt(n - 1);
    if (x.role !== 'other') continue;
    const prevRole = at(n - 1)?.role;
    const nextIsProse = proseAt(n + 1);
    const standalone = n === 0 || !headingAt(n - 1);
    if (x.plain ? speakerLabelShape(x.text) : isSpeakerLabel(x.text)) {
      if (nextIsProse) x.role = 'speaker';
      continue;
    }
    const short = x.text.length <= 80 && visibleLength(x.text) <= 40; // at least half the code units
    if (short && !endsSentence(x.text) && NUMBERED_SUBSECTION.test(x.text) && nextIsProse && !prose(n)) {
      x.role = 'subsection';
      continue;
    }
    if (short && !endsSentence(x.text) && NUMBERED_SECTION.test(x.text) && nextIsProse && !prose(n)) {
      x.role = 'section';
      continue;
    }
    if (!heading(n)) continue;
    const nextHeading = headingAt(n + 1);
    const besidePhoto = (prevRole === 'caption' && !completeCaption(at(n - 1)!)) || at(n + 1)?.role === 'caption';
    // A caption sits in the text: never the headline (a line before any prose, or above the dateline or source line).
    const inText = seenProse && !datelineAt(n + 1) && at(n + 1)?.kind !== 'source';
    if (standalone && inText && (besidePhoto || (hasPhotos && isNarrativeCaptionShape(x.text))) && !nextHeading) {
      x.role = 'caption';
    } else if (standalone && nextIsProse) {
      x.role = 'section';
      plain.push(nonBlank[n]);
    } else if (/[:：]/.test(x.text) && !nextHeading && n + 1 < nonBlank.length) {
      x.role = 'section'; // place:title followed by anything but another heading
    }
  }
  if (page.page) pageSections(doc, info, nonBlank, page, proseAt);
  // Sections divide an article: one lone short heading is not a division
  // (seed 001's outlet name `简阳市融媒体中心` over its slogan lines).
  if (plain.length === 1 && !info.some((x, i) => x.role === 'section' && i !== plain[0])) info[plain[0]].role = 'other';
  return build(doc, info, nonBlank);
}

/** A heading inside a page's body: short, not a sentence, on a line of its own, followed by long prose. */
const BODY_HEADING_END = /[。！？!?…；;：:，,、]$/;
const BARE_NUMBER = /^(\d{1,2}|[一二三四五六七八九十]{1,3})$/;
/** A heading numbered `01…`, `02…`: a question in it (`03减肥有多难？这样做…`) does not make it a sentence. */
const NUMBERED_RUN_IN = /^0\d(?=[\u4e00-\u9fff《“【])/;
/** The mark of a photo's caption: `△…`, `▲…`, `◎…`, `图为…`. */
const PHOTO_MARK = /^\s*([△▲◎]|图为|圖為)/;

/**
 * A caption that is complete on its line (it starts with a photo mark): the
 * line after it is not part of it, so it may be a heading.
 */
function completeCaption(x: LineInfo): boolean {
  return (x.kind === 'caption' || x.kind === 'photo-credit') && PHOTO_MARK.test(x.text);
}

/**
 * On a pasted page: the chrome before the headline and after the body is one
 * block each (not sections), and the body's own headings are sections when
 * there are two or more of them (a division of the article).
 */
function pageSections(doc: NewsDocument, info: LineInfo[], nonBlank: number[], page: PageAnatomy, proseAt: (n: number) => boolean): void {
  // A line printed again a few lines on is a caption (one under each photo), not a heading.
  const twice = (n: number): boolean => {
    for (let m = Math.max(0, n - 4); m < nonBlank.length && m <= n + 4; m++) if (m !== n && info[nonBlank[m]].text === info[nonBlank[n]].text) return true;
    return false;
  };
  const found: number[] = [];
  for (let n = 0; n < nonBlank.length; n++) {
    const i = nonBlank[n];
    const x = info[i];
    if (i < page.title || i > page.bodyEnd) {
      if (x.role === 'other' || x.role === 'section' || x.role === 'subsection' || x.role === 'speaker') x.role = 'boilerplate';
      continue;
    }
    if (i < page.bodyStart) continue;
    const next = n + 1 < nonBlank.length ? info[nonBlank[n + 1]] : undefined;
    // A line the next one continues (`。…`, `，…`) is a broken sentence; one under a photo mark (`△…`) its caption.
    if (x.role === 'section' && (twice(n) || (next && CONTINUING_START.test(next.text)))) x.role = 'other';
    if (x.role === 'section' && PHOTO_MARK.test(x.text)) x.role = 'caption';
    if (x.role !== 'other' || twice(n) || /^[—△▲◎]/.test(x.text)) continue;
    const prev = n > 0 ? info[nonBlank[n - 1]] : undefined;
    if ((prev?.role === 'caption' && !completeCaption(prev)) || next?.role === 'caption' || !next || CONTINUING_START.test(next.text)) continue;
    // The paragraph after it, even when a stray break cut it (`…的` / `，…`).
    const after = n + 2 < nonBlank.length ? info[nonBlank[n + 2]] : undefined;
    const joined = after && CONTINUING_START.test(after.text) ? next.text + after.text : next.text;
    if (!(proseAt(n + 1) || (joined !== next.text && isProse(joined))) || visibleLength(joined) < 20) continue;
    const t = x.text;
    if (BARE_NUMBER.test(t) || (visibleLength(t) >= 4 && visibleLength(t) <= 32 && !BODY_HEADING_END.test(t) && !endsSentence(t) && (NUMBERED_RUN_IN.test(t) || !/[。！？]|，.*，/.test(t)) && hanShare(t) >= 0.5)) found.push(i);
  }
  if (found.length + info.filter((y) => y.role === 'section').length < 2) return;
  for (const i of found) info[i].role = 'section';
}

function hanShare(t: string): number {
  let han = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return han / Math.max(1, visibleLength(t));
}

/** A predicate over 0..size-1 evaluated at most once per index. */
function shapeMemo(size: number, test: (n: number) => boolean): (n: number) => boolean {
  const known = new Int8Array(size); // 0: not asked yet, 1: false, 2: true
  return (n) => {
    if (known[n] === 0) known[n] = test(n) ? 2 : 1;
    return known[n] === 2;
  };
}

const LEVEL: Record<OutlineKind, number> = {
  title: 0,
  credits: 0,
  boilerplate: 0,
  section: 1,
  subsection: 2,
  subtitle: 3,
  dateline: 3,
  speaker: 3,
  caption: 3,
};

interface Mark {
  kind: OutlineKind;
  line: number;
  /** Last line for blocks (credits, boilerplate). */
  last: number;
}

function build(doc: NewsDocument, info: LineInfo[], nonBlank: number[]): OutlineEntry[] {
  const lines = doc.lines;
  // Marks in order; consecutive credit or boilerplate lines form one block.
  const marks: Mark[] = [];
  for (const i of nonBlank) {
    const role = info[i].role;
    if (role === 'prose' || role === 'other' || role === 'blank') continue;
    const kind = role as OutlineKind;
    const prev = marks[marks.length - 1];
    if ((kind === 'credits' || kind === 'boilerplate') && prev && prev.kind === kind && onlyBlankBetween(doc, prev.last, i)) {
      prev.last = i;
      continue;
    }
    marks.push({ kind, line: i, last: i });
  }
  // A credits or boilerplate block is top-level unless a section follows it
  // before the next title (then it sits inside that part, e.g. a credit in
  // the middle of the text).
  const topBlock = new Array<boolean>(marks.length).fill(false);
  let nextPart: OutlineKind | undefined;
  for (let idx = marks.length - 1; idx >= 0; idx--) {
    const kind = marks[idx].kind;
    if (kind === 'credits' || kind === 'boilerplate') topBlock[idx] = nextPart === undefined || nextPart === 'title';
    else if (kind === 'title' || kind === 'section' || kind === 'subsection') nextPart = kind;
  }
  const level = (idx: number) => (topBlock[idx] ? 0 : marks[idx].kind === 'credits' || marks[idx].kind === 'boilerplate' ? 3 : LEVEL[marks[idx].kind]);
  const lastContentBefore = (from: number, before: number) => {
    let j = before - 1;
    while (j > from && lines[j].blank) j--;
    return j;
  };
  interface Node {
    entry: Omit<OutlineEntry, 'children' | 'endLine' | 'range'> & { endLine: number };
    children: Node[];
    level: number;
  }
  const root: Node[] = [];
  const stack: Node[] = [];
  let speaker: Node | undefined; // a speaker's part ends at the next mark of any kind
  const close = (node: Node, before: number) => {
    node.entry.endLine = Math.max(node.entry.line, lastContentBefore(node.entry.line, before));
  };
  marks.forEach((m, idx) => {
    const head = lines[m.line];
    const lv = level(idx);
    if (speaker) close(speaker, m.line);
    speaker = undefined;
    const node: Node = {
      entry: {
        name: entryName(m.kind, info[m.line].text, m.line === m.last ? undefined : m.last - m.line + 1),
        kind: m.kind,
        line: m.line,
        endLine: m.last,
        selectionRange: { start: head.start, end: head.end },
      },
      children: [],
      level: lv,
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= lv) close(stack.pop()!, m.line);
    const parent = stack[stack.length - 1];
    (parent ? parent.children : root).push(node);
    if (lv < 3 && m.kind !== 'credits' && m.kind !== 'boilerplate') stack.push(node);
    if (m.kind === 'speaker') speaker = node;
  });
  if (speaker) close(speaker, lines.length);
  // Parts still open run to the end of the text.
  while (stack.length > 0) close(stack.pop()!, lines.length);
  const freeze = ({ entry, children }: Node): OutlineEntry => ({
    name: entry.name,
    kind: entry.kind,
    line: entry.line,
    endLine: entry.endLine,
    selectionRange: entry.selectionRange,
    range: { start: entry.selectionRange.start, end: lines[entry.endLine].end },
    children: children.map(freeze),
  });
  return root.map(freeze);
}

function onlyBlankBetween(doc: NewsDocument, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (!doc.lines[i].blank) return false;
  return true;
}

function entryName(kind: OutlineKind, text: string, blockLines: number | undefined): string {
  let name = text;
  if (kind === 'dateline') {
    const cut = name.search(/[，,。]/);
    if (cut > 0) name = name.slice(0, cut);
  }
  const chars = Array.from(name);
  if (chars.length > 40) name = chars.slice(0, 40).join('') + '…';
  if (blockLines && blockLines > 1 && (kind === 'credits' || kind === 'boilerplate')) name += ` (+${blockLines - 1})`;
  return name;
}
