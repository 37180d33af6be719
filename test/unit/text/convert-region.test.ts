import * as assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { convert } from '../../../src/core';
import { traditionalRegion } from '../../../src/core/script/convert';
import { regionStretches } from '../../../src/core/script/region';
import { seed } from '../helpers';

/**
 * Regional Traditional converted to Simplified comes out wholly Simplified:
 * the source region (Taiwan or Hong Kong variants) is detected from the
 * text, so Taiwan's `帶著` becomes `带着`, not `带著`. Checked against
 * opencc-js's own tw → cn, which must find nothing left to convert.
 */
describe('conversion to Simplified from regional Traditional', () => {
  const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

  for (const name of ['001', '002', '003']) {
    it(`seed ${name} converted to Simplified holds no Traditional-only or Taiwan-variant character`, () => {
      const out = convert(seed(name), 'zh-Hans');
      const again = twToCn(out);
      const left: string[] = [];
      for (let i = 0; i < out.length; i++) if (out[i] !== again[i]) left.push(out.slice(Math.max(0, i - 2), i + 2));
      assert.deepEqual(left, []);
    });
  }

  it('detects the region from the text', () => {
    assert.equal(traditionalRegion('他帶著孩子走進屋裡'), 'zh-TW');
    assert.equal(traditionalRegion('衞生署發出綫上通知'), 'zh-HK');
    assert.equal(convert('他帶著孩子走進屋裡，著眼未來', 'zh-Hans'), '他带着孩子走进屋里，着眼未来');
    assert.equal(convert('他的著作很顯著', 'zh-Hans'), '他的著作很显著');
  });
});

/**
 * The region is read from the stretches the variant conversions can change
 * alone (script/region.ts): the verdict is the one on the whole text.
 */
describe('traditionalRegion on the stretches that tell', () => {
  const tw2t = OpenCC.Converter({ from: 'tw', to: 't' });
  const hk2t = OpenCC.Converter({ from: 'hk', to: 't' });
  /** The verdict from converting the whole text both ways. */
  const whole = (text: string): string | undefined => {
    const tw = tw2t(text);
    const hk = hk2t(text);
    if (tw.length !== text.length || hk.length !== text.length) return undefined;
    let taiwan = 0;
    let hongKong = 0;
    for (let i = 0; i < text.length; i++) {
      const a = tw.charCodeAt(i) !== text.charCodeAt(i);
      const b = hk.charCodeAt(i) !== text.charCodeAt(i);
      if (a && !b) taiwan++;
      else if (b && !a) hongKong++;
    }
    return taiwan > hongKong ? 'zh-TW' : hongKong > taiwan ? 'zh-HK' : undefined;
  };

  it('gives the whole text’s verdict on the seeds in every script, line by line and whole, and on odd input', () => {
    const texts: string[] = [];
    for (const name of ['000', '001', '002', '003', '004']) {
      for (const target of [undefined, 'zh-TW', 'zh-HK', 'zh-Hant'] as const) {
        const text = target ? convert(seed(name), target) : seed(name);
        texts.push(text, ...text.split('\n'));
      }
    }
    texts.push('⿰氵每\n台', '台⿰\n裡著', '\ud800著裡', '著\udc00綫', '𤋮裡', '衞\n綫\n裡', '', '⿰⿰裡\n著', '⿲裡著', '裡⿰著\n綫', '⿰𤋮著裡綫', '一口吃個', '他帶著孩子走進屋裡');
    const verdicts = new Set<string | undefined>();
    for (const text of texts) {
      verdicts.add(whole(text));
      assert.equal(traditionalRegion(text), whole(text), JSON.stringify(text.slice(0, 60)));
    }
    assert.deepEqual([...verdicts].sort(), ['zh-HK', 'zh-TW', undefined]);
  });

  it('converts nothing of a text with no character the variants change', () => {
    assert.equal(regionStretches('南阳市委书记在北京拜会国家有关部委负责同志。'), '');
    assert.equal(regionStretches('他说，他带著孩子。今天下雨'), '著');
    assert.equal(regionStretches('台风过后\n一口吃個'), '台\n一口吃個');
  });
});
