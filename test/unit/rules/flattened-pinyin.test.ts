import * as assert from 'node:assert/strict';
import { NewsDocument } from '../../../src/core/document';
import { analyze } from '../../../src/core/engine/analyze';
import { fixAll } from '../../../src/core/engine/fix-all';
import { flattenedPinyin } from '../../../src/core/rules/flattened-pinyin';
import { isReadingOf, normalizeSyllable, readings } from '../../../src/core/pinyin/readings';
import { seed, seedNames } from '../helpers';

const run = (text: string) => analyze(new NewsDocument(text), { ruleSet: [flattenedPinyin] });
const fix = (text: string) => fixAll(text, { ruleSet: [flattenedPinyin] }).text;
const STRIP = /([\u3400-\u9fff\uf900-\ufaff])[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,8}[)）]/g;

describe('flattened-pinyin', () => {
  it('normalises syllables', () => {
    assert.equal(normalizeSyllable('jiǎn'), 'jian3');
    assert.equal(normalizeSyllable('lǘ'), 'lv2');
    assert.equal(normalizeSyllable('YANG2'), 'yang2');
    assert.equal(normalizeSyllable('WHO?'), undefined);
  });

  it('seeds 001–003: every annotation found, removed in one action, nothing else changed', () => {
    for (const name of seedNames()) {
      const text = seed(name);
      const stripped = text.replace(STRIP, '$1');
      const findings = run(text);
      if (stripped === text) {
        assert.deepEqual(findings, [], name);
        continue;
      }
      assert.ok(findings.length > 0, name);
      // One action: the fix of any finding removes them all.
      const one = findings[0].fix!;
      let out = text;
      for (const e of [...one.edits].sort((a, b) => b.range.start - a.range.start)) {
        out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
      }
      assert.equal(out, stripped, name);
      assert.equal(fix(text), stripped, name);
    }
  });

  it('ASCII and full-width parentheses, tone marks and tone numbers', () => {
    assert.equal(fix('簡（jiǎn）陽(yang2)市融媒體中心的記者'), '簡陽市融媒體中心的記者');
  });

  it('leaves non-readings and words alone', () => {
    // `通(nán)`: nán is not a reading of 通.
    for (const t of ['世界卫生组织(WHO)', '南阳(Nányáng)', '南阳(Nanyang)', '来自南通(nán)', '见附件(一)']) {
      assert.equal(fix(t), t, t);
    }
  });

  it('judges each annotation by its own character, however often the syllable comes back', () => {
    // nán is a reading of 南, not of 通: what is remembered of a syllable is not its verdict.
    assert.equal(fix('南(nán)阳和南(nán)京，南通(nán)，南(nán)昌'), '南阳和南京，南通(nán)，南昌');
    // Past the number of syllables remembered, the answers stay the same.
    for (let i = 0; i < 5000; i++) isReadingOf('南', `x${i}n2`);
    assert.equal(isReadingOf('南', 'nán'), true);
    assert.equal(isReadingOf('通', 'nán'), false);
  });

  it("reads a character's readings as pinyin-pro's pinyin(…, { multiple: true }) gives them, the polyphonic ones too", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { pinyin } = require('pinyin-pro') as { pinyin: (t: string, o: object) => string[] };
    const expected = (ch: string) => pinyin(ch, { multiple: true, type: 'array', toneType: 'num' }).map((g) => normalizeSyllable(g.replace(/0$/, ''))).filter((g) => g !== undefined);
    const chars = ['行', '长', '𠀀', '𪚥', 'a', '，', '\ud800', ''];
    for (let c = 0x3400; c <= 0x9fff; c += 13) chars.push(String.fromCharCode(c));
    for (const ch of chars) assert.deepEqual(readings(ch), expected(ch), ch);
    assert.deepEqual([...readings('行')].sort(), ['hang2', 'hang4', 'heng2', 'xing2']);
  });

  it('a lone annotation of a rare character is only a hint', () => {
    const f = run('书法作品龘(dá)展出。');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'hint');
    assert.equal(fix('书法作品龘(dá)展出。'), '书法作品龘展出。');
  });

  it('never throws on hostile input', () => {
    for (const s of ['\0(', '簡('.repeat(100000), '簡(jiǎn'.repeat(50000)]) {
      analyze(new NewsDocument(s), { ruleSet: [flattenedPinyin], onRuleError: (_, e) => assert.fail(String(e)) });
    }
  });
});
