/**
 * Analysis after an edit that reuses what the analysis before it found. Its
 * findings always equal `analyze` on the new text; only the work differs.
 *
 * The edit is located as the common prefix and suffix of the old and the new
 * text: the lines wholly inside them are unchanged, those after the edit
 * moved by the same offset (and maybe number of lines). Each rule is carried
 * over according to what its findings depend on (`STRATEGIES`):
 *
 *  - a line alone (halfwidth-punctuation, lost-characters, mixed-script) or a
 *    block of non-blank lines alone (stray-line-break): the edited lines or
 *    blocks are checked again on a view of the new document and the findings
 *    of the others are kept, moved. A rule whose messages name lines checks
 *    everything after an edit that adds or removes lines. A document-wide
 *    input (mixed-script's majority script, whether lost-characters may read
 *    `?` as a lost character) is recomputed; when it changes, the rule runs
 *    on the whole document again.
 *  - per-line data with a document-wide verdict: flattened-pinyin's
 *    annotations, mojibake's repairs (those outside the stretch of text
 *    around the edit that findMojibake judges on its own) and boilerplate's
 *    line kinds are carried over, and the rule makes its findings from them
 *    on the whole new document.
 *  - duplicate-block keeps the normalised text of unchanged lines, and its
 *    repeats when the edit did not change that text (punctuation, spaces,
 *    line breaks); otherwise it looks for repeats in the whole text again.
 *  - anything else (rules outside the registry): the rule runs on the
 *    whole document again.
 */
import { NewsDocument, type Range } from './document';
import { SETTINGS, resolveSettings, type SettingKey, type Settings } from './config';
import type { Finding, Fix, Rule, RuleContext, Severity } from './finding';
import { byPosition, runRule, selectedRules, type AnalyzeOptions } from './analyze';
import { findMojibake, mojibakeRegion, type MojibakeRepair } from './encodings';
import { countScript, type ScriptTarget } from './script';
import { lineKind, lineKinds, knowLineKinds, type LineKinds } from './text/kinds';
import { normalize, streamIndexAt, type NormalizedStream } from './text/normalize';
import { findRepeats } from './text/winnow';
import { boilerplate } from './rules/boilerplate';
import { duplicateBlock, duplicateMinLength, reportDuplicates, scanRepeats, type RepeatScan } from './rules/duplicate-block';
import { flattenedPinyin, findAnnotations, reportAnnotations, type Annotation } from './rules/flattened-pinyin';
import { halfwidthPunctuation } from './rules/halfwidth-punctuation';
import { lostCharacters, questionMarksMayBeLost } from './rules/lost-characters';
import { mixedScript } from './rules/mixed-script';
import { mojibake, reportMojibake } from './rules/mojibake';
import { strayLineBreak } from './rules/stray-line-break';

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
  const document = new NewsDocument(text, options.uri, options.version);
  const carry: Carry = { document, settings, change: locateChange(reusable?.document, document), previous: reusable, options };
  const byRule = new Map<string, readonly Finding[]>();
  const data = new Map<string, unknown>();
  for (const rule of rules) byRule.set(rule.id, (STRATEGIES.get(rule) ?? wholeDocument)(rule, carry, data));
  // The rules' order for ties, as analyze (a stable sort).
  const findings: Finding[] = [];
  for (const list of byRule.values()) for (const f of list) findings.push(f);
  findings.sort(byPosition);
  return { findings, state: { document, findings, key, rules, byRule, data } as State };
}

