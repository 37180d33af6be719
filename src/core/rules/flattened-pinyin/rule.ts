import { t } from '../../text/localize';
import type { Check, RuleMeta } from '../../rule';
import type { NewsDocument } from '../../document';
import type { Edit, Fix, Report } from '../../finding';
import { matchesIn } from '../../text/lines';
import { hanLevel } from '../../encodings/tables';
import { hasTone, isReadingOf } from '../../pinyin/readings';
import { fixTouchesJapaneseKorean } from '../../text/japanese-korean';
import { overlapsSpan, type Span } from '../../text/spans';

/**
 * A Han character followed by a parenthesised toned syllable: `簡(jiǎn)`,
 * `陽（yang2）`. Bounded classes only, so the scan is linear.
 */
const ANNOTATION =
  /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])([(（])([A-Za-zÀ-ɏ\u0300-\u036f]{1,8}[0-5]?)([)）])/g;

/** Annotations per document from which they are an artifact, not a gloss. */
const DENSE_DOCUMENT = 3;

export interface Annotation {
  readonly char: string;
  readonly start: number; // the opening parenthesis
  readonly end: number;
  readonly syllable: string;
  readonly line: number;
}

/**
 * Flattened ruby: a page's pinyin annotations pasted as text after each
 * character (`簡(jiǎn)陽(yáng)`). Only toned syllables that are a reading of
 * the character they follow are taken, so `织(WHO)` or `南阳(Nányáng)` stay.
 * Dense annotations are removed all at once; a lone annotation of a rare
 * character may be a deliberate gloss and is only a hint.
 */
export const meta: RuleMeta = {
  id: 'flattened-pinyin',
  description: 'Pinyin annotations flattened into the text, e.g. 簡(jiǎn)陽(yáng).',
  family: 'encoding',
  docs: 'rule-flattened-pinyin',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
};

export const check: Check = ({ document }, report) => {
    reportAnnotations(document, findAnnotations(document), report);
};

/** The annotations on the document's lines (a view's lines only), in order. */
export function findAnnotations(document: NewsDocument): Annotation[] {
  const found: Annotation[] = [];
  const lines = document.lines;
  let k = 0; // the line of the last annotation: they come in order
  for (const m of matchesIn(document, ANNOTATION)) {
    const syllable = m[3];
    if (!hasTone(syllable)) continue;
    // The closing mark must match the opening one's width loosely; both kinds are seen.
    if (!isReadingOf(m[1], syllable)) continue;
    const start = m.index + 1;
    while (k + 1 < lines.length && lines[k + 1].start <= start) k++;
    found.push({ char: m[1], start, end: m.index + m[0].length, syllable, line: lines[k].index });
  }
  return found;
}

/**
 * The findings from every annotation of the document: whether they are
 * dense is judged on the whole document, and the fix of a dense one removes
 * them all.
 */
export function reportAnnotations(document: NewsDocument, found: readonly Annotation[], report: (r: Report) => void): void {
  const text = document.text;
  if (found.length === 0) return;
  const perLine = new Map<number, Annotation[]>();
  for (const a of found) {
    const list = perLine.get(a.line);
    if (list) list.push(a);
    else perLine.set(a.line, [a]);
  }
  if (allDense(found.length)) {
    const fix = removeAllFix(document, found.length, spansOf(found), (spans) => found.some((a) => overlapsSpan(spans, a.start, a.end)));
    for (const [line, list] of perLine) report(denseLine(line, list, fix));
    return;
  }
  const dense = found.filter((a) => perLine.get(a.line)!.length >= 2 || hanLevel(a.char.charCodeAt(0)) === 0);
  const denseSet = new Set(dense);
  const allFix = dense.length > 0 ? removeAllFix(document, dense.length, spansOf(dense), (spans) => dense.some((a) => overlapsSpan(spans, a.start, a.end))) : undefined;
  for (const [line, list] of perLine) {
    const ours = list.filter((a) => denseSet.has(a));
    if (ours.length > 0) report(denseLine(line, ours, allFix!));
    for (const a of list) {
      if (denseSet.has(a)) continue;
      report({
        range: { start: a.start, end: a.end },
        severity: 'hint',
        message: t('“{0}” after “{1}” looks like a pinyin gloss of a rare character.', text.slice(a.start, a.end), a.char),
        fix: { title: t('Remove “{0}”', text.slice(a.start, a.end)), edits: [{ range: { start: a.start, end: a.end }, text: '' }] },
      });
    }
  }
}

/** Whether a document with `count` annotations has them all dense. */
export function allDense(count: number): boolean {
  return count >= DENSE_DOCUMENT;
}

/** The finding on a line's dense annotations (`shift`: how far they moved since they were found). */
export function denseLine(line: number, list: readonly Annotation[], fix: Fix, shift = 0): Report {
  const sample = list.slice(0, 3).map((a) => `${a.char}(${a.syllable})`).join(' ');
  return {
    range: { start: list[0].start + shift, end: list[list.length - 1].end + shift },
    message: t('Line {0} has {1} flattened pinyin annotation(s), e.g. {2}.', line + 1, list.length, sample),
    fix,
  };
}

/**
 * The offsets of annotations, for removeAllFix to list: kept in an
 * Int32Array (a 10 MB transcript can hold 200,000 annotations, ~35 MB as
 * objects), so that the annotations themselves need not outlive the check.
 */
function spansOf(list: readonly Annotation[]): () => Iterable<{ readonly start: number; readonly end: number }> {
  const spans = new Int32Array(2 * list.length);
  for (let i = 0; i < list.length; i++) {
    spans[2 * i] = list[i].start;
    spans[2 * i + 1] = list[i].end;
  }
  return function* () {
    for (let i = 0; i < spans.length; i += 2) yield { start: spans[i], end: spans[i + 1] };
  };
}

/**
 * The fix that removes `count` annotations of `document`, listed by `all`
 * when its edits are first read. Whether it touches a line with kana or
 * hangul is answered by `overlaps` (whether an annotation overlaps the
 * spans: its edits are the annotations), so that the engine does not make
 * its edits to ask; the caller answers from what it holds without making
 * objects, as this is asked at every keystroke.
 */
export function removeAllFix(
  document: { readonly text: string },
  count: number,
  all: () => Iterable<{ readonly start: number; readonly end: number }>,
  overlaps: (spans: readonly Span[]) => boolean,
): Fix {
  const fix = lazyRemoval(count, all);
  fixTouchesJapaneseKorean(document, fix, overlaps);
  return fix;
}

function lazyRemoval(count: number, all: () => Iterable<{ readonly start: number; readonly end: number }>): Fix {
  let edits: Edit[] | undefined;
  return {
    title: t('Remove all {0} pinyin annotations', count),
    get edits(): Edit[] {
      if (!edits) {
        edits = [];
        for (const a of all()) edits.push({ range: { start: a.start, end: a.end }, text: '' });
      }
      return edits;
    },
  };
}
