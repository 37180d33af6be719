import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { NewsDocument, parseOutline, type OutlineEntry } from '../../../src/core';
import { stripRuby } from '../../../src/core/text/shapes';
import { ROOT, seed, seedNames } from '../helpers';

const ANATOMY = path.join(ROOT, 'test', 'fixtures', 'anatomy');

interface Json {
  name: string;
  kind: string;
  line: number;
  endLine: number;
  children: Json[];
}
const json = (e: OutlineEntry): Json => ({ name: e.name, kind: e.kind, line: e.line + 1, endLine: e.endLine + 1, children: e.children.map(json) });
const complete = (prefix: string) => parseOutline(new NewsDocument(seed(prefix)));
const flat = (entries: readonly OutlineEntry[]): OutlineEntry[] => entries.flatMap((e) => [e, ...flat(e.children)]);
const kinds = (entries: readonly OutlineEntry[], kind: string) => flat(entries).filter((e) => e.kind === kind);

describe('outline: the complete anatomy', () => {
  for (const name of seedNames()) {
    it(`${name} matches its golden outline`, () => {
      const golden = JSON.parse(fs.readFileSync(path.join(ANATOMY, `${name}.outline.json`), 'utf8')) as Json[];
      assert.deepEqual(complete(name.slice(0, 3)).map(json), golden);
    });

    it(`${name}: every child lies inside its parent, selection inside range`, () => {
      const walk = (entries: readonly OutlineEntry[], parent?: OutlineEntry) => {
        for (const e of entries) {
          assert.ok(e.range.start <= e.selectionRange.start && e.selectionRange.end <= e.range.end, e.name);
          if (parent) assert.ok(parent.range.start <= e.range.start && e.range.end <= parent.range.end, `${e.name} in ${parent.name}`);
          walk(e.children, e);
        }
      };
      walk(complete(name.slice(0, 3)));
    });
  }

  it('seed 000: the same three sections, ending before the metadata block, which is its own entry', () => {
    const full = complete('000');
    assert.deepEqual(
      full.filter((e) => e.kind === 'section').map((e) => [e.name, e.line]),
      [
        ['大抓落实勇担当', 0],
        ['务实高效强作风', 8],
        ['收获满满显成效', 16],
      ],
    );
    assert.deepEqual(full.map((e) => [e.kind, e.line, e.endLine]), [
      ['section', 0, 7],
      ['section', 8, 15],
      ['section', 16, 20],
      ['boilerplate', 21, 26],
    ]);
  });

  it('seed 001: captions, photo credits, speaker labels, the credits block and the disclaimers; no sections', () => {
    const full = complete('001');
    assert.deepEqual(kinds(full, 'section'), []);
    assert.deepEqual(kinds(full, 'caption').map((e) => e.line + 1), [7, 19, 24, 26, 30]);
    assert.deepEqual(kinds(full, 'speaker').map((e) => e.line + 1), [21, 28, 31, 38, 40, 42]);
    assert.equal(kinds(full, 'speaker')[1].name, '市經科信局主要負責同志:');
    assert.deepEqual(full.slice(-2).map((e) => [e.kind, e.line + 1, e.endLine + 1]), [
      ['credits', 48, 51],
      ['boilerplate', 52, 55],
    ]);
  });

  it('seed 002: title, subtitles and dateline; the repeated copy shows as a second title; source line and footer blocks', () => {
    const full = complete('002');
    assert.deepEqual(full.map((e) => [e.kind, e.line + 1, e.endLine + 1]), [
      ['title', 1, 54],
      ['boilerplate', 55, 55],
      ['title', 56, 117],
      ['boilerplate', 118, 120],
    ]);
    assert.deepEqual(full[0].children.map((e) => e.kind), ['subtitle', 'subtitle', 'dateline']);
    assert.equal(full[0].children[2].name, '本報訊 (記者張 提 王鴻洋)7月28日');
  });

  it('seed 003: the dateline read through the flattened pinyin', () => {
    assert.deepEqual(complete('003').map((e) => [e.kind, e.name]), [['dateline', '本報訊(記者 岳建輝)7月28日至30日']]);
  });

  it('seed 004: dateline, the ten place:title sections with their photo credits, the byline and the empty 关键词', () => {
    const full = complete('004');
    const sections = full.filter((e) => e.kind === 'section');
    assert.ok(sections.every((e) => /^[\u4e00-\u9fff]{2,8}:/.test(e.name)));
    assert.equal(sections.length, 10);
    assert.deepEqual(kinds(full, 'caption').map((e) => [e.name, e.line + 1]), [
      ['(资料图片)', 3],
      ['姜明 摄', 14],
      ['邱宇 摄', 18],
    ]);
    assert.deepEqual(full.map((e) => e.kind).filter((k) => k !== 'section'), ['dateline', 'caption', 'credits', 'boilerplate']);
    assert.equal(sections[9].endLine, 42, 'the last section ends before the byline');
  });

  it('numbered headings: 一、 sections with （一） sub-sections', () => {
    const text = '一、总体要求\n这是第一部分的正文，内容较长，说明了总体的要求。\n（一）基本原则\n坚持稳中求进工作总基调，统筹发展和安全。\n（二）主要目标\n到二〇二五年，各项指标全面完成。\n二、重点任务\n加快建设现代化产业体系，推动高质量发展。';
    const full = parseOutline(new NewsDocument(text));
    assert.deepEqual(full.map((e) => [e.kind, e.name, e.children.map((c) => c.kind)]), [
      ['section', '一、总体要求', ['subsection', 'subsection']],
      ['section', '二、重点任务', []],
    ]);
  });


  it('never throws on hostile input', () => {
    const inputs = [
      '',
      '\0\0\n\ud800\n',
      Array.from({ length: 200_000 }, (_, i) => (i % 2 ? '短标题行' : `第${i}段正文内容，到此为止。`)).join('\n'),
      '本报讯'.repeat(1_000_000),
      Array.from({ length: 50_000 }, () => '市经科信局主要负责同志:').join('\n'),
    ];
    for (const text of inputs) assert.ok(Array.isArray(parseOutline(new NewsDocument(text))));
  });
});

