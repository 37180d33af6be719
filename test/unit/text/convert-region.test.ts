import * as assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { convert } from '../../../src/core';
import { traditionalRegion } from '../../../src/core/script/convert';
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
