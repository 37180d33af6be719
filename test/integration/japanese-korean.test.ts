// A Chinese article quoting Japanese and Korean, in a real VS Code: no
// diagnostic lies on the quoted text and Clean Document leaves the file
// byte-identical. Everything waits on editor events; nothing sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, analysisOf, closeAll, ours, scratch } from './helpers';

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
});
