import { t } from '../../text/localize';
import type { Rule } from '../../rule';
import { lineLocal, type LineLocalState } from '../../engine/incremental/line-local';
import { isJapaneseOrKorean } from '../../text/chars';
import { RADICAL_SUPPLEMENT_PAIRS } from './equivalent';

/**
 * Radicals and compatibility ideographs where a unified ideograph belongs,
 * as PDF copy-paste produces them (`⽇` U+2F47 for `日`): Kangxi radicals
 * (U+2F00–U+2FDF) and CJK compatibility ideographs (U+F900–U+FAFF,
 * U+2F800–U+2FA1F) are mapped by NFKC, Unicode's own decomposition; the CJK
 * radicals supplement (U+2E80–U+2EFF) by Unicode's
 * Equivalent_Unified_Ideograph property (equivalent.ts, generated from
 * EquivalentUnifiedIdeograph.txt). A character neither maps to a unified
 * ideograph is left alone, as are the twelve unified ideographs of the
 * compatibility block (`﨎`), which NFKC keeps. Korean lines (hangul) are
 * skipped: there compatibility ideographs keep a reading apart. After
 * textlint's `no-kangxi-radicals`. Line-local.
 */
export const compatibilityIdeographs: Rule<LineLocalState> = {
  meta: {
    id: 'compatibility-ideographs',
    description: 'Kangxi radicals and compatibility ideographs instead of ordinary Chinese characters.',
    family: 'encoding',
    docs: 'rule-compatibility-ideographs',
    defaultSeverity: 'warning',
    fixable: true,
    safeToClean: true,
  },
  incremental: lineLocal({ namesLines: false }),
  check({ document }, report) {
    for (const line of document.lines) {
      const s = line.text;
      if (!SUSPECT.test(s) || isJapaneseOrKorean(s)) continue;
      SUSPECT_ALL.lastIndex = 0;
      for (let m = SUSPECT_ALL.exec(s); m; m = SUSPECT_ALL.exec(s)) {
        const from = m[0];
        const to = unified(from);
        if (!to) continue;
        const start = line.start + m.index;
        const range = { start, end: start + from.length };
        report({
          message: t('“{0}” ({1}) is a radical or compatibility character: use the ordinary character “{2}”.', from, 'U+' + from.codePointAt(0)!.toString(16).toUpperCase(), to),
          range,
          fix: { title: t('Replace “{0}” with “{1}”', from, to), edits: [{ range, text: to }] },
        });
      }
    }
  },
};

const SUSPECT = /[\u2e80-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/;
const SUSPECT_ALL = new RegExp(SUSPECT.source, 'g');

let supplement: Map<string, string> | undefined;

/** The unified ideograph a radical or compatibility ideograph stands for, or undefined. */
export function unified(ch: string): string | undefined {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2e80 && c <= 0x2eff) {
    if (!supplement) {
      supplement = new Map();
      const cps = Array.from(RADICAL_SUPPLEMENT_PAIRS);
      for (let i = 0; i + 1 < cps.length; i += 2) supplement.set(cps[i], cps[i + 1]);
    }
    return supplement.get(ch);
  }
  const n = ch.normalize('NFKC');
  if (n === ch || n.length > 2) return undefined;
  const u = n.codePointAt(0)!;
  return (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x20000 && u <= 0x3134f) ? n : undefined;
}
