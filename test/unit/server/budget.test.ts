import * as assert from 'node:assert/strict';
import type { Finding, Severity } from '../../../src/core';
import { budgetFindings, paragraphStarts } from '../../../src/server/budget';

const f = (start: number, ruleId = 'halfwidth-punctuation', severity: Severity = 'warning'): Finding => ({
  ruleId,
  severity,
  message: `m${start}`,
  range: { start, end: start + 1 },
});

describe('budgetFindings: every defect visible past the diagnostics budget', () => {
  // 50 paragraphs of 100 characters, a blank line between them.
  const para = 'x'.repeat(100) + '\n\n';
  const text = para.repeat(50);
  const findings: Finding[] = [];
  for (let p = 0; p < 50; p++) for (let k = 0; k < 10; k++) findings.push(f(p * para.length + k * 10));
  findings.push(f(49 * para.length + 5, 'mojibake', 'error'));

  it('finds the paragraphs of a text', () => {
    assert.deepEqual(paragraphStarts('a\nb\n\nc\r\n\r\n \r\nd'), [0, 5, 13]);
    assert.equal(paragraphStarts(text).length, 50);
  });

  it('under the budget: every finding as itself', () => {
    const items = budgetFindings(text, findings, [], 1000);
    assert.equal(items.length, findings.length);
  });

  it('past the budget: errors and the visible range one by one, the rest one item per paragraph and rule, none lost', () => {
    const visible = [{ start: 10 * para.length, end: 11 * para.length - 1 }];
    const items = budgetFindings(text, findings, visible, 100);
    assert.ok(items.length <= 100, `${items.length} items`);
    const covered = items.flatMap((i) => i.findings);
    assert.equal(covered.length, findings.length);
    assert.equal(new Set(covered).size, findings.length, 'each finding in exactly one item');
    const error = items.find((i) => i.ruleId === 'mojibake');
    assert.ok(error && error.findings.length === 1, 'the error is shown as itself');
    const inView = items.filter((i) => i.range.start >= visible[0].start && i.range.end <= visible[0].end);
    assert.equal(inView.length, 10, 'the visible paragraph is complete, finding by finding');
    assert.ok(inView.every((i) => i.findings.length === 1));
    const grouped = items.filter((i) => i.findings.length > 1);
    assert.equal(grouped.length, 49, 'one group per other paragraph');
    assert.ok(grouped.every((g) => g.findings.length === 10));
  });

  it('coarser groups when one per paragraph is still too many', () => {
    const items = budgetFindings(text, findings, [], 20);
    assert.ok(items.length <= 20, `${items.length} items`);
    assert.equal(items.flatMap((i) => i.findings).length, findings.length);
  });
});
