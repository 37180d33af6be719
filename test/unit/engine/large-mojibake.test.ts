import * as assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { applyFixes, fixAll, minimalEdits, type Finding } from '../../../src/core';

const MB = 1024 * 1024;

/** CPU time (ms) of `fn`: the process's, not the wall clock, which a busy machine stretches. */
function cpu(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e3;
}

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

  it('one line wholly of GBK read as Latin-1, or of Big5 read as GBK, up to 10 MB: repaired, CPU time linear in the size', () => {
    // One line: the scan cuts it into runs of a few thousand characters, and
    // a cut may fall inside a character; nothing may be left unrepaired there.
    const kinds: [string, string, (s: string) => string][] = [
      ['GBK read as Latin-1', '南阳市人民政府a', (s) => iconv.decode(iconv.encode(s, 'gbk'), 'latin1')],
      ['Big5 read as GBK', '我有旨蓄，亦以御冬。a', (s) => iconv.decode(iconv.encode(s, 'big5'), 'gbk')],
    ];
    for (const [name, clean, misread] of kinds) {
      const damaged = misread(clean);
      const units = (bytes: number) => Math.floor(bytes / Buffer.byteLength(damaged));
      const run = (n: number) => {
        const text = damaged.repeat(n);
        assert.ok(Buffer.byteLength(text) <= 10 * MB);
        let out = '';
        const ms = cpu(() => (out = fixAll(text).text));
        assert.ok(out === clean.repeat(n), `${name}: ${n} runs not all repaired`);
        return ms;
      };
      const small = units(2.5 * MB);
      const large = units(10 * MB);
      let a = run(small);
      let b = run(large);
      // ×4 the input may cost at most ×10 the time (quadratic work would cost ×16); once more if a stall hit one side.
      if (!(b < 10 * a)) {
        a = Math.min(a, run(small));
        b = Math.min(b, run(large));
      }
      assert.ok(b < 10 * a, `${name}: ×4 input took ${(b / a).toFixed(1)}× the CPU time (${a.toFixed(0)} → ${b.toFixed(0)} ms)`);
    }
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
