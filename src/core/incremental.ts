/**
 * Analysis after an edit that reuses what the analysis before it found. Its
 * findings always equal `analyze` on the new text; only the work differs.
 *
 * The edit is located as the common prefix and suffix of the old and the new
 * text: the lines wholly inside them are unchanged, those after the edit
 * moved by the same offset (and maybe number of lines); the new document
 * shares the old one's lines before the edit (NewsDocument.edited). Each
 * rule is carried over according to what its findings depend on
 * (`STRATEGIES`), keeping the findings of unchanged lines (those after the
 * edit moved, cheaply: MovedFix):
 *
 *  - a line alone, given a document-wide input (halfwidth-punctuation;
 *    lost-characters, whether `?` may be a lost character; mixed-script, the
 *    majority script): the edited lines are checked again on a view of the
 *    new document. The input is counted again on the edited lines only
 *    (lineSum); when it changes, the rule runs on the whole document again.
 *  - stray-line-break: the breaks from the edit on, until the state a line
 *    leaves for the next is as it was.
 *  - per-line data with a document-wide verdict: flattened-pinyin's
 *    annotations, mojibake's repairs (those of lines whose windows the edit
 *    did not change) and boilerplate's lines are carried over; the findings
 *    of lines the verdict and the edit leave alone are kept.
 *  - duplicate-block keeps the normalised text of unchanged lines, and its
 *    repeats when the edit did not change that text (punctuation, spaces,
 *    line breaks); otherwise it looks for repeats in the whole text again.
 *    Its few findings are made again from that.
 *  - anything else (rules outside the registry): the rule runs on the
 *    whole document again.
 *
 * A rule whose messages name lines makes the findings after an edit that
 * adds or removes lines again. The findings of all rules are merged in the
 * previous order, with the new ones put in among them (`merge`).
 */
import { NewsDocument, type Range } from './document';
import { SETTINGS, resolveSettings, type SettingKey, type Settings } from './config';
import type { Edit, Finding, Fix, Rule, RuleContext, Severity } from './finding';
import { byPosition, makeFinding, runRule, selectedRules, type AnalyzeOptions } from './analyze';
import { changedWindows, findMojibake, mojibakeRegion, nonAsciiCount, repairsIn, settle, settleStretch, suspiciousWindows, wholeFileVerdict, type MojibakeRepair, type SuspiciousWindows } from './encodings';
import { countScript, type ScriptTarget } from './script';
import { lineKind, lineKinds, knowLineKinds, type LineKinds } from './text/kinds';
import { normalize } from './text/normalize';
import { findRepeats } from './text/winnow';
import { boilerplate, boilerplateReport, removableLines, removedKinds, type RemovableLine } from './rules/boilerplate';
import { coverLines, duplicateBlock, duplicateMinLength, lineSpans, reportDuplicates, scanRepeats, type RepeatScan } from './rules/duplicate-block';
import { allDense, denseLine, flattenedPinyin, findAnnotations, removeAllFix, reportAnnotations, type Annotation } from './rules/flattened-pinyin';
import { halfwidthPunctuation } from './rules/halfwidth-punctuation';
import { foldedMarks, fullQuestionMarks, lostCharacters, mayBeLost } from './rules/lost-characters';
import { mixedScript } from './rules/mixed-script';
import { sumOutsideJapaneseKorean } from './text/japanese-korean';
import { mojibake, repairReport, reportMojibake } from './rules/mojibake';
import { checkBreak, firstChain, strayLineBreak, type Chain } from './rules/stray-line-break';

/** What `analyzeIncremental` keeps between two analyses of a document. */
export interface IncrementalState {
  /** The document analysed. */
  readonly document: NewsDocument;
  readonly findings: readonly Finding[];
}

export interface IncrementalOptions extends AnalyzeOptions {
  readonly uri?: string;
  readonly version?: number;
}

/**
 * Analyses `text`, reusing `previous` (the state of an earlier call on the
 * same document, or undefined for the first). Equal to
 * `analyze(new NewsDocument(text), options)`.
 */
export function analyzeIncremental(
  previous: IncrementalState | undefined,
  text: string,
  options: IncrementalOptions = {},
): { findings: readonly Finding[]; state: IncrementalState } {
  const settings = options.settings ?? resolveSettings();
  const rules = selectedRules(options).filter((r) => settings.ruleSeverity(r.id, r.defaultSeverity));
  const key = settingsKey(settings, rules);
  const before = previous as State | undefined;
  const reusable = before && before.key === key && sameRules(before.rules, rules) ? before : undefined;
  const change = locateChange(reusable?.document, text, options);
  const carry: Carry = { document: change.document, settings, change, previous: reusable, options };
  const data = new Map<string, unknown>();
  const results = rules.map((rule) => (STRATEGIES.get(rule) ?? wholeDocument)(rule, carry, data));
  const { findings, ruleOf, starts, ends } = merge(results, reusable, change.delta);
  const byRule = new Map(rules.map((rule, r) => [rule.id, results[r].findings]));
  return { findings, state: { document: change.document, findings, ruleOf, starts, ends, key, rules, byRule, data } as State };
}

/**
 * The findings of every rule in one list sorted by position, a rule's
 * before the next one's on ties, as analyze's stable sort orders them. The
 * previous findings that are still there (kept, or moved with the text) keep
 * their previous order; the others (few after an edit) are merged by
 * position and put in among them. Positions are kept beside the findings
 * (`Merged`), so that the steps over all findings are loops over numbers.
 */
