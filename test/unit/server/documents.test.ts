import * as assert from 'node:assert/strict';
import { NewsDocument, analyze, resolveSettings } from '../../../src/core';
import { Documents } from '../../../src/server/documents';
import { toDiagnostic } from '../../../src/server/protocol';
import { settingValues } from '../../../src/server/settings';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seed } from '../helpers';

const settings = resolveSettings();
const documents = () =>
  new Documents(
    async () => ({ settings, ignored: false }),
    (_uri, rule, error) => assert.fail(`${rule}: ${String(error)}`),
  );

describe('language server documents', () => {
  it('records the client’s incremental changes, in order, as the core’s change hint', async () => {
    const docs = documents();
    const entry = docs.open('file:///a.txt', 'plaintext', 1, '第一行,甲\r\n第二行\n第三行');
    await docs.current(entry);
    docs.change('file:///a.txt', 2, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '次' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '前' },
    ]);
    assert.equal(entry.document.getText(), '前第一行,甲\r\n次二行\n第三行');
    assert.deepEqual(entry.pending, [
      { rangeOffset: 7, rangeLength: 1, text: '次' },
      { rangeOffset: 0, rangeLength: 0, text: '前' },
    ]);
    const a = await docs.current(entry);
    assert.equal(a?.version, 2);
    assert.deepEqual(a?.findings, analyze(new NewsDocument(entry.document.getText(), 'file:///a.txt', 2), { settings }));
    assert.deepEqual(entry.pending, [], 'the analysis took the changes');
    docs.change('file:///a.txt', 3, [{ text: 'whole' }]);
    assert.equal(entry.pending, undefined, 'a whole-text change gives no hint');
  });

  it('drops an analysis when a newer edit comes, letting other work run meanwhile, and analyses the newest text', async () => {
    const docs = documents();
    const big = Array.from({ length: 10 }, () => seed('002')).join('\n');
    const entry = docs.open('file:///big.txt', 'plaintext', 1, big);
    let ranBefore = false;
    const first = docs.start(entry);
    // Runs at the analysis' first pause: the message loop is not held for the whole analysis.
    setImmediate(() => {
      ranBefore = true;
      docs.change('file:///big.txt', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（' }]);
    });
    assert.equal(await first, undefined, 'the analysis of version 1 was dropped');
    assert.ok(ranBefore);
    const a = await docs.current(entry);
    assert.equal(a?.version, 2);
    assert.deepEqual(a?.findings, analyze(new NewsDocument(`（${big}`, 'file:///big.txt', 2), { settings }));
  });

  it('skips a document past newsclean.maxFileSizeKB', async () => {
    const small = resolveSettings({ 'newsclean.maxFileSizeKB': 1 });
    const docs = new Documents(async () => ({ settings: small, ignored: false }), () => undefined);
    const entry = docs.open('file:///c.txt', 'plaintext', 1, '中文,'.repeat(1000));
    const a = await docs.current(entry);
    assert.equal(a?.skipped, 'tooLarge');
    assert.deepEqual(a?.findings, []);
  });

  it('reads the client’s settings nested or with dotted keys', () => {
    assert.deepEqual(settingValues({ run: 'onSave', rules: { mojibake: 'off' }, 'clean.boilerplate': false, script: { target: 'zh-TW' }, unknown: 1 }), {
      'newsclean.run': 'onSave',
      'newsclean.rules.mojibake': 'off',
      'newsclean.clean.boilerplate': false,
      'newsclean.script.target': 'zh-TW',
    });
    assert.deepEqual(settingValues(undefined), {});
  });

  it('gives a repeated paragraph’s diagnostic the other place as related information', () => {
    const p = '北京市人民政府今天召开新闻发布会，介绍了今年上半年全市经济运行的情况和下半年的主要工作安排。';
    const text = `标题\n\n${p}\n\n其他内容在这里。\n\n${p}\n`;
    const doc = TextDocument.create('file:///d.txt', 'plaintext', 1, text);
    const [finding] = analyze(new NewsDocument(text), { settings });
    assert.equal(finding.ruleId, 'duplicate-block');
    const d = toDiagnostic(doc, finding, 'file:///README.md');
    assert.equal(d.code, 'duplicate-block');
    assert.equal(d.codeDescription?.href, 'file:///README.md#rule-duplicate-block');
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [['file:///d.txt', 2]],
    );
  });
});
