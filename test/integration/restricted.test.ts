// Workspace trust. scripts/editor/run-integration.mjs runs the whole suite in a
// trusted workspace, then this file alone in a second editor whose
// workspace is not trusted (Restricted Mode, NEWSCLEAN_TEST_PASS=untrusted).
// The manifest declares `capabilities.untrustedWorkspaces.supported: true`,
// so the extension must be fully active and working there too.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  S002,
  activateExtension,
  analysisOf,
  api,
  closeAll,
  codeActionsAt,
  diagnosticPositions,
  expectedNow,
  fixture,
  golden,
  ours,
  positions,
  preferredFixFor,
  scratch,
  shown,
} from './helpers';

const untrusted = process.env.NEWSCLEAN_TEST_PASS === 'untrusted';

suite(`Workspace trust (${untrusted ? 'untrusted workspace, Restricted Mode' : 'trusted workspace'})`, () => {
  suiteSetup(async () => {
    await activateExtension();
    await closeAll();
  });

  teardown(closeAll);

  test('the workspace trust state is the one this run asked for', () => {
    assert.strictEqual(vscode.workspace.isTrusted, !untrusted, `vscode.workspace.isTrusted with NEWSCLEAN_TEST_PASS=${process.env.NEWSCLEAN_TEST_PASS ?? ''}`);
  });

  test('the manifest supports untrusted and virtual workspaces, and the extension is active', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'the extension is active');
    const manifest = extension.packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } };
    assert.strictEqual(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.strictEqual(manifest.capabilities?.virtualWorkspaces, true);
    // Nothing in the extension is gated on trust: no trust API is used.
    const bundle = fs.readFileSync(path.join(extension.extensionPath, 'dist', 'extension.js'), 'utf8');
    // (MarkdownString's isTrusted, in the language client, is another matter.)
    assert.doesNotMatch(bundle, /\bworkspace\.isTrusted\b|onDidGrantWorkspaceTrust/, 'the bundle does not consult workspace trust');
  });

  test('diagnostics, a quick fix and Clean Document work', async () => {
    const doc = (await scratch('trust.txt', fixture(`${S002}.txt`))).document;
    const before = ours(await analysisOf(doc));
    assert.deepStrictEqual(diagnosticPositions(before), positions(golden(S002)));
    const fix = preferredFixFor(await codeActionsAt(doc, before[0].range), before[0]);
    assert.ok(fix?.edit, 'a preferred quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(ours(await analysisOf(doc)).length, before.length - 1);
    assert.deepStrictEqual(shown(doc), expectedNow(doc));
    const other = (await scratch('trust-clean.txt', fixture(`${S002}.txt`))).document;
    await vscode.commands.executeCommand('newsclean.cleanDocument', { preview: false });
    assert.strictEqual(other.getText(), fixture(`${S002}.fixed.txt`), 'Clean Document gives the golden text');
    assert.deepStrictEqual(api().loggedErrors(), []);
  });
});
