import * as assert from 'node:assert/strict';
import { NewsDocument, analyze, fixAll, resolveSettings } from '../../../src/core';
import { charEdits } from '../../../src/core/rules/mixed-script/rule';
import { mixedScript } from '../../../src/core/rules/mixed-script';
import { scriptRuns } from '../../../src/core/script';
import { gbkChainBoundary, utf8ReadAsGbkMarks } from '../../../src/core/encodings';
import * as iconv from 'iconv-lite';
import { seed } from '../helpers';

const RULES = [mixedScript];
const settingsFor = (values: Record<string, unknown>) => resolveSettings(values);
const check = (text: string, values: Record<string, unknown> = {}) =>
  analyze(new NewsDocument(text), { ruleSet: RULES, settings: settingsFor(values) });
const fix = (text: string, values: Record<string, unknown> = {}) =>
  fixAll(text, { ruleSet: RULES, settings: settingsFor(values) }).text;
const PINYIN = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)/g;

describe('mixed-script', () => {
  it('seeds 000 and 004 (Simplified) give no findings, under auto and zh-Hans', () => {
    for (const s of ['000', '004']) {
      assert.deepEqual(check(seed(s)), []);
      assert.deepEqual(check(seed(s), { 'newsclean.script.target': 'zh-Hans' }), []);
    }
  });

  for (const s of ['001', '002', '003']) {
    it(`seed ${s} comes out Simplified with the script as the only change`, () => {
      const text = seed(s);
      assert.ok(check(text, { 'newsclean.script.target': 'zh-Hans' }).length > 0);
      const fixed = fix(text, { 'newsclean.script.target': 'zh-Hans' });
      assert.deepEqual(scriptRuns(fixed, 'zh-Hant').map((r) => fixed.slice(r.start, r.end)), []);
      const a = text.replace(PINYIN, '');
      const b = fixed.replace(PINYIN, '');
      assert.equal(b.length, a.length);
      for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) assert.ok(a.charCodeAt(i) >= 0x3400 && b.charCodeAt(i) >= 0x3400, `offset ${i}: ${a[i]} -> ${b[i]}`);
      }
      assert.deepEqual(check(fixed, { 'newsclean.script.target': 'zh-Hans' }), []);
    });
  }

  it('flags a Traditional paragraph in a Simplified document as a whole (auto)', () => {
    const text = '南阳发展机遇千载难逢，我们如何抢抓机遇。\n這是一個傳統的段落，說明問題。\n对此朱是西反复强调。';
    const f = check(text);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /Line 2/);
    assert.equal(fix(text), '南阳发展机遇千载难逢，我们如何抢抓机遇。\n这是一个传统的段落，说明问题。\n对此朱是西反复强调。');
  });

  it('flags a handful of other-script characters at those characters, not a lone name', () => {
    const text = '对此朱是西反复强调，我们這個要干出来的，南阳发展机遇千载难逢。\n中科曙光集团高级副总裁任京暘等，通过座谈洽谈。';
    const f = check(text);
    assert.deepEqual(f.map((x) => text.slice(x.range.start, x.range.end)), ['這個']);
    assert.equal(fix(text).split('\n')[0], '对此朱是西反复强调，我们这个要干出来的，南阳发展机遇千载难逢。');
  });

  it('uses regional Traditional: 吃/群/床 are not Simplified', () => {
    const text = '臺灣的同胞們吃飯，群眾起床，這裡說的是國語。';
    assert.deepEqual(check(text, { 'newsclean.script.target': 'zh-TW' }), []);
    const mixed = '臺灣的同胞們吃飯，群眾起床，这里说的是國語。';
    assert.equal(fix(mixed, { 'newsclean.script.target': 'zh-TW' }), '臺灣的同胞們吃飯，群眾起床，這裡說的是國語。');
  });

  it('honours protected terms and custom phrases', () => {
    const text = '我们這個新聞。';
    assert.deepEqual(check(text, { 'newsclean.script.protectedTerms': ['這個新聞'] }), []);
    assert.equal(fix('我们這個問題。', { 'newsclean.script.target': 'zh-Hans', 'newsclean.script.customPhrases': ['問題=问题儿'] }), '我们这个问题儿。');
  });

  it('leaves the marks of lost text (锟斤拷, 烫烫烫) unconverted, so lost-characters still sees them (found by the property tests)', () => {
    const trad = '锟斤拷锟斤拷的新聞報導，我們今天說的是臺灣。';
    assert.deepEqual(check(trad, {}), []);
    assert.equal(fixAll(trad).text, trad);
    assert.deepEqual(analyze(new NewsDocument(fixAll(trad).text)).map((f) => f.ruleId), ['lost-characters']);
    // Converted to Traditional, the line changes everywhere but on the marks.
    assert.equal(fix('烫烫烫这个问题说的是锟斤拷。', { 'newsclean.script.target': 'zh-TW' }), '烫烫烫這個問題說的是锟斤拷。');
  });

  it('never splits a surrogate pair when two astral characters share their high surrogate (found by the property tests)', () => {
    // 𥐯 U+2542F converts to 𥖅 U+25585: the same high surrogate \ud855.
    const text = '會議通報了項目建設綜合考評等情況。\n這個𥐯謹樓辦的情況\n';
    const findings = check(text, { 'newsclean.script.target': 'zh-TW' });
    const edits = findings.flatMap((f) => f.fix?.edits ?? []);
    assert.ok(edits.some((e) => e.text === '𥖅'), JSON.stringify(edits));
    for (const e of edits) assert.ok(!/^[\udc00-\udfff]/.test(text.slice(e.range.start)) && !/^[\udc00-\udfff]/.test(text.slice(e.range.end)), JSON.stringify(e));
    assert.equal(fix(text, { 'newsclean.script.target': 'zh-TW' }), '會議通報了項目建設綜合考評等情況。\n這個𥖅謹樓辦的情況\n');
    // Length-changing conversions keep code point boundaries at both ends too.
    assert.deepEqual(charEdits('a𥐯b', 'a𥖅bc', 10), [{ range: { start: 11, end: 14 }, text: '𥖅bc' }]);
    assert.deepEqual(charEdits('😀x', '😃', 0), [{ range: { start: 0, end: 3 }, text: '😃' }]);
  });

  it('never throws on hostile input', () => {
    for (const s of ['\u0000這個\u0000这个', '\ud800這\udc00个', '這'.repeat(5_000_000 / 1), String.fromCharCode(...Array.from({ length: 60_000 }, (_, i) => (i * 7919) % 65536))]) {
      check(s);
      check(s, { 'newsclean.script.target': 'zh-Hans' });
    }
  });
  it('marks mojibake on the stretch between chain boundaries exactly as on the whole line', () => {
    // Lines of Traditional text, UTF-8 read as GBK, ASCII and characters GBK lacks, mixed at random.
    const pieces = ['這是一個傳統的段落', '說明問題。', 'ab 12', '😀', '€', iconv.decode(Buffer.from('南阳发展机遇千载难逢', 'utf8'), 'gbk'), iconv.decode(Buffer.from('记者 胡禹', 'utf8'), 'gbk')];
    let seedValue = 7;
    const random = (n: number) => ((seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31) % n);
    let stretches = 0;
    for (let k = 0; k < 300; k++) {
      let line = '';
      for (let p = random(8); p >= 0; p--) line += pieces[random(pieces.length)].slice(random(3));
      const whole = Array.from(utf8ReadAsGbkMarks(line, 0, line.length).subarray(0, line.length));
      for (let from = 0; from < line.length; from++) {
        if (from > 0 && !gbkChainBoundary(line, from)) continue;
        for (let to = from + 1; to <= line.length; to++) {
          if (to < line.length && !gbkChainBoundary(line, to)) continue;
          const part = Array.from(utf8ReadAsGbkMarks(line, from, to).subarray(0, to - from));
          assert.deepEqual(part, whole.slice(from, to), `${JSON.stringify(line)} [${from}, ${to})`);
          stretches++;
        }
      }
    }
    assert.ok(stretches > 1000);
  });
});
