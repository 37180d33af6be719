import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAll, type Rule } from '../../../src/core';
import { planReview, type ReviewEntry } from '../../../src/extension/reviewPlan';

const seeds = path.resolve(__dirname, '../../../../test/fixtures/seeds');
const seed = (name: string) => fs.readFileSync(path.join(seeds, name), 'utf8');
const apply = (text: string, entries: readonly ReviewEntry[]) => applyEdits(text, entries.map((e) => ({ range: e.range, text: e.text })));

describe('planReview: a clean-up as separate reviewable fixes', () => {
  for (const name of fs.readdirSync(seeds).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f))) {
    it(`${name}: the entries, applied together, give fix-all's text and the golden file`, () => {
      const text = seed(name);
      const plan = planReview(text, { safeOnly: true });
      assert.ok(plan.attributed, 'every replacement is attributed to its fixes');
      assert.ok(plan.entries.length > 0);
      assert.equal(plan.after, fixAll(text, { safeOnly: true }).text);
      assert.equal(plan.after, seed(name.replace('.txt', '.fixed.txt')));
      assert.equal(apply(text, plan.entries), plan.after);
      for (let i = 1; i < plan.entries.length; i++) {
        assert.ok(plan.entries[i].range.start >= plan.entries[i - 1].range.end, 'sorted, not overlapping');
      }
      for (const e of plan.entries) assert.ok(e.findings.length > 0, 'each entry names its fixes');
    });
  }

  it("fix-all reports each pass's fixes in the coordinates of the text it started from; the plan applies exactly fix-all's fixes", () => {
    const text = seed('002_7e5994b88d4897fc.txt');
    const reported: { applied: readonly unknown[]; before: string }[] = [];
    const result = fixAll(text, { safeOnly: true, onPass: (applied, before) => reported.push({ applied, before }) });
    assert.equal(reported.length, result.passes);
    assert.deepEqual(reported.flatMap((p) => p.applied), result.applied);
    assert.equal(reported[0].before, text);
    assert.notEqual(reported[1].before, text);
    assert.deepEqual(planReview(text, { safeOnly: true }).applied, result.applied);
  });

  it('a cancelled plan stops before the next pass', () => {
    const text = seed('002_7e5994b88d4897fc.txt');
    let asked = 0;
    const plan = planReview(text, { safeOnly: true, isCancelled: () => asked++ > 0 });
    assert.equal(asked, 2);
    const first = fixAll(text, { safeOnly: true, maxPasses: 1 });
    assert.equal(plan.after, first.text);
    assert.notEqual(plan.after, fixAll(text, { safeOnly: true }).text);
  });

  it('seed 002 takes several passes; a later fix that touches an earlier one becomes one entry with it', () => {
    const text = seed('002_7e5994b88d4897fc.txt');
    const plan = planReview(text, { safeOnly: true });
    assert.ok(fixAll(text, { safeOnly: true }).passes > 1);
    const joint = plan.entries.filter((e) => e.findings.length > 1);
    assert.ok(joint.length > 0);
    // Each entry alone changes only its own range.
    for (const e of plan.entries.slice(0, 20)) {
      const out = apply(text, [e]);
      assert.equal(out.slice(0, e.range.start), text.slice(0, e.range.start));
      assert.equal(out.slice(e.range.start + e.text.length), text.slice(e.range.end));
    }
  });

  it('leaving out the entries of one rule keeps exactly that rule\'s defects', () => {
    const text = '他说,今天很好。\n记者:张三\n我们(很)好,是的。\n';
    const plan = planReview(text, { safeOnly: true });
    const kept = plan.entries.filter((e) => e.findings[0].ruleId !== 'halfwidth-punctuation');
    assert.ok(kept.length < plan.entries.length, 'the sample has half-width punctuation');
    const out = apply(text, kept);
    assert.ok(out.includes('他说,今天'), 'the unticked comma stays');
  });

  it('a pass-2 fix inside the text a pass-1 fix wrote is merged with it', () => {
    // Two toy rules: the first turns "ab" into "xy", the second (seeing "xy") turns it into "z".
    const first: Rule = {
      meta: { id: 'first', description: 'd', family: 'other', docs: 'rule-first', defaultSeverity: 'warning', fixable: true, safeToClean: true, restoresText: true },
      check: (ctx, report) => {
        const t = ctx.document.text;
        for (let i = t.indexOf('ab'); i >= 0; i = t.indexOf('ab', i + 2)) {
          report({ message: 'm', range: { start: i, end: i + 2 }, fix: { title: 'ab→xy', edits: [{ range: { start: i, end: i + 2 }, text: 'xy' }] } });
        }
      },
    };
    const second: Rule = {
      meta: { id: 'second', description: 'd', family: 'other', docs: 'rule-second', defaultSeverity: 'warning', fixable: true, safeToClean: true },
      check: (ctx, report) => {
        const t = ctx.document.text;
        for (let i = t.indexOf('xy'); i >= 0; i = t.indexOf('xy', i + 2)) {
          report({ message: 'm', range: { start: i, end: i + 2 }, fix: { title: 'xy→z', edits: [{ range: { start: i, end: i + 2 }, text: 'z' }] } });
        }
        for (let i = t.indexOf('q'); i >= 0; i = t.indexOf('q', i + 1)) {
          report({ message: 'm', range: { start: i, end: i + 1 }, fix: { title: 'q→Q', edits: [{ range: { start: i, end: i + 1 }, text: 'Q' }] } });
        }
      },
    };
    const text = '12ab34q5ab';
    const plan = planReview(text, { ruleSet: [first, second], safeOnly: true });
    assert.equal(plan.after, '12z34Q5z');
    assert.deepEqual(
      plan.entries.map((e) => [e.range.start, e.range.end, e.text, e.findings.map((f) => f.ruleId).join('+')]),
      [
        [2, 4, 'z', 'first+second'],
        [6, 7, 'Q', 'second'],
        [8, 10, 'z', 'first+second'],
      ],
    );
  });

  it('a BOM stays out of the entries', () => {
    const plan = planReview('\ufeff他说,今天很好。\n', { safeOnly: true });
    assert.ok(plan.entries.every((e) => e.range.start >= 1));
    assert.equal(apply('\ufeff他说,今天很好。\n', plan.entries), plan.after);
  });
});
