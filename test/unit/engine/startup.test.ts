import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { deriveHanLevels, hanLevel } from '../../../src/core/encodings/tables';
import { deriveScriptTables } from '../../../src/core/script/derive';
import { scriptTables, type ScriptTables } from '../../../src/core/script/tables';
import { ROOT } from '../helpers';

function same(a: ScriptTables, b: ScriptTables): void {
  assert.ok(Buffer.from(a.bmp).equals(Buffer.from(b.bmp)), 'bmp flags');
  assert.deepEqual([...a.astral], [...b.astral]);
  for (const k of ['toHans', 'toHant', 'toHantTW', 'toHantHK'] as const) assert.deepEqual([...a[k]], [...b[k]], k);
}

describe('startup tables', () => {
  it('the shipped han levels are those of the code pages (else: node scripts/generate/make-startup-tables.mjs)', () => {
    const derived = deriveHanLevels();
    for (let c = 0; c < 0x10000; c++) if (hanLevel(c) !== derived[c]) assert.fail(`U+${c.toString(16)}: shipped ${hanLevel(c)}, derived ${derived[c]}`);
    assert.equal(hanLevel('的'.charCodeAt(0)), 0);
    assert.equal(hanLevel(0x1f600), 3);
  });

  it('the shipped script tables are those of the OpenCC dictionaries (else: node scripts/generate/make-startup-tables.mjs)', () => {
    const t = scriptTables();
    assert.ok(t.toHans.size > 1000 && t.toHant.size > 1000);
    same(t, deriveScriptTables());
  });

  it('a check of a small text loads neither opencc-js, iconv-lite nor pinyin-pro', () => {
    const core = path.join(ROOT, 'out', 'src', 'core', 'index.js');
    const script = `
      const c = require(${JSON.stringify(core)});
      const doc = new c.NewsDocument('你好，這是一個測試。\\n第二段 hello world。\\n', 'a.txt');
      const n = c.analyze(doc, { settings: c.resolveSettings({}, () => {}) }).length;
      const loaded = Object.keys(require.cache).filter((p) => /node_modules[\\\\/](opencc-js|iconv-lite|pinyin-pro)[\\\\/]/.test(p));
      console.log(JSON.stringify({ n, loaded }));`;
    const r = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { n: number; loaded: string[] };
    assert.deepEqual(r.loaded, []);
  });
});
