/**
 * What a document's findings become when there are more than VS Code shows
 * (about 1,000 diagnostics per file; the rest are cut silently): everything
 * in the visible ranges, then the errors, one by one; the rest grouped
 * per paragraph and rule (one diagnostic for a paragraph's half-width marks
 * or broken lines), coarser when even that is too many. Every finding is in
 * exactly one item, so no defect is invisible.
 *
 * No `vscode` import: tested on plain Node.
 */
import { SEVERITIES, type Finding, type Range, type Severity } from '../core';

export interface ShownItem {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly range: Range;
  /** One finding: shown as itself; more: one grouped diagnostic. */
  readonly findings: readonly Finding[];
}

/** Offsets where paragraphs (runs of non-blank lines) start, ascending. */
export function paragraphStarts(text: string): number[] {
  const starts = [0];
  let blank = false;
  let lineStart = 0;
  let onlySpace = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      const end = i;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (onlySpace || end === lineStart) {
        blank = true;
      } else {
        if (blank && lineStart > 0) starts.push(lineStart);
        blank = false;
      }
      lineStart = i + 1;
      onlySpace = true;
    } else if (c !== 32 && c !== 9 && c !== 0x3000) {
      onlySpace = false;
    }
  }
  return starts;
}

function indexOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

export function budgetFindings(text: string, findings: readonly Finding[], visible: readonly Range[], budget: number): ShownItem[] {
  const single = (f: Finding): ShownItem => ({ ruleId: f.ruleId, severity: f.severity, range: f.range, findings: [f] });
  if (findings.length <= budget) return findings.map(single);
  const inView = (f: Finding) => visible.some((v) => f.range.start <= v.end && f.range.end >= v.start);
  // Singles: what is in view (complete, up to half the budget), then errors (up to three quarters), so that groups cover the rest.
  const singles: Finding[] = [];
  const rest: Finding[] = [];
  const chosen = new Set<Finding>();
  for (const f of findings) if (chosen.size < Math.floor(budget / 2) && inView(f)) chosen.add(f);
  for (const f of findings) if (chosen.size < Math.floor((budget * 3) / 4) && f.severity === 'error') chosen.add(f);
  for (const f of findings) (chosen.has(f) ? singles : rest).push(f);
  const starts = paragraphStarts(text);
  let items: ShownItem[] = [];
  for (let span = 1; ; span *= 2) {
    const groups = new Map<string, Finding[]>();
    for (const f of rest) {
      const key = `${f.ruleId}\u0000${Math.floor(indexOf(starts, f.range.start) / span)}`;
      const g = groups.get(key);
      if (g) g.push(f);
      else groups.set(key, [f]);
    }
    if (singles.length + groups.size <= budget || span > starts.length) {
      items = [...groups.values()].map((g) => {
        if (g.length === 1) return single(g[0]);
        let severity = g[0].severity;
        let start = g[0].range.start;
        let end = g[0].range.end;
        for (const f of g) {
          if (rank(f.severity) < rank(severity)) severity = f.severity;
          start = Math.min(start, f.range.start);
          end = Math.max(end, f.range.end);
        }
        return { ruleId: g[0].ruleId, severity, range: { start, end }, findings: g };
      });
      break;
    }
  }
  return [...singles.map(single), ...items].sort((a, b) => a.range.start - b.range.start || rank(a.severity) - rank(b.severity));
}
