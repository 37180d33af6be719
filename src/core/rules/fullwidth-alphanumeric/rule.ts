import { t } from '../../text/localize';
import type { Rule } from '../../rule';
import { lineLocal, type LineLocalState } from '../../engine/incremental/line-local';
import { hasHan, isJapaneseOrKorean } from '../../text/chars';

/**
 * Full-width Latin letters and digits in Chinese prose (`２０２１年`, `ＧＤＰ`,
 * `５Ｇ`) become half-width, as GB/T 15835-2011 and Chinese news style ask;
 * the run is mapped by NFKC, Unicode's own compatibility mapping. A `．`
 * between two full-width digits is a decimal point and goes with them.
 *
 * Line-local. A line is left alone when it is not Chinese prose or when its
 * full-width forms are deliberate:
 *  - it holds no Han character (a full-width banner, a Latin line);
 *  - it holds kana or hangul (Japanese and Korean are never rewritten);
 *  - it draws a table: box-drawing characters (U+2500–U+257F) or the
 *    full-width vertical bar `｜`;
 *  - it is one character of vertical text: nothing but that character and
 *    white space (a quote laid out one character per line).
 */
export const fullwidthAlphanumeric: Rule<LineLocalState> = {
  meta: {
    id: 'fullwidth-alphanumeric',
    description: 'Full-width Latin letters and digits in Chinese text.',
    family: 'punctuation',
    docs: 'rule-fullwidth-alphanumeric',
    defaultSeverity: 'warning',
    fixable: true,
    safeToClean: true,
  },
  incremental: lineLocal({ namesLines: false }),
  check({ document }, report) {
    for (const line of document.lines) {
      const s = line.text;
      if (line.blank || !FULLWIDTH.test(s) || deliberate(s)) continue;
      RUN.lastIndex = 0;
      for (let m = RUN.exec(s); m; m = RUN.exec(s)) {
        const from = m[0];
        const to = from.normalize('NFKC');
        const start = line.start + m.index;
        const range = { start, end: start + from.length };
        report({
          message: t('Full-width “{0}” in Chinese text: use “{1}”.', from, to),
          range,
          fix: { title: t('Replace “{0}” with “{1}”', from, to), edits: [{ range, text: to }] },
        });
      }
    }
  },
};

const FULLWIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
/** Full-width letters and digits, with a `．` between two digits. Linear: each alternative starts on a different character. */
const RUN = /(?:[\uff10-\uff19](?:\uff0e(?=[\uff10-\uff19]))?|[\uff21-\uff3a\uff41-\uff5a])+/g;
const TABLE = /[\u2500-\u257f\uff5c]/;

function deliberate(s: string): boolean {
  if (s.trim().length <= 1) return true; // vertical text
  return TABLE.test(s) || isJapaneseOrKorean(s) || !hasHan(s);
}
