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

  it('joins a sentence cut between two characters when the line before reads as prose', () => {
    // A finished sentence before the cut, an unclosed quote, three clause marks, a paragraph indent the next line lacks.
    assert.equal(fix('向外，开放升级。诸多外贸企业想方设法稳住对发达\n经济体的出口。'), '向外，开放升级。诸多外贸企业想方设法稳住对发达经济体的出口。');
    assert.equal(fix('今年，持续整个正月的“过大年”展览和“紫禁\n城上元之夜”，让故宫变得一票难求。'), '今年，持续整个正月的“过大年”展览和“紫禁城上元之夜”，让故宫变得一票难求。');
    assert.equal(fix('没有生态，体验就差，没有体验，销量就差，没有\n销量，更没有生态。'), '没有生态，体验就差，没有体验，销量就差，没有销量，更没有生态。');
    assert.equal(fix('　　通过实施生态保护修复工程，河南已建成沿黄生态\n廊道1200多公里。\n　　下一段。'), '　　通过实施生态保护修复工程，河南已建成沿黄生态廊道1200多公里。\n　　下一段。');
    assert.match(check('向外，开放升级。诸多外贸企业想方设法稳住对发达\n经济体的出口。')[0].message, /Line 1 stops mid-sentence/);
  });

  it('does not join a headline, a teaser, a caption with its credit or a label line after such a line', () => {
    for (const text of [
      '李强在新疆调研时强调，立足资源禀赋培育壮大特色优势产业\n新华社乌鲁木齐5月9日电，李强在新疆调研。', // a headline with a comma
      '　　专业对口，学生“丝滑”入行\n　　大二和大三暑假，刘佳芸去了一家单位实习。', // an indented heading, an indented paragraph
      '习近平在上海主持召开座谈会并发表重要讲话。新华社记者 谢环驰 摄\n李强出席座谈会。', // a caption and its credit
      '台中市賴姓女子從5樓租屋處墬落身亡。王煌忠攝\n本新聞文字、照片專供會員閱覽。',
      '7想降血压？打打太极\n8骑行影响男性生育力？想太多了！', // a list of teasers
      '中国人吃的白米饭，其实是“最差的主食”？原来这么多年都吃错了\n声明：本网登载此文出于传递更多信息之目的。',
      '03减肥有多难？这样做是有害的\n在接受采访时，她说：“减重要健康。”',
    ]) {
      assert.deepEqual(check(text), [], text);
    }
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