interface State extends IncrementalState {
  /** The settings the findings were made with (see settingsKey). */
  readonly key: string;
  readonly rules: readonly Rule[];
  /** Each rule's findings, sorted by position. */
  readonly byRule: ReadonlyMap<string, readonly Finding[]>;
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

/** Computes one rule's findings (sorted by position) and records what the next edit may reuse. */
type Strategy = (rule: Rule, carry: Carry, data: Map<string, unknown>) => readonly Finding[];

function locateChange(old: NewsDocument | undefined, doc: NewsDocument): Change {
  const text = doc.text;
  if (!old) return { first: 0, last: doc.lineCount - 1, oldLast: -1, delta: 0, lineDelta: 0, from: 0, oldTo: 0, newTo: text.length };
  const before = old.text;
  const shorter = Math.min(before.length, text.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  // A line is unchanged when it lies in the prefix with its line ending and
  // one more character (a `\r` could become `\r\n`), or starts after the
  // start of the suffix.
  const first = doc.lineAt(prefix - 1).index;
  const last = doc.lineAt(text.length - suffix).index;
  const lineDelta = doc.lineCount - old.lineCount;
  return { old, first, last, oldLast: last - lineDelta, delta: text.length - before.length, lineDelta, from: prefix, oldTo: before.length - suffix, newTo: text.length - suffix };
}

/** Runs the rule on the whole document. */
const wholeDocument: Strategy = (rule, { document, settings, options }) => run(rule, document, settings, options);

function run(rule: Rule, document: NewsDocument, settings: Settings, options: AnalyzeOptions): Finding[] {
  const ctx: RuleContext = Object.freeze({ document, settings });
  return runRule(rule, ctx, settings.ruleSeverity(rule.id, rule.defaultSeverity) as Severity, options.onRuleError).sort(byPosition);
}

interface Locality {
  /** What the findings of a line depend on: the line, or its block of non-blank lines. */
  readonly unit: 'line' | 'block';
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
 * A rule whose findings on a line (or block) depend on it alone, given its
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
      return run(rule, document, settings, carry.options);
    }
    const lines = document.lines;
    let { first, last } = change;
    if (locality.unit === 'block') {
      while (first > 0 && !lines[first - 1].blank) first--;
      while (last < lines.length - 1 && !lines[last + 1].blank) last++;
    }
    if (locality.namesLines && change.lineDelta !== 0) last = lines.length - 1;
    const old = change.old;
    const oldLast = last - change.lineDelta;
    const keptBefore = firstAtOrAfter(kept, old.lines[first].start);
    const keptAfter = oldLast + 1 < old.lineCount ? firstAtOrAfter(kept, old.lines[oldLast + 1].start) : kept.length;
    let failed = false;
    const fresh = runRule(rule, Object.freeze({ document: document.view(first, last), settings }), carry.settings.ruleSeverity(rule.id, rule.defaultSeverity) as Severity, (id, error) => {
      failed = true;
      carry.options.onRuleError?.(id, error);
    });
    // A rule that failed on the view reports what it reports on the whole document.
    if (failed) return run(rule, document, settings, { ...carry.options, onRuleError: undefined });
    fresh.sort(byPosition);
    const findings = kept.slice(0, keptBefore);
    for (const f of fresh) findings.push(f);
    for (let i = keptAfter; i < kept.length; i++) findings.push(moved(kept[i], change.delta));
    return findings;
  };
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
  return {
    ...f,
    range: shift(f.range, delta),
    ...(f.fix && { fix: movedFix(f.fix, delta) }),
    ...(f.related && { related: f.related.map((r) => ({ ...r, range: shift(r.range, delta) })) }),
  };
}

function movedFix(fix: Fix, delta: number): Fix {
  // Moved again and again, a fix still refers to the one first reported.
  const from = movedFrom.get(fix);
  const origin = from?.fix ?? fix;
  const total = delta + (from?.delta ?? 0);
  let edits: Fix['edits'] | undefined;
  const moved: Fix = {
    title: fix.title,
    get edits() {
      edits ??= origin.edits.map((e) => ({ ...e, range: shift(e.range, total) }));
      return edits;
    },
  };
  movedFrom.set(moved, { fix: origin, delta: total });
  return moved;
}

const movedFrom = new WeakMap<Fix, { fix: Fix; delta: number }>();

/** Per-line values carried over an edit: unchanged lines keep theirs, edited lines get `compute`. */
function carryLines<T>(change: Change, document: NewsDocument, old: readonly T[] | undefined, compute: (line: number) => T): T[] {
  if (!old || !change.old) return document.lines.map((l) => compute(l.index));
  const out = old.slice(0, change.first);
  for (let i = change.first; i <= change.last; i++) out.push(compute(i));
  for (let i = change.oldLast + 1; i < old.length; i++) out.push(old[i]);
  return out;
}

/** mixed-script's target: the setting, or the document's majority script from per-line counts. */
function scriptContext(carry: Carry, data: Map<string, unknown>): Context | undefined {
  const { settings, document, change, previous } = carry;
  const setting = settings.get('newsclean.script.target') ?? 'auto';
  // Protected terms that span lines would make lines depend on each other.
  if ((settings.get('newsclean.script.protectedTerms') ?? []).some((t) => /[\r\n]/.test(t))) return undefined;
  if (setting !== 'auto') return { value: setting };
  const text = document.text;
  const counts = carryLines(change, document, previous?.data.get('mixed-script:counts') as readonly Counts[] | undefined, (i) => {
    const line = document.lines[i];
    return countScript(text, line.start, line.end);
  });
  data.set('mixed-script:counts', counts);
  let hans = 0;
  let hant = 0;
  for (const c of counts) {
    hans += c.hans;
    hant += c.hant;
  }
  // All one script (or none): nothing is mixed, and the rule reports nothing
  // (on a view of such a document too: it cannot hold both scripts either).
  const target: ScriptTarget | undefined = hans === 0 || hant === 0 ? undefined : hant > hans ? 'zh-TW' : 'zh-Hans';
  return { value: target ?? 'none', settings: target && withSetting(settings, 'newsclean.script.target', target) };
}

interface Counts {
  readonly hans: number;
  readonly hant: number;
}

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
    return run({ ...rule, check }, carry.document, carry.settings, carry.options);
  };
}

