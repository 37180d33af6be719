import { t } from '../../text/localize';
import type { Check, RuleMeta } from '../../rule';
import type { NewsDocument } from '../../document';
import type { Report } from '../../finding';
import { documentConsensus, findMojibake, isMade, settle, wholeFileVerdict, type MojibakeRepair, type WholeFileVerdict } from '../../encodings';

const PREVIEW = 24;

function preview(s: string): string {
  const chars = Array.from(s.replace(/[\r\n]+/g, ' '));
  return chars.length > PREVIEW ? chars.slice(0, PREVIEW).join('') + '…' : chars.join('');
}

function message(r: MojibakeRepair): string {
  const fixed = preview(r.text);
  if (r.unsure) {
    return t('Private-use characters: {0} text read as {1} would read “{2}”, but they may be a font’s icons. Not repaired.', r.kind.right, r.kind.wrong, fixed);
  }
  if (r.unsettled) {
    return t('Mojibake ({0} text read as {1}) that one repair cannot undo: it would give “{2}”, still mojibake with the text beside it (more layers or lost bytes). Not repaired.', r.kind.right, r.kind.wrong, fixed);
  }
  if (r.inner) {
    return r.lost > 0
      ? t('Mojibake in two layers ({0} read as {1}, then {2} read as {3}): it reads “{4}”; {5} character(s) are lost.', r.kind.right, r.kind.wrong, r.inner.right, r.inner.wrong, fixed, r.lost)
      : t('Mojibake in two layers ({0} read as {1}, then {2} read as {3}): it reads “{4}”.', r.kind.right, r.kind.wrong, r.inner.right, r.inner.wrong, fixed);
  }
  return r.lost > 0
    ? t('Mojibake ({0} text read as {1}): it reads “{2}”; {3} character(s) are lost.', r.kind.right, r.kind.wrong, fixed, r.lost)
    : t('Mojibake ({0} text read as {1}): it reads “{2}”.', r.kind.right, r.kind.wrong, fixed);
}

/**
 * Text decoded with the wrong code page (UTF-8 read as GBK `鍗楅槼`, as
 * Windows-1252 `å—é˜³`, GBK read as Latin-1 `ÄÏÑô`, Big5 ↔ GBK, two layers,
 * and 问句码 where the last byte became `?`). Each run is repaired by
 * re-encoding it and decoding the bytes correctly, kept only when the result
 * is far more natural text (see encodings/score.ts). When most of the
 * document is mojibake, one finding covers the whole file.
 */
export const meta: RuleMeta = {
  id: 'mojibake',
  description: 'Text decoded with the wrong code page (mojibake), repaired exactly.',
  family: 'encoding',
  docs: 'rule-mojibake',
  defaultSeverity: 'error',
  fixable: true,
  safeToClean: true,
  restoresText: true,
};

export const check: Check = ({ document }, report) => {
  const scan = findMojibake(document.text, 0, false);
  const repairs = settle(document.text, scan, 0, document.text.length);
  reportMojibake(document, repairs, scan, wholeFileVerdict(document.text, repairs), report);
};

/**
 * The findings from the document's repairs, given the scan they were
 * settled from and wholeFileVerdict of them: one for the whole file when
 * most of it is mojibake, whose fix reads the whole document again as
 * misread throughout (documentConsensus).
 */
export function reportMojibake(document: NewsDocument, repairs: readonly MojibakeRepair[], scan: readonly MojibakeRepair[], whole: WholeFileVerdict | undefined, report: (r: Report) => void): void {
  const text = document.text;
  if (repairs.length === 0) return;
  if (whole) {
    const settled = documentConsensus(text, scan, repairs, whole.kind).filter(isMade);
    const first = document.lines.find((l) => !l.blank) ?? document.lines[0];
    report({
      range: { start: first.start, end: first.end },
      message: t(
        'Most of this document is {0} text read as {1} ({2} mojibake runs): reopen it with the {0} encoding, or repair it in place.',
        whole.encoding,
        whole.readAs,
        repairs.length,
      ),
      data: { wholeFile: { encoding: whole.encoding, readAs: whole.readAs, vscodeEncodingId: whole.vscodeEncodingId } },
      fix: settled.length === 0 ? undefined : {
        title: t('Repair the whole document as {0} ({1} runs)', whole.encoding, settled.length),
        edits: settled.map((r) => ({ range: { start: r.start, end: r.end }, text: r.text })),
      },
    });
    return;
  }
  for (const r of repairs) report(repairReport(r));
}

/** The finding of one repair, when the document is not mojibake as a whole. */
export function repairReport(r: MojibakeRepair): Report {
  return {
    range: { start: r.start, end: r.end },
    message: message(r),
    // Perhaps icons (MojibakeRepair.unsure): a warning, not an error.
    ...(r.unsure ? { severity: 'warning' as const } : {}),
    fix: !isMade(r) ? undefined : { title: t('Repair as “{0}”', preview(r.text)), edits: [{ range: { start: r.start, end: r.end }, text: r.text }] },
  };
}
