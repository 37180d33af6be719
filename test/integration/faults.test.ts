// Editor faults: edits arriving while a check is pending, a document closed
// meanwhile, a file changed on disk, documents that are not files. The
// extension must keep working and its diagnostics must stay in sync with
// the text. Everything waits on editor events; nothing sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  S000,
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
  queuedChecksRan,
  scratch,
  shown,
  until,
} from './helpers';

/** An in-memory file system for the scheme `newsclean-test:`, like a virtual workspace's. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || [...this.files.keys()].some((p) => p.startsWith(`${uri.path}/`))) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.data.byteLength };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existed = this.files.has(uri.path);
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.emitter.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('rename');
  }
}

suite('Editor faults', () => {
  const memory = new MemoryFileSystem();
  let registration: vscode.Disposable | undefined;

  suiteSetup(async () => {
    await activateExtension();
    registration = vscode.workspace.registerFileSystemProvider('newsclean-test', memory, { isCaseSensitive: true });
    await closeAll();
  });

  suiteTeardown(() => registration?.dispose());

  teardown(closeAll);

  test('edits arriving while a check is pending: only the final text is published, and it is in sync', async () => {
    const doc = (await scratch('burst.txt', fixture(`${S002}.txt`))).document;
    await analysisOf(doc);
    // Each publication while the burst lands: the version it claims, the
    // document's version at that moment, and whether what is shown then is
    // exactly what the core finds in the text at that moment.
    const published: { claimed: number; current: number; inSync: boolean }[] = [];
    const listener = api().onDidAnalyze((e) => {
      if (e.uri.toString() !== doc.uri.toString()) return;
      published.push({ claimed: e.version, current: doc.version, inSync: JSON.stringify(shown(doc)) === JSON.stringify(expectedNow(doc)) });
    });
    try {
      // Five edits, each sent as soon as the previous one is applied, none
      // waiting for a check: each lands while the check queued by the
      // previous one is pending. (Sent all at once, VS Code would reject all
      // but the first: a WorkspaceEdit carries the version it was made for.)
      const edits = [
        (e: vscode.WorkspaceEdit) => e.insert(doc.uri, new vscode.Position(0, 0), '本报讯,记者获悉:\n'),
        (e: vscode.WorkspaceEdit) => e.delete(doc.uri, new vscode.Range(2, 0, 3, 0)),
        (e: vscode.WorkspaceEdit) => e.insert(doc.uri, new vscode.Position(5, 0), '对此,朱是西反复强调:项目为王。\n'),
        (e: vscode.WorkspaceEdit) => e.replace(doc.uri, new vscode.Range(10, 0, 10, 2), '（'),
        (e: vscode.WorkspaceEdit) => e.insert(doc.uri, new vscode.Position(12, 0), '\n'),
      ];
      const startVersion = doc.version;
      for (const build of edits) {
        const edit = new vscode.WorkspaceEdit();
        build(edit);
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
      }
      assert.strictEqual(doc.version, startVersion + edits.length);
      const finalVersion = doc.version;
      await analysisOf(doc);
      assert.strictEqual(doc.version, finalVersion);
      // Whatever the edits queued has run by now.
      await queuedChecksRan();
      assert.deepStrictEqual(shown(doc), expectedNow(doc), 'the diagnostics are the core\'s findings in the final text');
      for (const p of published) {
        assert.strictEqual(p.claimed, p.current, `a result for v${p.claimed} was published while the document was at v${p.current}`);
        assert.ok(p.inSync, `the diagnostics published for v${p.claimed} did not match the text`);
      }
      // The checks queued by the earlier edits were superseded: the final
      // text was published once (earlier versions only if the debounce
      // delay passed between two edits, which is allowed).
      assert.strictEqual(published.filter((p) => p.claimed === finalVersion).length, 1, `publications: ${JSON.stringify(published)}`);
      assert.deepStrictEqual(api().loggedErrors(), []);
    } finally {
      listener.dispose();
    }
  });

  test('a document closed while its check is pending: diagnostics cleared, nothing published later, no error', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: fixture(`${S002}.txt`) });
    const editor = await vscode.window.showTextDocument(doc);
    assert.strictEqual(ours(await analysisOf(doc)).length, golden(S002).length, 'the untitled document was checked');
    const uri = doc.uri.toString();
    let publishedAfterClose = 0;
    let closed = false;
    const listener = api().onDidAnalyze((e) => {
      if (closed && e.uri.toString() === uri) publishedAfterClose++;
    });
    try {
      const closing = until('the untitled document to close', () => doc.isClosed, [vscode.workspace.onDidCloseTextDocument]);
      // An edit queues a check (after newsclean.debounceMs); the document is
      // closed before it runs, at once, without saving.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '据悉,')));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await closing;
      closed = true;
      assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri), [], 'the closed document has no diagnostics');
      assert.strictEqual(api().analyzed(doc.uri), undefined, 'nothing is kept for the closed document');

      // Whatever was queued for the closed document would have run by now.
      await queuedChecksRan();
      assert.strictEqual(publishedAfterClose, 0, 'nothing was published for the closed document');
      assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri), [], 'its diagnostics did not come back');
      assert.deepStrictEqual(api().loggedErrors(), [], 'no error was logged');
    } finally {
      listener.dispose();
    }
  });

  test('a file changed on disk while open: the document reloads and its diagnostics follow', async () => {
    const doc = (await scratch('changed-on-disk.txt', fixture(`${S002}.txt`))).document;
    assert.deepStrictEqual(diagnosticPositions(ours(await analysisOf(doc))), positions(golden(S002)));
    assert.strictEqual(doc.isDirty, false);
    const replacement = fixture(`${S000}.txt`);
    const reloaded = until('the document to show the new file content', () => doc.getText() === replacement, [vscode.workspace.onDidChangeTextDocument]);
    // Written behind the editor's back, as another program would.
    fs.writeFileSync(doc.uri.fsPath, replacement);
    await reloaded;
    assert.strictEqual(doc.isDirty, false, 'reloaded from disk, not edited');
    const diagnostics = ours(await analysisOf(doc));
    assert.deepStrictEqual(diagnosticPositions(diagnostics), positions(golden(S000)), 'the diagnostics are seed 000\'s now');
    assert.deepStrictEqual(shown(doc), expectedNow(doc));
    assert.strictEqual(path.basename(doc.uri.fsPath), 'changed-on-disk.txt');
  });

  test('an untitled document is checked, fixed and kept in sync', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: fixture(`${S002}.txt`) });
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.uri.scheme, 'untitled');
    const before = ours(await analysisOf(doc));
    assert.deepStrictEqual(diagnosticPositions(before), positions(golden(S002)));
    const fix = preferredFixFor(await codeActionsAt(doc, before[0].range), before[0]);
    assert.ok(fix?.edit, 'a preferred quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(ours(await analysisOf(doc)).length, before.length - 1);
    assert.deepStrictEqual(shown(doc), expectedNow(doc));
  });

  test('a document of a virtual file system (newsclean-test:) is checked, fixed and saved', async () => {
    const uri = vscode.Uri.from({ scheme: 'newsclean-test', path: '/virtual/transcript.txt' });
    memory.writeFile(uri, new TextEncoder().encode(fixture(`${S002}.txt`)));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'plaintext');
    const before = ours(await analysisOf(doc));
    assert.deepStrictEqual(diagnosticPositions(before), positions(golden(S002)), 'the golden findings of seed 002');
    const fix = preferredFixFor(await codeActionsAt(doc, before[0].range), before[0]);
    assert.ok(fix?.edit, 'a preferred quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(ours(await analysisOf(doc)).length, before.length - 1);
    assert.ok(await doc.save(), 'saved through the file system provider');
    assert.strictEqual(new TextDecoder().decode(memory.readFile(uri)), doc.getText());
    assert.deepStrictEqual(shown(doc), expectedNow(doc));
    assert.deepStrictEqual(api().loggedErrors(), []);
  });
});
