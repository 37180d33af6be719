import { t } from '../../text/localize';
import type { Check, RuleMeta } from '../../rule';
import type { Line, NewsDocument } from '../../document';
import { BreakGroup } from './group';
import { CONTINUING_START, OPEN_END, endsSentence } from '../../text/punctuation';
import { PHOTO_CREDIT, isCreditLine, isListItem, isMetadataLine, isPlaceTitleShape, isShortHeadingShape } from '../../text/shapes';
import { isLatinAlnum } from '../../text/chars';

/**
 * A sentence broken across lines, as when each clause of a web page became
 * its own line: a line that starts with continuing punctuation (`，` `、` `。`),
 * a line after one that ends with an opening mark or a comma, and the line
 * after such a fragment when the fragment does not end its sentence. The fix
 * joins the two lines, with no space between CJK characters and one between
 * Latin words; the consecutive breaks of one paragraph are one finding whose
 * fix joins all its lines.
 */
export const meta: RuleMeta = {
  id: 'stray-line-break',
  description: 'A sentence broken across lines.',
  family: 'layout',
  docs: 'rule-stray-line-break',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
};

export const check: Check = ({ document }, report) => {
  let chain = firstChain(document.lines[0]);
  const group = new BreakGroup(document, report);
  for (let i = 1; i < document.lines.length; i++) chain = checkBreak(document, i, chain, group) & CHAIN_BITS;
  group.flush();
};

/**
 * What a line leaves for the next one to judge (a bit set): whether it was
 * joined to the line before it, and whether the logical line it ends began
 * mid-sentence. Tracking this lets one pass find every break of a chain, so
 * the fix reaches a fixed point.
 */
export type Chain = number;
export const JOINED = 1;
const FRAGMENT = 2;
/** The bits of a Chain. */
export const CHAIN_BITS = JOINED | FRAGMENT;

/** The chain after the first line. */
export function firstChain(line: Line): Chain {
  return CONTINUING_START.test(line.text.trim()) ? FRAGMENT : 0;
}

/**
 * Adds the break before line `i` (≥ 1) to `group` when a sentence goes on
 * across it; `chain` is the chain after line i - 1. Returns the chain after
 * line i, with ALONE or UNREPORTED beside it when the break is not grouped
 * (see group.ts): it and the break depend on lines i - 1 and i and on `chain` alone
 * (incremental analysis checks the lines after an edit until the chain is
 * as it was).
 */
export function checkBreak(document: NewsDocument, i: number, chain: Chain, group: BreakGroup): Chain {
  const prev = document.lines[i - 1];
  const line = document.lines[i];
  const reason = prev.blank || line.blank ? undefined : breakReason(document.lines, i, chain); // a blank line is a paragraph break
  if (!reason) {
    group.flush(); // the paragraph's breaks end here
    return CONTINUING_START.test(line.text.trim()) ? FRAGMENT : 0;
  }
  const prevEnd = prev.start + prev.text.trimEnd().length;
  const lineStart = line.start + (line.text.length - line.text.trimStart().length);
  const left = document.text[prevEnd - 1];
  const right = document.text[lineStart];
  const glue = (isLatinAlnum(left) || /[,.;:!?)]/.test(left ?? '')) && isLatinAlnum(right) ? ' ' : '';
  const flagged =
    reason === 'starts-with-punctuation'
      ? { start: lineStart, end: lineStart + 1 }
      : { start: Math.max(prev.start, lastCharStart(document.text, prevEnd)), end: prevEnd };
  const alone = group.add(line.index, {
    range: flagged,
    message:
      reason === 'starts-with-punctuation'
        ? t('Line {0} starts with “{1}”: a sentence was broken here.', line.index + 1, right)
        : reason === 'open-end'
          ? t('Line {0} ends with “{1}”: the sentence goes on in the next line.', prev.index + 1, left)
          : reason === 'mid-phrase'
            ? t('Line {0} stops mid-sentence: the sentence goes on in the next line.', prev.index + 1)
            : t('Line {0} is a fragment of a sentence that goes on in the next line.', prev.index + 1),
    fix: {
      title: t('Join line {0} to line {1}', line.index + 1, prev.index + 1),
      edits: [{ range: { start: prevEnd, end: lineStart }, text: glue }],
    },
  });
  return JOINED | (chain & FRAGMENT) | alone;
}