function merge(results: readonly RuleFindings[], previous: State | undefined, delta: number): Merged {
  const lists = results.map((r) => r.findings);
  const still = stillThere(results, previous, delta);
  const fresh = mergeFresh(results);
  // Where each fresh finding goes: before the first finding still there that comes after it, by
  // position, then rule, and, within a rule, after its kept findings and before its moved ones.
  const at = new Int32Array(fresh.length);
  for (let f = 0, from = 0; f < fresh.length; f++) {
    let lo = from;
    let hi = still.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = still.starts[mid];
      const end = still.ends[mid];
      const r = still.ruleOf[mid];
      const before =
        fresh.starts[f] !== start ? fresh.starts[f] < start : fresh.ends[f] !== end ? fresh.ends[f] < end : fresh.ruleOf[f] !== r ? fresh.ruleOf[f] < r : still.moved[mid] === 1;
      if (before) hi = mid;
      else lo = mid + 1;
    }
    at[f] = from = lo;
  }
  // All findings in one array (the rules' lists come in several shapes, which V8 would keep checking).
  const all = lists.flat();
  const base = new Int32Array(lists.length);
  for (let r = 1; r < lists.length; r++) base[r] = base[r - 1] + lists[r - 1].length;
  const total = still.length + fresh.length;
  const findings = new Array<Finding>(total);
  const ruleOf = new Uint16Array(total);
  const starts = new Int32Array(total);
  const ends = new Int32Array(total);
  for (let o = 0, i = 0, f = 0; o < total; o++) {
    if (f < fresh.length && at[f] === i) {
      ruleOf[o] = fresh.ruleOf[f];
      findings[o] = all[base[fresh.ruleOf[f]] + fresh.index[f]];
      starts[o] = fresh.starts[f];
      ends[o] = fresh.ends[f++];
    } else {
      ruleOf[o] = still.ruleOf[i];
      findings[o] = all[base[still.ruleOf[i]] + still.index[i]];
      starts[o] = still.starts[i];
      ends[o] = still.ends[i++];
    }
  }
  return { findings, ruleOf, starts, ends };
}

