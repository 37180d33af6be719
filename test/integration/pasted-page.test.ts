// A news page as an editor pastes it (test/fixtures/pages/composed-page.txt),
// in a real VS Code: the Outline's title is the headline, the page's chrome
// is flagged, and Clean Document removes the chrome and leaves the article
// byte for byte (golden). Everything waits on editor events; nothing sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, analysisOf, closeAll, ours, scratch } from './helpers';

const DIR = path.resolve(__dirname, '../../../test/fixtures/pages');
/** 1-based lines of the chrome: navigation, breadcrumb, source line, share bar, related list, comments, footer. */
const CHROME = [1, 2, 4, 5, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26];

suite('A pasted news page', () => {
  suiteSetup(async () => {
    await activateExtension();
    await closeAll();
  });

  teardown(closeAll);

  test('the Outline names the headline, the chrome is flagged, Clean Document leaves the article (golden)', async () => {
    const text = fs.readFileSync(path.join(DIR, 'composed-page.txt'), 'utf8');
    const doc = (await scratch('pasted-page.txt', text)).document;
    const diagnostics = ours(await analysisOf(doc));
    const flagged = new Set(diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).map((d) => d.range.start.line + 1));
    for (const l of CHROME) assert.ok(flagged.has(l), `line ${l} flagged: ${doc.lineAt(l - 1).text}`);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const titles = symbols.filter((s) => s.kind === vscode.SymbolKind.File);
    assert.deepStrictEqual(titles.map((s) => [s.name, s.selectionRange.start.line]), [[doc.lineAt(2).text, 2]], 'one title: the headline');
    // The navigation above the headline is one block, not the title.
    assert.strictEqual(symbols[0].kind, vscode.SymbolKind.Null);
    assert.deepStrictEqual([symbols[0].range.start.line, symbols[0].range.end.line], [0, 1]);
    await vscode.commands.executeCommand('newsclean.cleanDocument', { preview: false });
    assert.strictEqual(doc.getText(), fs.readFileSync(path.join(DIR, 'composed-page.fixed.txt'), 'utf8'));
  });
});