/** flattened-pinyin: annotations are found per line; the findings are made from all of them. */
const annotations = withData<Annotation[]>(
  ({ document, change }, old) => {
    if (!old) return findAnnotations(document);
    const found = old.filter((a) => a.line < change.first);
    for (const a of findAnnotations(document.view(change.first, change.last))) found.push(a);
    for (const a of old) if (a.line > change.oldLast) found.push({ ...a, start: a.start + change.delta, end: a.end + change.delta, line: a.line + change.lineDelta });
    return found;
  },
  (ctx, found, report) => reportAnnotations(ctx.document, found, report),
);

/** mojibake: the repairs away from the edit are kept; the stretch around it is read again. */
const repairs = withData<MojibakeRepair[]>(
  ({ document, change }, old) => {
    if (!old || !change.old) return findMojibake(document.text);
    const { start, end } = mojibakeRegion(document.text, change.from, change.newTo);
    const oldEnd = end - change.delta;
    const before = old.filter((r) => r.end <= start);
    const after = old.filter((r) => r.start >= oldEnd);
    const found = [...before, ...findMojibake(document.text.slice(start, end)).map((r) => moveRepair(r, start))];
    for (const r of after) found.push(moveRepair(r, change.delta));
    return found;
  },
  (ctx, found, report) => reportMojibake(ctx.document, found, report),
);

function moveRepair(r: MojibakeRepair, delta: number): MojibakeRepair {
  return { ...r, start: r.start + delta, end: r.end + delta };
}

/** boilerplate: the kind of each line is carried over; the rule then runs cheaply on the whole document. */
const kinds = withData<LineKinds>(
  ({ document, change }, old) => {
    if (old) knowLineKinds(document, carryLines(change, document, old, (i) => lineKind(document.lines[i])));
    return lineKinds(document);
  },
  (ctx, _kinds, report) => boilerplate.check(ctx, report),
);

/**
 * duplicate-block: the normalised stream of unchanged lines is carried over
 * (it never crosses a line break), and the repeats too when the edit left
 * the stream as it was (punctuation, white space, line breaks); the runs
 * of lines and the findings are made again on the whole document.
 */
const duplicates = withData<RepeatScan>(
  ({ document, change, settings }, old) => {
    const minLength = duplicateMinLength(settings);
    if (!old || !change.old) return scanRepeats(document.text, minLength);
    const { stream, same } = carryStream(old.stream, change, document);
    return { stream, repeats: same ? old.repeats : findRepeats(stream.codes, { minLength }) };
  },
  (ctx, scan, report) => reportDuplicates(ctx, scan, report),
);

/** The stream of the new text from the old one: only the edited lines are normalised again. */
function carryStream(old: NormalizedStream, change: Change, document: NewsDocument): { stream: NormalizedStream; same: boolean } {
  const before = change.old!;
  const lineStart = (doc: NewsDocument, line: number) => (line < doc.lineCount ? doc.lines[line].start : doc.text.length);
  const a = streamIndexAt(old, lineStart(before, change.first));
  const b = streamIndexAt(old, lineStart(before, change.oldLast + 1));
  const middle = normalize(document.text, lineStart(document, change.first), lineStart(document, change.last + 1));
  const length = a + middle.length + (old.length - b);
  const codes = new Int32Array(length);
  const starts = new Int32Array(length);
  codes.set(old.codes.subarray(0, a));
  starts.set(old.starts.subarray(0, a));
  codes.set(middle.codes, a);
  starts.set(middle.starts, a);
  codes.set(old.codes.subarray(b), a + middle.length);
  for (let i = b, j = a + middle.length; i < old.length; i++, j++) starts[j] = old.starts[i] + change.delta;
  let same = middle.length === b - a;
  for (let i = 0; same && i < middle.length; i++) same = middle.codes[i] === old.codes[a + i];
  return { stream: { codes, starts, length }, same };
}

const STRATEGIES = new Map<Rule, Strategy>([
  [duplicateBlock, duplicates],
  [halfwidthPunctuation, local({ unit: 'line', namesLines: false })],
  [
    lostCharacters,
    local({ unit: 'line', namesLines: false, context: ({ document }) => ({ value: String(questionMarksMayBeLost(document.text)) }) }),
  ],
  [mixedScript, local({ unit: 'line', namesLines: true, context: scriptContext })],
  [strayLineBreak, local({ unit: 'block', namesLines: true })],
  [flattenedPinyin, annotations],
  [mojibake, repairs],
  [boilerplate, kinds],
]);

/** Everything the findings depend on besides the text: every setting and each rule's severity. */
function settingsKey(settings: Settings, rules: readonly Rule[]): string {
  const values = Object.keys(SETTINGS).map((k) => settings.get(k as SettingKey));
  return JSON.stringify([values, rules.map((r) => [r.id, settings.ruleSeverity(r.id, r.defaultSeverity)])]);
}

function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}
