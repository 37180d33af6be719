import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OPENCC_CONFIGS, convert, convertWith, type OpenCCConfig } from '../../../src/core/script';
import { ROOT } from '../helpers';

/** JSON with comments and trailing commas, as OpenCC's testcases.json is written. */
function parseJsonc(s: string): unknown {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      const start = i;
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
      out += s.slice(start, i + 1);
    } else if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && s[i + 1] === '*') {
      i = s.indexOf('*/', i + 2) + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[\]}])/g, '$1'));
}

const LOCALES: Record<OpenCCConfig, { from: string; to: string }> = {
  s2t: { from: 'cn', to: 't' }, s2tw: { from: 'cn', to: 'tw' }, s2twp: { from: 'cn', to: 'twp' }, s2hk: { from: 'cn', to: 'hk' },
  s2hkp: { from: 'cn', to: 'hkp' }, t2s: { from: 't', to: 'cn' }, tw2s: { from: 'tw', to: 'cn' }, tw2sp: { from: 'twp', to: 'cn' },
  hk2s: { from: 'hk', to: 'cn' }, hk2sp: { from: 'hkp', to: 'cn' }, t2tw: { from: 't', to: 'tw' }, t2hk: { from: 't', to: 'hk' },
  tw2t: { from: 'tw', to: 't' }, hk2t: { from: 'hk', to: 't' }, t2jp: { from: 't', to: 'jp' }, jp2t: { from: 'jp', to: 't' },
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bare = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };

describe('script conversion (opencc-js)', () => {
  it("passes OpenCC's own test cases at least as well as bare opencc-js", () => {
    const file = path.join(ROOT, 'test', 'fixtures', 'external', 'opencc', 'testcases.json');
    const data = parseJsonc(fs.readFileSync(file, 'utf8')) as { cases: { input: string; expected: Record<string, string> }[] };
    let total = 0;
    let ours = 0;
    let theirs = 0;
    const bareConverters = new Map<string, (s: string) => string>();
    for (const c of data.cases) {
      for (const [config, expected] of Object.entries(c.expected)) {
        assert.ok((OPENCC_CONFIGS as readonly string[]).includes(config), config);
        total++;
        // Ours: the same pipeline `convert` uses, with the strict character pass on.
        if (convertWith(c.input, config as OpenCCConfig, { strict: true }) === expected) ours++;
        let b = bareConverters.get(config);
        if (!b) bareConverters.set(config, (b = bare.Converter(LOCALES[config as OpenCCConfig])));
        if (b(c.input) === expected) theirs++;
      }
    }
    console.log(`      OpenCC test cases: ours ${ours}/${total}, bare opencc-js ${theirs}/${total}`);
    assert.equal(total, 543);
    assert.ok(ours >= theirs, `ours ${ours} < bare ${theirs}`);
    assert.ok(ours >= 540);
  });

  it('converts to each target with regional forms', () => {
    assert.equal(convert('台湾同胞吃饭，群众起床，这里说的。', 'zh-TW'), '臺灣同胞吃飯，群眾起床，這裡說的。');
    assert.equal(convert('为了核实这说法', 'zh-HK'), '為了核實這説法');
    assert.equal(convert('群众起床', 'zh-Hant'), '羣衆起牀');
    assert.equal(convert('這裡說的衞生', 'zh-Hans'), '这里说的卫生');
    assert.equal(convert('著名的顯著成就', 'zh-Hans'), '著名的显著成就');
    assert.equal(convert('软件', 'zh-TW', { phrases: true }), '軟體');
  });

  it('keeps protected terms and applies custom phrases', () => {
    assert.equal(convert('任京暘說這個問題', 'zh-Hans', { protectedTerms: ['任京暘'] }), '任京暘说这个问题');
    assert.equal(convert('台湾的发展', 'zh-TW', { customPhrases: ['台湾=台灣'] }), '台灣的發展');
    assert.equal(convert('台湾的发展', 'zh-TW', { customPhrases: [['发展', '發展！']] }), '臺灣的發展！');
  });

  it('never throws on hostile input', () => {
    for (const s of ['', '\u0000', '\ud800', '\udc00這', '這\ud800', 'a'.repeat(10_000)]) {
      for (const target of ['zh-Hans', 'zh-TW', 'zh-HK', 'zh-Hant'] as const) assert.equal(typeof convert(s, target), 'string');
    }
  });

  it('loads opencc-js lazily: importing the module is cheap', () => {
    const mod = path.join(ROOT, 'out', 'src', 'core', 'script', 'index.js');
    const script = `
      const t0 = performance.now(); const s = require(${JSON.stringify(mod)}); const t1 = performance.now();
      const loadedAtImport = s.isOpenCCLoaded();
      s.convert('這', 'zh-Hans'); const t2 = performance.now();
      s.convert('這個', 'zh-Hans'); const t3 = performance.now();
      console.log(JSON.stringify({ loadedAtImport, importMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2 }));`;
    const r = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Record<string, number | boolean>;
    console.log(`      import ${(r.importMs as number).toFixed(1)} ms; first conversion ${(r.firstMs as number).toFixed(1)} ms; second ${(r.secondMs as number).toFixed(2)} ms`);
    assert.equal(r.loadedAtImport, false);
  });

});
