import * as assert from 'node:assert/strict';
import { applyEdits, applyFixes, minimalEdits, type Finding } from '../../src/core';

const finding = (start: number, end: number, text: string, ruleId = 'r'): Finding => ({
  ruleId,
  severity: 'warning',
  message: 'm',
  range: { start, end },
  fix: { title: 't', edits: [{ range: { start, end }, text }] },
});

describe('applyEdits / applyFixes', () => {
  it('applies edits in document order whatever order they come in', () => {
    const out = applyEdits('abcdef', [
      { range: { start: 4, end: 5 }, text: 'E' },
      { range: { start: 0, end: 1 }, text: 'A' },
    ]);
    assert.equal(out, 'AbcdEf');
  });

  it('drops an edit that overlaps an earlier one', () => {
    const out = applyEdits('abcdef', [
      { range: { start: 1, end: 4 }, text: 'X' },
      { range: { start: 2, end: 5 }, text: 'Y' },
    ]);
    assert.equal(out, 'aXef');
  });

  it('never half-applies a fix whose edits collide with another fix', () => {
    const a = finding(1, 3, '');
    const b: Finding = { ...a, fix: { title: 't', edits: [{ range: { start: 2, end: 4 }, text: 'Z' }, { range: { start: 5, end: 6 }, text: 'Q' }] } };
    const { text, applied } = applyFixes('abcdef', [a, b]);
    assert.equal(text, 'adef');
    assert.deepEqual(applied, [a]);
  });

  it('keeps CRLF endings it does not touch', () => {
    const text = '一\r\n，二\r\n三';
    const { text: out } = applyFixes(text, [finding(1, 3, '')]);
    assert.equal(out, '一，二\r\n三');
  });

  it('minimalEdits turns one text into the other with small edits', () => {
    const before = '第一行\n，第二行\n第三行\n第四行\n';
    const after = '第一行，第二行\n第三行\n第四行\n';
    const edits = minimalEdits(before, after);
    assert.equal(applyEdits(before, edits), after);
    assert.ok(edits.every((e) => e.range.end - e.range.start <= 2), JSON.stringify(edits));
  });
});
