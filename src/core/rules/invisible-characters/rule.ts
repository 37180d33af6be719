import { t } from '../../text/localize';
import type { Report } from '../../finding';
import type { Rule } from '../../rule';
import { lineLocal, type LineLocalState } from '../../engine/incremental/line-local';
import { isProse } from '../../text/shapes';
import { INDENTATION_KEY, INVISIBLE_SETTINGS } from './settings';
import { settingOf } from '../../config/types';
import { hasHan, isCjkPunctCode, isJapaneseOrKorean } from '../../text/chars';

/**
 * Characters a reader cannot see, and white space Chinese text does not
 * use. Removed: zero-width space, word joiner, soft hyphen, a byte-order mark
 * inside the text, bidirectional embeddings, overrides and isolates (the
 * "Trojan Source" class, CVE-2021-42574), C0 and C1 control characters, and
 * zero-width joiners and non-joiners that join nothing. Kept as text: a
 * joiner beside an emoji (👨‍👩‍👧) or in a script that needs it (Arabic,
 * Indic scripts…), LRM/RLM on a line with right-to-left text, C1 controls on
 * a line that looks like Latin-1 mojibake (the mojibake rule needs them), and
 * a soft hyphen right after a Latin-1 character (U+00A1–U+00FF): that is
 * byte 0xAD of a GBK or Big5 character read as Latin-1 (`¡` and U+00AD are `…`), and
 * taking it out would leave its first byte to be read as another character.
 *
 * On a line of Chinese (Han, and no kana or hangul): a no-break or other odd
 * space, a tab, or a run of spaces inside the line becomes one space (a line
 * with two or more tabs is a table and is left alone; runs of ideographic
 * spaces are deliberate). Leading indentation follows
 * `newsclean.invisible.indentation`: `keep`, `remove`, or `add` (`　　` before
 * every line of prose). On Japanese and Korean lines invisible characters
 * are flagged without a fix. Line-local.
 */
export const invisibleCharacters: Rule<LineLocalState> = {
  meta: {
    id: 'invisible-characters',
    description: 'Invisible characters, control characters and odd spaces.',
    family: 'encoding',
    docs: 'rule-invisible-characters',
    defaultSeverity: 'warning',
    fixable: true,
    safeToClean: true,
    settings: INVISIBLE_SETTINGS,
  },
  incremental: lineLocal({ namesLines: false }),
  check({ document, settings }, report) {
    const indentation = settingOf(settings, INVISIBLE_SETTINGS, INDENTATION_KEY) ?? 'keep';
    for (const line of document.lines) {
      const s = line.text;
      if (s.length === 0) continue;
      const candidate = SUSPECT.test(s);
      if (!candidate && indentation === 'keep') continue;
      const chinese = !line.blank && hasHan(s) && !isJapaneseOrKorean(s);
      // Emptying a line between `\r` and `\n` would join them into one line ending: flag only.
      const joins = document.text.charCodeAt(line.start - 1) === 0x0d && line.eol === '\n';
      // A row of a tab-separated table may list the characters themselves (a code chart): flag only.
      if (candidate) invisibles(s, line.start, !isJapaneseOrKorean(s) && !isTableRow(s), joins, report);
      if (chinese && !line.blank) spaces(s, line.start, indentation, report);
    }
  },
};

/**
 * Anything this rule may report, for skipping clean lines at once: every odd
 * space `spaces` reports alone, and every run it reports (two spaces, or a
 * space beside an ideographic space: `　 ` is a run, `　　` is not).
 */
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u202a-\u202f\u205f-\u2069\ufeff\t]| {2}| \u3000|\u3000 /;

const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x061c: 'arabic letter mark',
  0x180e: 'mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2060: 'word joiner',
  0xfeff: 'byte order mark',
};

function describe(c: number): string {
  const hex = 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return `${hex} (control)`;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return `${hex} (bidi control)`;
  const name = NAMES[c];
  return name ? `${hex} (${name})` : hex;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LATIN1_LETTERS = /[\u00c0-\u00ff]/;
/** Code points beside which a joiner is text: emoji and their modifiers, scripts that join. */
const JOINS = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u20e3\ufe0f\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Mongolian}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}\p{sc=Hebrew}\p{sc=Thai}]/u;

function codePointBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s[i - 1];
}

function codePointAt(s: string, i: number): string {
  const c = s.codePointAt(i);
  return c === undefined ? '' : String.fromCodePoint(c);
}

/** Whether the character before i is U+00A1–U+00FF but a soft hyphen: the first byte of a GBK or Big5 character read as Latin-1. */
function afterLatin1Byte(s: string, i: number): boolean {
  const b = s.charCodeAt(i - 1);
  return b >= 0xa1 && b <= 0xff && b !== 0xad;
}