/** Where the character ending at `end` starts (a surrogate pair is one character). */
function lastCharStart(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  const high = text.charCodeAt(end - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? end - 2 : end - 1;
}

type Reason = 'starts-with-punctuation' | 'open-end' | 'fragment' | 'mid-phrase';

function isProtected(text: string): boolean {
  return (
    isShortHeadingShape(text) || isPlaceTitleShape(text) || isListItem(text) || isCreditLine(text) || isMetadataLine(text)
  );
}

function breakReason(lines: readonly Line[], i: number, chain: Chain): Reason | undefined {
  const prev = lines[i - 1].text.trim();
  const cur = lines[i].text.trim();
  if (isListItem(cur) || isCreditLine(cur) || isCreditLine(prev) || isMetadataLine(cur)) return undefined;
  if (CONTINUING_START.test(cur)) return 'starts-with-punctuation';
  if (isProtected(cur)) return undefined;
  if (OPEN_END.test(prev)) return 'open-end';
  if (!(chain & JOINED) && isProtected(prev)) return undefined;
  // A fragment (it began mid-sentence) that does not end its sentence goes on.
  if ((chain & FRAGMENT || CONTINUING_START.test(prev)) && !endsSentence(prev) && !/[:：]$/.test(prev)) return 'fragment';
  if (isMidPhrase(lines[i - 1].text, prev, lines[i].text, cur)) return 'mid-phrase';
  return undefined;
}

const WORD_END = /[\p{sc=Han}\p{L}\p{N}]$/u;
const WORD_START = /^[\p{sc=Han}\p{L}\p{N}]/u;
const INDENT = /^(\u3000|[ \t\u00a0\u2002\u2003]{2})/;
/** A label at the start of a line: `声明：`, `编辑:`. */
const LABEL_START = /^[^\s，。：:]{1,6}[：:]/;
/** What a clause of prose does not hold: white space, slashes, brackets, colons (a credit, a caption's source). */
const NOT_PROSE = /[\s/／:：()（）【】[\]]/;
/** The longest line looked at (a longer one is not judged by this shape). */
const SCAN = 400;

/**
 * A sentence cut between two characters, with no punctuation at the cut
 * (`…河南已建成沿黄生态` / `廊道1200多公里，…。`). The line before ends with
 * a character of a word, has no white space inside, and reads as prose, not
 * as a headline, a teaser or a caption: it holds a finished sentence and a
 * clause after it, an opening quote or bracket it does not close, three
 * clause marks or more, or a comma and either forty characters or a
 * paragraph's indentation that the next line lacks. The next line starts
 * with a character of a word, is not indented, has a `。` and no label.
 */
function isMidPhrase(prevRaw: string, prev: string, curRaw: string, cur: string): boolean {
  if (prev.length > SCAN || !WORD_END.test(prev) || !WORD_START.test(cur)) return false;
  if (INDENT.test(curRaw) || !cur.includes('。') || LABEL_START.test(cur) || /\s/.test(prev)) return false;
  let clauses = 0;
  let open = 0;
  let lastStop = -1;
  let clausesBefore = 0;
  for (let k = 0; k < prev.length; k++) {
    const c = prev[k];
    if (c === '。' || c === '！' || c === '？') {
      lastStop = k;
      clausesBefore = clauses;
    } else if (c === '，' || c === '、' || c === '；') clauses++;
    else if (c === '“' || c === '（' || c === '《' || c === '「' || c === '『') open++;
    else if (c === '”' || c === '）' || c === '》' || c === '」' || c === '』') open = Math.max(0, open - 1);
  }
  if (lastStop >= 0) {
    // The clause after the last stop: prose, not a credit or a source.
    const tail = prev.slice(lastStop + 1);
    if (NOT_PROSE.test(tail) || PHOTO_CREDIT.test(tail)) return false;
    return lastStop >= 15 || clausesBefore > 0 || tail.length >= 8 || clauses > clausesBefore;
  }
  if (open > 0 || clauses >= 3) return true;
  return clauses >= 1 && (prev.length >= 40 || INDENT.test(prevRaw));
}
