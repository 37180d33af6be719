// Integration tests in a real VS Code (code-server's Node extension host).
// Run with `npm run test:integration`. Everything waits on editor events,
// each wait bounded by a timeout that fails the test; nothing sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import * as vscode from 'vscode';

const EXTENSION_ID = 'news-transcript-cleaner.news-transcript-cleaner';
const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
const S000 = '000_91f2ec319ffadc91';
const S002 = '002_7e5994b88d4897fc';
const S004 = '004_3c6eb037d3059398';
const WAIT_MS = 30_000;

interface Finding {
  readonly ruleId: string;
}
interface NewsCleanApi {
  readonly onDidAnalyze: vscode.Event<{ uri: vscode.Uri; version: number; count: number }>;
  check(document: vscode.TextDocument): readonly Finding[];
  findings(uri: vscode.Uri): readonly Finding[] | undefined;
  statusBar(): { text: string; tooltip: string } | undefined;
  cleanWorkspace(): Promise<{ files: number; changed: number; undecodable: readonly string[]; fixesPerRule: ReadonlyMap<string, number> }>;
}

let api: NewsCleanApi;
/** Version of each document's last published analysis, from onDidAnalyze. */
const analyzed = new Map<string, number>();
const subscriptions: vscode.Disposable[] = [];

function fixture(file: string): string {
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
}

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test editor must have a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Resolves once `condition()` holds: checked now and again whenever one of
 * `events` fires. Rejects after `ms` with `label`.
 */