/** Findings in order, each with the index of its rule (in `rules`) and its position. */
interface Merged {
  readonly findings: Finding[];
  readonly ruleOf: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Some of the rules' findings, each as its rule and its index in the rule's list, with its position. */
interface Picked {
  readonly ruleOf: Uint16Array;
  readonly index: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Per finding still there: 1 when it moved with the text. */
  readonly moved: Uint8Array;
  readonly length: number;
}

function picked(n: number): Picked {
  return { ruleOf: new Uint16Array(n), index: new Int32Array(n), starts: new Int32Array(n), ends: new Int32Array(n), moved: new Uint8Array(n), length: n };
}

/** The previous findings that are still there (kept, or moved by `delta`), in their order. */
function stillThere(results: readonly RuleFindings[], previous: State | undefined, delta: number): Picked {
  if (!previous) return picked(0);
  const k = results.length;
  const kept = new Int32Array(k);
  const movedFrom = new Int32Array(k); // the first of the rule's previous findings that is moved
  const shift = new Int32Array(k); // how far its moved ones are in the new list
  let n = 0;
  for (let r = 0; r < k; r++) {
    const length = previous.byRule.get(previous.rules[r].id)!.length;
    kept[r] = results[r].kept;
    movedFrom[r] = length - results[r].moved;
    shift[r] = results[r].findings.length - length;
    n += results[r].kept + results[r].moved;
  }
  const out = picked(n);
  const seen = new Int32Array(k);
  for (let i = 0, o = 0; i < previous.ruleOf.length; i++) {
    const r = previous.ruleOf[i];
    const j = seen[r]++;
    if (j >= kept[r] && j < movedFrom[r]) continue;
    const moved = j < kept[r] ? 0 : 1;
    out.ruleOf[o] = r;
    out.index[o] = moved ? j + shift[r] : j;
    out.starts[o] = previous.starts[i] + moved * delta;
    out.ends[o] = previous.ends[i] + moved * delta;
    out.moved[o++] = moved;
  }
  return out;
}

/** The findings of each rule that are not the previous ones, merged by position. */
function mergeFresh(results: readonly RuleFindings[]): Picked {
  const k = results.length;
  let n = 0;
  for (const r of results) n += r.findings.length - r.kept - r.moved;
  const out = picked(n);
  // Their positions, read once.
  const starts = results.map((r) => Int32Array.from(r.findings.slice(r.kept, r.findings.length - r.moved), (f) => f.range.start));
  const ends = results.map((r) => Int32Array.from(r.findings.slice(r.kept, r.findings.length - r.moved), (f) => f.range.end));
  const next = new Int32Array(k);
  for (let o = 0; o < n; o++) {
    let best = -1;
    for (let r = 0; r < k; r++) {
      const i = next[r];
      if (i === starts[r].length) continue;
      if (best < 0 || starts[r][i] < out.starts[o] || (starts[r][i] === out.starts[o] && ends[r][i] < out.ends[o])) {
        best = r;
        out.starts[o] = starts[r][i];
        out.ends[o] = ends[r][i];
      }
    }
    out.ruleOf[o] = best;
    out.index[o] = results[best].kept + next[best]++;
  }
  return out;
}

/**
 * A rule's findings, sorted by position. The first `kept` are the previous
 * analysis's first (where they were), the last `moved` its last (moved with
 * the text after the edit); `kept + moved` is at most the length of either.
 */
interface RuleFindings {
  readonly findings: readonly Finding[];
  readonly kept: number;
  readonly moved: number;
}

/** Findings none of which is known to be a previous one. */
function made(findings: readonly Finding[]): RuleFindings {
  return { findings, kept: 0, moved: 0 };
}

interface State extends IncrementalState {
  /** The settings the findings were made with (see settingsKey). */
  readonly key: string;
  readonly rules: readonly Rule[];
  /** Each rule's findings, sorted by position. */
  readonly byRule: ReadonlyMap<string, readonly Finding[]>;
  /** For each finding, the index of its rule in `rules`, and its position. */
  readonly ruleOf: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** What the strategies carry over besides findings, by rule id. */
  readonly data: Map<string, unknown>;
}

/**
 * The edit between two versions: lines `first..last` of the new document
 * replace lines `first..oldLast` of the old one; everything after them
 * moved by `delta` offsets and `lineDelta` lines. Without an old version,
 * every line is new.
 */
interface Change {
  /** The new document. */
  readonly document: NewsDocument;
  readonly old?: NewsDocument;
  readonly first: number;
  readonly last: number;
  readonly oldLast: number;
  readonly delta: number;
  readonly lineDelta: number;
  /** The text that differs: `[from, oldTo)` of the old text became `[from, newTo)`. */
  readonly from: number;
  readonly oldTo: number;
  readonly newTo: number;
}

interface Carry {
  readonly document: NewsDocument;
  readonly settings: Settings;
  readonly change: Change;
  readonly previous?: State;
  readonly options: AnalyzeOptions;
}

/** Computes one rule's findings and records what the next edit may reuse. */
type Strategy = (rule: Rule, carry: Carry, data: Map<string, unknown>) => RuleFindings;

function locateChange(old: NewsDocument | undefined, text: string, { uri, version }: IncrementalOptions): Change {
  if (!old) {
    const document = new NewsDocument(text, uri, version);
    return { document, first: 0, last: document.lineCount - 1, oldLast: -1, delta: 0, lineDelta: 0, from: 0, oldTo: 0, newTo: text.length };
  }
  const before = old.text;
  const prefix = commonLength(before, text, false);
  const suffix = commonLength(before, text, true, Math.min(before.length, text.length) - prefix);
  const document = old.edited(text, prefix, before.length - suffix, uri, version);
  // A line is unchanged when it lies in the prefix with its line ending and
  // one more character (a `\r` could become `\r\n`), or starts after the
  // start of the suffix (NewsDocument.edited).
  const first = document.lineAt(prefix - 1).index;
  const last = document.lineAt(text.length - suffix).index;
  const lineDelta = document.lineCount - old.lineCount;
  return { document, old, first, last, oldLast: last - lineDelta, delta: text.length - before.length, lineDelta, from: prefix, oldTo: before.length - suffix, newTo: text.length - suffix };
}

/**
 * Length of the common prefix (or suffix) of `a` and `b`, at most `max`.
 * Compares growing slices (string equality is a fast block compare),
 * halving the step on a difference: linear, and far faster than a loop
 * over characters.
 */
function commonLength(a: string, b: string, suffix: boolean, max = Math.min(a.length, b.length)): number {
  const part = (s: string, from: number, to: number) => (suffix ? s.substring(s.length - to, s.length - from) : s.substring(from, to));
  let n = 0;
  let step = 64;
  while (n < max) {
    const to = Math.min(n + step, max);
    if (part(a, n, to) === part(b, n, to)) {
      n = to;
      step *= 2;
    } else if (to - n > 16) step = (to - n) >> 1;
    else {
      const at = (s: string, i: number) => s.charCodeAt(suffix ? s.length - 1 - i : i);
      while (n < max && at(a, n) === at(b, n)) n++;
      return n;
    }
  }
  return n;
}

/** Runs the rule on the whole document. */
const wholeDocument: Strategy = (rule, { document, settings, options }) => made(run(rule, document, settings, options));

function run(rule: Rule, document: NewsDocument, settings: Settings, options: AnalyzeOptions): Finding[] {
  const ctx: RuleContext = Object.freeze({ document, settings });
  return runRule(rule, ctx, settings.ruleSeverity(rule.id, rule.defaultSeverity) as Severity, options.onRuleError).sort(byPosition);
}

interface Locality {
  /** Messages name line numbers: findings after an edit that adds or removes lines are made again. */
  readonly namesLines: boolean;
  /**
   * A document-wide input of the rule, as a string, and the settings that
   * give it to a view; when it changes, the whole document is checked again.
   * Undefined: the lines depend on each other after all (whole document).
   */
  readonly context?: (carry: Carry, data: Map<string, unknown>) => Context | undefined;
}

interface Context {
  readonly value: string;
  readonly settings?: Settings;
}

/**
 * A rule whose findings on a line depend on it alone, given its
 * document-wide context: only the edited lines are checked again.
 */
function local(locality: Locality): Strategy {
  return (rule, carry, data) => {
    const { document, change, previous } = carry;
    let context: Context | undefined = { value: '' };
    if (locality.context) {
      try {
        context = locality.context(carry, data);
      } catch {
        context = undefined; // the rule fails on the whole document too, and says so
      }
    }
    if (!context) return wholeDocument(rule, carry, data);
    data.set(`${rule.id}:context`, context.value);
    const settings = context.settings ?? carry.settings;
    const kept = previous?.byRule.get(rule.id);
    if (!kept || !change.old || previous?.data.get(`${rule.id}:context`) !== context.value) {
      return made(run(rule, document, settings, carry.options));
    }
    const { first } = change;
    const last = locality.namesLines && change.lineDelta !== 0 ? document.lineCount - 1 : change.last;
    const old = change.old;
    const oldLast = last - change.lineDelta;
    const keptBefore = firstAtOrAfter(kept, old.lines[first].start);
    const keptAfter = oldLast + 1 < old.lineCount ? firstAtOrAfter(kept, old.lines[oldLast + 1].start) : kept.length;
    const fresh = checkPart(rule, carry, settings, rule.check, document.view(first, last));
    if (!fresh) return made(run(rule, document, settings, { ...carry.options, onRuleError: undefined }));
    const findings = kept.slice(0, keptBefore);
    for (const f of fresh) findings.push(f);
    pushMoved(findings, kept, keptAfter, kept.length, change.delta);
    return { findings, kept: keptBefore, moved: kept.length - keptAfter };
  };
}

/**
 * The findings of `check` on part of the document (a view, or lines the
 * check picks), sorted by position; undefined when it failed, which is
 * reported. The caller then runs the rule on the whole document, which
 * reports what analyze reports.
 */
function checkPart(rule: Rule, carry: Carry, settings: Settings, check: Rule['check'], document = carry.document): Finding[] | undefined {
  let failed = false;
  const severity = carry.settings.ruleSeverity(rule.id, rule.defaultSeverity) as Severity;
  const fresh = runRule({ ...rule, check }, Object.freeze({ document, settings }), severity, (id, error) => {
    failed = true;
    carry.options.onRuleError?.(id, error);
  });
  return failed ? undefined : fresh.sort(byPosition);
}

/** Index of the first finding that starts at or after `offset` (findings sorted by position). */
function firstAtOrAfter(findings: readonly Finding[], offset: number): number {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid].range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shift(range: Range, delta: number): Range {
  return { start: range.start + delta, end: range.end + delta };
}

/** A finding moved by `delta` offsets; a fix's edits are moved when first read (they may be computed lazily). */
function moved(f: Finding, delta: number): Finding {
  const related = f.related?.map((r) => ({ range: shift(r.range, delta), message: r.message }));
  return makeFinding(f.ruleId, f.severity, f.message, shift(f.range, delta), f.fix && MovedFix.of(f.fix, delta), related);
}

/** The findings `from..to - 1` of `kept`, moved by `delta`, appended to `out`. */
function pushMoved(out: Finding[], kept: readonly Finding[], from: number, to: number, delta: number): void {
  if (delta === 0) {
    for (let i = from; i < to; i++) out.push(kept[i]);
    return;
  }
  for (let i = from; i < to; i++) {
    const f = kept[i];
    const range = { start: f.range.start + delta, end: f.range.end + delta };
    // The commonest findings inline (the same shapes as makeFinding's), the others through moved().
    if (f.related) out.push(moved(f, delta));
    else if (f.fix) out.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, range, fix: MovedFix.of(f.fix, delta) });
    else out.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, range });
  }
}

