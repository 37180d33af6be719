import { t } from '../../text/localize';
import type { Check, RuleMeta } from '../../rule';
import { PUNCTUATION_SETTINGS } from './settings';
import type { Edit, Report } from '../../finding';
import { isProtectedAt, protectedRanges } from '../../protect';
import type { Range } from '../../document';

/**
 * Half-width punctuation in Chinese prose, as a compatibility normalisation
 * (NFKC) leaves it: `,` `:` `;` `!` `?` `(` `)` become `，` `：` `；` `！` `？`
 * `（` `）`, straight quotes become `“ ”` / `‘ ’` (or `「 」` / `『 』`), `...`
 * becomes `……` and `--` becomes `——`.
 *
 * Each mark is judged by the characters on its two sides, never by the
 * line's majority: `1,000`, `8:30`, `Notice: The content`, `(2021)`, `(WHO)`,
 * `簡(jiǎn)` and everything inside a URL, an e-mail address, a filing number
 * or a number stay as they are. A `?` is converted only after a Chinese
 * character and before punctuation or the end of the line: `?` between two
 * characters, or before a digit (`版權所有 ?2020`), may stand for a lost
 * character, which the lost-characters rule owns.
 */
export const meta: RuleMeta = {
  id: 'halfwidth-punctuation',
  description: 'Half-width punctuation in Chinese text.',
  family: 'punctuation',
  docs: 'rule-halfwidth-punctuation',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
  settings: PUNCTUATION_SETTINGS,
};

export const check: Check = ({ document, settings }, report) => {
    const quoteSetting = settings.get('newsclean.punctuation.quotes') ?? 'auto';
    const target = settings.get('newsclean.script.target') ?? 'auto';
    const corner = quoteSetting === 'corner' || (quoteSetting === 'auto' && (target === 'zh-TW' || target === 'zh-HK'));
    // A few marks make every message: each is localized once per check, and its strings are shared.
    const wording = new Map<string, Wording>();
    for (const line of document.lines) {
      if (line.blank || !CANDIDATE.test(line.text)) continue;
      checkLine(line.text, line.start, corner, wording, report);
    }
};

const CANDIDATE = /[,:;!?()"'.-]/;

/** The message and the fix title of one replacement (`,` → `，`). */
interface Wording {
  readonly message: string;
  readonly title: string;
}

const enum K {
  Edge,
  Space,
  Han,
  /** CJK punctuation and curly quotes: Chinese context. */
  Punct,
  /** Latin letters and digits. */
  Latin,
  Other,
}

/**
 * The line as fix-all's next pass would see it: code units, with each mark
 * this pass converts already written full-width, so that a run of marks
 * (`中?;?;`) is judged in one pass, each mark after the ones before it.
 */
type View = Uint16Array;

function kind(s: View, i: number): K {
  if (i < 0 || i >= s.length) return K.Edge;
  const c = s[i];
  if (c === 0x20 || c === 0x09 || c === 0xa0) return K.Space;
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ? K.Latin : K.Other;
  if (
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xd840 && c <= 0xd8bf) // high surrogates of the CJK extension planes
  )
    return K.Han;
  if (
    (c >= 0x3000 && c <= 0x303f && c !== 0x3000) ||
    (c >= 0xff01 && c <= 0xff65) ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2026 ||
    c === 0x2014 ||
    c === 0x00b7
  )
    return K.Punct;
  if (c === 0x3000) return K.Space;
  if (c >= 0xc0 && c <= 0x24f) return K.Latin;
  return K.Other;
}

const cjk = (k: K) => k === K.Han || k === K.Punct;

/** The marks `checkLine` looks at: `,:;!?()"'.-` and the full-width parentheses. */
function isMark(c: number): boolean {
  return c < 0x80 ? CANDIDATE_CODES[c] === 1 : c === 0xff08 || c === 0xff09;
}
const CANDIDATE_CODES = new Uint8Array(0x80);
for (const ch of ',:;!?()"\'.-') CANDIDATE_CODES[ch.charCodeAt(0)] = 1;

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/** Index of the next non-space character at or after i (at most 8 spaces are skipped). */
function skipSpaces(s: View, i: number): number {
  let j = i;
  while (j < s.length && j - i < 8 && kind(s, j) === K.Space) j++;
  return j;
}

/** Kind of the nearest character before i that is not "other" (closing brackets, %, quotes), within 8. */
function leftContext(s: View, i: number): K {
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const k = kind(s, j);
    if (k !== K.Other) return k;
  }
  return K.Edge;
}

