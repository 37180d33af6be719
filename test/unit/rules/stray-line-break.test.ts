import * as assert from 'node:assert/strict';
import { NewsDocument, analyze, fixAll } from '../../../src/core';

const check = (text: string) => analyze(new NewsDocument(text), { rules: ['stray-line-break'] });
const fix = (text: string) => fixAll(text, { rules: ['stray-line-break'] }).text;

describe('rule stray-line-break', () => {
  it('joins a line that starts with continuing punctuation', () => {
    for (const p of ['，', '、', '。', '；', '：', '！', '？', '）', '」', '』', '》', '…', ',', ';', ':', '!', '?', ')']) {
      assert.equal(fix(`总投资额超过200亿元\n${p}市长出席`), `总投资额超过200亿元${p}市长出席`, p);
    }
  });

  it('points at the punctuation that starts the line', () => {
    const [f] = check('根基在产业\n，支撑在项目。');
    assert.deepEqual(f.range, { start: 6, end: 7 });
    assert.equal(f.ruleId, 'stray-line-break');
    assert.ok(f.fix);
  });

  it('joins after a line that ends with an opening mark or a comma', () => {
    assert.equal(fix('他说，\n我们要干。'), '他说，我们要干。');
    assert.equal(fix('出台《\n招商引资考评办法》。'), '出台《招商引资考评办法》。');
    assert.equal(fix('确保“\n十四五”开好局。'), '确保“十四五”开好局。');
  });

  it('joins the rest of a fragment that does not end its sentence', () => {
    assert.equal(fix('市委\n、市政府将每月28\n日定为项目签约推进日。'), '市委、市政府将每月28日定为项目签约推进日。');
  });

  it('puts one space between Latin words and none between CJK characters', () => {
    assert.equal(fix('The content above is uploaded,\nand posted by a user.'), 'The content above is uploaded, and posted by a user.');
    assert.equal(fix('中文，  \n  继续。'), '中文，继续。');
  });

  it('never joins across a blank line, a heading, a list item or a credit line', () => {
    for (const text of [
      '他说，\n\n我们要干。',
      '大抓落实勇担当\n南阳发展机遇千载难逢。',
      '工作如下，\n1. 抓招商。',
      '工作如下，\n（一）抓招商。',
      '记者 | 胡禹\n，编辑。',
      '海安的追赶超越之路，\n姜明 摄',
      '通州:提振精气神,聚力项目建设\n1月28日,兔年春节后第一个工作日。',
      '市经科信局主要负责同志:\n我们将强化集聚提规模。',
    ]) {
      assert.deepEqual(check(text), [], text);
    }
  });

  it('keeps CRLF endings elsewhere in the document', () => {
    assert.equal(fix('第一句。\r\n根基在产业\r\n，支撑在项目。\r\n'), '第一句。\r\n根基在产业，支撑在项目。\r\n');
  });

  it('is idempotent: a fixed text has nothing left to join', () => {
    const text = '根基在产业\n，支撑在项目\n、关键在招商\n。\n下一段。';
    const once = fix(text);
    assert.equal(once, '根基在产业，支撑在项目、关键在招商。\n下一段。');
    assert.deepEqual(check(once), []);
  });
});