/**
 * A fix moved by `delta` offsets: the edits of the fix first reported,
 * moved when first read. Moved again and again, it still refers to that
 * fix, not to a chain of moved ones. A class, so that moving the many
 * findings after an edit costs little (its `edits` is a getter of the
 * prototype).
 */
class MovedFix implements Fix {
  private movedEdits: readonly Edit[] | undefined;

  private constructor(
    private readonly origin: Fix,
    private readonly delta: number,
  ) {}

  static of(fix: Fix, delta: number): Fix {
    return fix instanceof MovedFix ? new MovedFix(fix.origin, fix.delta + delta) : new MovedFix(fix, delta);
  }

  get title(): string {
    return this.origin.title;
  }

  get edits(): readonly Edit[] {
    this.movedEdits ??= this.origin.edits.map((e) => ({ range: shift(e.range, this.delta), text: e.text }));
    return this.movedEdits;
  }
}

/** Per-line values carried over an edit: unchanged lines keep theirs, edited lines get `compute`. */
function carryLines<T>(change: Change, document: NewsDocument, old: readonly T[] | undefined, compute: (line: number) => T): T[] {
  if (!old || !change.old) return document.lines.map((l) => compute(l.index));
  const out: T[] = [];
  for (let i = 0; i < change.first; i++) out.push(old[i]); // `old` may be frozen: slice would be slow
  for (let i = change.first; i <= change.last; i++) out.push(compute(i));
  for (let i = change.oldLast + 1; i < old.length; i++) out.push(old[i]);
  return out;
}

/**
 * A count over the text that no line break interrupts (so the document's
 * is the sum of its lines'), carried over an edit: the old total, less the
 * edited lines' old count, plus their new one. The first total is summed
 * line by line too, as the rules count (see foldedMarks on why that
 * matters).
 */
function lineSum(carry: Carry, data: Map<string, unknown>, key: string, count: (text: string, from: number, to: number) => number): number {
  const { document, change, previous } = carry;
  const old = change.old && (previous?.data.get(key) as number | undefined);
  let total = 0;
  if (!change.old || old === undefined) {
    const lines = document.lines;
    for (let i = 0; i < lines.length; i++) total += count(document.text, lines[i].start, lines[i].end);
  }
  else {
    const gone = count(change.old.text, change.old.lines[change.first].start, change.old.lines[change.oldLast].end);
    total = old - gone + count(document.text, document.lines[change.first].start, document.lines[change.last].end);
  }
  data.set(key, total);
  return total;
}