function until<T>(label: string, condition: () => T | undefined | false, events: vscode.Event<unknown>[], ms = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listeners: vscode.Disposable[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const l of listeners) l.dispose();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${ms} ms waiting for ${label}`));
    }, ms);
    const check = () => {
      let value: T | undefined | false;
      try {
        value = condition();
      } catch (error) {
        done();
        reject(error);
        return;
      }
      if (value !== undefined && value !== false) {
        done();
        resolve(value);
      }
    };
    for (const event of events) listeners.push(event(check));
    check();
  });
}

/** Waits until the extension published diagnostics for the document's current version. */
function analysisOf(doc: vscode.TextDocument, ms = WAIT_MS): Promise<readonly vscode.Diagnostic[]> {
  const key = doc.uri.toString();
  return until(
    `the analysis of ${path.basename(doc.uri.path)} v${doc.version}`,
    () => analyzed.get(key) === doc.version && vscode.languages.getDiagnostics(doc.uri),
    [api.onDidAnalyze],
    ms,
  );
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc);
}

function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'newsclean');
}

interface GoldenFinding {
  readonly rule: string;
  readonly line: number;
  readonly column: number;
}

function golden(seed: string): GoldenFinding[] {
  return JSON.parse(fixture(`${seed}.findings.json`)) as GoldenFinding[];
}

/** "rule@line:column" (1-based, as in the golden files), sorted. */
function positions(items: readonly { rule: string | undefined; line: number; column: number }[]): string[] {
  return items.map((f) => `${f.rule}@${f.line}:${f.column}`).sort();
}

function diagnosticPositions(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return positions(diagnostics.map((d) => ({ rule: ruleOf(d), line: d.range.start.line + 1, column: d.range.start.character + 1 })));
}

function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/**
 * Reverts the test workspace's modified documents and closes all editors, so
 * tests start clean. (Only the workspace's: the workbench itself may be
 * editing its settings.json meanwhile.)
 */
async function closeAll(): Promise<void> {
  const inWorkspace = (d: vscode.TextDocument) => vscode.workspace.getWorkspaceFolder(d.uri) !== undefined;
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled && inWorkspace(d))) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('News Transcript Cleaner in VS Code', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<NewsCleanApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    assert.strictEqual(typeof api.onDidAnalyze, 'function', 'activate() must return the NewsCleanApi');
    subscriptions.push(
      api.onDidAnalyze((e) => analyzed.set(e.uri.toString(), e.version)),
      vscode.workspace.onDidCloseTextDocument((d) => analyzed.delete(d.uri.toString())),
    );
    await closeAll();
  });

  suiteTeardown(() => {
    for (const s of subscriptions) s.dispose();
  });

  teardown(closeAll);

  test('diagnostics of seed 002 match its golden findings', async () => {
    const expected = golden(S002);
    const uri = workspaceUri(`${S002}.txt`);
    // Subscribe first, then open: the diagnostics arrive through the event.
    const arrived = until(
      'diagnostics of seed 002',
      () => ours(vscode.languages.getDiagnostics(uri)).length > 0 && ours(vscode.languages.getDiagnostics(uri)),
      [vscode.languages.onDidChangeDiagnostics],
    );
    const editor = await open(`${S002}.txt`);
    assert.strictEqual(editor.document.languageId, 'plaintext');
    const diagnostics = await arrived;
    assert.strictEqual(diagnostics.length, expected.length);
    const rules = new Set(expected.map((f) => f.rule));
    assert.ok(rules.has('stray-line-break'), 'the golden findings of seed 002 include stray line breaks');
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'newsclean');
      assert.ok(rules.has(ruleOf(d) ?? ''), `unexpected rule ${ruleOf(d)}`);
    }
    assert.deepStrictEqual(diagnosticPositions(diagnostics), positions(expected));
    assert.strictEqual(vscode.languages.getDiagnostics(uri).length, expected.length, 'no diagnostics from other sources');
  });

  test('the preferred quick fix removes exactly one diagnostic', async () => {
    const editor = await open(`${S002}.txt`);
    const doc = editor.document;
    const before = ours(await analysisOf(doc));
    assert.ok(before.length > 0);
    const first = before[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      first.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred && a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.ok(
      fix,
      `no preferred quick fix among: ${actions.map((a) => a.title).join(' | ')} (diagnostic ${ruleOf(first)} at ${first.range.start.line}:${first.range.start.character}, document v${doc.version}${doc.isClosed ? ' closed' : ''}, ${api.check(doc).length} findings now)`,
    );
    assert.ok(fix.edit, 'the quick fix carries an edit');
    const version = doc.version;
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit succeeded');
    assert.ok(doc.version > version, 'the document changed');
    const after = ours(await analysisOf(doc));
    assert.strictEqual(after.length, before.length - 1);
  });

  test('outline: document symbols and folding ranges', async () => {
    interface OutlineEntry {
      name: string;
      kind: string;
      line: number;
      children: OutlineEntry[];
    }
    const outline = (seed: string) => JSON.parse(fixture(`${seed}.outline.json`)) as OutlineEntry[];
    const d000 = (await open(`${S000}.txt`)).document;
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', d000.uri);
    const names = symbols.map((s) => s.name);
    assert.deepStrictEqual(names.slice(0, 3), ['大抓落实勇担当', '务实高效强作风', '收获满满显成效']);
    assert.deepStrictEqual(
      names,
      outline(S000).map((s) => s.name),
      'the outline matches the golden outline',
    );
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', d000.uri);
    const starts = folds.map((f) => f.start).sort((a, b) => a - b);
    for (const line of [0, 8, 16]) assert.ok(starts.includes(line), `a folding range starts at line ${line}: ${starts.join(', ')}`);
    const outlineLines = new Set<number>();
    const collect = (entries: OutlineEntry[]): void => {
      for (const e of entries) {
        outlineLines.add(e.line - 1);
        collect(e.children);
      }
    };
    collect(outline(S000));
    for (const start of starts) assert.ok(outlineLines.has(start), `folding range at line ${start} matches an outline entry`);

    const d004 = (await open(`${S004}.txt`)).document;
    const symbols004 = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', d004.uri);
    const sections004 = new Set(outline(S004).filter((e) => e.kind === 'section').map((e) => e.name));
    assert.strictEqual(symbols004.filter((s) => sections004.has(s.name)).length, 10, 'ten section symbols');
    assert.deepStrictEqual(
      symbols004.map((s) => s.name),
      outline(S004).map((s) => s.name),
    );
  });

  test('Clean Document gives the golden text and undoes in one step', async () => {
    const editor = await open(`${S002}.txt`);
    const doc = editor.document;
    const original = doc.getText();
    assert.strictEqual(original, fixture(`${S002}.txt`));
    await vscode.commands.executeCommand('newsclean.cleanDocument', { preview: false });
    assert.strictEqual(doc.getText(), fixture(`${S002}.fixed.txt`));
    assert.ok(doc.isDirty);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original, 'one undo restores the original text');
    assert.strictEqual(doc.isDirty, false);
  });

  test('Clean Document with preview: Apply writes the golden text', async () => {
    const doc = (await open(`${S002}.txt`)).document;
    await vscode.commands.executeCommand('newsclean.cleanDocument', { preview: true });
    assert.strictEqual(doc.getText(), fixture(`${S002}.txt`), 'the preview does not touch the document');
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'newsclean-preview');
    assert.ok(preview, 'a preview document is open');
    assert.strictEqual(preview.getText(), fixture(`${S002}.fixed.txt`));
    await vscode.commands.executeCommand('newsclean.applyCleanPreview', doc.uri);
    assert.strictEqual(doc.getText(), fixture(`${S002}.fixed.txt`));
  });

  test('Clean Document keeps CRLF line endings', async () => {
    const editor = await open('crlf.txt');
    const doc = editor.document;
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);
    const diagnostics = ours(await analysisOf(doc));
    assert.deepStrictEqual(diagnosticPositions(diagnostics), positions(golden(S002)), 'CRLF does not change the findings');
    await vscode.commands.executeCommand('newsclean.cleanDocument', { preview: false });
    const text = doc.getText();
    assert.notStrictEqual(text, fixture(`${S002}.txt`).replace(/\n/g, '\r\n'), 'the document was cleaned');
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);
    assert.ok(!/(^|[^\r])\n/.test(text), 'every line break is still CRLF');
    assert.strictEqual(text, fixture(`${S002}.fixed.txt`).replace(/\n/g, '\r\n'));
  });

  test('empty, binary and 5 MB single-line files do not break the extension', async () => {
    for (const name of ['empty.txt', 'junk.txt', 'one-line-5mb.txt']) {
      const editor = await open(name);
      const diagnostics = await analysisOf(editor.document, 120_000);
      assert.ok(Array.isArray(diagnostics), name);
      assert.ok(api.findings(editor.document.uri) !== undefined, `${name} was analysed`);
    }
    // A file VS Code itself may refuse as binary: either way no crash.
    try {
      await vscode.workspace.openTextDocument(workspaceUri('junk.bin'));
    } catch (error) {
      assert.match(String(error), /binary/i);
    }
    // Still responsive: a check of another document answers.
    const d000 = (await open(`${S000}.txt`)).document;
    assert.strictEqual(api.check(d000).length, golden(S000).length);
    const d002 = (await open(`${S002}.txt`)).document;
    assert.strictEqual(api.check(d002).length, golden(S002).length);
  });

  test('turning stray-line-break off removes its diagnostics', async () => {
    const doc = (await open(`${S002}.txt`)).document;
    const all = ours(await analysisOf(doc)).length;
    const stray = (): number => ours(vscode.languages.getDiagnostics(doc.uri)).filter((d) => ruleOf(d) === 'stray-line-break').length;
    const count = stray();
    assert.ok(count > 0);
    const config = () => vscode.workspace.getConfiguration('newsclean', doc);
    const has = (n: 'none' | 'some') => () => {
      const total = ours(vscode.languages.getDiagnostics(doc.uri)).length;
      // Only this rule's diagnostics go; the other rules' stay.
      return n === 'none' ? stray() === 0 && total === all - count : stray() === count && total === all;
    };
    try {
      await config().update('rules.stray-line-break', 'off', vscode.ConfigurationTarget.Workspace);
      await until('diagnostics of seed 002 to disappear', has('none'), [vscode.languages.onDidChangeDiagnostics]);
    } finally {
      await config().update('rules.stray-line-break', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('diagnostics of seed 002 to come back', has('some'), [vscode.languages.onDidChangeDiagnostics]);
  });

  test('NEWSCLEAN_TEST_BREAK=1 makes this test fail on purpose', async () => {
    const doc = (await open(`${S000}.txt`)).document;
    const findings = api.check(doc);
    // Proves that a failing assertion makes the whole run exit non-zero.
    const broken = process.env.NEWSCLEAN_TEST_BREAK === '1';
    const expected = golden(S000).length;
    assert.strictEqual(findings.length, broken ? expected + 1 : expected, 'deliberate failure (NEWSCLEAN_TEST_BREAK=1)');
  });

  test('the status bar counts the active document\'s problems per family', async () => {
    const editor = await open(`${S002}.txt`);
    await analysisOf(editor.document);
    const shown = api.statusBar();
    assert.ok(shown, 'the status bar item is shown');
    const total = golden(S002).length;
    const counts = [...shown.text.matchAll(/(\d+)/g)].map((m) => Number(m[1]));
    assert.strictEqual(counts.reduce((a, b) => a + b, 0), total, shown.text);
    assert.match(shown.text, /layout \d+/);
    assert.match(shown.tooltip, new RegExp(`${total} problems`));
  });

  test('Clean Workspace cleans every transcript and leaves undecodable files alone', async function () {
    this.timeout(120_000);
    const junk = await vscode.workspace.fs.readFile(workspaceUri('junk.txt'));
    const summary = await api.cleanWorkspace();
    assert.ok(summary.files >= 5, `${summary.files} files`);
    assert.ok(summary.changed >= 5, `${summary.changed} changed`);
    assert.deepStrictEqual([...summary.undecodable], ['junk.txt']);
    assert.deepStrictEqual(await vscode.workspace.fs.readFile(workspaceUri('junk.txt')), junk);
    for (const seed of [S000, S002, S004]) {
      const text = (await vscode.workspace.openTextDocument(workspaceUri(`${seed}.txt`))).getText();
      assert.strictEqual(text, fixture(`${seed}.fixed.txt`), seed);
    }
    assert.ok((summary.fixesPerRule.get('stray-line-break') ?? 0) > 0);
  });

  /** Writes a new file into the workspace and opens it. */
  async function scratch(name: string, text: string): Promise<vscode.TextEditor> {
    await vscode.workspace.fs.writeFile(workspaceUri(name), new TextEncoder().encode(text));
    return open(name);
  }

  test('conversion commands work on a selection and on the whole document, each one undo step', async () => {
    const editor = await scratch('convert.txt', '这个新闻很重要。\n这个新闻很重要。\n');
    const doc = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, doc.lineAt(0).text.length);
    const changed = (expected: string) => until(`the text ${JSON.stringify(expected)}`, () => doc.getText() === expected, [vscode.workspace.onDidChangeTextDocument]);
    await vscode.commands.executeCommand('newsclean.convertToTaiwan');
    await changed('這個新聞很重要。\n这个新闻很重要。\n');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsclean.convertToHongKong');
    await changed('這個新聞很重要。\n這個新聞很重要。\n');
    await vscode.commands.executeCommand('newsclean.convertToSimplified');
    await changed('这个新闻很重要。\n这个新闻很重要。\n');
    await vscode.commands.executeCommand('undo');
    await changed('這個新聞很重要。\n這個新聞很重要。\n');
  });

  test('mojibake: diagnostics on the damaged lines, quick fixes restore the exact text', async () => {
    // Damaged by really encoding and decoding with the wrong code page.
    const misread = (text: string, right: string, wrong: string) => iconv.decode(iconv.encode(text, right), wrong);
    const damaged = [
      `据悉，${misread('南阳市委书记朱是西强调要抓好项目建设', 'utf8', 'gbk')}。`,
      `${misread('记者从南阳市政府获悉', 'gbk', 'latin1')}，全市项目进展顺利。`,
      `本报讯 ${misread('全市项目进展顺利', 'utf8', 'cp1252')}。`,
      '今年以来，南阳市坚持把项目建设作为稳增长、促发展的重要抓手，全力推动重点项目早开工、早投产、早见效。',
      '',
    ].join('\n');
    const clean = [
      '据悉，南阳市委书记朱是西强调要抓好项目建设。',
      '记者从南阳市政府获悉，全市项目进展顺利。',
      '本报讯 全市项目进展顺利。',
      '今年以来，南阳市坚持把项目建设作为稳增长、促发展的重要抓手，全力推动重点项目早开工、早投产、早见效。',
      '',
    ].join('\n');
    const editor = await scratch('mojibake.txt', damaged);
    const doc = editor.document;
    const found = ours(await analysisOf(doc));
    assert.deepStrictEqual(
      found.map((d) => `${ruleOf(d)}@${d.range.start.line}`),
      ['mojibake@0', 'mojibake@1', 'mojibake@2'],
      'one mojibake diagnostic per damaged line and nothing else',
    );
    for (let left = 3; left > 0; left--) {
      const [first] = ours(await analysisOf(doc)).filter((d) => ruleOf(d) === 'mojibake');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, first.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(fix, `a preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    }
    assert.strictEqual(doc.getText(), clean);
    assert.deepStrictEqual(ours(await analysisOf(doc)), []);
  });

  test('the half-width punctuation quick fix', async () => {
    const editor = await scratch('punct.txt', '对此,朱是西反复强调:省副中心城市不是封出来的。\n');
    const doc = editor.document;
    const diagnostics = ours(await analysisOf(doc)).filter((d) => ruleOf(d) === 'halfwidth-punctuation');
    assert.strictEqual(diagnostics.length, 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostics[0].range);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix, 'a preferred quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(doc.getText(), '对此，朱是西反复强调:省副中心城市不是封出来的。\n');
  });

  test('source.fixAll.newsclean runs on save with editor.codeActionsOnSave', async () => {
    const editor = await scratch('onsave.txt', '根基在产业\n，支撑在项目\n、关键在招商。\n');
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
    try {
      await config.update('codeActionsOnSave', { 'source.fixAll.newsclean': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      await editor.edit((b) => b.insert(new vscode.Position(3, 0), '下一段。\n'));
      assert.ok(await editor.document.save());
      assert.strictEqual(editor.document.getText(), '根基在产业，支撑在项目、关键在招商。\n下一段。\n');
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri));
      assert.strictEqual(onDisk, editor.document.getText());
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });
});
