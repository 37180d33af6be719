import type { Range } from './document';
import { partitionPoint } from './text/search';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** One text replacement. Offsets are UTF-16 units into the analysed text. */
export interface Edit {
  readonly range: Range;
  readonly text: string;
}

/** A repair offered for a finding: one or more edits applied together. */
export interface Fix {
  /** Short, localised description shown as the quick fix title. */
  readonly title: string;
  readonly edits: readonly Edit[];
  /**
   * Where every edit lies, for a fix whose edits are made when first read:
   * lets a caller rule out an overlap without making them.
   */
  readonly extent?: Range;
}

export interface RelatedInformation {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  readonly related?: readonly RelatedInformation[];
  /** What the rule knew that code actions read back (never recomputed by an adapter). */
  readonly data?: FindingData;
}

/**
 * Data a finding carries for code actions. Each field belongs to the rules
 * that set it; adapters read what they know and ignore the rest.
 */
export interface FindingData {
  /** mojibake, when most of the document is mojibake: the encoding its bytes are in, as VS Code names it, and what they were read as. */
  readonly wholeFile?: { readonly encoding: string; readonly vscodeEncodingId: string; readonly readAs: string };
  /** stray-line-break: the related information lists the parts of this finding (the breaks of one paragraph), each where it is. */
  readonly parts?: true;
  /** duplicate-block: the other copy of the repeated text, which the finding's fix keeps. */
  readonly duplicate?: {
    /** Where the kept copy is, one range per place (the earlier copy may be in pieces). */
    readonly kept: readonly Range[];
    /** Whether the kept copy is the earlier one (else this finding is the earlier copy, removed in favour of the later). */
    readonly keptIsEarlier: boolean;
    /** When the kept copy is whole lines: the range that removes them, to keep this copy instead. */
    readonly keepThisInstead?: Range;
  };
}

/** Data moved with its finding by `delta` offsets (as its range and related information are). */
export function movedData(data: FindingData, delta: number): FindingData {
  if (!data.duplicate || delta === 0) return data;
  const move = (r: Range): Range => ({ start: r.start + delta, end: r.end + delta });
  const { kept, keptIsEarlier, keepThisInstead } = data.duplicate;
  return { ...data, duplicate: { kept: kept.map(move), keptIsEarlier, ...(keepThisInstead && { keepThisInstead: move(keepThisInstead) }) } };
}

/** What a rule reports; the engine fills in the rule id and the severity. */
export interface Report {
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  readonly related?: readonly RelatedInformation[];
  /** Overrides the rule's default severity for this finding (e.g. a hint). */
  readonly severity?: Severity;
  readonly data?: FindingData;
}

/**
 * A finding, without the fix and the related information it does not have.
 * Made here alone, so that findings come in few shapes and code that reads
 * many of them (sorting, merging, moving) stays fast.
 */
export function makeFinding(ruleId: string, severity: Severity, message: string, range: Range, fix?: Fix, related?: readonly RelatedInformation[]): Finding {
  if (fix) return related ? { ruleId, severity, message, range, fix, related } : { ruleId, severity, message, range, fix };
  return related ? { ruleId, severity, message, range, related } : { ruleId, severity, message, range };
}

/** A finding with the data its code actions read (few findings carry any); written out, as a spread would give it a shape of its own. */
export function withData(f: Finding, data: FindingData): Finding {
  const { ruleId, severity, message, range, fix, related } = f;
  if (fix) return related ? { ruleId, severity, message, range, fix, related, data } : { ruleId, severity, message, range, fix, data };
  return related ? { ruleId, severity, message, range, related, data } : { ruleId, severity, message, range, data };
}

/** The order of findings: by start, then by end (a stable sort keeps the rules' order for ties). */
export function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

/**
 * The findings whose range may meet [start, end], in order, from findings
 * sorted by start (the light bulb's look-up). Findings are short but for a
 * few (whole paragraphs, repeated blocks): the scan back stops a long way
 * before `start`.
 */
export function findingsMeeting(byStart: readonly Finding[], start: number, end: number): Finding[] {
  const after = partitionPoint(byStart.length, (i) => byStart[i].range.start <= end);
  const out: Finding[] = [];
  for (let i = after - 1; i >= 0; i--) {
    const f = byStart[i];
    if (f.range.end >= start) out.push(f);
    else if (start - f.range.start > 1_000_000) break;
  }
  return out.reverse();
}

/**
 * The light bulb's look-up over one analysis: the findings sorted by start
 * once, then `findingsMeeting` for each request (the editor keeps one per
 * document version).
 */
export function findingsIndex(findings: readonly Finding[]): (start: number, end: number) => Finding[] {
  const byStart = [...findings].sort((a, b) => a.range.start - b.range.start);
  return (start, end) => findingsMeeting(byStart, start, end);
}