/** lost-characters: whether a `?` may stand for a lost character, from counts carried over. */
function questionContext(carry: Carry, data: Map<string, unknown>): Context {
  const folded = lineSum(carry, data, 'lost-characters:folded', foldedMarks);
  return { value: String(mayBeLost(folded, lineSum(carry, data, 'lost-characters:question', fullQuestionMarks))) };
}

/** mixed-script's target: the setting, or the document's majority script from counts carried over. */
function scriptContext(carry: Carry, data: Map<string, unknown>): Context | undefined {
  const { settings } = carry;
  const setting = settings.get('newsclean.script.target') ?? 'auto';
  // Protected terms that span lines would make lines depend on each other.
  if ((settings.get('newsclean.script.protectedTerms') ?? []).some((t) => /[\r\n]/.test(t))) return undefined;
  if (setting !== 'auto') return { value: setting };
  // Japanese and Korean text counts for neither script, as in the rule.
  const hans = lineSum(carry, data, 'mixed-script:hans', (text, from, to) => sumOutsideJapaneseKorean(text, from, to, (a, b) => countScript(text, a, b).hans));
  const hant = lineSum(carry, data, 'mixed-script:hant', (text, from, to) => sumOutsideJapaneseKorean(text, from, to, (a, b) => countScript(text, a, b).hant));
  // All one script (or none): nothing is mixed, and the rule reports nothing
  // (on a view of such a document too: it cannot hold both scripts either).
  const target: ScriptTarget | undefined = hans === 0 || hant === 0 ? undefined : hant > hans ? 'zh-TW' : 'zh-Hans';
  return { value: target ?? 'none', settings: target && withSetting(settings, 'newsclean.script.target', target) };
}

/**
 * stray-line-break: the breaks after the edit are checked again until the
 * chain a line leaves for the next (see checkBreak) is as it was; the
 * findings of the other breaks are kept. Per line, the chain after it and
 * whether the break before it was reported are carried over.
 */
const breaks: Strategy = (rule, carry, data) => {
  const { document, change, previous } = carry;
  const lines = document.lines;
  const old = change.old && (previous?.data.get(rule.id) as Uint8Array | undefined);
  const kept = previous?.byRule.get(rule.id);
  const states = new Uint8Array(lines.length);
  const reuse = old && kept && change.old;
  const from = reuse ? Math.max(1, change.first) : 1;
  // Where the old breaks go on as they were (lines.length: none do).
  let resume = lines.length;
  const check: Rule['check'] = (ctx, report) => {
    let chain: Chain;
    if (reuse && change.first > 0) {
      states.set(old.subarray(0, from));
      chain = states[from - 1] & CHAIN;
    } else chain = states[0] = firstChain(lines[0]);
    let reported = false;
    const note = (r: Parameters<typeof report>[0]) => {
      reported = true;
      report(r);
    };
    for (let i = from; i < lines.length; i++) {
      // Line numbers in messages: after an edit that adds or removes lines, every later break is made again.
      if (reuse && change.lineDelta === 0 && i > change.last + 1 && chain === (old[i - 1] & CHAIN)) {
        resume = i;
        states.set(old.subarray(i), i);
        break;
      }
      reported = false;
      chain = checkBreak(document, i, chain, note);
      states[i] = chain | (reported ? REPORTED : 0);
    }
    data.set(rule.id, states); // only when the check went through
  };
  if (!reuse) return made(run({ ...rule, check }, document, carry.settings, carry.options));
  const fresh = checkPart(rule, carry, carry.settings, check);
  if (!fresh) return made(run(rule, document, carry.settings, { ...carry.options, onRuleError: undefined }));
  const reportedBefore = (states: Uint8Array, end: number) => {
    let n = 0;
    for (let i = 1; i < end; i++) if (states[i] & REPORTED) n++;
    return n;
  };
  const keptBefore = reportedBefore(old, from);
  const keptAfter = resume < lines.length ? reportedBefore(old, resume) : kept.length;
  const findings = kept.slice(0, keptBefore);
  for (const f of fresh) findings.push(f);
  pushMoved(findings, kept, keptAfter, kept.length, change.delta);
  return { findings, kept: keptBefore, moved: kept.length - keptAfter };
};

/** The bits of a stray-line-break state that hold the chain, and the one that says the break before the line was reported. */
const CHAIN = 3;
const REPORTED = 4;

function withSetting(settings: Settings, key: SettingKey, value: unknown): Settings {
  return Object.freeze({
    get: ((k: SettingKey) => (k === key ? value : settings.get(k))) as Settings['get'],
    ruleSeverity: (id: string, severity: Severity) => settings.ruleSeverity(id, severity),
    cleans: (id: string, safe: boolean) => settings.cleans(id, safe),
  });
}

/**
 * Runs `rule` on the whole document with a check that computes its data
 * (carried over where possible) and reports from it; inside the check, so
 * that a failure is reported as `analyze` reports it (and nothing is kept).
 */
function withData<T>(compute: (carry: Carry, old: T | undefined) => T, report: (ctx: RuleContext, data: T, report: Parameters<Rule['check']>[1]) => void): Strategy {
  return (rule, carry, data) => {
    const old = carry.change.old ? (carry.previous?.data.get(rule.id) as T | undefined) : undefined;
    const check: Rule['check'] = (ctx, r) => {
      const value = compute(carry, old);
      data.set(rule.id, value);
      report(ctx, value, r);
    };
    return made(run({ ...rule, check }, carry.document, carry.settings, carry.options));
  };
}

/**
 * flattened-pinyin: the annotations are found per line and carried over
 * with their lines. When all of them are dense before and after the edit,
 * a line's finding depends on its annotations alone besides the one fix
 * that removes them all: the findings of unchanged lines are kept with the
 * new fix. Otherwise the findings are made from all annotations again.
 */
