// Helpers shared by the integration suites (loaded by them, not by mocha as a
// test file). Everything waits on editor events, each wait bounded by a
// timeout that fails the test; nothing sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { NewsDocument, analyze } from '../../src/core';

export const EXTENSION_ID = 'news-transcript-cleaner.news-transcript-cleaner';
export const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
export const S000 = '000_91f2ec319ffadc91';
export const S002 = '002_7e5994b88d4897fc';
export const S004 = '004_3c6eb037d3059398';
export const WAIT_MS = 30_000;

export interface ReviewOutcome {
  readonly uris: readonly vscode.Uri[];
  readonly fixes: number;
  readonly applied: boolean;
}
export interface NewsCleanApi {
  readonly onDidAnalyze: vscode.Event<{ uri: vscode.Uri; version: number; count: number }>;
  readonly onDidShowPreview: vscode.Event<vscode.Uri>;
  readonly onDidReview: vscode.Event<ReviewOutcome>;
  /** Checks the document now in the language server; resolves to its number of findings. */
  check(document: vscode.TextDocument): Promise<number>;
  /** The last analysis shown for an open document (undefined: none yet, or closed). */
  analyzed(uri: vscode.Uri): { uri: vscode.Uri; version: number; count: number } | undefined;
  statusBar(): { text: string; tooltip: string } | undefined;
  cleanWorkspace(options?: { preview?: boolean }): Promise<{
    files: number;
    changed: number;
    undecodable: readonly string[];
    japaneseKorean: readonly string[];
    fixesPerRule: ReadonlyMap<string, number>;
    applied: Promise<boolean>;
  }>;
  loggedErrors(): readonly string[];
}

let activated: NewsCleanApi | undefined;
/** Version of each document's last published analysis, from onDidAnalyze. */
const analyzed = new Map<string, number>();

/** The extension's API; `activateExtension()` must have run (suiteSetup). */
export function api(): NewsCleanApi {
  assert.ok(activated, 'activateExtension() runs in suiteSetup');
  return activated;
}

/** Activates the extension once per run and starts tracking its analyses. */
export async function activateExtension(): Promise<NewsCleanApi> {
  if (activated) return activated;
  const extension = vscode.extensions.getExtension<NewsCleanApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const exported = await extension.activate();
  assert.strictEqual(typeof exported.onDidAnalyze, 'function', 'activate() must return the NewsCleanApi');
  // Kept for the whole run: every suite waits on the same bookkeeping.
  exported.onDidAnalyze((e) => analyzed.set(e.uri.toString(), e.version));
  vscode.workspace.onDidCloseTextDocument((d) => analyzed.delete(d.uri.toString()));
  activated = exported;
  return exported;
}

export function fixture(file: string): string {
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test editor must have a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Resolves once `condition()` holds: checked now and again whenever one of
 * `events` fires. Rejects after `ms` with `label`.
 */
export function until<T>(label: string, condition: () => T | undefined | false, events: vscode.Event<unknown>[], ms = WAIT_MS): Promise<T> {
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
export function analysisOf(doc: vscode.TextDocument, ms = WAIT_MS): Promise<readonly vscode.Diagnostic[]> {
  const key = doc.uri.toString();
  return until(
    `the analysis of ${path.basename(doc.uri.path)} v${doc.version}`,
    () => analyzed.get(key) === doc.version && vscode.languages.getDiagnostics(doc.uri),
    [api().onDidAnalyze],
    ms,
  );
}

/**
 * Resolves once every check queued so far (on any document) has run: queues
 * one more the same way, an edit to a scratch document (newsclean.debounceMs
 * after the edit, like any typing), and waits for its publication. Timers
 * of one delay run in the order they were set, so the earlier ones ran first.
 */
export async function queuedChecksRan(): Promise<void> {
  const doc = (await scratch('queued-checks-ran.txt', '对此,记者获悉。\n')).document;
  await analysisOf(doc);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(1, 0), '据悉,项目进展顺利。\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
  await analysisOf(doc);
  assert.deepStrictEqual(shown(doc), expectedNow(doc), 'the scratch document was checked');
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc);
}

/** Writes a new file into the workspace and opens it. */
export async function scratch(name: string, text: string): Promise<vscode.TextEditor> {
  await vscode.workspace.fs.writeFile(workspaceUri(name), new TextEncoder().encode(text));
  return open(name);
}

export function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'newsclean');
}

export interface GoldenFinding {
  readonly rule: string;
  readonly line: number;
  readonly severity?: string;
  readonly column: number;
}

export function golden(seed: string): GoldenFinding[] {
  return JSON.parse(fixture(`${seed}.findings.json`)) as GoldenFinding[];
}

/** "rule@line:column" (1-based, as in the golden files), sorted. */
export function positions(items: readonly { rule: string | undefined; line: number; column: number }[]): string[] {
  return items.map((f) => `${f.rule}@${f.line}:${f.column}`).sort();
}

