import { made } from '../../engine/incremental/line-local';
import { spliced } from '../../engine/incremental/carry';
import type { IncrementalStrategy } from '../../engine/incremental/types';
import type { Check } from '../../rule';
import { checkQuotes, countMarks, eachMark, reportMarks, styleOf, type QuoteCounts } from './rule';

/** The document's marks by kind, and the style they gave. */
export interface QuoteState extends QuoteCounts {
  readonly style: 'curly' | 'corner' | undefined;
}

/**
 * A mark's finding depends on its line and the document's style alone. The
 * marks of the edited lines are counted again (the others' counts carried
 * over); while the style stays, only the edited lines are checked again,
 * and when it changes the whole document is.
 */
export const quoteLines: IncrementalStrategy<QuoteState> = (ctx) => {
  const { document, change, previous, settings } = ctx;
  const before = previous?.state;
  if (!before || !change.old) return whole();
  const old = change.old;
  const gone = countMarks(old.text, old.lines[change.first].start, old.lines[change.oldLast].end);
  const come = countMarks(document.text, document.lines[change.first].start, document.lines[change.last].end);
  const counts = { curly: before.curly - gone.curly + come.curly, corner: before.corner - gone.corner + come.corner };
  const style = styleOf(counts, settings);
  if (style !== before.style) return whole();
  ctx.save({ ...counts, style });
  if (!style) return made([]);
  const lines: Check = ({ document: view }, report) => {
    const marks: number[] = [];
    eachMark(view.text, view.span.start, view.span.end, (at, kind) => marks.push(at, kind));
    reportMarks(view.text, marks, style, report);
  };
  const fresh = ctx.checkPart({ document: document.view(change.first, change.last), check: lines });
  if (!fresh) return made(ctx.fallback());
  return spliced(previous.findings, fresh, change, change.oldLast);

  /** The rule on the whole document, its counts saved. */
  function whole() {
    let counts: QuoteCounts | undefined;
    const findings = ctx.run({ check: ({ document: d }, report) => void (counts = checkQuotes(d, settings, report)) });
    if (counts) ctx.save({ ...counts, style: styleOf(counts, settings) });
    return made(findings);
  }
};
