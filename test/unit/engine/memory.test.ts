import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NewsDocument, analyze } from '../../../src/core';
import { FIXABLE } from '../../../src/core/engine/analyze';
import { release } from '../../../src/core/text/release';

const seeds = join(__dirname, '../../../../test/fixtures/seeds');

describe('memory of a large check', () => {
  it('analyze with fixes: false gives the same findings, each fix the shared placeholder', () => {
    const text = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .slice(0, 6)
      .map((f) => readFileSync(join(seeds, f), 'utf8'))
      .join('\n')
      // Damage that every kind of rule reports: half-width marks, mojibake, a repeat.
      .concat('\n中文,测试!鍗楅槼\n中文,测试!鍗楅槼\n');
    const doc = new NewsDocument(text);
    const full = analyze(doc);
    const slim = analyze(doc, { fixes: false });
    assert.ok(full.some((f) => f.fix) && full.some((f) => !f.fix));
    assert.deepEqual(
      slim.map((f) => ({ ...f, fix: f.fix === undefined ? undefined : f.fix === FIXABLE })),
      full.map((f) => ({ ...f, fix: f.fix === undefined ? undefined : true })),
    );
  });

  it('release detaches large buffers and leaves small ones alone', () => {
    const large = new Int32Array(1 << 19);
    const view = large.subarray(10, 20);
    const small = new Uint8Array(16);
    release(view, small);
    assert.equal(large.length, 0);
    assert.equal(view.length, 0);
    assert.equal(small.length, 16);
  });
});
