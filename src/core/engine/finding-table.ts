import { SEVERITIES, makeFinding, withData, type Finding, type Report, type Severity } from '../finding';
import { FIXABLE } from './analyze';

/**
 * The findings of one analysis without their fixes, kept as columns for a
 * caller that reads each once, in order: the CLI's check. A finding made as
 * an object is three to five small objects that live to the end of the
 * analysis (a 10 MB transcript has 230,000 findings); here it is its offsets,
 * rule, severity, whether it has a fix, and its message. The few with related
 * information or data keep them. Each finding is made when read.
 */
export class FindingTable {
  private starts: Int32Array = new Int32Array(1024);
  private ends: Int32Array = new Int32Array(1024);
  /** rule << 4 | severity << 1 | fixable */
  private tags: Int32Array = new Int32Array(1024);
  private readonly messages: string[] = [];
  /** The related information and data of the few findings that have them (their fixes are not kept). */
  private readonly extras = new Map<number, Pick<Report, 'related' | 'data'>>();
  private n = 0;

  /** `ruleIds`: the rules of the analysis, by the index analyzeReports gives. */
  constructor(private readonly ruleIds: readonly string[]) {}

  get length(): number {
    return this.n;
  }

  add(rule: number, severity: Severity, r: Report): void {
    const i = this.n++;
    if (i === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.tags = grown(this.tags);
    }
    this.starts[i] = r.range.start;
    this.ends[i] = r.range.end;
    this.tags[i] = (rule << 4) | (SEVERITIES.indexOf(severity) << 1) | (r.fix ? 1 : 0);
    this.messages.push(r.message);
    if (r.related || r.data) this.extras.set(i, { related: r.related, data: r.data });
  }

  /**
   * The findings in `analyze`'s order (by start, then end, then rule, then
   * as reported), as `analyze` with `fixes: false` makes them, each made
   * when read. Read once: the table lets go of each message as it goes.
   */
  *findings(): Generator<Finding> {
    const { starts, ends, tags } = this;
    const order = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    order.sort((a, b) => starts[a] - starts[b] || ends[a] - ends[b] || (tags[a] >> 4) - (tags[b] >> 4) || a - b);
    for (const i of order) {
      const tag = tags[i];
      const r = this.extras.get(i);
      const f = makeFinding(this.ruleIds[tag >> 4], SEVERITIES[(tag >> 1) & 7], this.messages[i], { start: starts[i], end: ends[i] }, tag & 1 ? FIXABLE : undefined, r?.related);
      this.messages[i] = '';
      yield r?.data ? withData(f, r.data) : f;
    }
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
