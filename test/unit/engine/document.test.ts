import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NewsDocument } from '../../../src/core';

/** A text and an edit of it: `[from, to)` of `before` replaced, giving `after`. */
const piece = fc.constantFrom('\n', '\r\n', '\r', '中文', 'ab', ' ', '\u3000', '');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const edit = fc.tuple(text, fc.nat(), fc.nat({ max: 6 }), text).map(([before, at, remove, insert]) => {
  const from = at % (before.length + 1);
  const to = Math.min(before.length, from + remove);
  return { before, from, to, after: before.slice(0, from) + insert + before.slice(to) };
});

describe('NewsDocument', () => {
  it('splits LF, CRLF and lone CR lines and records the dominant ending', () => {
    const doc = new NewsDocument('a\r\nb\r\nc\nd\re');
    assert.deepEqual(
      doc.lines.map((l) => [l.text, l.eol]),
      [
        ['a', '\r\n'],
        ['b', '\r\n'],
        ['c', '\n'],
        ['d', '\r'],
        ['e', ''],
      ],
    );
    assert.equal(doc.eol, '\r\n');
    assert.equal(doc.mixedEol, true);
  });

  it('counts offsets in UTF-16 units, as VS Code does', () => {
    const doc = new NewsDocument('😀中\n文');
    assert.equal(doc.lines[0].end, 3); // the emoji is two units
    assert.deepEqual(doc.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(doc.positionAt(2), { line: 0, character: 2 });
    assert.equal(doc.offsetAt({ line: 1, character: 1 }), 5);
  });

  it('round-trips every offset through positionAt and offsetAt', () => {
    const text = 'ab\r\n\r\n中文\n😀x\ry';
    const doc = new NewsDocument(text);
    for (let o = 0; o <= text.length; o++) {
      const p = doc.positionAt(o);
      const line = doc.lines[p.line];
      if (o <= line.end) assert.equal(doc.offsetAt(p), o);
    }
  });

  it('finds blocks between blank lines, treating full-width spaces as blank', () => {
    const doc = new NewsDocument('a\nb\n\u3000\nc\n\n\nd');
    assert.deepEqual(
      doc.blocks.map((b) => [b.firstLine, b.lastLine]),
      [
        [0, 1],
        [3, 3],
        [6, 6],
      ],
    );
  });

  it('has one empty line for an empty text', () => {
    const doc = new NewsDocument('');
    assert.equal(doc.lineCount, 1);
    assert.equal(doc.blocks.length, 0);
  });

  it('after an edit, reuses its lines and equals the document made anew', () => {
    fc.assert(
      fc.property(edit, ({ before, from, to, after }) => {
        const old = new NewsDocument(before);
        const edited = old.edited(after, from, to, 'file:///a.txt', 3);
        const fresh = new NewsDocument(after, 'file:///a.txt', 3);
        assert.deepEqual({ ...edited, lines: [...edited.lines] }, { ...fresh, lines: [...fresh.lines] });
        assert.deepEqual(edited.blocks, fresh.blocks);
        // The lines that end before the edit are the old document's own.
        for (const line of edited.lines) if (line.end + line.eol.length < from) assert.equal(line, old.lines[line.index]);
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });

  it('after an edit, computes values per line only for the lines the edit touched, and equals them made anew', () => {
    fc.assert(
      fc.property(edit, ({ before, from, to, after }) => {
        const key = {};
        const old = new NewsDocument(before);
        old.lineValues(key, (l) => `${l.text}|${l.blank}`);
        const edited = old.edited(after, from, to);
        const asked: number[] = [];
        const values = edited.lineValues(key, (l) => (asked.push(l.index), `${l.text}|${l.blank}`));
        assert.deepEqual(values, new NewsDocument(after).lineValues(key, (l) => `${l.text}|${l.blank}`));
        // Not the lines before the edit, nor those after it (a line whose line ending the edit reaches is edited).
        for (const i of asked) assert.ok(edited.lines[i].end + edited.lines[i].eol.length + 1 >= from && edited.lines[i].start <= after.length - (before.length - to), `line ${i} computed again`);
        // Asked again: the same values, computed once.
        assert.equal(edited.lineValues(key, () => assert.fail('computed twice')), values);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});