const annotations: Strategy = (rule, carry, data) => {
  const { document, change, previous } = carry;
  const lines = document.lines;
  const old = change.old && (previous?.data.get(rule.id) as Annotated | undefined);
  const kept = previous?.byRule.get(rule.id);
  let annotated: Annotated | undefined;
  /** The annotations of lines `first..last` (the whole document without an old state). */
  const find = (first: number, last: number): Annotated => {
    const byLine = new Array<AnnotatedLine | undefined>(last - first + 1);
    let count = 0;
    for (const a of findAnnotations(document.view(first, last))) {
      const i = a.line - first;
      if (byLine[i]) (byLine[i].list as Annotation[]).push(a);
      else byLine[i] = { list: [a], lineStart: lines[a.line].start };
      count++;
    }
    return { byLine, count };
  };
  /** Every annotation, where it is now. */
  const all = function* (): Generator<Annotation> {
    for (let i = 0; i < lines.length; i++) {
      const e = annotated!.byLine[i];
      if (!e) continue;
      const shift = lines[i].start - e.lineStart;
      for (const a of e.list) yield shift === 0 ? a : { ...a, start: a.start + shift, end: a.end + shift, line: i };
    }
  };
  // All dense before and after: the findings of unchanged lines are kept.
  const canReuse = !!(old && kept && change.old && allDense(old.count));
  let reused = false;
  let fix: Fix | undefined;
  const check: Rule['check'] = (ctx, report) => {
    if (!old || !change.old) annotated = find(0, lines.length - 1);
    else {
      const edited = find(change.first, change.last);
      let count = old.count + edited.count;
      for (let i = change.first; i <= change.oldLast; i++) count -= old.byLine[i]?.list.length ?? 0;
      const byLine: (AnnotatedLine | undefined)[] = old.byLine.slice(0, change.first);
      for (const e of edited.byLine) byLine.push(e);
      for (let i = change.oldLast + 1; i < old.byLine.length; i++) byLine.push(old.byLine[i]);
      annotated = { byLine, count };
    }
    reused = canReuse && allDense(annotated.count);
    if (!reused) reportAnnotations(document, [...all()], report);
    else {
      fix = removeAllFix(annotated.count, all);
      // Messages name lines: after an edit that adds or removes lines, the later findings are made again.
      const to = change.lineDelta === 0 ? change.last : lines.length - 1;
      for (let i = change.first; i <= to; i++) {
        const e = annotated.byLine[i];
        if (e) report(denseLine(i, e.list, fix, lines[i].start - e.lineStart));
      }
    }
    data.set(rule.id, annotated);
  };
  if (!canReuse) return made(run({ ...rule, check }, document, carry.settings, carry.options));
  const fresh = checkPart(rule, carry, carry.settings, check);
  if (!fresh) return made(run(rule, document, carry.settings, { ...carry.options, onRuleError: undefined }));
  if (!reused) return made(fresh);
  const oldLines = change.old!.lines;
  const keptBefore = firstAtOrAfter(kept, oldLines[change.first].start);
  const keptAfter = change.lineDelta === 0 && change.oldLast + 1 < oldLines.length ? firstAtOrAfter(kept, oldLines[change.oldLast + 1].start) : kept.length;
  const findings: Finding[] = [];
  for (let i = 0; i < keptBefore; i++) findings.push(withFix(kept[i], kept[i].range, fix!));
  for (const f of fresh) findings.push(f);
  for (let i = keptAfter; i < kept.length; i++) findings.push(withFix(kept[i], shift(kept[i].range, change.delta), fix!));
  return { findings, kept: keptBefore, moved: kept.length - keptAfter };
};

/** flattened-pinyin's annotations, by line. */
interface Annotated {
  readonly byLine: readonly (AnnotatedLine | undefined)[];
  readonly count: number;
}

interface AnnotatedLine {
  readonly list: readonly Annotation[];
  /** Where the line started when they were found (they move with it). */
  readonly lineStart: number;
}

/** A finding with another range and fix. */
function withFix(f: Finding, range: Range, fix: Fix): Finding {
  return makeFinding(f.ruleId, f.severity, f.message, range, fix);
}

/**
 * mojibake: the scan's repairs of the lines around the edit are found again
 * (a run of damage never holds a line break), those of the other lines are
 * kept; then settle (which may join repairs with their neighbours) makes
 * its repairs again on a stretch around them that it reads apart from the
 * rest (settleStretch). The findings of the other repairs are kept while
 * the document is not mojibake as a whole (its non-ASCII count is carried
 * over).
 */
