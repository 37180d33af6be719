import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsDocument } from '../../../src/core/document';
import { analyze } from '../../../src/core/engine/analyze';
import { fixAll } from '../../../src/core/engine/fix-all';
import { ROOT } from '../helpers';

/**
 * The labelled mojibake evaluation set (test/fixtures/mojibake, made by
 * scripts/generate/make-mojibake-eval.mjs from real articles and a public-domain
 * text, damaged with iconv-lite under a fixed seed). Per kind of damage:
 * the exact-repair rate of recoverable cases (what Clean Document gives),
 * the share of lossy cases that are flagged, and the false alarms on clean
 * lines. The floors are the rates measured when the set was made: a drop
 * fails the test. The target is 99 % everywhere; kinds below it are gaps.
 */
interface Case {
  kind: string;
  clean: string;
  damaged: string;
  recoverable: boolean;
  expected?: string;
}

const DIR = path.join(ROOT, 'test', 'fixtures', 'mojibake');
const read = <T>(file: string): T[] =>
  fs
    .readFileSync(path.join(DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** Measured exact-repair rates (recoverable cases), as floors. */
const EXACT_FLOOR: Record<string, number> = {
  'utf8-as-cp1252': 1,
  'utf8-as-latin1': 1,
  'utf8-as-gbk-as-cp1252': 1,
  'gbk-as-big5': 1,
  // Big5 read as GBK: both readings are valid characters; what is left is a
  // one-character clause whose readings are both common (摩 read as 集 in
  // `；集,`).
  'big5-as-gbk': 0.995,
};
/** Measured share of lossy cases that get a finding (mojibake or lost-characters). */
const FLAG_FLOOR = 0.99;
/** Measured share of 问句码 cases repaired exactly up to the lost character. */
const SAVED_FLOOR = 0.9;

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1)} %`);

describe('mojibake evaluation set', () => {
  const cases = read<Case>('cases.jsonl');
  const clean = read<string>('clean.jsonl');

  it('per kind: exact repair of recoverable cases, lossy cases flagged, clean lines untouched', function () {
    this.timeout(120_000);
    const by = new Map<string, { recoverable: number; exact: number; lossy: number; flagged: number; expected: number; asExpected: number }>();
    for (const c of cases) {
      const k = by.get(c.kind) ?? { recoverable: 0, exact: 0, lossy: 0, flagged: 0, expected: 0, asExpected: 0 };
      by.set(c.kind, k);
      if (c.recoverable) {
        k.recoverable++;
        if (fixAll(c.damaged, { rules: ['mojibake'] }).text === c.clean) k.exact++;
      } else {
        k.lossy++;
        if (analyze(new NewsDocument(c.damaged), { rules: ['mojibake', 'lost-characters'] }).length > 0) k.flagged++;
        if (c.expected !== undefined) {
          k.expected++;
          if (fixAll(c.damaged, { rules: ['mojibake'] }).text === c.expected) k.asExpected++;
        }
      }
    }
    const alarms = clean.filter((l) => analyze(new NewsDocument(l), { rules: ['mojibake'] }).length > 0);
    const rows = [...by].map(
      ([kind, k]) =>
        `| ${kind} | ${k.exact}/${k.recoverable} = ${pct(k.exact, k.recoverable)} | ${k.flagged}/${k.lossy} = ${pct(k.flagged, k.lossy)} |` +
        (k.expected ? ` ${k.asExpected}/${k.expected} repaired but the lost character |` : ' |'),
    );
    console.log(['      | kind | exact repair (recoverable) | flagged (lossy) | |', ...rows, `false alarms on clean lines: ${alarms.length}/${clean.length}`].join('\n      '));

    assert.ok(cases.length >= 1500 && clean.length >= 500, 'the set is complete');
    for (const [kind, k] of by) {
      if (k.recoverable > 0) {
        assert.ok(k.exact / k.recoverable >= (EXACT_FLOOR[kind] ?? 0.99), `${kind}: exact repair ${pct(k.exact, k.recoverable)}`);
      }
      if (k.lossy > 0) assert.ok(k.flagged / k.lossy >= FLAG_FLOOR, `${kind}: flagged ${pct(k.flagged, k.lossy)}`);
      if (k.expected > 0) assert.ok(k.asExpected / k.expected >= SAVED_FLOOR, `${kind}: repaired but the lost character ${pct(k.asExpected, k.expected)}`);
    }
    assert.ok(alarms.length / clean.length <= 0.001, `false alarms: ${alarms.slice(0, 3).join(' | ')}`);
  });
});
