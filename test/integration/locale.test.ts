// Display language. scripts/editor/run-integration.mjs runs this file alone in an
// editor started with `--locale zh-cn` (NEWSCLEAN_TEST_PASS=zh-cn): the
// rules' messages (the core, through @vscode/l10n) and the extension's own
// texts (vscode.l10n) must come from l10n/bundle.l10n.zh-cn.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { S002, activateExtension, analysisOf, closeAll, codeActionsAt, open, ours, until } from './helpers';

const bundle = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

/** A bundle entry as a pattern: its placeholders ({0}) match anything. */
function pattern(message: string): RegExp {
  const parts = message.split(/\{\d+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`);
}

suite('Display language zh-cn', () => {
  suiteSetup(async () => {
    await activateExtension();
    await closeAll();
  });

  teardown(closeAll);

  test('the workbench runs in Simplified Chinese', () => {
    assert.strictEqual(vscode.env.language, 'zh-cn');
  });

  test('every diagnostic of seed 002 is a zh-cn message of the bundle', async () => {
    const doc = (await open(`${S002}.txt`)).document;
    const diagnostics = ours(await analysisOf(doc));
    assert.ok(diagnostics.length > 10, `seed 002 has findings (got ${diagnostics.length})`);
    const chinese = Object.values(bundle).map(pattern);
    const english = Object.keys(bundle).map(pattern);
    for (const d of diagnostics) {
      assert.ok(
        chinese.some((p) => p.test(d.message)) && !english.some((p) => p.test(d.message)),
        `line ${d.range.start.line + 1}: not a zh-cn message: ${d.message}`,
      );
    }
  });

  test('the extension\'s own quick-fix titles are in Chinese', async () => {
    const doc = (await open(`${S002}.txt`)).document;
    const diagnostics = ours(await analysisOf(doc));
    const actions = await codeActionsAt(doc, diagnostics[0].range);
    const fixAll = actions.find((a) => a.title.startsWith('修复本文档中所有'));
    assert.ok(fixAll, `a “修复本文档中所有 …” action among: ${actions.map((a) => a.title).join(' | ')}`);
  });

  test('the rules\' documentation is the Simplified Chinese one: diagnostics link to it, Show documentation opens it at the rule', async () => {
    const doc = (await open(`${S002}.txt`)).document;
    const diagnostics = ours(await analysisOf(doc));
    for (const d of diagnostics) {
      const code = d.code as { value: string; target: vscode.Uri };
      assert.ok(code.target.path.endsWith('/docs/rules.zh-cn.md'), `${code.value} links to ${code.target.toString()}`);
      assert.strictEqual(code.target.fragment, `rule-${code.value}`);
    }
    const shown = until(
      'a tab showing docs/rules.zh-cn.md',
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('rules.zh-cn.md')),
      [vscode.window.tabGroups.onDidChangeTabs],
    );
    await vscode.commands.executeCommand('newsclean.showDocumentation', 'halfwidth-punctuation');
    const tab = await shown;
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.includes('README')), `not the English README (${tab.label})`);
  });
});
