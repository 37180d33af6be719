import * as assert from 'node:assert/strict';
import { applyFixes, fixAll, minimalEdits, type Finding } from '../../../src/core';

/**
 * A file made wholly of mojibake runs, up to the size guard (10 MB): fix-all
 * yields one finding with one edit per run, hundreds of thousands of them.
 * Nothing on the way may spread them into one call's arguments (which
 * overflows the stack at a few hundred thousand); the file must come out
 * repaired.
 */
describe('a file wholly of mojibake runs, up to the 10 MB size guard', function () {
  this.timeout(600_000);

  it('fix-all repairs 1,000,000 runs of UTF-8 read as GBK (10 MB of UTF-8)', () => {
    const runs = 1_000_000;
    const text = '鍗楅槼a'.repeat(runs);
    assert.ok(Buffer.byteLength(text) <= 10 * 1024 * 1024);
    const result = fixAll(text);
    assert.equal(result.text.length, '南阳a'.length * runs);
    assert.equal(result.text, '南阳a'.repeat(runs));
  });

  it('applyFixes takes one finding with a million edits', () => {
    const n = 1_000_000;
    const text = 'x-'.repeat(n);
    const finding: Finding = {
      ruleId: 'mojibake',
      severity: 'error',
      message: 'm',
      range: { start: 0, end: text.length },
      fix: { title: 't', edits: Array.from({ length: n }, (_, i) => ({ range: { start: 2 * i, end: 2 * i + 1 }, text: 'y' })) },
    };
    assert.equal(applyFixes(text, [finding]).text, 'y-'.repeat(n));
  });

  it('minimalEdits between two texts differing in every other character', () => {
    const n = 500_000;
    const edits = minimalEdits('ab'.repeat(n), 'ac'.repeat(n));
    assert.ok(edits.length >= 1);
  });
});
