/**
 * A rule tester in the spirit of ESLint's RuleTester: every rule goes
 * through it with texts it must leave alone (valid) and texts it must flag
 * (invalid), with the messages expected and the text its fixes make. For
 * each case it also checks that fix-all is idempotent (its output has
 * nothing fixable left, and fixing it again changes nothing), and that
 * incremental analysis equals a full analysis after random edits of the
 * case, located from the texts and from the edits given as a hint.
 */
import * as assert from 'node:assert/strict';
import { NewsDocument, analyze, analyzeIncremental, fixAll, resolveSettings, type AnyRule, type Finding, type TextChange } from '../../src/core';

export type ValidCase = string | { readonly text: string; readonly settings?: Record<string, unknown> };

export interface InvalidCase {
  readonly text: string;
  readonly settings?: Record<string, unknown>;
  /** The findings expected: their count, or each one's message (a string: it must contain it) and range. */
  readonly findings: number | readonly ExpectedFinding[];
  /** The text fix-all makes (undefined: the findings have no fix, and fix-all changes nothing). */
  readonly output?: string;
}

export interface ExpectedFinding {
  readonly message?: string;
  /** The flagged text. */
  readonly text?: string;
  readonly severity?: Finding['severity'];
}

export interface RuleCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
  /** Random edits per case for "incremental equals full" (default 12). */
  readonly edits?: number;
}

/** Declares the mocha tests of `rule`. */
export function testRule(rule: AnyRule, cases: RuleCases): void {
  const ruleSet = [rule];
  describe(`rule ${rule.meta.id}`, () => {
    for (const c of cases.valid) {
      const { text, settings } = typeof c === 'string' ? { text: c, settings: undefined } : c;
      it(`valid: ${label(text)}`, () => {
        const findings = analyze(new NewsDocument(text), { ruleSet, settings: resolveSettings(settings) });
        assert.deepEqual(findings.map((f) => f.message), [], 'no findings');
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${label(c.text)}`, () => {
        const settings = resolveSettings(c.settings);
        const findings = analyze(new NewsDocument(c.text), { ruleSet, settings });
        if (typeof c.findings === 'number') assert.equal(findings.length, c.findings, findings.map((f) => f.message).join('\n'));
        else {
          assert.equal(findings.length, c.findings.length, findings.map((f) => f.message).join('\n'));
          c.findings.forEach((e, i) => {
            const f = findings[i];
            if (e.message !== undefined) assert.ok(f.message.includes(e.message), `“${f.message}” should contain “${e.message}”`);
            if (e.text !== undefined) assert.equal(c.text.slice(f.range.start, f.range.end), e.text);
            if (e.severity !== undefined) assert.equal(f.severity, e.severity);
          });
        }
        for (const f of findings) assert.equal(f.ruleId, rule.meta.id);
        if (!rule.meta.fixable) assert.ok(findings.every((f) => !f.fix), 'a rule that is not fixable offers no fix');
        const fixed = fixAll(c.text, { ruleSet, settings });
        assert.equal(fixed.text, c.output ?? c.text, 'fix-all output');
        // Idempotent: nothing fixable is left, and fixing again changes nothing.
        assert.deepEqual(fixed.remaining.filter((f) => f.fix).map((f) => f.message), [], 'fixable findings left after fix-all');
        assert.deepEqual(plain(fixed.remaining), plain(analyze(new NewsDocument(fixed.text), { ruleSet, settings })), 'remaining');
        assert.equal(fixAll(fixed.text, { ruleSet, settings }).text, fixed.text, 'fix-all is idempotent');
      });
    }
    it('incremental analysis equals a full analysis after random edits', () => {
      const texts = [...cases.valid.map((c) => (typeof c === 'string' ? { text: c, settings: undefined } : c)), ...cases.invalid];
      const alphabet = Array.from(new Set(Array.from(texts.map((t) => t.text).join('') + '\n\r\n，。,'))) as string[];
      const random = seeded(rule.meta.id);
      for (const { text, settings: values } of texts) {
        const settings = resolveSettings(values);
        for (const hinted of [false, true]) {
          let current = text;
          let state = analyzeIncremental(undefined, current, { ruleSet, settings }).state;
          for (let n = 0; n < (cases.edits ?? 12); n++) {
            const change = randomChange(current, alphabet, random);
            current = current.slice(0, change.rangeOffset) + change.text + current.slice(change.rangeOffset + change.rangeLength);
            const result = analyzeIncremental(state, current, { ruleSet, settings, changes: hinted ? [change] : undefined });
            assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(current), { ruleSet, settings })), `after edits of ${label(text)}: ${JSON.stringify(current)}`);
            state = result.state;
          }
        }
      }
    });
  });
}

/** A finding as plain data: fixes read (they may be computed lazily, or moved). */
export function plain(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: { ...f.range },
    fix: f.fix && { title: f.fix.title, edits: f.fix.edits.map((e) => ({ range: { ...e.range }, text: e.text })) },
    related: f.related?.map((r) => ({ range: { ...r.range }, message: r.message })),
    data: f.data,
  }));
}

function label(text: string): string {
  const one = JSON.stringify(text);
  return one.length > 50 ? one.slice(0, 49) + '…' : one;
}

/** A replacement at a random place: a deletion, an insertion of a few characters of `alphabet`, or both. */
function randomChange(text: string, alphabet: readonly string[], random: () => number): TextChange {
  let at = Math.floor(random() * (text.length + 1));
  // Never between the halves of a surrogate pair.
  if (at > 0 && at < text.length && /[\udc00-\udfff]/.test(text[at])) at--;
  let length = random() < 0.5 ? 0 : Math.min(text.length - at, 1 + Math.floor(random() * 4));
  if (at + length < text.length && /[\udc00-\udfff]/.test(text[at + length])) length++;
  let insert = '';
  if (length === 0 || random() < 0.5) for (let k = 1 + Math.floor(random() * 3); k > 0; k--) insert += alphabet[Math.floor(random() * alphabet.length)];
  return { rangeOffset: at, rangeLength: length, text: insert };
}

/** A deterministic generator seeded by a string (mulberry32). */
function seeded(seed: string): () => number {
  let a = 0;
  for (const ch of seed) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