/** Whether the character at i is debris: 1 remove, 0 text, -1 flag only. */
function verdict(s: string, i: number, c: number, rtl: () => boolean, latin1: () => boolean, atDocumentStart: boolean): number {
  if (c === 0x00ad) return afterLatin1Byte(s, i) ? -1 : 1;
  if (c === 0x200b || c === 0x2060 || c === 0x180e) return 1;
  if (c === 0xfeff) return atDocumentStart ? 0 : 1;
  if (c === 0x200c || c === 0x200d) return JOINS.test(codePointBefore(s, i)) || JOINS.test(codePointAt(s, i + 1)) ? 0 : 1;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 1;
  if (c === 0x200e || c === 0x200f || c === 0x061c) return rtl() ? 0 : 1;
  if ((c < 0x20 && c !== 0x09) || c === 0x7f) return 1;
  if (c >= 0x80 && c <= 0x9f) return latin1() ? -1 : 1;
  return 0;
}

function invisibles(s: string, base: number, fixable: boolean, joins: boolean, report: (r: Report) => void): void {
  let rtl: boolean | undefined;
  let latin1: boolean | undefined;
  const isRtl = () => (rtl ??= RTL.test(s));
  const isLatin1 = () => (latin1 ??= LATIN1_LETTERS.test(s));
  let boms = 0; // byte-order marks that open the document
  if (base === 0) while (boms < s.length && s.charCodeAt(boms) === 0xfeff) boms++;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    // Byte-order marks that open the document belong to the file (fix-all keeps them).
    const v = verdict(s, i, c, isRtl, isLatin1, i < boms);
    if (v === 0) continue;
    // A run of debris of the same verdict is one finding.
    let j = i + 1;
    while (j < s.length && verdict(s, j, s.charCodeAt(j), isRtl, isLatin1, j < boms) === v) j++;
    const range = { start: base + i, end: base + j };
    const what = describe(c);
    const message =
      j - i === 1 ? t('Invisible character {0}: remove it.', what) : t('{0} invisible characters, the first {1}: remove them.', j - i, what);
    report(
      v === 1 && fixable && !(joins && i === 0 && j === s.length)
        ? { message, range, fix: { title: t('Remove the invisible characters'), edits: [{ range, text: '' }] } }
        : { message, range },
    );
    i = j - 1;
  }
}

function isTableRow(s: string): boolean {
  const first = s.indexOf('\t');
  return first >= 0 && s.indexOf('\t', first + 1) >= 0;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x1680;

function spaces(s: string, base: number, indentation: string, report: (r: Report) => void): void {
  let lead = 0;
  while (lead < s.length && isSpace(s.charCodeAt(lead))) lead++;
  let trail = s.length;
  while (trail > lead && isSpace(s.charCodeAt(trail - 1))) trail--;
  const indent = s.slice(0, lead);
  if (indentation === 'remove' && lead > 0) {
    const range = { start: base, end: base + lead };
    report({ message: t('Indentation at the start of the line: remove it.'), range, severity: 'info', fix: { title: t('Remove the indentation'), edits: [{ range, text: '' }] } });
  } else if (indentation === 'add' && indent !== '\u3000\u3000' && isProse(s)) {
    const range = { start: base, end: base + lead };
    report({ message: t('A paragraph without “　　” indentation: indent it.'), range, severity: 'info', fix: { title: t('Indent with two ideographic spaces'), edits: [{ range, text: '\u3000\u3000' }] } });
  }
  const table = isTableRow(s);
  for (let i = lead; i < trail; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) continue;
    let j = i + 1;
    while (j < trail && isSpace(s.charCodeAt(j))) j++;
    const run = s.slice(i, j);
    i = j - 1;
    if (run === ' ' || /^\u3000+$/.test(run) || (table && run.includes('\t'))) continue;
    const odd = /[^ \t\u3000]/.exec(run);
    const from = i + 1 - run.length;
    // Beside CJK punctuation no space is needed at all.
    const text = isCjkPunctCode(s.charCodeAt(from - 1)) || isCjkPunctCode(s.charCodeAt(j)) ? '' : ' ';
    const range = { start: base + from, end: base + j };
    const message = odd ? t('Odd space {0} in Chinese text: use an ordinary space.', describe(odd[0].charCodeAt(0))) : t('Tab or run of spaces inside a line of Chinese: use one space.');
    report({ message, range, fix: { title: text ? t('Replace with one space') : t('Remove the spaces'), edits: [{ range, text }] } });
  }
}