export function diagnosticPositions(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return positions(diagnostics.map((d) => ({ rule: ruleOf(d), line: d.range.start.line + 1, column: d.range.start.character + 1 })));
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** A diagnostic as "rule@l:c-l:c message" (0-based), for exact comparisons. */
function describe(rule: string | undefined, range: vscode.Range, message: string): string {
  const { start: s, end: e } = range;
  return `${rule}@${s.line}:${s.character}-${e.line}:${e.character} ${message}`;
}

/** Our diagnostics of `doc` as shown now, described and sorted. */
export function shown(doc: vscode.TextDocument): string[] {
  return ours(vscode.languages.getDiagnostics(doc.uri))
    .map((d) => describe(ruleOf(d), d.range, d.message))
    .sort();
}

/**
 * What the diagnostics of `doc` must be: the core run directly (default
 * settings) on the document's text as it is now, described like `shown`.
 */
export function expectedNow(doc: vscode.TextDocument): string[] {
  const text = doc.getText();
  const at = (offset: number) => doc.positionAt(offset);
  return analyze(new NewsDocument(text, doc.uri.toString(), doc.version))
    .map((f) => describe(f.ruleId, new vscode.Range(at(f.range.start), at(f.range.end)), f.message))
    .sort();
}

/**
 * The code actions VS Code collects for `range`, without a kind filter.
 *
 * VS Code cancels a pending code-action request when the list of providers
 * changes meanwhile. With a kind filter (e.g. `quickfix`) its check compares
 * against the providers left after filtering, so a provider registered for
 * any language at all (as built-in extensions do while they start) cancels
 * it: the request then rejects with `Canceled` or, when our provider had
 * already answered, resolves to no actions at all. Without a filter only a
 * provider registered for this very document can do that; the rejection
 * is retried, a few times at most.
 */
export async function codeActionsAt(doc: vscode.TextDocument, range: vscode.Range, attempts = 3): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
    } catch (error) {
      if (attempt >= attempts || !/Canceled/.test(String(error))) throw error;
    }
  }
}

/**
 * The preferred quick fix among `actions` with an edit at `diagnostic` (the
 * command hands actions back without their diagnostics; a fix may edit
 * other places too, e.g. a bracket's partner).
 */
export function preferredFixFor(actions: readonly vscode.CodeAction[], diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  return actions.find((a) => {
    if (!a.isPreferred || a.kind === undefined || !vscode.CodeActionKind.QuickFix.contains(a.kind) || !a.edit) return false;
    const edits = a.edit.entries().flatMap(([, e]) => e);
    return edits.some((e) => e.range.intersection(diagnostic.range) !== undefined);
  });
}

/** Schemes of documents the tests create and must revert before closing. */
const REVERTED_SCHEMES = new Set(['untitled', 'newsclean-test']);

/**
 * Reverts the test's modified documents (the workspace's, untitled ones and
 * the test file system's) and closes all editors, so tests start clean.
 * (Not the others: the workbench itself may be editing its settings.json.)
 */
export async function closeAll(): Promise<void> {
  const ownedByTests = (d: vscode.TextDocument) => REVERTED_SCHEMES.has(d.uri.scheme) || vscode.workspace.getWorkspaceFolder(d.uri) !== undefined;
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && ownedByTests(d))) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Answers the open refactor preview (VS Code's review of a workspace edit)
 * with `refactorPreview.apply` or `refactorPreview.discard`, and resolves
 * with the extension's outcome. The preview's pane may still be opening when
 * the extension's review starts, and the command does nothing until it is:
 * it is given again each time a short wait passes without an outcome,
 * bounded by WAIT_MS.
 */
export async function answerReview(command: 'refactorPreview.apply' | 'refactorPreview.discard'): Promise<ReviewOutcome> {
  let outcome: ReviewOutcome | undefined;
  const listener = api().onDidReview((o) => (outcome = o));
  const deadline = Date.now() + WAIT_MS;
  try {
    while (!outcome) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the review to answer ${command}`);
      await vscode.commands.executeCommand(command);
      await new Promise<void>((resolve) => {
        const l = api().onDidReview(() => {
          l.dispose();
          clearTimeout(t);
          resolve();
        });
        const t = setTimeout(() => {
          l.dispose();
          resolve();
        }, 250);
      });
    }
    return outcome;
  } finally {
    listener.dispose();
  }
}

/**
 * Starts a review with `start`, ticks the first `rows` rows of the refactor
 * preview (each fix is shown unticked: `needsConfirmation`), the files
 * grouped and collapsed, so a row is a file with all its fixes, and applies
 * it. The preview's models (scheme vscode-bulkeditpreview-editor) open once
 * its input is set; its tree may take a moment more to take the focus, so
 * when nothing was ticked (the review applies nothing) the review is
 * started again, a few times at most.
 */
export async function tickAndApply(
  start: () => Thenable<unknown>,
  rows: () => number,
  attempts = 4,
  /**
   * Then unfolds the first file and unticks its last fix (the last row: the
   * list commands follow focus, and `list.focusDown` after an unfold has been
   * seen to land one row further than meant; the last row has no such doubt).
   */
  untickLastFix = false,
): Promise<ReviewOutcome> {
  for (let attempt = 1; ; attempt++) {
    const opened = until(
      'the refactor preview to open',
      () => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'vscode-bulkeditpreview-editor') || undefined,
      [vscode.workspace.onDidOpenTextDocument],
      // Planning a workspace comes first (a minute and more on a loaded machine).
      300_000,
    );
    const outcome = new Promise<ReviewOutcome>((resolve) => {
      const l = api().onDidReview((o) => {
        l.dispose();
        resolve(o);
      });
    });
    await start();
    await opened;
    await vscode.commands.executeCommand('list.collapseAll');
    await vscode.commands.executeCommand('list.focusFirst');
    for (let row = 0, n = rows(); row < n; row++) {
      if (row > 0) await vscode.commands.executeCommand('list.focusDown');
      await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
    }
    if (untickLastFix) {
      await vscode.commands.executeCommand('list.focusFirst');
      await vscode.commands.executeCommand('list.expand');
      await vscode.commands.executeCommand('list.focusLast');
      await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
    }
    await vscode.commands.executeCommand('refactorPreview.apply');
    const result = await outcome;
    if (result.applied || attempt >= attempts) return result;
    console.log(`      review attempt ${attempt}: nothing was ticked yet; again`);
  }
}
