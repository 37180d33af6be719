import { t } from '@vscode/l10n';
import type { Line } from '../document';
import type { Rule } from '../finding';
import {
  CONTINUING_START,
  OPEN_END,
  endsSentence,
  isCreditLine,
  isLatinAlnum,
  isListItem,
  isMetadataLine,
  isPlaceTitleShape,
  isShortHeadingShape,
} from '../classify';

/**
 * A sentence broken across lines, as when each clause of a web page became
 * its own line: a line that starts with continuing punctuation (`，` `、` `。`),
 * a line after one that ends with an opening mark or a comma, and the line
 * after such a fragment when the fragment does not end its sentence. The fix
 * joins the two lines, with no space between CJK characters and one between
 * Latin words.
 */
export const strayLineBreak: Rule = {
  id: 'stray-line-break',
  description: 'A sentence broken across lines.',
  defaultSeverity: 'warning',
  fixable: true,
  safeToClean: true,
  check({ document }, report) {
    const lines = document.lines;
    // The logical line that line i-1 ends: did it begin mid-sentence, and
    // was line i-1 itself joined to the line before? Tracking this lets one
    // pass find every break of a chain, so the fix reaches a fixed point.
    let chain: Chain = { joined: false, fragment: CONTINUING_START.test(lines[0].text.trim()) };
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1];
      const line = lines[i];
      const reason = prev.blank || line.blank ? undefined : breakReason(lines, i, chain); // a blank line is a paragraph break
      chain = reason ? { joined: true, fragment: chain.fragment } : { joined: false, fragment: CONTINUING_START.test(line.text.trim()) };
      if (!reason) continue;
      const prevEnd = prev.start + prev.text.trimEnd().length;
      const lineStart = line.start + (line.text.length - line.text.trimStart().length);
      const left = document.text[prevEnd - 1];
      const right = document.text[lineStart];
      const glue = (isLatinAlnum(left) || /[,.;:!?)]/.test(left ?? '')) && isLatinAlnum(right) ? ' ' : '';
      const flagged =
        reason === 'starts-with-punctuation'
          ? { start: lineStart, end: lineStart + 1 }
          : { start: Math.max(prev.start, lastCharStart(document.text, prevEnd)), end: prevEnd };
      report({
        range: flagged,
        message:
          reason === 'starts-with-punctuation'
            ? t('Line {0} starts with “{1}”: a sentence was broken here.', line.index + 1, right)
            : reason === 'open-end'
              ? t('Line {0} ends with “{1}”: the sentence goes on in the next line.', prev.index + 1, left)
              : t('Line {0} is a fragment of a sentence that goes on in the next line.', prev.index + 1),
        fix: {
          title: t('Join line {0} to line {1}', line.index + 1, prev.index + 1),
          edits: [{ range: { start: prevEnd, end: lineStart }, text: glue }],
        },
      });
    }
  },
};

/** Where the character ending at `end` starts (a surrogate pair is one character). */
function lastCharStart(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  const high = text.charCodeAt(end - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? end - 2 : end - 1;
}

type Reason = 'starts-with-punctuation' | 'open-end' | 'fragment';

function isProtected(text: string): boolean {
  return (
    isShortHeadingShape(text) || isPlaceTitleShape(text) || isListItem(text) || isCreditLine(text) || isMetadataLine(text)
  );
}

interface Chain {
  /** Line i-1 is joined to the line before it. */
  readonly joined: boolean;
  /** The logical line ending at i-1 began with continuing punctuation. */
  readonly fragment: boolean;
}

function breakReason(lines: readonly Line[], i: number, chain: Chain): Reason | undefined {
  const prev = lines[i - 1].text.trim();
  const cur = lines[i].text.trim();
  if (isListItem(cur) || isCreditLine(cur) || isCreditLine(prev) || isMetadataLine(cur)) return undefined;
  if (CONTINUING_START.test(cur)) return 'starts-with-punctuation';
  if (isProtected(cur)) return undefined;
  if (OPEN_END.test(prev)) return 'open-end';
  if (!chain.joined && isProtected(prev)) return undefined;
  // A fragment (it began mid-sentence) that does not end its sentence goes on.
  if ((chain.fragment || CONTINUING_START.test(prev)) && !endsSentence(prev) && !/[:：]$/.test(prev)) return 'fragment';
  return undefined;
}
