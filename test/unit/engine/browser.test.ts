import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { ROOT, seed } from '../helpers';

/**
 * The core as the web extension bundles it (browser platform), run in a bare
 * JavaScript context with no Node globals (no Buffer, process, require): every
 * rule, the outline and the conversion must work there as in Node.
 */
describe('core in a browser-like context', function () {
  this.timeout(60_000);
  let core: Record<string, (...args: unknown[]) => unknown>;

  before(async () => {
    const out = await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/core/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'core',
      write: false,
      logLevel: 'silent',
    });
    const context = vm.createContext({ TextDecoder, TextEncoder, console, Uint8Array, Map, Set });
    vm.runInContext(out.outputFiles[0].text, context);
    assert.equal(vm.runInContext('typeof Buffer', context), 'undefined');
    assert.equal(vm.runInContext('typeof process', context), 'undefined');
    core = (context as unknown as { core: typeof core }).core;
  });

  it('runs every rule and finds mojibake, pinyin and broken lines', () => {
    const text = `${seed('002').split('\n').slice(0, 8).join('\n')}\n南阳鍗楅槼\n簡(jiǎn)陽(yáng)市融媒體中心\n`;
    const Doc = core.NewsDocument as unknown as new (t: string) => unknown;
    const findings = core.analyze(new Doc(text)) as { ruleId: string }[];
    const rules = new Set(findings.map((f) => f.ruleId));
    for (const id of ['stray-line-break', 'flattened-pinyin', 'mojibake']) assert.ok(rules.has(id), `${id}: ${[...rules].join(', ')}`);
  });

  it('converts scripts and outlines', () => {
    assert.equal(core.convert('簡陽市', 'zh-Hans'), '简阳市');
    const Doc = core.NewsDocument as unknown as new (t: string) => unknown;
    assert.equal((core.parseOutline(new Doc(seed('000'))) as unknown[]).length, 4);
  });
});
