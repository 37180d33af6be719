// A Chinese article quoting Japanese and Korean, in a real VS Code: no
// diagnostic lies on the quoted text and Clean Document leaves the file
// byte-identical. A document that reads as Japanese or Korean as a whole is
// left alone, and the status bar says so. Everything waits on editor events;
// nothing sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { S002, activateExtension, analysisOf, api, closeAll, open, ours, scratch } from './helpers';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/japanese-korean/quoting.txt');

suite('Japanese and Korean quoted in a Chinese article', () => {
  suiteSetup(async () => {
    await activateExtension();
    await closeAll();
  });

  teardown(closeAll);

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    test(`Clean Document leaves it byte-identical (${name})`, async () => {
      const text = fs.readFileSync(FIXTURE, 'utf8').replace(/\n/g, eol);
      const doc = (await scratch(`japanese-korean-${name}.txt`, text)).document;
      const diagnostics = ours(await analysisOf(doc));
      for (const d of diagnostics) {
        const line = doc.lineAt(d.range.start.line).text;
        assert.ok(!/[\u3041-\u30ff\uac00-\ud7a3]/.test(doc.getText(d.range)), `no diagnostic on Japanese or Korean text: ${d.message} (${line})`);
        assert.notStrictEqual(d.code && typeof d.code === 'object' ? d.code.value : d.code, 'mojibake', d.message);
      }
      await vscode.commands.executeCommand('newsclean.cleanDocument', { preview: false });
      assert.strictEqual(doc.getText(), text);
    });
  }

  test('the status bar says when the active document reads as Japanese or Korean, and follows its edits and the active editor', async () => {
    const japanese = 'このプログラムは、指定されたファイルを読み込んで結果を表示する。\n'.repeat(8);
    const editor = await scratch('japanese-whole.txt', japanese);
    const doc = editor.document;
    assert.deepStrictEqual(ours(await analysisOf(doc)), []);
    const shown = api().statusBar();
    assert.ok(shown, 'the status bar item is shown');
    assert.match(shown.text, /Japanese\/Korean/);
    assert.match(shown.tooltip, /read as Japanese or Korean; left unchanged/);
    // Another editor: the seed's own counts.
    await analysisOf((await open(`${S002}.txt`)).document);
    assert.doesNotMatch(api().statusBar()?.text ?? '', /Japanese/);
    await vscode.window.showTextDocument(doc);
    assert.match(api().statusBar()?.text ?? '', /Japanese\/Korean/);
    // Edited into a Chinese article with a problem: the counts come back.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), '对此,记者获悉。\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(ours(await analysisOf(doc)).length > 0);
    const chinese = api().statusBar();
    assert.doesNotMatch(chinese?.text ?? '', /Japanese/);
    assert.match(chinese?.tooltip ?? '', /problems/);
  });
});
