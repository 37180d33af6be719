import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  NewsDocument,
  RULES,
  analyze,
  applyFixes,
  fixAll,
  parseOutline,
  type Edit,
  type Finding,
  type Fix,
  type OutlineEntry,
  type Range,
  type Report,
  type Rule,
} from '../../../../src/core';
import { documents } from './documents';

/**
 * The engine's invariants over generated documents. Each property is a
 * predicate over one generated value that throws (an assertion) when an
 * invariant does not hold; the suite and `npm run fuzz` run them, in worker
 * threads, with fast-check.
 */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Not between the two halves of a surrogate pair. */
function onBoundary(text: string, offset: number): boolean {
  return !(isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1)));
}

function checkRange(text: string, r: Range, what: string): void {
  assert.ok(
    Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= text.length,
    `${what}: range ${JSON.stringify(r)} is not inside the text (length ${text.length})`,
  );
  assert.ok(onBoundary(text, r.start) && onBoundary(text, r.end), `${what}: range ${JSON.stringify(r)} splits a surrogate pair`);
}

/**
 * Two edits that overlap (written here afresh, not taken from fix.ts): they
 * share a code unit, or two insertions, or an insertion and the start of a
 * replacement, fall at one point (their order would be arbitrary).
 */
export function overlapping(edits: readonly Edit[]): [Edit, Edit] | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let widest: Edit | undefined; // of the edits so far, the one that ends last
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (widest && e.range.start < widest.range.end) return [widest, e];
    const prev = sorted[i - 1];
    if (prev && prev.range.start === e.range.start && (prev.range.start === prev.range.end || e.range.start === e.range.end)) return [prev, e];
    if (!widest || e.range.end >= widest.range.end) widest = e;
  }
  return undefined;
}