function checkLine(s: string, base: number, corner: boolean, wording: Map<string, Wording>, report: (r: Report) => void): void {
  let guarded: Range[] | undefined;
  const isGuarded = (i: number) => isProtectedAt((guarded ??= protectedRanges(s)), i);
  const v: View = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) v[i] = s.charCodeAt(i);
  const converted = (from: number, to: number, mark: string) => v.fill(mark.charCodeAt(0), from, to);
  // Han characters before each offset, so "does this span hold Chinese?" is O(1).
  let hanBefore: Int32Array | undefined;
  const hanIn = (from: number, to: number) => {
    if (!hanBefore) {
      hanBefore = new Int32Array(s.length + 1);
      for (let i = 0; i < s.length; i++) hanBefore[i + 1] = hanBefore[i] + (kind(v, i) === K.Han ? 1 : 0);
    }
    return hanBefore[to] - hanBefore[from] > 0;
  };
  const emit = (range: Range, from: string, to: string, edits: Edit[]) => {
    const key = `${from}\u0000${to}`;
    let w = wording.get(key);
    if (!w) {
      w = { message: t('Half-width “{0}” in Chinese text: use “{1}”.', from, to), title: t('Replace “{0}” with “{1}”', from, to) };
      wording.set(key, w);
    }
    const start = base + range.start;
    const end = base + range.end;
    const first = edits[0].range; // most often the very range flagged: one object for both
    report({
      message: w.message,
      range: first.start === start && first.end === end ? first : { start, end },
      fix: { title: w.title, edits },
    });
  };
  const edit = (start: number, end: number, text: string): Edit => ({ range: { start: base + start, end: base + end }, text });

  const parens: number[] = []; // stack of open parentheses (half- or full-width)
  const dquotes: number[] = [];
  const squotes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!isMark(s.charCodeAt(i))) continue; // most characters: no one-character string made
    const ch = s[i];
    switch (ch) {
      case ',':
      case ':':
      case ';':
      case '!':
      case '?': {
        const L = kind(v, i - 1);
        const R = kind(v, i + 1);
        if (L === K.Latin && R === K.Latin) break; // 1,000  8:30  a:b
        if (isGuarded(i)) break;
        if (ch === '?') {
          // Only a sentence-final question mark; anything else may be a lost character.
          if (!cjk(L) || s[i - 1] === '?' || s[i + 1] === '?') break;
          if (R === K.Han || R === K.Latin) break;
        }
        let end = i + 1;
        let convert = false;
        if (cjk(L)) {
          if (R === K.Space) {
            const j = skipSpaces(v, i + 1);
            const k = kind(v, j);
            if (cjk(k)) {
              convert = true;
              end = j; // the full-width mark carries its own spacing
            } else convert = k === K.Edge;
          } else convert = true;
        } else if (L === K.Latin || L === K.Space || L === K.Edge) {
          convert = cjk(R) && ch !== '?';
        } else {
          // after a closing bracket, %, a quote…: look further left
          const lc = leftContext(v, i);
          convert = cjk(R) || (R === K.Edge && cjk(lc));
          if (ch === '?') convert = convert && cjk(lc);
        }
        if (convert) {
          emit({ start: i, end: i + 1 }, ch, FULL[ch], [edit(i, end, FULL[ch])]);
          converted(i, i + 1, FULL[ch]);
        }
        break;
      }
      case '(':
      case '（':
        parens.push(i);
        break;
      case ')':
      case '）': {
        const open = parens.pop();
        if (open === undefined) break;
        if (s[open] === '（' && ch === '）') break;
        if (!hanIn(open + 1, i)) break; // (2021) (WHO) (jiǎn)
        const outL = kind(v, open - 1 - (kind(v, open - 1) === K.Space ? 1 : 0));
        const outR = kind(v, i + 1 + (kind(v, i + 1) === K.Space ? 1 : 0));
        if (outL === K.Latin && outR === K.Latin) break; // a Chinese gloss inside an English sentence
        if (isGuarded(open) || isGuarded(i)) break;
        const edits: Edit[] = [];
        if (s[open] === '(') edits.push(edit(open, open + 1, '（'));
        if (ch === ')') edits.push(edit(i, i + 1, '）'));
        const shown = s[open] === '(' ? '(' : ')';
        emit({ start: s[open] === '(' ? open : i, end: (s[open] === '(' ? open : i) + 1 }, shown, FULL[shown], edits);
        converted(open, open + 1, '（');
        converted(i, i + 1, '）');
        break;
      }
      case '"':
      case "'": {
        const L = kind(v, i - 1);
        const R = kind(v, i + 1);
        if (ch === "'" && L === K.Latin && R === K.Latin) break; // an apostrophe
        const stack = ch === '"' ? dquotes : squotes;
        if (stack.length === 0) {
          stack.push(i);
          break;
        }
        const open = stack.pop()!;
        if (!hanIn(open + 1, i)) break;
        const outL = kind(v, open - 1 - (kind(v, open - 1) === K.Space ? 1 : 0));
        const outR = kind(v, i + 1 + (kind(v, i + 1) === K.Space ? 1 : 0));
        if (outL === K.Latin && outR === K.Latin) break;
        if (isGuarded(open) || isGuarded(i)) break;
        const [o, c] = ch === '"' ? (corner ? ['「', '」'] : ['“', '”']) : corner ? ['『', '』'] : ['‘', '’'];
        emit({ start: open, end: open + 1 }, ch, o + c, [edit(open, open + 1, o), edit(i, i + 1, c)]);
        converted(open, open + 1, o);
        converted(i, i + 1, c);
        break;
      }
      case '.':
      case '-': {
        let j = i;
        while (j < s.length && s[j] === ch) j++;
        const n = j - i;
        const L = kind(v, i - 1);
        const R = kind(v, j);
        const fits = ch === '.' ? n === 3 || n === 6 : n === 2;
        const context = ch === '.' ? (cjk(L) && R !== K.Latin) || (cjk(R) && L !== K.Latin) : cjk(L) && cjk(R);
        if (fits && context && !isGuarded(i)) {
          const to = ch === '.' ? '……' : '——';
          emit({ start: i, end: j }, s.slice(i, j), to, [edit(i, j, to)]);
          converted(i, j, to);
        }
        i = j - 1;
        break;
      }
    }
  }
}
