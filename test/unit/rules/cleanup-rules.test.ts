import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsDocument, analyze, analyzeIncremental, fixAll, resolveSettings, type Settings } from '../../../src/core';
import type { AnyRule as Rule } from '../../../src/core/rule';
import { RULES } from '../../../src/core/rules';
import { fullwidthAlphanumeric } from '../../../src/core/rules/fullwidth-alphanumeric/rule';
import { invisibleCharacters } from '../../../src/core/rules/invisible-characters/rule';
import { htmlRemnants } from '../../../src/core/rules/html-remnants/rule';
import { compatibilityIdeographs } from '../../../src/core/rules/compatibility-ideographs/rule';
import { quoteStyle } from '../../../src/core/rules/quote-style';
import { cjkLatinSpacing } from '../../../src/core/rules/cjk-latin-spacing/rule';
import { protectedRanges } from '../../../src/core/protect';
import { ROOT, seed, seedNames } from '../helpers';

const NEW: readonly Rule[] = [fullwidthAlphanumeric, invisibleCharacters, htmlRemnants, compatibilityIdeographs, quoteStyle, cjkLatinSpacing];
const SPACING_ON = { 'newsclean.rules.cjk-latin-spacing': 'default' };

/** A rule tester: each valid text has no finding; each invalid one is fixed to its output, and the output has none. */
function tester(rule: Rule, cases: { valid: string[]; invalid: [string, string][]; settings?: Record<string, unknown> }): void {
  const settings = resolveSettings({ ...SPACING_ON, ...cases.settings });
  const findings = (text: string) => analyze(new NewsDocument(text), { ruleSet: [rule], settings });
  describe(rule.meta.id, () => {
    it('reports nothing on valid text', () => {
      for (const text of cases.valid) assert.deepEqual(findings(text), [], JSON.stringify(text));
    });
    it('flags and fixes invalid text, and nothing remains after the fix', () => {
      for (const [text, fixed] of cases.invalid) {
        assert.ok(findings(text).length > 0, JSON.stringify(text));
        const out = fixAll(text, { ruleSet: [rule], settings }).text;
        assert.equal(out, fixed, JSON.stringify(text));
        assert.deepEqual(findings(out).filter((f) => f.fix), [], `idempotent: ${JSON.stringify(out)}`);
      }
    });
  });
}