const show = (f: Pick<Finding, 'ruleId' | 'range' | 'message'>) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message}`;

/**
 * Every range a rule reports (of the finding, of its related information,
 * of its fix's edits) lies inside the text and does not split a surrogate
 * pair; no fix overlaps itself.
 */
function checkReports(text: string, reports: readonly Pick<Finding, 'ruleId' | 'range' | 'message' | 'fix' | 'related'>[]): void {
  for (const f of reports) {
    checkRange(text, f.range, show(f));
    for (const r of f.related ?? []) checkRange(text, r.range, `related information of ${show(f)}`);
    if (!f.fix) continue;
    for (const e of f.fix.edits) checkRange(text, e.range, `an edit of ${show(f)}`);
    const pair = overlapping(f.fix.edits);
    assert.equal(pair, undefined, `the fix of ${show(f)} overlaps itself: ${JSON.stringify(pair)}`);
  }
}

/** Collects what rules throw, to assert there is nothing. */
function ruleErrors(): { errors: string[]; onRuleError: (id: string, e: unknown) => void } {
  const errors: string[] = [];
  return { errors, onRuleError: (id, e) => errors.push(`${id}: ${e instanceof Error ? e.stack : String(e)}`) };
}

/**
 * Analysis: no rule throws; every range (of the findings, see checkReports,
 * and of the outline) lies inside the text and does not split a surrogate
 * pair; the fixes taken together (as fix-all takes them) never overlap.
 */
export function checkAnalysis(text: string): void {
  const { errors, onRuleError } = ruleErrors();
  const findings = analyze(new NewsDocument(text), { onRuleError });
  assert.deepEqual(errors, [], 'a rule threw');
  checkReports(text, findings);
  const { applied } = applyFixes(text, findings);
  const pair = overlapping(applied.flatMap((f) => f.fix!.edits));
  assert.equal(pair, undefined, `fixes applied together overlap: ${JSON.stringify(pair)}`);
  const walk = (entries: readonly OutlineEntry[]): void => {
    for (const o of entries) {
      checkRange(text, o.range, `outline entry ${o.name}`);
      checkRange(text, o.selectionRange, `outline entry ${o.name}`);
      walk(o.children);
    }
  };
  walk(parseOutline(new NewsDocument(text)));
}

/** One pass of fix-all as the rules saw it: the text and every report. */
interface Pass {
  readonly text: string;
  readonly reports: { readonly ruleId: string; readonly report: Report }[];
}

/** The rules, each also recording what it reports into `passes` (one pass per analysed document). */
function recordingRules(passes: Pass[], fixPass: Map<Fix, Pass>): Rule[] {
  let last: NewsDocument | undefined;
  return RULES.map((rule) => ({
    ...rule,
    // Every analysis runs the recording check on the whole text (fix-all's
    // incremental analyses equal whole ones: engine/fix.test.ts).
    incremental: undefined,
    check(ctx, report) {
      if (ctx.document !== last) {
        last = ctx.document;
        passes.push({ text: ctx.document.text, reports: [] });
      }
      const pass = passes[passes.length - 1];
      rule.check(ctx, (r) => {
        pass.reports.push({ ruleId: rule.meta.id, report: r });
        if (r.fix) fixPass.set(r.fix, pass);
        report(r);
      });
    },
  }));
}

const WHITE = /^\s$/u;

/** The code points of `before` and `after` that differ, common prefix and suffix left out. */
function changedMiddle(before: string, after: string, base: number): { removed: { cp: string; at: number }[]; inserted: string[] } {
  const a: { cp: string; at: number }[] = [];
  for (let i = 0; i < before.length; ) {
    const cp = String.fromCodePoint(before.codePointAt(i)!);
    a.push({ cp, at: base + i });
    i += cp.length;
  }
  const b = Array.from(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p].cp === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q].cp === b[b.length - 1 - q]) q++;
  return { removed: a.slice(p, a.length - q), inserted: b.slice(p, b.length - q) };
}

const covers = (r: Range, at: number) => r.start <= at && at < r.end;

/**
 * What one pass of fix-all removes is accounted for: every character other
 * than white space and line breaks that an applied edit takes out without
 * putting a character back in its place is
 *  - for an edit that deletes: inside the range of a finding of the same
 *    rule whose fix says it removes (“Remove …”) and has an edit over it;
 *  - for an edit that replaces with fewer characters: inside the range of a
 *    finding of the same rule whose fix has an edit over it, unless the rule
 *    restores the text's real characters (a mojibake repair re-decodes the
 *    garbage: what it takes out is the wrong reading of what it puts in,
 *    white space included: `¡¡` is GBK's ideographic space read as Latin-1).
 * Applied edits of one pass never overlap.
 */
function checkPass(pass: Pass, applied: readonly Finding[]): void {
  const pair = overlapping(applied.flatMap((f) => f.fix!.edits));
  assert.equal(pair, undefined, `fix-all applied overlapping edits: ${JSON.stringify(pair)}`);
  for (const f of applied) {
    const rule = RULES.find((r) => r.meta.id === f.ruleId)!;
    for (const e of f.fix!.edits) {
      const { removed, inserted } = changedMiddle(pass.text.slice(e.range.start, e.range.end), e.text, e.range.start);
      const lost = removed.filter((c) => !WHITE.test(c.cp));
      if (lost.length === 0) continue;
      // A repair re-decodes: white space it writes is the text's own character (`¡¡` is GBK's U+3000), not a deletion.
      // A line break written in place of text (html-remnants' `<p>` mid-line) is put back too: the text is split there.
      const kept = inserted.filter((c) => rule.meta.restoresText || !WHITE.test(c) || c === '\n' || c === '\r').length;
      // A substitution; a repair that writes anything re-decodes the run, even when its reading shares an end with it (`Â®` → `®`).
      if (rule.meta.restoresText ? e.text !== '' : kept > 0 && kept >= lost.length) continue;
      const deletes = kept === 0;
      for (const c of lost) {
        const said = pass.reports.some(
          ({ ruleId, report: g }) =>
            ruleId === f.ruleId &&
            g.fix !== undefined &&
            covers(g.range, c.at) &&
            (!deletes || /^Remove\b/.test(g.fix.title)) &&
            g.fix.edits.some((x) => covers(x.range, c.at)),
        );
        assert.ok(
          said,
          `${show(f)} (fix “${f.fix!.title}”) removes ${JSON.stringify(c.cp)} at ${c.at} in ${JSON.stringify(pass.text.slice(e.range.start, e.range.end))} → ${JSON.stringify(e.text)}, and no finding says it removes it`,
        );
      }
    }
  }
}

/** The line endings of `text`, in order. */
const endings = (text: string) => text.match(/\r\n|\r|\n/g) ?? [];

/**
 * Whether `sub` is `all` with some elements left out and at most `extras.length`
 * elements of the kinds of `extras` put in anywhere (the line breaks fixes wrote
 * where there was none: html-remnants' `<p>` or `<br>` mid-line).
 */
function isSubsequenceWith(sub: readonly string[], all: readonly string[], extras: readonly string[]): boolean {
  if (extras.length === 0) return isSubsequence(sub, all);
  const kinds = new Set(extras);
  // used[j]: the fewest extras that make sub's first i elements out of all's first j.
  let used = new Array<number>(all.length + 1).fill(0);
  for (const x of sub) {
    const next = new Array<number>(all.length + 1).fill(Infinity);
    for (let j = 0; j <= all.length; j++) {
      if (kinds.has(x)) next[j] = used[j] + 1;
      if (j > 0) next[j] = Math.min(next[j], next[j - 1], all[j - 1] === x ? used[j - 1] : Infinity);
    }
    used = next;
  }
  return used[all.length] <= extras.length;
}

/** The line breaks the applied fixes wrote beyond those their edits replaced, by pass. */
function writtenLineBreaks(applied: readonly Finding[], fixPass: ReadonlyMap<Fix, Pass>): string[] {
  const extras: string[] = [];
  for (const f of applied) {
    const pass = fixPass.get(f.fix!);
    if (!pass) continue;
    for (const e of f.fix!.edits) {
      const written = endings(e.text);
      if (written.length === 0) continue;
      const replaced = [...endings(pass.text.slice(e.range.start, e.range.end))];
      for (const w of written) {
        const k = replaced.indexOf(w);
        if (k >= 0) replaced.splice(k, 1);
        else extras.push(w);
      }
    }
  }
  return extras;
}

/** Whether `sub` is `all` with some elements left out. */
function isSubsequence(sub: readonly string[], all: readonly string[]): boolean {
  let j = 0;
  for (const x of sub) {
    while (j < all.length && all[j] !== x) j++;
    if (j === all.length) return false;
    j++;
  }
  return true;
}

/**
 * Fix-all, with every rule (`only` undefined) or one alone: no rule throws
 * and every report of every pass has its ranges right (checkReports); the
 * result has nothing fixable left (a second pass would change nothing); each pass
 * accounts for every character it removes (see checkPass); line endings are
 * only ever removed, never converted or reordered, and added only where a fix
 * writes a line break in place of text (html-remnants' `<p>` mid-line); the
 * byte-order mark stays, and none appears.
 */
export function checkFixAll(text: string, only?: string): void {
  const passes: Pass[] = [];
  const fixPass = new Map<Fix, Pass>();
  const rules = only ? [only] : undefined;
  const { errors, onRuleError } = ruleErrors();
  const result = fixAll(text, { ruleSet: recordingRules(passes, fixPass), rules, onRuleError });
  assert.deepEqual(errors, [], 'a rule threw');
  for (const pass of passes) checkReports(pass.text, pass.reports.map(({ ruleId, report }) => ({ ruleId, ...report })));
  const once = result.text;

  const body = once.charCodeAt(0) === 0xfeff ? once.slice(1) : once; // what a second fix-all analyses
  const left = analyze(new NewsDocument(body), { rules }).filter((f) => f.fix);
  assert.deepEqual(left.map(show), [], `fix-all is not idempotent: ${JSON.stringify(once)} still has fixes`);

  assert.equal(once.charCodeAt(0) === 0xfeff, text.charCodeAt(0) === 0xfeff, 'the byte-order mark was lost or made');
  const extras = writtenLineBreaks(result.applied, fixPass);
  assert.ok(isSubsequenceWith(endings(once), endings(text), extras), `line endings changed: ${JSON.stringify(endings(text))} → ${JSON.stringify(endings(once))}`);

  const byPass = new Map<Pass, Finding[]>();
  for (const f of result.applied) {
    const pass = fixPass.get(f.fix!);
    assert.ok(pass, `an applied fix no rule reported: ${show(f)}`);
    byPass.set(pass, [...(byPass.get(pass) ?? []), f]);
  }
  for (const [pass, applied] of byPass) checkPass(pass, applied);
}

export const RULE_IDS = RULES.filter((r) => r.meta.fixable).map((r) => r.meta.id);

/** The properties, by name, with their share of the documents of a run. */
export const PROPERTIES = {
  analysis: { share: 0.4, title: 'analysis: no rule throws; every range (findings, fixes, outline) is inside the text, on code point boundaries; fixes never overlap' },
  fixAll: { share: 0.2, title: 'fix-all with every rule: every pass throws nothing and has its ranges right; idempotent; accounts for every removed character; keeps line endings and BOM' },
  fixAllOneRule: { share: 0.4, title: 'fix-all with one rule alone: the same' },
} as const;

export type PropertyName = keyof typeof PROPERTIES;

/**
 * Runs `numRuns` generated documents of one property from `seed`, after the
 * FOUND examples when asked. Returns fast-check's details and how many of
 * the runs were examples rather than generated documents.
 */
export function runProperty(name: PropertyName, seed: number, numRuns: number, withExamples: boolean): { details: fc.RunDetails<unknown>; examples: number } {
  const found = withExamples ? FOUND : [];
  const run = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, examples: T[]) => ({
    details: fc.check(
      fc.property(arbitrary, check),
      { seed, numRuns: numRuns + examples.length, examples: examples.map((e): [T] => [e]) },
    ) as fc.RunDetails<unknown>,
    examples: examples.length,
  });
  switch (name) {
    case 'analysis':
      return run(documents, checkAnalysis, [...found]);
    case 'fixAll':
      return run(documents, (t) => checkFixAll(t), [...found]);
    case 'fixAllOneRule':
      return run(
        fc.tuple(documents, fc.constantFrom(...RULE_IDS)),
        ([t, rule]) => checkFixAll(t, rule),
        found.flatMap((t) => RULE_IDS.map((r): [string, string] => [t, r])),
      );
  }
}

/** Counterexamples fast-check found once, kept as fixed examples of every property. */
export const FOUND: readonly string[] = [
  // Removing the table row would have fused the lone CR before it with the LF after it.
  '\r\r发布机构 | 唐河县政府办公室 | 发布日期 | 2022-02-23 09:03:40 |\n\n',
  // 𥐯 → 𥖅 share their high surrogate: the conversion's edit split the pair.
  '會議通報了項目建設綜合考評等情況。\n這個𥐯謹樓辦的情況\n',
  // A run of half-width marks took one fix-all pass per mark.
  '立足區位優勢，圍繞成都建設“三中心一基地\r\r\n”等發(fā\n\n)展锟斤拷\r\n?;\n?;\n ?; \n',
  // Removing the first line made the next line's U+FEFF a byte-order mark.
  '分享到：\n\ufeff\n\n',
  // GBK's ideographic space read as Latin-1, repaired alone on its line: a substitution by white space, not a deletion.
  'ÄÏÑô\n¡¡\n',
  // `¡` and a soft hyphen (U+00AD) are GBK's `…` read as Windows-1252: its soft hyphen is a byte of the character, not debris to remove.
  '\ufeff£¿\n¡\u00ad¡\u00ad\n',
  // html-remnants writes a line break in place of a block tag mid-line (then stray-line-break may join the line again).
  ',<p>!\n\n',
  '第一段<br>第二段\r\n第三段\r\n',
  // A space beside an ideographic space was found only on a line that held another suspect character (here the inner BOM).
  '\ufeff\ufeff\u5927\u3000 :\n\n',
  // UTF-8's `®` read as Windows-1252 is `Â®`: the repair keeps the last character, and is no deletion of the first.
  '\ufeffå¤§\u0091ð(zh¨¤n)ÐÂ®a\n\n',
  // Two touching line removals joined a CR and an LF.
  '8:30\r发布机构 | 唐河县政府办公室 | 发布日期 | 2022-02-23 09:03:40 |员干部，持续推动中国式现代化苏）‘\n 发布机构 | 唐河县政府办公室 | 发布日期 | 2022-02-23 09:03:40 |员干部, 持续推动中国式现代化苏）‘ \n\n',
];
