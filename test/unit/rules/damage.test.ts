import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsDocument, analyze, fixAll, resolveSettings } from '../../../src/core';
import { halfwidthPunctuation } from '../../../src/core/rules/halfwidth-punctuation';
import { mixedScript } from '../../../src/core/rules/mixed-script';
import { ROOT } from '../helpers';

/**
 * The zero-damage suite: every line of test/fixtures/damage/*.txt must come
 * out of both rules byte-identical, alone and as part of one document, under
 * every script target.
 */
const DIR = path.join(ROOT, 'test', 'fixtures', 'damage');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.txt'));
const cases = files.flatMap((f) =>
  fs
    .readFileSync(path.join(DIR, f), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => ({ file: f, line })),
);
const RULES = [halfwidthPunctuation, mixedScript];
const TARGETS = ['auto', 'zh-Hans'] as const;

describe('zero-damage suite', () => {
  before(() => console.log(`      damage suite: ${cases.length} cases in ${files.length} file(s)`));

  it('holds the cases it is meant to hold', () => {
    assert.ok(cases.length >= 50, `only ${cases.length} cases`);
    for (const must of ['豫ICP备20017668号-1', '版權所有 ?2020', '(WHO)', '(2021)', '记者 | 胡禹', '姜明 摄', '1,000', '8:30', 'Notice: The content above']) {
      assert.ok(cases.some((c) => c.line.includes(must)), must);
    }
  });

  for (const target of TARGETS) {
    const settings = resolveSettings({ 'newsclean.script.target': target });
    // With an explicit Simplified target a Traditional line is rightly converted, so only
    // `auto` holds mixed-script to the suite; the punctuation rule is held to it under both.
    const rules = target === 'auto' ? RULES : [halfwidthPunctuation];
    it(`every line stays byte-identical on its own (target ${target})`, () => {
      for (const { file, line } of cases) {
        assert.deepEqual(analyze(new NewsDocument(line), { ruleSet: rules, settings }), [], `${file}: ${line}`);
        assert.equal(fixAll(line, { ruleSet: rules, settings }).text, line, `${file}: ${line}`);
      }
    });
  }

  it('the whole suite as one Simplified document stays byte-identical', () => {
    const simplified = cases.map((c) => c.line).filter((l) => !/[備號權陽簡記]/.test(l));
    const text = simplified.join('\n') + '\n';
    assert.equal(fixAll(text, { ruleSet: RULES }).text, text);
  });
});