describe('clean-up rules (issue 18)', () => {
  tester(fullwidthAlphanumeric, {
    valid: ['2021年GDP增长', 'ＨＥＬＬＯ　ＷＯＲＬＤ', '２', '　Ａ　', '│２０２１│年度│', '｜１｜中文｜', '日本語のテキスト２０２１年です', '한국어 ２０２１년 中文'],
    invalid: [
      ['据统计，２０２１年全市ＧＤＰ增长６．５％，５Ｇ基站', '据统计，2021年全市GDP增长6.5％，5G基站'],
      ['第１．期', '第1．期'],
      ['ｉＰｈｏｎｅ手机\r\n下一行', 'iPhone手机\r\n下一行'],
    ],
  });

  tester(invisibleCharacters, {
    valid: [
      '中文 文字',
      '家庭👨\u200d👩\u200d👧照片',
      'می\u200cخواهم 中文',
      'שלום\u200f 中文',
      '姓名\t年龄\t职务 中文',
      '张三　李四　王五',
      'French\u00a0text: yes',
      '\u3000\u3000段落开头的缩进。',
      '日本語\u00a0テキスト',
      '\ufeff文件开头',
    ],
    invalid: [
      ['中\u200b文', '中文'],
      ['中\u200d文\u200c字', '中文字'],
      ['中\u00ad文\u2060字\ufeff了', '中文字了'],
      ['if (a) {\u202e } \u2066中文\u2069', 'if (a) { } 中文'],
      ['中\u0007文\u0085字', '中文字'],
      ['会议在  下午举行', '会议在 下午举行'],
      // A space beside an ideographic space is a run, whatever else the line holds (a byte-order mark before it or not).
      ['大\u3000 好', '大 好'],
      ['大 \u3000好', '大 好'],
      ['记者\u1680张三', '记者 张三'],
      ['记者\u00a0张三', '记者 张三'],
      ['会议在\t下午举行', '会议在 下午举行'],
      ['举行，\t与会者', '举行，与会者'],
      ['中\u0000\r\n文', '中\r\n文'],
    ],
  });
  it('invisible-characters flags a soft hyphen after a Latin-1 character (a byte of GBK read as Latin-1) without removing it', () => {
    // `¡` U+00AD is GBK's `…` (A1 AD) read as Windows-1252: without its second byte, `¡¡` would be read as U+3000.
    const text = '\ufeff£¿\n¡\u00ad¡\u00ad\n';
    const found = analyze(new NewsDocument(text), { ruleSet: [invisibleCharacters] });
    assert.deepEqual(found.map((f) => [f.range.start, f.fix]), [[5, undefined], [7, undefined]]);
    assert.ok(fixAll(text).text.includes('¡\u00ad¡\u00ad'), 'fix-all keeps the bytes of the unread character');
    // After a letter of another script, or after a soft hyphen, a soft hyphen is still debris.
    assert.equal(fixAll('Donau\u00addampf 中\u00ad文', { ruleSet: [invisibleCharacters] }).text, 'Donaudampf 中文');
    assert.deepEqual(analyze(new NewsDocument('上涨0.8%。1\u00ad\u00ad—4月'), { ruleSet: [invisibleCharacters] }).map((f) => [f.range, f.fix?.edits]), [
      [{ start: 8, end: 10 }, [{ range: { start: 8, end: 10 }, text: '' }]],
    ]);
  });
  tester(invisibleCharacters, {
    settings: { 'newsclean.invisible.indentation': 'remove' },
    valid: ['段落没有缩进。'],
    invalid: [['\u3000\u3000段落有缩进。', '段落有缩进。']],
  });
  tester(invisibleCharacters, {
    settings: { 'newsclean.invisible.indentation': 'add' },
    valid: ['\u3000\u3000段落有缩进。', '大抓落实勇担当', '记者 | 胡禹'],
    invalid: [
      ['段落没有缩进，这是一句完整的话。', '\u3000\u3000段落没有缩进，这是一句完整的话。'],
      ['  段落用空格缩进。', '\u3000\u3000段落用空格缩进。'],
    ],
  });

  tester(htmlRemnants, {
    valid: ['AT&T 与 R&D 部门', '版权&copy2020', '不是实体&foo;', 'a<b and c>d', '<<人民日报>>', '1 < 2 且 3 > 2', '&', '<>'],
    invalid: [
      ['记者&nbsp;张三&amp;李四', '记者\u00a0张三&李四'],
      ['&ldquo;引语&rdquo;&#8220;&#x4e2d;', '“引语”“中'],
      ['第一段<br>第二段', '第一段\n第二段'],
      ['第一段<br/>\r\n第二段<p>第三段</p>', '第一段\r\n第二段\r\n第三段'],
      ['<span style="color:red">红色</span>文字', '红色文字'],
      ['<a href="http://x.cn/a">链接</a>', '链接'],
      ['&amp;nbsp;', '\u00a0'],
    ],
  });
  it('html-remnants flags tags whose content is not text, without a fix', () => {
    const f = analyze(new NewsDocument('图<img src="a.jpg">片'), { ruleSet: [htmlRemnants] });
    assert.equal(f.length, 1);
    assert.equal(f[0].fix, undefined);
  });

  tester(compatibilityIdeographs, {
    valid: ['日本人民', '\ufa0e', '한국 漢字 \uf900'],
    invalid: [
      ['⽇本⼈⺠', '日本人民'],
      ['⺟亲', '母亲'],
      ['\uf900有此理', '\u8c48有此理'],
      ['⻔口', '门口'],
    ],
  });

  tester(quoteStyle, {
    valid: ['他说“你好”，她说“再见”。', '他说「你好」，她说「再见」。', 'It’s “fine”', '「日本語」です “中文”'],
    invalid: [
      ['他说“你好”，她说「再见」，「行」。', '他说「你好」，她说「再见」，「行」。'],
      ['“我们要坚持‘稳中求进’”，「不做『虚功夫』」，“好”', '“我们要坚持‘稳中求进’”，“不做‘虚功夫’”，“好”'],
    ],
  });
  it('quote-style follows newsclean.punctuation.quotes when it is set, and keeps nesting', () => {
    const settings = resolveSettings({ 'newsclean.punctuation.quotes': 'corner' });
    assert.equal(fixAll('“甲‘乙’甲”，「丙」，“丁”', { ruleSet: [quoteStyle], settings }).text, '「甲『乙』甲」，「丙」，「丁」');
    assert.equal(fixAll('“甲”，「丙」', { ruleSet: [quoteStyle], settings: resolveSettings({ 'newsclean.script.target': 'zh-TW' }) }).text, '「甲」，「丙」');
    assert.equal(fixAll('“甲”，「丙」', { ruleSet: [quoteStyle] }).text, '“甲”，“丙”');
  });

  tester(cjkLatinSpacing, {
    valid: ['在 Ubuntu 系统', '豫ICP备20017668号-1', '记者 | 胡禹', '8:30', '日本語Rubyです'],
    invalid: [
      ['在Ubuntu11.10 64位系统', '在 Ubuntu11.10 64 位系统'],
      ['对比C++的差别，结果有2+差别', '对比 C++ 的差别，结果有 2+ 差别'],
      ['下午8:30开会', '下午 8:30 开会'],
      ['访问http://www.example.com/中文页面', '访问 http://www.example.com/中文页面'],
    ],
  });
  it('cjk-latin-spacing is off by default', () => {
    assert.deepEqual(analyze(new NewsDocument('在Ubuntu系统')), []);
  });
  it('cjk-latin-spacing writes what AutoCorrect writes on its own test cases (vendored, MIT)', () => {
    const { cases } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/autocorrect/spacing-cases.json'), 'utf8')) as { cases: { input: string; expected: string }[] };
    assert.ok(cases.length >= 60);
    const settings = resolveSettings(SPACING_ON);
    for (const c of cases) assert.equal(fixAll(c.input, { ruleSet: [cjkLatinSpacing], settings }).text, c.expected, c.input);
  });

  it('the golden case: the five safe rules clean it to its .fixed.txt', () => {
    const dir = path.join(ROOT, 'test/fixtures/cleanup');
    const text = fs.readFileSync(path.join(dir, 'cleanup.txt'), 'utf8');
    const out = fixAll(text, { safeOnly: true, ruleSet: NEW }).text;
    assert.equal(out, fs.readFileSync(path.join(dir, 'cleanup.fixed.txt'), 'utf8'));
    assert.deepEqual(analyze(new NewsDocument(out), { ruleSet: NEW }).filter((f) => f.fix), []);
  });

  it('Clean Document applies the new rules (cjk-latin-spacing only when turned on)', () => {
    for (const r of NEW) assert.ok(RULES.includes(r), r.meta.id);
    assert.equal(fixAll('２０２１年⽇本', { safeOnly: true }).text, '2021年日本');
  });

  it('reports nothing on the five seeds', () => {
    const settings = resolveSettings(SPACING_ON);
    for (const name of seedNames()) {
      const ids = NEW.filter((r) => r !== cjkLatinSpacing).map((r) => r.meta.id);
      assert.deepEqual(analyze(new NewsDocument(seed(name)), { rules: ids, settings }), [], name);
    }
  });

  it('leaves the damage suite byte-identical; spacing never enters a URL, filing number, time or credit', () => {
    const lines = fs.readFileSync(path.join(ROOT, 'test/fixtures/damage/cases.txt'), 'utf8').split('\n').filter(Boolean);
    const settings = resolveSettings(SPACING_ON);
    const five = NEW.filter((r) => r !== cjkLatinSpacing);
    for (const line of lines) {
      assert.equal(fixAll(line, { ruleSet: five }).text, line, line);
      const spaced = fixAll(line, { ruleSet: [cjkLatinSpacing], settings }).text;
      // Every protected span of the line comes out whole.
      for (const r of protectedRanges(line)) assert.ok(spaced.includes(line.slice(r.start, r.end)), `${line}: ${line.slice(r.start, r.end)}`);
      if (/记者 \| |摄$/.test(line)) assert.equal(spaced, line);
    }
  });

  it('line-local rules after an edit report what a full analysis reports', () => {
    const settings: Settings = resolveSettings(SPACING_ON);
    const rules = NEW.map((r) => r.meta.id);
    let text = fs.readFileSync(path.join(ROOT, 'test/fixtures/cleanup/cleanup.txt'), 'utf8') + seed(seedNames()[0]);
    let state = analyzeIncremental(undefined, text, { settings, rules }).state;
    for (const [at, insert] of [[3, 'Ａ'], [20, '\u200b'], [0, '“引”'], [40, '&amp;<br>'], [10, '「']] as [number, string][]) {
      text = text.slice(0, at) + insert + text.slice(at);
      const inc = analyzeIncremental(state, text, { settings, rules });
      state = inc.state;
      assert.deepEqual(
        inc.findings.map((f) => [f.ruleId, f.range, f.message]),
        analyze(new NewsDocument(text), { settings, rules }).map((f) => [f.ruleId, f.range, f.message]),
      );
    }
  });

  it('quote-style after an edit that keeps the style checks the edited lines alone, and carries the other findings over', () => {
    const settings = resolveSettings();
    const lines = Array.from({ length: 200 }, (_, i) => (i % 10 === 3 ? `第${i}段说：「好。」` : `第${i}段说：“好。”`));
    let text = lines.join('\n') + '\n';
    const first = analyzeIncremental(undefined, text, { settings, ruleSet: [quoteStyle] });
    assert.equal(first.findings.length, 40);
    // An edit of line 150 that adds a corner bracket pair: still curly by majority.
    const at = text.indexOf('第150段') + 4;
    text = text.slice(0, at) + '「又」' + text.slice(at);
    const next = analyzeIncremental(first.state, text, { settings, ruleSet: [quoteStyle] });
    assert.deepEqual(
      next.findings.map((f) => [f.range, f.message]),
      analyze(new NewsDocument(text), { settings, ruleSet: [quoteStyle] }).map((f) => [f.range, f.message]),
    );
    assert.equal(next.findings.length, 42);
    // The findings before the edited line are the previous ones themselves, not made again.
    const before = first.findings.filter((f) => f.range.start < at);
    assert.ok(before.length > 20);
    before.forEach((f, i) => assert.equal(next.findings[i], f));
  });
});
