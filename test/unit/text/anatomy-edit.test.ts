import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsDocument } from '../../../src/core';
import { documentAnatomy, pageAnatomy, type PageAnatomy } from '../../../src/core/anatomy';
import { lineKinds } from '../../../src/core/rules/boilerplate/line-kinds';
import { ROOT, seed } from '../helpers';

/** The anatomy of `text` worked out afresh, with nothing carried or remembered by document. */
function fresh(text: string): PageAnatomy {
  const doc = new NewsDocument(text);
  return pageAnatomy(
    doc.lines.map((l) => (l.blank ? '' : l.text)),
    lineKinds(doc),
  );
}

describe('the page anatomy after an edit', () => {
  // A pasted page (chrome around an article) whose body is long: the composed page with seeds inside it.
  const page = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pages', 'composed-page.txt'), 'utf8').split('\n');
  const text0 = [...page.slice(0, 10), seed('001'), seed('003'), ...page.slice(10)].join('\n');
  // What typing brings: punctuation that ends or starts a sentence, letters, chrome's words, a caption's shape, spaces, line breaks.
  const insertions = ['，', '。', '的', 'a', '图片来源：', '×', '广告', '相关阅读', ' ', '\n', '2023-05-12 来源：南阳日报', '姜明 摄', '分享到：微信 微博'];

  /** Edits `text` `steps` times at random, checking the anatomy each time; returns how often it was kept. */
  function edits(text: string, steps: number, insertions: readonly string[], seedValue: number): { kept: number; again: number } {
    const next = (n: number) => (seedValue = (Math.imul(seedValue, 1103515245) + 12345) >>> 0) % n;
    let doc = new NewsDocument(text);
    let anatomy = documentAnatomy(doc);
    let kept = 0;
    let again = 0;
    for (let step = 0; step < steps; step++) {
      const before = doc.text;
      const at = next(before.length + 1);
      const removed = next(4) === 0 ? Math.min(next(3), before.length - at) : 0;
      const inserted = insertions[next(insertions.length)];
      const edited = before.slice(0, at) + inserted + before.slice(at + removed);
      const after = doc.edited(edited, at, at + removed);
      const carried = documentAnatomy(after);
      assert.deepEqual(carried, fresh(edited), `step ${step}: ${JSON.stringify(inserted)} at ${at}`);
      if (carried === anatomy) kept++;
      else again++;
      doc = after;
      anatomy = carried;
    }
    return { kept, again };
  }

  it('is the anatomy of the edited text, kept when the edit cannot change it and worked out again when it can', () => {
    const { kept, again } = edits(text0, 400, insertions, 3);
    // Both ways were taken: most keystrokes inside the body keep the anatomy, the others make it again.
    assert.ok(kept > 100 && again > 20, `kept ${kept}, made again ${again}`);
  });

  it('is worked out again when a short line becomes a copy of one near it (a caption printed twice)', () => {
    // Two short lines inside the body of a page, a line apart: typed equal, both are a photo's caption.
    const text = text0.replace('乘客多是夜班职工', '站台上的乘客\n乘客多是夜班职工\n站台上的乘客们');
    const at = text.indexOf('站台上的乘客们') + '站台上的乘客'.length;
    const doc = new NewsDocument(text);
    const before = documentAnatomy(doc);
    const edited = text.slice(0, at) + text.slice(at + 1);
    const after = documentAnatomy(doc.edited(edited, at, at + 1));
    assert.deepEqual(after, fresh(edited));
    assert.notDeepEqual(after.kinds, before.kinds);
  });

  it('is worked out again when a line inside the body stops being prose and another run of prose outweighs it', () => {
    // Lines of 82 characters: prose of weight 82. Latin typed into the middle line of the body leaves it
    // read the same line by line (long, no sentence's end changed) but takes its weight: the two
    // paragraphs after the related list, lighter before, are now the heavier run.
    const han = (first: string) => (first + '南阳市今年夏粮生产喜获丰收全市小麦平均亩产达到四百五十公斤以上'.repeat(3)).slice(0, 81) + '。';
    const lines = ['首页 | 新闻 | 图片', '南阳夏粮喜获丰收', han('一'), han('二'), han('三'), '相关阅读', han('四'), han('五'), '关于我们 | 联系我们'];
    const text = lines.join('\n');
    const at = text.indexOf(han('二')) + 40;
    const latin = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    const doc = new NewsDocument(text);
    const before = documentAnatomy(doc);
    assert.equal(before.bodyStart, 2);
    const edited = text.slice(0, at) + latin + text.slice(at);
    const after = documentAnatomy(doc.edited(edited, at, at));
    assert.deepEqual(after, fresh(edited));
    assert.equal(after.bodyStart, 6);
    edits(text, 200, [...insertions, latin], 5);
  });
});