const repairs: Strategy = (rule, carry, data) => {
  const { document, change, previous } = carry;
  const text = document.text;
  const old = change.old && (previous?.data.get(rule.id) as Repairs | undefined);
  const kept = previous?.byRule.get(rule.id);
  let reuse: { before: number; after: number } | undefined;
  const check: Rule['check'] = (ctx, report) => {
    const nonAscii = lineSum(carry, data, 'mojibake:nonAscii', nonAsciiCount);
    let scan: MojibakeRepair[];
    let found: MojibakeRepair[];
    let settled: MojibakeRepair[] = [];
    let before = 0;
    let after = 0;
    if (!old || !change.old) {
      scan = findMojibake(text, 0, false);
      found = settle(text, scan, 0, text.length);
    } else {
      const { start, end, oldEnd, windows } = rereadStretch(change);
      scan = old.scan.slice(0, firstRepairFrom(old.scan, start));
      for (const r of repairsIn(text, windows, start, end, 0, false)) scan.push(r);
      for (let i = firstRepairFrom(old.scan, oldEnd); i < old.scan.length; i++) scan.push(moveRepair(old.scan[i], change.delta));
      // Its gaps lie where the old text and the new one are the same: before the edit, and after it.
      const stretch = settleStretch(text, scan, start, Math.max(end, change.newTo));
      before = firstRepairFrom(old.repairs, stretch.start);
      after = old.repairs.length - firstRepairFrom(old.repairs, stretch.end - change.delta);
      settled = settle(text, scan.slice(firstRepairFrom(scan, stretch.start), firstRepairFrom(scan, stretch.end)), stretch.start, stretch.end);
      found = old.repairs.slice(0, before);
      for (const r of settled) found.push(r);
      for (let i = old.repairs.length - after; i < old.repairs.length; i++) found.push(moveRepair(old.repairs[i], change.delta));
    }
    const whole = wholeFileVerdict(text, found, nonAscii) !== undefined;
    if (old && !old.whole && !whole) {
      for (const r of settled) report(repairReport(r));
      reuse = { before, after };
    } else reportMojibake(document, found, report, nonAscii);
    data.set(rule.id, { scan, repairs: found, whole } satisfies Repairs); // only when every finding was made
  };
  if (!old || !kept || !change.old) return made(run({ ...rule, check }, document, carry.settings, carry.options));
  const fresh = checkPart(rule, carry, carry.settings, check);
  if (!fresh) return made(run(rule, document, carry.settings, { ...carry.options, onRuleError: undefined }));
  if (!reuse) return made(fresh);
  // Not mojibake as a whole before and after: one finding per repair, in order.
  const findings = kept.slice(0, reuse.before);
  for (const f of fresh) findings.push(f);
  pushMoved(findings, kept, kept.length - reuse.after, kept.length, change.delta);
  return { findings, kept: reuse.before, moved: reuse.after };
};

/** mojibake's repairs as the scan found them and as settle made them, and whether they made the document mojibake as a whole. */
interface Repairs {
  readonly scan: readonly MojibakeRepair[];
  readonly repairs: readonly MojibakeRepair[];
  readonly whole: boolean;
}