describe('stripRuby', () => {
  // What it removes, as a pattern: one to eight pinyin letters in parentheses after a Han character, left to right.
  const RUBY = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（][a-zàáâãäåèéêëìíîïòóôõöùúûüāēěīōūǎǐǒǔǖǘǚǜńňǹḿ]{1,8}[)）]/g;

  it('removes flattened pinyin after Han characters only', () => {
    assert.equal(stripRuby('簡(jiǎn)陽（yáng）市'), '簡陽市');
    assert.equal(stripRuby('簡(jiǎn)(jiǎn)'), '簡(jiǎn)');
    assert.equal(stripRuby('组织(WHO)、南阳(nanyangshiqu)、a(b)'), '组织(WHO)、南阳(nanyangshiqu)、a(b)');
  });

  it('removes what the pattern matches, on any text', () => {
    const piece = fc.constantFrom('簡', '中', '㐀', '豈', 'a', 'jiǎn', 'ḿ', 'abcdefgh', 'abcdefghi', '(', ')', '（', '）', 'W', ' ', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(stripRuby(text), text.replace(RUBY, '$1'));
      }),
      { numRuns: 2000, seed: 20261124 },
    );
  });

});

describe('outline on a pasted page: captions and headings', () => {
  const para = (n: number) => `第${n}段正文，记者在现场看到，市民们排队参观新落成的博物馆，讲解员耐心地回答了大家提出的各种问题。`;
  const article = [
    para(1),
    '◎ 新馆外景。/图：本报记者',
    '01新馆有多大？这里说了算',
    para(2),
    para(3),
    '图为讲解员在展厅',
    '02展品从哪里来',
    '第4段正文，记者在现场看到，市民们排队参观新落成的博物馆',
    '，讲解员耐心地回答了大家提出的各种问题。',
    para(5),
  ];
  const lines = (entries: readonly OutlineEntry[], kind: string) => kinds(entries, kind).map((e) => e.line + 1);

  it('a heading right after a caption with its own mark, and a heading whose paragraph a stray break cut', () => {
    const text = [
      '首页 | 新闻 | 财经 | 文化 | 视频',
      '首页 > 新闻 > 正文',
      '博物馆新馆开放首日迎客五万人次',
      '2024-05-20 09:30 来源：本报',
      '分享到：',
      '微信',
      '微博',
      ...article,
      '责任编辑：王五',
      '相关阅读',
      '城市书房夜间开放 2024-05-18',
      '图书馆推出暑期活动 2024-05-16',
      '网友评论',
      '关于我们 | 联系我们 | 网站地图',
    ].join('\n');
    const entries = parseOutline(new NewsDocument(text));
    assert.deepEqual(lines(entries, 'title'), [3]);
    assert.deepEqual(lines(entries, 'section'), [10, 14]);
    assert.deepEqual(lines(entries, 'caption'), [9, 13]);
  });

  it('a headline is never a caption, on a page or not (photos elsewhere, a narrative-shaped headline)', () => {
    // Without the page's chrome: the headline, then its source line.
    const text = ['首页 > 新闻 > 正文', '博物馆新馆开放首日迎客五万人次', '2024-05-20 09:30 来源：本报', ...article].join('\n');
    const entries = parseOutline(new NewsDocument(text));
    assert.deepEqual(lines(entries, 'caption'), [5, 9]);
    // The headline alone at the top, over the text.
    const top = parseOutline(new NewsDocument(['博物馆新馆开放首日迎客五万人次', ...article].join('\n')));
    assert.ok(!lines(top, 'caption').includes(1));
    // In the text, the same narrative-shaped line under a photo's caption elsewhere is a caption.
    const inText = parseOutline(new NewsDocument([...article.slice(0, 5), '市民们排队参观新落成的博物馆展厅', ...article.slice(5)].join('\n')));
    assert.ok(lines(inText, 'caption').includes(6));
  });
});


