import * as assert from 'node:assert/strict';
import { json } from '../../../src/cli/formatters/json';
import { sarif, toSarif } from '../../../src/cli/formatters/sarif';
import { text } from '../../../src/cli/formatters/text';
import type { FileRows, FindingRow } from '../../../src/cli/formatters';

function row(i: number, odd = false): FindingRow {
  const r: FindingRow = { rule: i % 2 ? 'mojibake' : 'half-width', severity: 'warning', message: `“é” \\ "q" \n\t\u0001\ud800 ${i} 這 \u2028`, line: i + 1, column: 1, endLine: i + 1, endColumn: 3, fixable: i % 3 === 0 };
  // The breaks of a paragraph come as its parts; some findings have none listed.
  if (i % 5 === 1) r.children = Array.from({ length: i % 3 }, (_, k) => ({ rule: r.rule, message: `part ${k} “。”\udc00`, line: i + k, column: k + 1, endLine: i + k, endColumn: k + 2 }));
  // Written generically: not the values findingRow gives.
  if (odd && i === 7) (r as { message: unknown }).message = undefined;
  if (odd && i === 11) r.line = 1.5;
  return r;
}

describe('CLI JSON output in pieces', () => {
  it('a file part in chunks is the file part, for none, one, and more findings than a chunk holds', () => {
    for (const n of [0, 1, 2, 2047, 2048, 2049, 5000]) {
      const rows = { file: 'a "b"\\c.txt', findings: Array.from({ length: n }, (_, i) => row(i, true)) };
      const chunks = [...json.fileChunks!(rows.file, rows.findings)];
      assert.equal(chunks.join(''), json.file(rows), `${n} findings`);
      if (n > 2048) assert.ok(chunks.length > 3, 'cut into pieces');
      assert.ok(chunks.every((c) => c.length < 70_000), 'each piece small');
    }
  });

  it('the pieces of the whole output are the whole output', () => {
    const parts = [0, 3, 2100].map((n, k) => ({ file: `${k}.txt`, findings: Array.from({ length: n }, (_, i) => row(i)) }));
    for (const some of [[], parts.slice(0, 1), parts]) {
      const whole = json.whole(some.map((p) => json.file(p)));
      assert.equal([...json.pieces!(some.map((p) => json.fileChunks!(p.file, p.findings)))].join(''), whole);
      assert.deepEqual(JSON.parse(whole), some);
    }
  });
});

describe('CLI text and SARIF output in pieces', () => {
  // Rows with other values than findingRow gives in the files after the first (written generically).
  const filesOf = (counts: number[]): FileRows[] => counts.map((n, k) => ({ file: k === 1 ? '-' : `dir\\${k} "a".txt`, findings: Array.from({ length: n }, (_, i) => row(i, k > 0)) }));

  it('a file part in chunks is the file part, each chunk small', () => {
    for (const format of [text, sarif]) {
      for (const n of [0, 1, 2, 700, 5000]) {
        const [rows] = filesOf([n]);
        const chunks = [...format.fileChunks!(rows.file, rows.findings)];
        assert.equal(chunks.join(''), format.file(rows), `${n} findings`);
        if (n === 5000) assert.ok(chunks.length > 3, 'cut into pieces');
        assert.ok(chunks.every((c) => c.length < 70_000), 'each piece small');
      }
    }
  });

  it('the SARIF log from pieces is JSON.stringify of the log, for no file, files without findings and files with many', () => {
    for (const counts of [[], [0], [0, 0], [3], [0, 2, 0, 2100], [2100, 1]]) {
      const files = filesOf(counts);
      const expected = `${JSON.stringify(toSarif(files), null, 2)}\n`;
      assert.equal([...sarif.pieces!(files.map((f) => sarif.fileChunks!(f.file, f.findings)))].join(''), expected, counts.join(','));
      assert.equal(sarif.whole(files.map((f) => sarif.file(f))), expected, counts.join(','));
    }
  });

  it('the text of a file is one line a finding', () => {
    const [rows] = filesOf([2]);
    assert.equal(text.file(rows), rows.findings.map((r) => `${rows.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}\n`).join(''));
  });
});
