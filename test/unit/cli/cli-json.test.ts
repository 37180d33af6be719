import * as assert from 'node:assert/strict';
import { json } from '../../../src/cli/formatters/json';
import { sarif, toSarif } from '../../../src/cli/formatters/sarif';
import { text } from '../../../src/cli/formatters/text';
import { framed, type FileRows, type FindingRow } from '../../../src/cli/formatters';
import { runCli } from './cli-run';

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
      const whole = framed(json, some.map((p) => [json.file(p)]));
      assert.equal(framed(json, some.map((p) => json.fileChunks!(p.file, p.findings))), whole);
      assert.equal(whole, `${JSON.stringify(some, null, 2)}\n`);
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
      assert.equal(framed(sarif, files.map((f) => sarif.fileChunks!(f.file, f.findings))), expected, counts.join(','));
      assert.equal(framed(sarif, files.map((f) => [sarif.file(f)])), expected, counts.join(','));
    }
  });

  it('the text of a file is one line a finding', () => {
    const [rows] = filesOf([2]);
    assert.equal(text.file(rows), rows.findings.map((r) => `${rows.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}\n`).join(''));
  });
});

describe('CLI output of many files', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`news/${i}.txt`] = `第${i}篇,今天天气很好.\n`;

  for (const format of ['json', 'sarif', 'text']) {
    it(`${format}: each file's part is printed when its turn comes, and an unreadable file stops the output there`, async () => {
      const whole = await runCli(['check', '--no-config', '--format', format, ...Object.keys(files)], files);
      assert.equal(whole.code, 1);
      if (format !== 'text') JSON.parse(whole.out);
      const args = Object.keys(files);
      args.splice(4, 0, 'news/missing.txt');
      const cut = await runCli(['check', '--no-config', '--format', format, ...args], files);
      assert.equal(cut.code, 2);
      assert.match(cut.err, /missing\.txt/);
      // The parts of the files before it, not closed: a report cut short does not parse.
      assert.ok(cut.out.includes('news/3.txt') && !cut.out.includes('news/4.txt'), cut.out);
      assert.ok(whole.out.startsWith(cut.out));
      if (format !== 'text') assert.throws(() => JSON.parse(cut.out));
    });
  }
});
