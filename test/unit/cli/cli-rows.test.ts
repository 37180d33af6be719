import * as assert from 'node:assert/strict';
import { NewsDocument, type Finding } from '../../../src/core';
import { findingRows } from '../../../src/cli/formatters';

describe('CLI finding rows', () => {
  it('give the lines and columns of doc.positionAt, for offsets in order, out of order and out of range', () => {
    const text = 'first line\r\n\nthird 這\rfourth\n\n\n' + 'x'.repeat(50) + '\nlast';
    const doc = new NewsDocument(text);
    const offsets = Array.from({ length: text.length + 3 }, (_, i) => i - 1);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % (text.length + 4);
    const shuffled = Array.from({ length: 200 }, () => random() - 1);
    for (const order of [offsets, [...offsets].reverse(), shuffled]) {
      const row = findingRows(doc);
      for (let k = 0; k + 1 < order.length; k++) {
        const [start, end] = [order[k], order[k + 1]];
        const f: Finding = { ruleId: 'r', severity: 'warning', message: 'm', range: { start, end } };
        const r = row(f);
        const s = doc.positionAt(start);
        const e = doc.positionAt(end);
        assert.deepEqual([r.line, r.column, r.endLine, r.endColumn], [s.line + 1, s.character + 1, e.line + 1, e.character + 1], `${start}–${end}`);
      }
    }
  });
});
