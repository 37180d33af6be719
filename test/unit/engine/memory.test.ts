import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FindingTable, NewsDocument, analyze, analyzeReports, resolveSettings, selectedRules, type AnalyzeOptions, type AnyRule } from '../../../src/core';
import { FIXABLE } from '../../../src/core/engine/analyze';
import { release } from '../../../src/core/text/release';

const seeds = join(__dirname, '../../../../test/fixtures/seeds');

describe('memory of a large check', () => {
  it('analyze with fixes: false gives the same findings, each fix the shared placeholder', () => {
    const text = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .slice(0, 6)
      .map((f) => readFileSync(join(seeds, f), 'utf8'))
      .join('\n')
      // Damage that every kind of rule reports: half-width marks, mojibake, a repeat.
      .concat('\n中文,测试!鍗楅槼\n中文,测试!鍗楅槼\n');
    const doc = new NewsDocument(text);
    const full = analyze(doc);
    const slim = analyze(doc, { fixes: false });
    assert.ok(full.some((f) => f.fix) && full.some((f) => !f.fix));
    assert.deepEqual(
      slim.map((f) => ({ ...f, fix: f.fix === undefined ? undefined : f.fix === FIXABLE })),
      full.map((f) => ({ ...f, fix: f.fix === undefined ? undefined : true })),
    );
  });

  it('a FindingTable gives the findings of analyze with fixes: false, in its order, over seeds, Japanese, CRLF, settings and rule subsets', () => {
    const texts = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(seeds, f), 'utf8'));
    texts.push(readFileSync(join(seeds, '../japanese-korean/quoting.txt'), 'utf8'));
    // Every kind of damage, a repeat, broken lines (findings with related information and data), findings that tie on their range.
    const damaged = `${texts[0]}\n中文,测试!鍗楅槼\n这是一个很长的句子\n，被分成了\n，好几行\n${texts[0]}\n`;
    texts.push(damaged, damaged.replace(/\n/g, '\r\n'), '', '東京都は、今年の文化交流事業について「発展的な協力関係を築きたい」と述べた。');
    const optionSets: AnalyzeOptions[] = [
      {},
      { rules: ['stray-line-break', 'halfwidth-punctuation', 'duplicate-block'] },
      {
        settings: resolveSettings({ 'newsclean.rules.halfwidth-punctuation': 'error', 'newsclean.rules.cjk-latin-spacing': 'hint', 'newsclean.rules.mojibake': 'off' }, (e) => {
          throw new Error(e);
        }),
      },
    ];
    let related = 0;
    let total = 0;
    let errors = 0;
    for (const text of texts) {
      for (const options of optionSets) {
        const doc = new NewsDocument(text);
        const expected = analyze(doc, { ...options, fixes: false });
        const table = new FindingTable(selectedRules(options).map((r) => r.meta.id));
        analyzeReports(doc, options, (rule, severity, report) => table.add(rule, severity, report));
        assert.equal(table.length, expected.length);
        assert.deepEqual([...table.findings()], expected);
        related += expected.filter((f) => f.related).length;
        total += expected.length;
        errors += expected.filter((f) => f.severity === 'error' && f.ruleId === 'halfwidth-punctuation').length;
      }
    }
    assert.ok(related > 0 && total > 1000 && errors > 0, `${total} findings, ${related} with related information, ${errors} set to errors`);
  });

  it('a FindingTable orders findings on the same range as analyze: by the order of the rules, not the order they ran in', () => {
    const rule = (id: string, largeBuffers: boolean, ranges: [number, number][]): AnyRule => ({
      meta: { id, description: id, family: 'layout', docs: id, defaultSeverity: 'warning', fixable: false, safeToClean: false, largeBuffers },
      check: (_ctx, report) => ranges.forEach(([start, end], k) => report({ message: `${id} ${k}`, range: { start, end }, ...(k === 1 && { severity: 'hint' as const }) })),
    });
    // The second rule has large buffers, so it runs first; each reports out of order, and twice on one range.
    const options: AnalyzeOptions = { ruleSet: [rule('a', false, [[1, 3], [0, 2], [0, 2]]), rule('b', true, [[0, 2], [1, 3], [0, 2]])] };
    const doc = new NewsDocument('中文测试');
    const expected = analyze(doc, { ...options, fixes: false });
    assert.deepEqual(expected.map((f) => f.message), ['a 1', 'a 2', 'b 0', 'b 2', 'a 0', 'b 1']);
    const table = new FindingTable(selectedRules(options).map((r) => r.meta.id));
    analyzeReports(doc, options, (k, severity, report) => table.add(k, severity, report));
    assert.deepEqual([...table.findings()], expected);
  });

  it('release detaches large buffers and leaves small ones alone', () => {
    const large = new Int32Array(1 << 19);
    const view = large.subarray(10, 20);
    const small = new Uint8Array(16);
    release(view, small);
    assert.equal(large.length, 0);
    assert.equal(view.length, 0);
    assert.equal(small.length, 16);
  });
});
