import { t } from '../../text/localize';
import type { NewsDocument } from '../../document';
import type { Report } from '../../finding';
import { fixTouchesJapaneseKorean, japaneseKoreanSpansOf } from '../../text/japanese-korean';
import { insideSpans } from '../../text/spans';

/** How a reported break stands in its group (bits beside a chain's, see rule.ts). */
export const ALONE = 4;
/** A break that is not reported: it lies in Japanese or Korean text. */
export const UNREPORTED = 8;

/**
 * The breaks of one paragraph, reported as one finding whose fix joins all
 * its lines (one paste accident, one finding). A lone break is reported as
 * it was found. A break whose fix would touch Japanese or Korean text stands
 * alone, so that the fixes of the others are kept (the engine drops such a
 * fix), and one inside that text is not reported.
 */
export class BreakGroup {
  private breaks: Report[] = [];
  private firstLine = 0;
  private lastLine = 0;

  constructor(
    private readonly document: NewsDocument,
    private readonly report: (r: Report) => void,
  ) {}

  /** Adds the break before line `line` (0-based); returns ALONE or UNREPORTED when it is not grouped. */
  add(line: number, r: Report): number {
    const spans = japaneseKoreanSpansOf(this.document);
    if (spans.length > 0 && insideSpans(spans, r.range.start, r.range.end)) {
      this.flush();
      return UNREPORTED;
    }
    if (r.fix && fixTouchesJapaneseKorean(this.document, r.fix)) {
      this.flush();
      this.report(r);
      return ALONE;
    }
    if (this.breaks.length === 0) this.firstLine = line - 1;
    this.lastLine = line;
    this.breaks.push(r);
    return 0;
  }

  /** Reports the group so far (the paragraph ended). */
  flush(): void {
    const breaks = this.breaks;
    if (breaks.length === 0) return;
    this.breaks = [];
    if (breaks.length === 1) {
      this.report(breaks[0]);
      return;
    }
    const from = this.firstLine + 1;
    const to = this.lastLine + 1;
    this.report({
      range: { start: breaks[0].range.start, end: breaks[breaks.length - 1].range.end },
      message: t('Lines {0} to {1} are one paragraph broken across {2} lines.', from, to, to - from + 1),
      fix: { title: t('Join lines {0} to {1}', from, to), edits: breaks.flatMap((b) => b.fix?.edits ?? []) },
      related: breaks.map((b) => ({ range: b.range, message: b.message })),
      data: { parts: true },
    });
  }
}
