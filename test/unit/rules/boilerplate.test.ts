import * as assert from 'node:assert/strict';
import { NewsDocument, analyze, fixAll, resolveSettings, type Finding } from '../../../src/core';
import { boilerplate } from '../../../src/core/rules/boilerplate';
import { seed } from '../helpers';

function check(text: string, settings: Record<string, unknown> = {}): { doc: NewsDocument; findings: Finding[] } {
  const doc = new NewsDocument(text);
  return { doc, findings: analyze(doc, { ruleSet: [boilerplate], settings: resolveSettings(settings) }) };
}

/** [1-based line, kind word from the message, severity, has a fix]. */
function summary(text: string, settings: Record<string, unknown> = {}): [number, string, string, boolean][] {
  const { doc, findings } = check(text, settings);
  return findings.map((f) => [doc.positionAt(f.range.start).line + 1, kindOf(f.message), f.severity, Boolean(f.fix)]);
}

function kindOf(message: string): string {
  const m = /^Not article text \(([^)]+)\)|^([a-z ]+): “/.exec(message);
  return m ? (m[1] ?? m[2]) : message;
}

const clean = (text: string, settings: Record<string, unknown> = {}) =>
  fixAll(text, { ruleSet: [boilerplate], settings: resolveSettings(settings) }).text;

