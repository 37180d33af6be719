import * as assert from 'node:assert/strict';
import { NewsDocument, RULES, analyze } from '../../../src/core';
import { testRule, type RuleCases } from '../rule-tester';

/** Cases of every rule: a rule without cases here fails the first test. */
const CASES: Record<string, RuleCases> = {
  mojibake: {
    valid: ['他说：“今天天气很好。”', '南阳市位于河南省西南部。\n'],
    invalid: [
      {
        text: '南阳市位于河南省西南部，是一座历史文化名城，人口众多，经济发展迅速，交通便利。\n记者从鍗楅槼市政府获悉，今年的工作进展顺利。\n',
        findings: [{ message: 'UTF-8 text read as GBK', text: '鍗楅槼', severity: 'error' }],
        output: '南阳市位于河南省西南部，是一座历史文化名城，人口众多，经济发展迅速，交通便利。\n记者从南阳市政府获悉，今年的工作进展顺利。\n',
      },
    ],
  },
  'lost-characters': {
    valid: ['What? Really?\n', '今天天气很好。'],
    invalid: [
      { text: '版权所有 ?2020 某某报社\n', findings: [{ message: '©', text: '?' }], output: '版权所有 ©2020 某某报社\n' },
      { text: '这是\ufffd\ufffd一个测试。', findings: [{ message: '2 character(s) lost', text: '\ufffd\ufffd' }] },
    ],
  },
  'flattened-pinyin': {
    valid: ['世界卫生组织(WHO)发布报告。\n'],
    invalid: [{ text: '簡(jiǎn)陽(yáng)市位于四川。\n', findings: [{ message: '2 flattened pinyin' }], output: '簡陽市位于四川。\n' }],
  },
  'mixed-script': {
    valid: ['今天我们去北京开会。\n', { text: '這個會議討論了經濟問題。\n', settings: { 'newsclean.script.target': 'auto' } }],
    invalid: [
      {
        text: '今天我们去北京开会。这个会议很重要，大家都来了。\n另外，這個會議討論了經濟問題。\n',
        findings: [{ message: 'Line 1 is written in Simplified Chinese' }],
        output: '今天我們去北京開會。這個會議很重要，大家都來了。\n另外，這個會議討論了經濟問題。\n',
      },
      {
        text: '另外，這個會議討論了經濟問題。\n',
        settings: { 'newsclean.script.target': 'zh-Hans' },
        findings: 1,
        output: '另外，这个会议讨论了经济问题。\n',
      },
    ],
  },
  'halfwidth-punctuation': {
    valid: ['1,000人在8:30到达。\n', 'Notice: The content.\n'],
    invalid: [
      { text: '对此,他表示:很好!\n', findings: [{ text: ',' }, { text: ':' }, { text: '!' }], output: '对此，他表示：很好！\n' },
      { text: '他说"好"。\r\n', settings: { 'newsclean.punctuation.quotes': 'corner' }, findings: 1, output: '他说「好」。\r\n' },
    ],
  },
  'stray-line-break': {
    valid: ['第一段。\n\n第二段。\n', '第一段。\n第二段。\n'],
    invalid: [
      { text: '他表示，\n今天的会议很重要。\n', findings: [{ message: 'Line 1 ends with “，”', text: '，' }], output: '他表示，今天的会议很重要。\n' },
      { text: '会议指出。全球产能布局是市场规律和经济全球化共同\n作用的客观结果。\n', findings: [{ message: 'Line 1 stops mid-sentence', text: '同' }], output: '会议指出。全球产能布局是市场规律和经济全球化共同作用的客观结果。\n' },
    ],
  },
  'duplicate-block': {
    valid: ['今天的会议讨论了经济发展问题。\n明天的会议讨论教育问题。\n'],
    invalid: [
      {
        text: '今天的会议讨论了经济发展问题和民生保障问题。\n\n今天的会议讨论了经济发展问题和民生保障问题。\n',
        findings: [{ message: 'Line 3 repeats line 1' }],
        output: '今天的会议讨论了经济发展问题和民生保障问题。\n\n',
      },
    ],
  },
  'fullwidth-alphanumeric': {
    valid: ['２０２１年のＧＤＰは日本語のテキストです。\n', '2021年GDP增长5%。\n'],
    invalid: [{ text: '２０２１年，５Ｇ基站建设加快。\n', findings: 2, output: '2021年，5G基站建设加快。\n' }],
  },
  'invisible-characters': {
    valid: ['今天天气很好。\n', '家人👨\u200d👩\u200d👧一起出游。\n'],
    invalid: [{ text: '今天\u200b天气很好。\r\n', findings: 1, output: '今天天气很好。\r\n' }],
  },
  'html-remnants': {
    valid: ['张三&李四合作完成。\n'],
    invalid: [{ text: '他说&ldquo;好&rdquo;。<br>\n', findings: 3, output: '他说“好”。\n' }],
  },
  'compatibility-ideographs': {
    valid: ['今日天气晴。\n'],
    invalid: [{ text: '今\u2f47天气晴。\n', findings: 1, output: '今日天气晴。\n' }],
  },
  'quote-style': {
    valid: ['他说：“好。”她说：“行。”\n', 'It’s fine.\n他说：「好。」\n'],
    invalid: [
      { text: '他说：“好。”她说：“行。”他又说：「走。」\n', findings: 2, output: '他说：“好。”她说：“行。”他又说：“走。”\n' },
      // Several lines (the incremental strategy checks the edited ones again), nesting, a Japanese line, CRLF.
      {
        text: '甲说：“他说‘好’。”\r\n乙说：「走。」\r\n「これは日本語です。」\r\n丙说：“行。”\n丁说：“可以。”\n',
        findings: 2,
        output: '甲说：“他说‘好’。”\r\n乙说：“走。”\r\n「これは日本語です。」\r\n丙说：“行。”\n丁说：“可以。”\n',
      },
      { text: '甲说：「好」\n乙说：“行”\n', settings: { 'newsclean.script.target': 'zh-TW' }, findings: 2, output: '甲说：「好」\n乙说：「行」\n' },
      { text: '甲说：「好」\n乙说：“行”\n丙说：「走」\n', settings: { 'newsclean.punctuation.quotes': 'curly' }, findings: 4, output: '甲说：“好”\n乙说：“行”\n丙说：“走”\n' },
    ],
    edits: 40,
  },
  'cjk-latin-spacing': {
    valid: ['使用iPhone拍摄。\n', { text: '使用 iPhone 拍摄。\n', settings: { 'newsclean.rules.cjk-latin-spacing': 'default' } }],
    invalid: [{ text: '使用iPhone拍摄。\n', settings: { 'newsclean.rules.cjk-latin-spacing': 'default' }, findings: 2, output: '使用 iPhone 拍摄。\n' }],
  },
  boilerplate: {
    valid: ['今天的会议讨论了经济发展问题。\n'],
    invalid: [
      { text: '正文内容在这里。\n版权所有 © 2020 某某网\n', findings: [{ message: 'copyright notice', severity: 'info' }], output: '正文内容在这里。\n' },
      { text: '正文内容在这里。\n记者 | 胡禹\n', findings: [{ message: 'staff credit', severity: 'hint' }] },
    ],
  },
};

describe('rule tester', () => {
  it('has cases for every rule of the registry', () => {
    assert.deepEqual(RULES.map((r) => r.meta.id).filter((id) => !CASES[id]), []);
  });

  it('a finding carries the data its code actions read: the encoding of a file that is mojibake as a whole', () => {
    const text = '鍗楅槼甯備綅浜庢渤鍗楃渷瑗垮崡閮紝鏄竴搴у巻鍙叉枃鍖栧悕鍩庛€\ufffd\n';
    const [finding] = analyze(new NewsDocument(text), { rules: ['mojibake'] });
    assert.equal(finding.data?.wholeFile?.encoding, 'UTF-8');
    assert.equal(finding.data?.wholeFile?.readAs, 'GBK');
  });
});

for (const rule of RULES) if (CASES[rule.meta.id]) testRule(rule, CASES[rule.meta.id]);
