import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { DBCS, SBCS_HIGH } from '../../../src/core/encodings/codepage-data';
import { fromBase64, packFloatTable, packTable, packTable16, toBase64, unpackFloatTable, unpackTable, unpackTable16 } from '../../../src/core/encodings/packed';
import { suspiciousTable } from '../../../src/core/encodings/repair';
import { costTable16 } from '../../../src/core/encodings/score';
import { deriveDbcsPairs, deriveHanLevels, deriveSbcsHigh, hanLevel } from '../../../src/core/encodings/tables';
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

  it('the shipped code pages are iconv-lite\'s (else: node scripts/generate/make-startup-tables.mjs)', () => {
    for (const enc of ['gbk', 'big5'] as const) {
      const derived = deriveDbcsPairs(enc);
      assert.ok(Buffer.from(unpackTable16(DBCS[enc].chars, derived.chars.length).buffer).equals(Buffer.from(derived.chars.buffer)), enc);
      assert.deepEqual(DBCS[enc].astral, derived.astral);
    }
    assert.ok(DBCS.big5.astral.length > 0, 'Big5-HKSCS has characters outside the BMP');
    for (const enc of ['cp1252', 'cp1251', 'macintosh'] as const) assert.equal(SBCS_HIGH[enc], deriveSbcsHigh(enc), enc);
  });

  it('packed tables read back as they were written (the bundles carry the cost and suspicious tables so)', () => {
    const costs = costTable16();
    const packed = packFloatTable(costs);
    assert.ok(packed !== undefined);
    assert.deepEqual(unpackFloatTable(packed, 65536), costs);
    const flags = suspiciousTable();
    assert.ok(flags.some((f) => f === 3) && flags.some((f) => f === 0));
    assert.deepEqual(unpackTable(packTable(flags, 2), 2, 65536), flags);
    for (const n of [0, 1, 2, 3, 5, 7, 65536]) {
      const t = Uint16Array.from({ length: n }, (_, i) => (i * 40503) & 0xffff);
      assert.deepEqual(unpackTable16(packTable16(t), n), t);
      const nibbles = Uint8Array.from({ length: n }, (_, i) => (i * 7) & 15);
      assert.deepEqual(unpackTable(packTable(nibbles, 4), 4, n), nibbles);
      const pairs = Uint8Array.from({ length: n }, (_, i) => (i * 5 + (i >> 3)) & 3);
      assert.deepEqual(unpackTable(packTable(pairs, 2), 2, n), pairs);
    }
    // Where there is no atob, the base64 is decoded by hand, to the same bytes.
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 151) & 255);
    const decoded = [1, 2, 3, 999, 1000].map((n) => fromBase64(toBase64(bytes), n));
    const g = globalThis as { atob?: unknown };
    const saved = g.atob;
    g.atob = undefined;
    try {
      assert.deepEqual([1, 2, 3, 999, 1000].map((n) => fromBase64(toBase64(bytes), n)), decoded);
    } finally {
      g.atob = saved;
    }
    assert.deepEqual(decoded[4], bytes);
    assert.equal(packFloatTable(Float32Array.from({ length: 17 }, (_, i) => i)), undefined);
  });

  it('the shipped script tables are those of the OpenCC dictionaries (else: node scripts/generate/make-startup-tables.mjs)', () => {
    const t = scriptTables();
    assert.ok(t.toHans.size > 1000 && t.toHant.size > 1000);
    same(t, deriveScriptTables());
  });

  it('a check of a small text loads neither opencc-js, iconv-lite, pinyin-pro nor the code pages', () => {
    const core = path.join(ROOT, 'out', 'src', 'core', 'index.js');
    const script = `
      const c = require(${JSON.stringify(core)});
      const doc = new c.NewsDocument('你好，這是一個測試。\\n第二段 hello world。\\n', 'a.txt');
      const n = c.analyze(doc, { settings: c.resolveSettings({}, () => {}) }).length;
      const loaded = Object.keys(require.cache).filter((p) => /node_modules[\\\\/](opencc-js|iconv-lite|pinyin-pro)[\\\\/]|codepage-data/.test(p));
      console.log(JSON.stringify({ n, loaded }));`;
    const r = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { n: number; loaded: string[] };
    assert.deepEqual(r.loaded, []);
  });
});