describe('boilerplate', () => {
  it('a role word followed by names is a staff credit; followed by a title, it is not', () => {
    assert.deepEqual(summary('正文第一段。\n视频：张三\n编辑：王鸿洋 审核：李四\n'), [
      [2, 'staff credit', 'hint', false],
      [3, 'staff credit', 'hint', false],
    ]);
    assert.deepEqual(summary('正文第一段。\n视频：脸书进军智能手机市场收看01:49\n视频：香港码头工人罢工旷日持久收看02:21\n'), []);
  });

  it('seed 000: the metadata block (主题词, the 索引号 table) and nothing else', () => {
    assert.deepEqual(summary(seed('000')), [22, 23, 24, 25, 26, 27].map((l) => [l, 'metadata field', 'info', true]));
    const lines = seed('000').split('\n');
    assert.equal(clean(seed('000')), lines.slice(0, 21).join('\n'), 'removed whole, no trailing line break added');
  });

  it('seed 001: photo credits and staff credits marked and kept, notices and disclaimers removed', () => {
    assert.deepEqual(summary(seed('001')), [
      [19, 'photo credit', 'hint', false],
      [26, 'photo credit', 'hint', false],
      [30, 'photo credit', 'hint', false],
      [48, 'staff credit', 'hint', false],
      [49, 'staff credit', 'hint', false],
      [50, 'staff credit', 'hint', false],
      [51, 'staff credit', 'hint', false],
      [52, 'reprint notice', 'info', true],
      [53, 'contact line', 'info', true],
      [54, 'platform disclaimer', 'info', true],
      [55, 'platform disclaimer', 'info', true],
    ]);
    const out = clean(seed('001')).split('\n');
    assert.equal(out.length, 51);
    assert.match(out[50], /^審.*夏渝喜$/);
  });

  it('seed 002: the source/date line, the copyright line and the filing numbers', () => {
    assert.deepEqual(summary(seed('002')), [
      [55, 'source and date line', 'info', true],
      [118, 'copyright notice', 'info', true],
      [119, 'filing number', 'info', true],
      [120, 'filing number', 'info', true],
    ]);
    const out = clean(seed('002'));
    assert.ok(out.endsWith('作了表態(tài)發(fā)言。'), 'the footer goes with the line break before it');
    assert.equal(out.split('\n').length, 116);
  });

  it('seed 003: the trailing artefact ②2 and only it', () => {
    const { doc, findings } = check(seed('003'));
    assert.equal(findings.length, 1);
    assert.equal(doc.text.slice(findings[0].range.start, findings[0].range.end), '②2');
    assert.equal(clean(seed('003')), seed('003').slice(0, -2));
  });

  it('seed 004: photo notes, photographer credits and the byline kept; the empty 关键词 removed', () => {
    assert.deepEqual(summary(seed('004')), [
      [3, 'photo credit', 'hint', false],
      [14, 'photo credit', 'hint', false],
      [18, 'photo credit', 'hint', false],
      [44, 'byline', 'hint', false],
      [45, 'metadata field', 'info', true],
    ]);
    assert.ok(clean(seed('004')).endsWith('新华日报社南通分社记者集体采写整理'));
  });

  it('the remove setting decides which kinds carry a fix', () => {
    const withCredits = summary(seed('001'), {
      'newsclean.boilerplate.remove': ['credit', 'photo-credit', 'reprint'],
    });
    assert.deepEqual(
      withCredits.filter((f) => f[3]).map((f) => f[0]),
      [19, 26, 30, 48, 49, 50, 51, 52],
    );
    assert.equal(withCredits.find((f) => f[0] === 48)![2], 'info', 'a credit that will be removed is no longer a hint');
    assert.deepEqual(summary(seed('000'), { 'newsclean.boilerplate.remove': [] }).filter((f) => f[3]), []);
  });

  it('recognises chrome, copyright, filing and contact lines by shape', () => {
    const text = [
      '正文第一段，讲的是一件事。',
      '分享到：微信 微博',
      '上一篇：某某新闻',
      '返回顶部',
      'Copyright © 2023 Example News. All rights reserved.',
      '京公网安备 11010502030143号',
      '联系电话：010-12345678',
      '未经授权，不得转载。',
      '来源：新华社',
    ].join('\n');
    assert.deepEqual(
      summary(text).map((f) => [f[0], f[1]]),
      [
        [2, 'page navigation'],
        [3, 'page navigation'],
        [4, 'page navigation'],
        [5, 'copyright notice'],
        [6, 'filing number'],
        [7, 'contact line'],
        [8, 'reprint notice'],
        [9, 'source and date line'],
      ],
    );
    assert.equal(clean(text), '正文第一段，讲的是一件事。');
  });

  it('leaves prose that mentions the same words alone', () => {
    const text = '他说，版权所有者的权益应当受到保护，如需转载的作品必须事先取得授权许可，这一点在本次会议上被反复强调，与会代表一致同意。\n记者从会上获悉，来源于基层的意见得到采纳。';
    assert.deepEqual(check(text).findings, []);
  });

  it('keeps CRLF endings and a final line break', () => {
    assert.equal(clean('正文。\r\n返回顶部\r\n结尾。\r\n'), '正文。\r\n结尾。\r\n');
    assert.equal(clean('正文。\r\n上一篇\r\n下一篇'), '正文。');
  });

  it('never removes the first line when that would leave a U+FEFF at the start (found by the property tests)', () => {
    // Removing 分享到： made the zero-width no-break space of the next line a byte-order mark.
    const text = '分享到：\n\ufeff\n\n';
    assert.deepEqual(summary(text), [[1, 'page navigation', 'info', false]]);
    assert.equal(fixAll(text, { ruleSet: [boilerplate] }).text, text);
    // With every rule, invisible-characters removes the U+FEFF inside the text first; then the line can go.
    assert.equal(fixAll(text).text, '\n\n');
    assert.equal(clean('分享到：\n\ufeff正文。\n'), '分享到：\n\ufeff正文。\n');
    assert.equal(clean('\ufeff分享到：\n正文。\n'), '\ufeff正文。\n');
  });

  it('never throws on hostile input, 200,000 short lines among them', () => {
    const inputs = [
      '\0版权所有\0\n\ud800ICP备\udfff',
      '分享到'.repeat(2_000_000),
      Array.from({ length: 200_000 }, (_, i) => (i % 3 ? `行${i}` : '上一篇')).join('\n'),
      Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    ];
    for (const text of inputs) {
      const errors: unknown[] = [];
      analyze(new NewsDocument(text), { ruleSet: [boilerplate], onRuleError: (_, e) => errors.push(e) });
      assert.deepEqual(errors, []);
    }
  });

  it('a long filing line ending with the site code, and a source line that starts with its date', () => {
    const body = '正文第一段，这里是文章的正文内容，写得足够长以便像一段真正的新闻报道。\n';
    assert.deepEqual(summary(body + '主办：××市人民政府办公室 © ××市人民政府网 版权所有 豫ICP备05012345号 豫公网安备 41130202000123号网站标识码：4113000001\n'), [[2, 'filing number', 'info', true]]);
    assert.deepEqual(summary(body + '2023-05-12 09:30:15　来源：南阳日报\n'), [[2, 'source and date line', 'info', true]]);
    // A sentence about filing numbers is prose.
    assert.deepEqual(summary(body + '工信部要求，网站须取得ICP证后方可运营，违者将被处罚。\n'), []);
  });

  it('an ad menu inside the article (a run of short lines naming the ad) is a promotion; prose about ads is not', () => {
    const para = (n: number) => `　　第${n}段正文，记者在现场看到，市民们排队参观新落成的博物馆，讲解员耐心地回答大家的问题。\n`;
    const menu = ['為什麼顯示這個廣告？', '廣告意見與建議', '為什麼你不喜歡這個廣告？', '這個廣告令我不安', '其他原因', '提交'];
    const text = para(1) + para(2) + menu.join('\n') + '\n' + para(3) + para(4);
    const found = summary(text);
    assert.deepEqual(
      found.filter(([, kind]) => kind === 'share, app or ad promotion').map(([line]) => line),
      [3, 4, 5, 6, 7, 8],
    );
    const prose = para(1) + '　　广告法规定，广告不得含有虚假内容，这是对广告主的基本要求。\n' + para(2) + para(3);
    assert.deepEqual(summary(prose), []);
  });

  it('photo captions by their mark (图为…, △…): kept unless the setting lists them', () => {
    const para = (n: number) => `　　第${n}段正文，记者在现场看到，市民们排队参观新落成的博物馆，讲解员耐心地回答大家的问题。\n`;
    assert.deepEqual(summary(para(1) + '图为新落成的博物馆外景\n' + para(2)), [[2, 'photo caption', 'hint', false]]);
    assert.deepEqual(summary(para(1) + '△博物馆馆长在现场讲解\n' + para(2)), [[2, 'photo caption', 'hint', false]]);
    assert.equal(clean(para(1) + '图为新落成的博物馆外景\n' + para(2), { 'newsclean.boilerplate.remove': ['caption'] }), para(1) + para(2));
    assert.equal(clean(para(1) + '图为新落成的博物馆外景\n' + para(2)), para(1) + '图为新落成的博物馆外景\n' + para(2));
    // Prose that mentions a photo is not a caption.
    assert.deepEqual(summary(para(1) + '　　图为何物，众说纷纭；博物馆请来专家逐一考证，终于有了结论。\n' + para(2)), []);
    assert.deepEqual(summary(para(1) + '图为什么是圆的，专家给出了答案\n' + para(2)), []);
    assert.deepEqual(summary(para(1) + '图为市民在排队。馆方随后延长了开放时间\n' + para(2)), []);
    // With who made the photo on the same line, it is a photo credit.
    assert.deepEqual(summary(para(1) + '◎ 新馆外景。/图：本报记者\n' + para(2)), [[2, 'photo credit', 'hint', false]]);
    assert.deepEqual(summary(para(1) + '▲市民排队入馆。（圖／記者翻攝）\n' + para(2)), [[2, 'photo credit', 'hint', false]]);
  });

  it('on a page, a Japanese or Korean line is never reported nor removed (a menu in hangul, a caption in Japanese)', () => {
    const para = (n: number) => `第${n}段正文，与会者表示，文化交流有助于增进三国人民之间的相互了解和友谊，值得长期坚持。`;
    const text = [
      '홈 | 뉴스 | 정치 | 경제',
      '首页 > 国际 > 正文',
      '中日韩文化交流活动在京举行',
      '2024-05-20 09:30 来源：本报',
      '分享到：',
      '微信',
      '微博',
      para(1),
      '◎ 写真は共同通信提供',
      '△서울시청 앞 광장에서 열린 행사',
      para(2),
      '相关阅读',
      '서울시청 앞 광장에서 열린 행사',
      '关于我们 | 联系我们 | 网站地图',
    ].join('\n');
    const remove = { 'newsclean.boilerplate.remove': ['caption', 'photo-credit', 'navigation', 'related', 'promotion', 'chrome', 'metadata'] };
    const reported = summary(text, remove).map(([l]) => l);
    for (const l of [1, 9, 10, 13]) assert.ok(!reported.includes(l), `line ${l} reported`);
    const out = clean(text, remove).split('\n');
    for (const l of [1, 9, 10, 13]) assert.ok(out.includes(text.split('\n')[l - 1]), `line ${l} removed`);
    assert.ok(!out.includes('首页 > 国际 > 正文'), 'the Chinese chrome is removed');
  });

  it('on a page: a caption printed twice (its alt text) or right above a bare credit; not a credit printed under each photo, nor a feed item\'s stamp', () => {
    const para = (n: number) => `第${n}段正文，记者在现场看到，市民们排队参观新落成的博物馆，讲解员耐心地回答了大家提出的各种问题。`;
    const page = (body: string[]) =>
      ['首页 | 新闻 | 财经 | 文化', '首页 > 新闻 > 正文', '博物馆新馆开放首日迎客五万人次', '2024-05-20 09:30 来源：本报', '分享到：', '微信', '微博', ...body, '相关阅读', '城市书房夜间开放 2024-05-18', '网友评论', '关于我们 | 联系我们 | 网站地图'].join('\n');
    const inBody = (body: string[]) =>
      summary(page(body))
        .filter(([l]) => l >= 8 && l < 8 + body.length)
        .map(([l, k]) => [l - 7, k]);
    assert.deepEqual(inBody([para(1), '灯光版博物馆夜景', para(2), '灯光版博物馆夜景', para(3)]), [
      [2, 'photo caption'],
      [4, 'photo caption'],
    ]);
    assert.deepEqual(inBody([para(1), '博物馆的新展厅', '图片来源：新华社', para(2), para(3)]), [
      [2, 'photo caption'],
      [3, 'photo credit'],
    ]);
    assert.deepEqual(inBody([para(1), '博物馆供图', para(2), '博物馆供图', para(3)]), [
      [2, 'photo credit'],
      [4, 'photo credit'],
    ]);
    // A feed of other articles: each item's time stamp and title are related articles, not captions or headings.
    assert.deepEqual(inBody([para(1), '新华社·2 天前', '新馆开放首日迎客五万', para(2), '新华社·2 天前', para(3)]), [
      [2, 'related articles'],
      [3, 'related articles'],
      [5, 'related articles'],
    ]);
    // A live blog's bare stamps, and one card alone, are not a feed.
    assert.deepEqual(inBody([para(1), '5分钟前', '馆方宣布延长开放时间', para(2), '3分钟前', para(3)]), []);
    assert.deepEqual(inBody([para(1), '新华社·2 天前', '新馆开放首日迎客五万', para(2), para(3)]), []);
  });
});
