import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NewsDocument, analyze, analyzeIncremental, resolveSettings, type Finding, type IncrementalState, type Settings } from '../../src/core';
import { seed, seedNames } from './helpers';

/** Findings as plain data (fix edits may be computed when first read). */
function plain(findings: readonly Finding[]): unknown {
  return findings.map((f) => ({ ...f, ...(f.fix && { fix: { title: f.fix.title, edits: [...f.fix.edits] } }) }));
}

/** Text inserted by the edits: what typing, pasting and damage bring. */
const insertion = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\n\n', '。', '，', ',', '?', '？', ' ', '\u3000', '\ufffd', '锟斤拷'),
  fc.constantFrom('簡(jiǎn)陽(yáng)', '臺灣的同胞們', '这里说的是', '鍗楅槼', 'å—é˜³', '记者 | 胡禹', '版權所有 ?2020', '大抓落实勇担当\n'),
  fc.constantFrom(...seed('001').split('\n').filter(Boolean).slice(0, 12)),
  fc.string({ maxLength: 4 }),
);
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: insertion });
const documents = fc.constantFrom(...seedNames().map((n) => seed(n.slice(0, 3))));
const settingsValues = fc.constantFrom<Record<string, unknown>>(
  {},
  { 'newsclean.duplicates.keep': 'best' },
  { 'newsclean.script.target': 'zh-TW' },
  { 'newsclean.script.protectedTerms': ['簡陽', '同胞\n'] },
);

const RUNS = Number(process.env.NEWSCLEAN_FUZZ_RUNS ?? 60);
const options = { numRuns: RUNS, seed: Number(process.env.NEWSCLEAN_FUZZ_SEED ?? 20261123) };

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('incremental analysis', () => {
  it('finds after every edit exactly what a full analysis finds', () => {
    fc.assert(
      fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 6 }), settingsValues, (start, edits, values) => {
        const settings: Settings = resolveSettings(values);
        let text = start;
        let state: IncrementalState | undefined;
        for (const e of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
          text = applyEdit(text, e);
          const result = analyzeIncremental(state, text, { settings });
          assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(text), { settings })));
          state = result.state;
        }
      }),
      options,
    );
  });

  it('does not reuse findings made with other settings', () => {
    const text = seed('001');
    const first = analyzeIncremental(undefined, text);
    const settings = resolveSettings({ 'newsclean.rules.halfwidth-punctuation': 'off', 'newsclean.script.target': 'zh-TW' });
    const edited = text.replace('。', '。。');
    const result = analyzeIncremental(first.state, edited, { settings });
    assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(edited), { settings })));
  });

  it('reports a rule that fails as a full analysis does', () => {
    const failing = { id: 'fails', description: '', defaultSeverity: 'warning' as const, fixable: false, safeToClean: false, check: () => { throw new Error('no'); } };
    const errors: string[] = [];
    const first = analyzeIncremental(undefined, 'a\nb', { ruleSet: [failing], onRuleError: (id) => errors.push(id) });
    analyzeIncremental(first.state, 'a\nbc', { ruleSet: [failing], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['fails', 'fails']);
  });
});
