import * as assert from 'node:assert/strict';
import { NewsDocument, analyze, fixAll, resolveSettings } from '../../../src/core';
import { halfwidthPunctuation } from '../../../src/core/rules/halfwidth-punctuation';
import { seed } from '../helpers';

const RULES = [halfwidthPunctuation];
const fix = (text: string, settings: Record<string, unknown> = {}) =>
  fixAll(text, { ruleSet: RULES, settings: resolveSettings(settings) }).text;
const findings = (text: string) => analyze(new NewsDocument(text), { ruleSet: RULES });

describe('halfwidth-punctuation', () => {
  it('converts , : ; ! ? ( ) in Chinese prose', () => {
    assert.equal(fix('对此,朱是西反复强调:省副中心城市是干出来的!'), '对此，朱是西反复强调：省副中心城市是干出来的！');
    assert.equal(fix('指明了方向;河南省'), '指明了方向；河南省');
    assert.equal(fix('把蓝图变为现实?'), '把蓝图变为现实？');
    assert.equal(fix('“去年效益如何?”“今年有什么打算?”'), '“去年效益如何？”“今年有什么打算？”');
    assert.equal(fix('在康瑞新材料科技(南通)有限公司'), '在康瑞新材料科技（南通）有限公司');
    assert.equal(fix('(资料图片)'), '（资料图片）');
  });

  it('decides by the characters on both sides, not by the line', () => {
    assert.equal(fix('共1,000人,同比增长3.5%,比分1:2,全场8:30开始'), '共1,000人，同比增长3.5%，比分1:2，全场8:30开始');
    assert.equal(fix('来源:南阳日报 发布时间:2021-07-29 08:14:44'), '来源：南阳日报 发布时间：2021-07-29 08:14:44');
    assert.equal(fix('世界卫生组织(WHO)在(2021)年'), '世界卫生组织(WHO)在(2021)年');
    assert.equal(fix('Notice: The content above (including the pictures), is here.'), 'Notice: The content above (including the pictures), is here.');
    assert.equal(fix('簡(jiǎn)陽(yáng)市'), '簡(jiǎn)陽(yáng)市');
    assert.equal(fix('縣(市、區(qū))'), '縣（市、區(qū)）');
    assert.equal(fix('的“智囊团”, 引导企业'), '的“智囊团”，引导企业');
    assert.equal(fix('EPCO,农污'), 'EPCO，农污');
  });

  it('leaves a ? that may stand for a lost character', () => {
    for (const s of ['版權所有 ?2020', '版权所有?2020', '张?明', '出现??乱码', '查看a.php?id=1']) assert.equal(fix(s), s);
  });

  it('converts straight quotes, with corner brackets for zh-TW / zh-HK or by setting', () => {
    assert.equal(fix('大家不搞"花架子",不做\'虚功夫\''), '大家不搞“花架子”，不做‘虚功夫’');
    assert.equal(fix('大家不搞"花架子"', { 'newsclean.script.target': 'zh-TW' }), '大家不搞「花架子」');
    assert.equal(fix('不做\'虚功夫\'', { 'newsclean.punctuation.quotes': 'corner' }), '不做『虚功夫』');
    assert.equal(fix('他说"OK"就走'), '他说"OK"就走');
    assert.equal(fix("It's 中文"), "It's 中文");
  });

  it('converts a run of marks in one pass, each judged after the ones before it (found by the property tests)', () => {
    // Each mark was judged by the half-width mark before it, so a run needed
    // one fix-all pass per mark and six passes left the rest unconverted.
    const text = '立足區位優勢，圍繞成都建設“三中心一基地\r\r\n”等發(fā\n\n)展锟斤拷\r\n?;\n?;\n ?; \n';
    const all = fixAll(text);
    assert.equal(all.text, '立足區位優勢，圍繞成都建設“三中心一基地\r\r\n”等發(fā\n\n)展锟斤拷？；？；？； \n');
    assert.deepEqual(analyze(new NewsDocument(all.text)).filter((f) => f.fix), []);
    const run = '中?;?;?;?;?;?;?;';
    assert.equal(findings(run).length, 14);
    assert.equal(fixAll(run, { ruleSet: RULES, maxPasses: 1 }).text, '中？；？；？；？；？；？；？；');
    assert.equal(fixAll('中,:(文),;', { ruleSet: RULES, maxPasses: 1 }).text, '中，：（文），；');
  });

  it('converts ... and -- between Chinese characters', () => {
    assert.equal(fix('多重利好叠加...我们'), '多重利好叠加……我们');
    assert.equal(fix('这是--我们的目标'), '这是——我们的目标');
    assert.equal(fix('1...5 A--B ---|---'), '1...5 A--B ---|---');
  });

  it('seed 000: every half-width mark in prose is flagged and fixed; the metadata table, dates and numbers are not', () => {
    const text = seed('000');
    const fixed = fix(text);
    const before = text.split('\n');
    const after = fixed.split('\n');
    assert.equal(after.length, before.length);
    const table = (l: string) => l.includes('|');
    for (let i = 0; i < before.length; i++) {
      if (table(before[i])) assert.equal(after[i], before[i], `table line ${i + 1}`);
      else assert.doesNotMatch(after[i], /[,:;!?()]/, `line ${i + 1}: ${after[i]}`);
    }
    // Only punctuation changed: the digits and Han are where they were.
    assert.equal(fixed.replace(/[，：；！？（）,:;!?()]/g, ''), text.replace(/[，：；！？（）,:;!?()]/g, ''));
    assert.ok(findings(text).length >= 100);
  });

  it('seed 004 likewise', () => {
    const text = seed('004');
    const fixed = fix(text);
    assert.doesNotMatch(fixed, /[,:;!?()]/);
    assert.match(fixed, /通州：提振精气神，聚力项目建设/);
    assert.match(fixed, /在康瑞新材料科技（南通）有限公司/);
    assert.match(fixed, /1月28日，/);
    assert.equal(fixed.replace(/[，：；！？（）,:;!?()]/g, ''), text.replace(/, (?=[\u4e00-\u9fff])/g, ',').replace(/[，：；！？（）,:;!?()]/g, ''));
  });

  it('seed 002 keeps ?2020 and the filing number', () => {
    const fixed = fix(seed('002'));
    assert.match(fixed, /版權所有 \?2020/);
    assert.match(fixed, /豫ICP備20017668號-1/);
    assert.match(fixed, /2021-07-29 08:14:44/);
  });

  it('never throws and stays linear on hostile input', () => {
    const hostile = [
      '\u0000,\u0000:(\u0000)',
      '\ud800,中\udc00?文',
      '中'.repeat(10) + ','.repeat(100_000),
      '('.repeat(50_000) + '中' + ')'.repeat(50_000),
      '"中'.repeat(100_000),
      '.'.repeat(300_000) + '-'.repeat(300_000),
      Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
      'a'.repeat(100_000) + '@' + 'b'.repeat(100_000),
      '1'.repeat(200_000) + ':',
    ];
    for (const s of hostile) assert.ok(Array.isArray(findings(s)));
  });

  it('handles a 5 MB single line', () => {
    const line = '对此,朱是西反复强调:1,000人在8:30到达(北京)!'.repeat(180_000);
    assert.ok(findings(line).length > 0);
  });
});
