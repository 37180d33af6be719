// Config files in a real VS Code: the light bulb's actions write the nearest
// .newsclean.jsonc and the diagnostic goes at once; editing a config file
// re-checks the open documents; the contributed schema and the extension both
// flag a wrong key. Everything happens in a folder of its own (cfg-it/),
// removed afterwards, so the other suites see no config file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { changeConfigText, parseConfigFile } from '../../src/core';
import { activateExtension, closeAll, codeActionsAt, open, ours, ruleOf, until, workspaceUri } from './helpers';

const DIR = 'cfg-it';
const CONFIG = `${DIR}/.newsclean.jsonc`;
const ARTICLE = `${DIR}/a.txt`;
const TEXT = '南阳市今年的重点项目进展顺利,全市上下齐心协力推进建设。\n，支撑在项目，發展在產業，经济建设稳步推进，人民生活持续改善。\n';
const CONFIG_TEXT = '{\n  // kept by the light bulb\n  "newsclean.rules.boilerplate": "info"\n}\n';

const write = (name: string, text: string) => vscode.workspace.fs.writeFile(workspaceUri(name), new TextEncoder().encode(text));

/**
 * Puts the config file back as the suite starts it, through its document
 * (opened if it is not), never by writing the file behind the editor's back:
 * the workbench keeps a closed file's model for a while, and a model that
 * lags behind the disk makes the next save of a light-bulb action fail with
 * a conflict (the action's change then never reaches the disk).
 */
async function resetConfig(): Promise<void> {
  const uri = workspaceUri(CONFIG);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText() !== CONFIG_TEXT) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), CONFIG_TEXT);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  if (doc.isDirty) assert.ok(await doc.save(), 'the config file saved');
}
const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(name)));

/** Waits until our diagnostics of `uri` satisfy `ok`, and returns them. */
function diagnosticsUntil(label: string, uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return until(
    label,
    () => {
      const ds = ours(vscode.languages.getDiagnostics(uri));
      return ok(ds) && ds;
    },
    [vscode.languages.onDidChangeDiagnostics],
  );
}

const has = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === rule);
const lacks = (rule: string) => (ds: vscode.Diagnostic[]) => ds.length > 0 && !ds.some((d) => ruleOf(d) === rule);

async function runAction(action: vscode.CodeAction | undefined, titles: string[]): Promise<void> {
  assert.ok(action?.command, `no such action among: ${titles.join(' | ')}`);
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

suite('Config files in VS Code', () => {
  suiteSetup(async () => {
    await activateExtension();
    await closeAll();
    await write(CONFIG, CONFIG_TEXT);
    await write(ARTICLE, TEXT);
  });

  setup(resetConfig);

  teardown(closeAll);

  suiteTeardown(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false });
  });

  test('a rule turned off for this file from the light bulb: the diagnostic goes, the config file holds the override', async () => {
    const doc = (await open(ARTICLE)).document;
    const ds = await diagnosticsUntil('stray-line-break on a.txt', doc.uri, has('stray-line-break'));
    const actions = await codeActionsAt(doc, ds.find((d) => ruleOf(d) === 'stray-line-break')!.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Turn off stray-line-break in this workspace')), titles.join(' | '));
    await runAction(
      actions.find((a) => a.title.startsWith('Turn off stray-line-break for this file')),
      titles,
    );
    await diagnosticsUntil('stray-line-break gone from a.txt', doc.uri, lacks('stray-line-break'));
    const saved = await read(CONFIG);
    assert.match(saved, /\/\/ kept by the light bulb/);
    const parsed = parseConfigFile('/x', saved);
    assert.deepStrictEqual(parsed.issues, []);
    assert.deepStrictEqual(parsed.overrides, [{ files: ['a.txt'], values: { 'newsclean.rules.stray-line-break': 'off' } }]);
    assert.strictEqual(parsed.values['newsclean.rules.boilerplate'], 'info');
  });

  test('a term protected from the light bulb is no longer flagged, and the config file lists it', async () => {
    const doc = (await open(ARTICLE)).document;
    const ds = await diagnosticsUntil('mixed-script on 產業', doc.uri, (all) => all.some((d) => ruleOf(d) === 'mixed-script' && doc.getText(d.range) === '產業'));
    const d = ds.find((x) => ruleOf(x) === 'mixed-script' && doc.getText(x.range) === '產業')!;
    const actions = await codeActionsAt(doc, d.range);
    await runAction(
      actions.find((a) => a.title.startsWith('Protect “產業”')),
      actions.map((a) => a.title),
    );
    await diagnosticsUntil('產業 no longer flagged', doc.uri, (all) => all.length > 0 && !all.some((x) => doc.getText(x.range) === '產業'));
    assert.deepStrictEqual(parseConfigFile('/x', await read(CONFIG)).values['newsclean.script.protectedTerms'], ['產業']);
  });

  test('editing the config file re-checks the open documents, before it is saved', async () => {
    const article = (await open(ARTICLE)).document;
    await diagnosticsUntil('halfwidth-punctuation on a.txt', article.uri, has('halfwidth-punctuation'));
    const config = await vscode.workspace.openTextDocument(workspaceUri(CONFIG));
    await vscode.window.showTextDocument(config, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    const edit = new vscode.WorkspaceEdit();
    const all = new vscode.Range(config.positionAt(0), config.positionAt(config.getText().length));
    edit.replace(config.uri, all, changeConfigText(config.getText(), { kind: 'rule-off', rule: 'halfwidth-punctuation' }));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(config.isDirty);
    await diagnosticsUntil('halfwidth-punctuation gone from a.txt', article.uri, lacks('halfwidth-punctuation'));
    await vscode.window.showTextDocument(config);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsUntil('halfwidth-punctuation back after the revert', article.uri, has('halfwidth-punctuation'));
  });

  test('a wrong key in a config file: the schema flags it, and so does the extension, on the file itself', async () => {
    const name = `${DIR}/bad/.newsclean.json`;
    await write(name, '{\n  "newsclean.rules.mojibake": "off",\n  "newsclean.rulez.mojibake": "off"\n}\n');
    const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'jsonc');
    const ds = await until(
      'the JSON schema and the extension flag the key',
      () => {
        const all = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.range.start.line === 2);
        return all.some((d) => d.source !== 'newsclean') && all.some((d) => d.source === 'newsclean' && d.code === 'config') && all;
      },
      [vscode.languages.onDidChangeDiagnostics],
    );
    const ourMessage = ds.find((d) => d.source === 'newsclean')!.message;
    assert.match(ourMessage, /Unknown setting “newsclean\.rulez\.mojibake”/);
    assert.ok(vscode.languages.getDiagnostics(doc.uri).every((d) => d.range.start.line === 2), 'the valid key is not flagged');
  });
});
