import { t } from '../../text/localize';
import type { Check, RuleMeta } from '../../rule';
import { isUnifiedHan } from '../../text/chars';
import { matchesIn } from '../../text/lines';
import { KUN_JIN_KAO, UNINIT } from '../../text/lost-markers';

/** U+FFFD replacement characters (口字码). */
const REPLACEMENT = /\ufffd+/g;
/** `版權所有 ?2020`: a `?` where the copyright sign stood, before a year. */
const LOST_COPYRIGHT = /(版权所有|版權所有|版权|版權|[Cc]opyright|COPYRIGHT)([ \t\u3000]*)\?(?=[ \t]*(?:19|20)\d\d)/g;
/** `?` between two Han characters. */
const HAN_QUESTION = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff](\?+)(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;

/**
 * Text whose bytes are gone: U+FFFD runs, `锟斤拷`, `烫烫烫` / `屯屯屯`, and a
 * `?` that stands for a character. No guessing: the only fix is where the
 * lost character is certain (`版權所有 ?2020` → `©2020`).
 */
export const meta: RuleMeta = {
  id: 'lost-characters',
  description: 'Characters lost in a conversion (U+FFFD, 锟斤拷, 烫烫烫, ? for a character).',
  family: 'encoding',
  docs: 'rule-lost-characters',
  defaultSeverity: 'error',
  fixable: true,
  safeToClean: true,
};

export const check: Check = ({ document }, report) => {
    const text = document.text;
    // Every pattern stays within a line: on a view (engine/incremental) only its lines are scanned.
    const taken: [number, number][] = [];
    for (const m of matchesIn(document, KUN_JIN_KAO)) {
      const n = Math.round((m[0].length * 2) / 3);
      taken.push([m.index, m.index + m[0].length]);
      report({
        range: { start: m.index, end: m.index + m[0].length },
        message: t('“{0}” is {1} replacement character(s) read as GBK: the original text is lost.', m[0].length > 12 ? m[0].slice(0, 12) + '…' : m[0], n),
      });
    }
    for (const m of matchesIn(document, REPLACEMENT)) {
      report({
        range: { start: m.index, end: m.index + m[0].length },
        message: t('{0} character(s) lost: U+FFFD replacement characters stand where text could not be decoded.', m[0].length),
      });
    }
    for (const m of matchesIn(document, UNINIT)) {
      if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
      report({
        range: { start: m.index, end: m.index + m[0].length },
        message: t('“{0}” is uninitialised memory printed as text: {1} character(s) of garbage, the original text is lost.', m[0].slice(0, 6), m[0].length),
      });
    }
    const copyright: number[] = [];
    for (const m of matchesIn(document, LOST_COPYRIGHT)) {
      const q = m.index + m[1].length + m[2].length;
      copyright.push(q);
      report({
        range: { start: q, end: q + 1 },
        message: t('“?” after “{0}” stands for a lost “©”.', m[1]),
        fix: { title: t('Replace “?” with “©”'), edits: [{ range: { start: q, end: q + 1 }, text: '©' }] },
      });
    }
    // Judged on the whole text, once, and only when there is a `?` to judge.
    let judged: boolean | undefined;
    for (const m of matchesIn(document, HAN_QUESTION)) {
      judged ??= questionMarksMayBeLost(text);
      if (!judged) return;
      const q = m.index + 1;
      if (copyright.includes(q)) continue;
      report({
        range: { start: q, end: q + m[1].length },
        message: t('“{0}” between Chinese characters stands for {1} lost character(s).', m[1], m[1].length),
      });
    }
};

/**
 * A `?` between Han characters is a lost character only where the text
 * otherwise writes full-width punctuation; where `，：？` were folded to
 * ASCII it is a question mark. Judged on the whole document, from counts
 * that no line break interrupts, so that incremental analysis can count
 * the edited lines again.
 */
export function questionMarksMayBeLost(text: string): boolean {
  return mayBeLost(foldedMarks(text), fullQuestionMarks(text));
}

export function mayBeLost(folded: number, fullQuestion: number): boolean {
  return folded === 0 && fullQuestion > 0;
}

// The counts return numbers: V8 may keep optimised code of a long first
// call for later short ones, and a result object made after the loop would
// make that code deoptimise on every call.

/** ASCII `,` `:` `;` `!` between two Han characters (`中,文`) in `text[from, to)`, counted where the first one is. */
export function foldedMarks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!isUnifiedHan(text.charCodeAt(i)) || i + 2 >= text.length) continue;
    const p = text.charCodeAt(i + 1);
    if ((p === 0x2c || p === 0x3a || p === 0x3b || p === 0x21) && isUnifiedHan(text.charCodeAt(i + 2))) n++;
  }
  return n;
}

/** Full-width question marks in `text[from, to)`. */
export function fullQuestionMarks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0xff1f) n++;
  return n;
}

/** U+4E00–U+9FFF, the Han characters folded punctuation is looked for between. */
