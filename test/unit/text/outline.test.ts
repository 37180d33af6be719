import * as assert from 'node:assert/strict';
import { NewsDocument, parseOutline } from '../../../src/core';
import { seed } from '../helpers';

describe('outline', () => {
  it('finds exactly the three sections of seed 000, each up to the next part, and the metadata block', () => {
    const doc = new NewsDocument(seed('000'));
    const outline = parseOutline(doc);
    assert.deepEqual(
      outline.map((e) => [e.kind, e.name, e.line, e.endLine]),
      [
        ['section', '大抓落实勇担当', 0, 7],
        ['section', '务实高效强作风', 8, 15],
        ['section', '收获满满显成效', 16, 20],
        ['boilerplate', outline[3].name, 21, 26],
      ],
    );
    const first = outline[0];
    assert.deepEqual(first.selectionRange, { start: 0, end: 7 });
    assert.equal(first.range.end, doc.lines[7].end);
  });

  it('finds the ten place:title sections of seed 004', () => {
    const outline = parseOutline(new NewsDocument(seed('004'))).filter((e) => e.kind === 'section');
    assert.equal(outline.length, 10);
    assert.ok(outline.every((e) => /^[\u4e00-\u9fff]{2,8}:/.test(e.name)));
    assert.equal(outline[0].name, '通州:提振精气神,聚力项目建设');
    assert.equal(outline[9].name, '通州湾示范区:迅速把战斗令转化为作战图');
  });

  it('recognises a title block followed by a dateline', () => {
    const outline = parseOutline(new NewsDocument('南阳举行项目签约活动\n本报讯 (记者张提)7月28日,活动举行。\n'));
    assert.deepEqual(
      outline.map((e) => [e.kind, e.name]),
      [['title', '南阳举行项目签约活动']],
    );
  });

  it('does not take slogan lines or speaker labels for sections', () => {
    const text = '思想是行动的先导\n思想解放有多深刻\n改革发展的天地就有多广阔\n市投资促进局主要负责同志:\n学习考察的目的在于运用,用于推动实际工作。';
    assert.deepEqual(
      parseOutline(new NewsDocument(text)).filter((e) => e.kind === 'section'),
      [],
    );
  });

  it('gives nothing for an empty document', () => {
    assert.deepEqual(parseOutline(new NewsDocument('')), []);
  });
});