/** Index of the first repair that starts at or after `offset` (repairs in order). */
function firstRepairFrom(repairs: readonly MojibakeRepair[], offset: number): number {
  let lo = 0;
  let hi = repairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (repairs[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The lines whose repairs an edit may change, as `[start, end)` of the new
 * text and the end of the same lines in the old one, with the windows
 * findMojibake reads them in: the edited lines, and those that a window
 * changed by the edit reaches into (changedWindows).
 */
function rereadStretch(change: Change): { start: number; end: number; oldEnd: number; windows: SuspiciousWindows } {
  const { document, from, oldTo, newTo } = change;
  const old = change.old!;
  const changed = changedWindows(old.text, document.text, from, oldTo, newTo);
  const first = Math.min(change.first, document.lineAt(changed.start).index);
  const last = Math.max(change.last, document.lineAt(changed.end - 1).index);
  const oldLast = last > change.last ? last - change.lineDelta : change.oldLast;
  const start = document.lines[first].start;
  const end = document.lines[last].end;
  // The lines may reach out of the region: their windows are those of a region around them.
  const around = mojibakeRegion(document.text, start, end);
  return { start, end, oldEnd: old.lines[oldLast].end, windows: suspiciousWindows(document.text, around.start, around.end) };
}

function moveRepair(r: MojibakeRepair, delta: number): MojibakeRepair {
  return { ...r, start: r.start + delta, end: r.end + delta };
}

/**
 * boilerplate: the kind of each line is carried over. A line's finding
 * depends on its text, its kind, its neighbours (where a removal may end)
 * and, for removals at the end, on the lines after it: the findings of
 * lines away from the edit whose entries are as they were are kept.
 */
const boilerplateLines: Strategy = (rule, carry, data) => {
  const { document, change, previous } = carry;
  const lines = document.lines;
  const old = change.old && (previous?.data.get(rule.id) as Boilerplate | undefined);
  const kept = previous?.byRule.get(rule.id);
  const remove = removedKinds(carry.settings);
  let entries: readonly RemovableLine[] = [];
  /** For each entry, the index of the old one (and finding) it repeats, or -1. */
  let same: Int32Array | undefined;
  const check: Rule['check'] = (ctx, report) => {
    if (old) knowLineKinds(document, carryLines(change, document, old.kinds, (i) => lineKind(lines[i])));
    const kinds = lineKinds(document);
    entries = removableLines(document, remove);
    if (!old || !kept || !change.old) {
      for (const e of entries) report(boilerplateReport(document, e, remove));
      data.set(rule.id, { kinds, entries } satisfies Boilerplate); // only when every finding was made
      return;
    }
    const oldLines = change.old.lines;
    same = new Int32Array(entries.length).fill(-1);
    for (let k = 0, o = 0; k < entries.length; k++) {
      const e = entries[k];
      const i = e.line;
      // Away from the edit: the line, and what its removal depends on, unchanged. Before the edit, that is
      // the line after it up to its first character; after it, the end of the line before it too.
      if (i < change.first || i >= change.last + 2) {
        const oi = i < change.first ? i : i - change.lineDelta;
        while (o < old.entries.length && old.entries[o].line < oi) o++;
        const p = old.entries[o];
        if (
          p?.line === oi &&
          p.kind === e.kind &&
          p.whole === e.whole &&
          p.removedAfter === e.removedAfter &&
          // A removal at the end depends on the last line.
          (!e.removedAfter || i > change.last) &&
          // The fix's title names the line.
          (i < change.first || change.lineDelta === 0 || !e.whole) &&
          (e.whole || (p.range!.start - oldLines[oi].start === e.range!.start - lines[i].start && p.range!.end - p.range!.start === e.range!.end - e.range!.start))
        ) {
          same[k] = o;
          continue;
        }
      }
      report(boilerplateReport(document, e, remove));
    }
    data.set(rule.id, { kinds, entries } satisfies Boilerplate);
  };
  if (!old || !kept || !change.old) return made(run({ ...rule, check }, document, carry.settings, carry.options));
  const fresh = checkPart(rule, carry, carry.settings, check);
  if (!fresh || !same) return made(run(rule, document, carry.settings, { ...carry.options, onRuleError: undefined }));
  const findings: Finding[] = [];
  let keptBefore = 0; // the first findings, the old ones where they were
  let movedAfter = 0; // the last ones, the old last ones moved
  for (let k = 0, n = 0; k < entries.length; k++) {
    const o = same[k];
    if (o < 0) findings.push(fresh[n++]);
    else findings.push(entries[k].line < change.first || change.delta === 0 ? kept[o] : moved(kept[o], change.delta));
    if (o === k && keptBefore === k && entries[k].line < change.first) keptBefore++;
    movedAfter = o >= 0 && entries[k].line > change.last && kept.length - o === entries.length - k ? movedAfter + 1 : 0;
  }
  return { findings, kept: keptBefore, moved: Math.min(movedAfter, kept.length - keptBefore, findings.length - keptBefore) };
};

/** boilerplate's line kinds and lines. */
interface Boilerplate {
  readonly kinds: LineKinds;
  readonly entries: readonly RemovableLine[];
}

/**
 * duplicate-block: the normalised stream of unchanged lines is carried over
 * (it never crosses a line break), and the repeats too when the edit left
 * the stream as it was (punctuation, white space, line breaks): then only
 * the edited lines' coverage is found again. The runs of lines and the
 * findings are made again on the whole document, from that data.
 */
const duplicates = withData<RepeatScan>(
  ({ document, change, settings }, old) => (old && change.old ? carryScan(old, change, duplicateMinLength(settings)) : scanRepeats(document, duplicateMinLength(settings))),
  (ctx, scan, report) => reportDuplicates(ctx, scan, report),
);

/** The scan of the new text from the old one: only the edited lines are normalised again. */
function carryScan(old: RepeatScan, change: Change, minLength: number): RepeatScan {
  const { document, first, last, oldLast, lineDelta } = change;
  const lines = document.lines;
  const a = old.spans[2 * first];
  const b = old.spans[2 * oldLast + 1];
  const middle = normalize(document.text, lines[first].start, lines[last].end);
  // How far the stream of the lines after the edit moved.
  const moved = middle.length - (b - a);
  let same = moved === 0;
  for (let i = 0; same && i < middle.length; i++) same = middle.codes[i] === old.codes[a + i];
  const spans = new Int32Array(2 * lines.length);
  spans.set(old.spans.subarray(0, 2 * first));
  const edited = new Int32Array(middle.length);
  lineSpans(lines, first, last, middle, a, spans, edited);
  for (let i = last + 1; i < lines.length; i++) {
    spans[2 * i] = old.spans[2 * (i - lineDelta)] + moved;
    spans[2 * i + 1] = old.spans[2 * (i - lineDelta) + 1] + moved;
  }
  const splice = (array: Int32Array, part: Int32Array): Int32Array => {
    const out = new Int32Array(array.length + moved);
    out.set(array.subarray(0, a));
    out.set(part, a);
    out.set(array.subarray(b), a + part.length);
    return out;
  };
  const codes = same ? old.codes : splice(old.codes, middle.codes);
  // Columns of unchanged lines are as they were, the edited lines' may be too.
  const columns = same && edited.every((c, i) => c === old.columns[a + i]) ? old.columns : splice(old.columns, edited);
  const covered = new Uint8Array(lines.length);
  if (!same) {
    const repeats = findRepeats(codes, { minLength });
    coverLines(spans, repeats, 0, lines.length, covered);
    return { codes, columns, spans, repeats, covered };
  }
  // The same stream, the same repeats: lines away from the edit are covered as they were.
  covered.set(old.covered.subarray(0, first));
  covered.set(old.covered.subarray(oldLast + 1), last + 1);
  coverLines(spans, old.repeats, first, last + 1, covered);
  return { codes, columns, spans, repeats: old.repeats, covered };
}

const STRATEGIES = new Map<Rule, Strategy>([
  [duplicateBlock, duplicates],
  [halfwidthPunctuation, local({ namesLines: false })],
  [lostCharacters, local({ namesLines: false, context: questionContext })],
  [mixedScript, local({ namesLines: true, context: scriptContext })],
  [strayLineBreak, breaks],
  [flattenedPinyin, annotations],
  [mojibake, repairs],
  [boilerplate, boilerplateLines],
]);

/** Everything the findings depend on besides the text: every setting and each rule's severity. */
function settingsKey(settings: Settings, rules: readonly Rule[]): string {
  const values = Object.keys(SETTINGS).map((k) => settings.get(k as SettingKey));
  return JSON.stringify([values, rules.map((r) => [r.id, settings.ruleSeverity(r.id, r.defaultSeverity)])]);
}

function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}
