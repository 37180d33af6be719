import * as vscode from 'vscode';
import type { Analyzer, Log } from './analysis';
import { SOURCE, toDiagnostic } from './convert';
import { isChecked, settingsFor } from './settings';

/** Documents that are views of something else, never transcripts to check. */
const IGNORED_SCHEMES = new Set(['output', 'vscode-scm', 'git', 'newsclean-preview', 'vscode-userdata', 'vscode-settings']);

/** VS Code shows about this many diagnostics per file; more are cut silently. */
const MAX_DIAGNOSTICS = 1000;

export interface AnalyzedEvent {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly count: number;
}

/**
 * Publishes findings as diagnostics: one debounce timer per document, a
 * generation counter so a result computed for an older version is dropped,
 * diagnostics removed when the document closes.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly warnedTooLarge = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<AnalyzedEvent>();
  readonly onDidAnalyze = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly analyzer: Analyzer,
    private readonly docsUri: vscode.Uri,
    private readonly log: Log,
  ) {
    const d = this.disposables;
    d.push(this.collection, this.emitter);
    d.push(vscode.workspace.onDidOpenTextDocument((doc) => this.guarded(doc.uri, () => this.schedule(doc, 'open'))));
    d.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.analyzer.noteChanges(e);
        this.guarded(e.document.uri, () => this.schedule(e.document, 'type'));
      }),
    );
    d.push(vscode.workspace.onDidSaveTextDocument((doc) => this.guarded(doc.uri, () => this.schedule(doc, 'save'))));
    d.push(vscode.workspace.onDidCloseTextDocument((doc) => this.guarded(doc.uri, () => this.close(doc.uri))));
    d.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('newsclean')) return;
        this.analyzer.clear();
        this.warnedTooLarge.clear();
        for (const doc of vscode.workspace.textDocuments) this.guarded(doc.uri, () => this.schedule(doc, 'open'));
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.guarded(doc.uri, () => this.schedule(doc, 'open'));
  }

  /**
   * Runs an event handler or timer callback for one document; a failure is
   * logged to the extension's output channel (a timer's exception would
   * otherwise be an uncaught exception in the extension host) and the other
   * documents keep being checked.
   */
  private guarded(uri: vscode.Uri, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.log.error(`checking ${uri.toString()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Queues a check of `doc`, honouring `newsclean.run` and the debounce delay. */
  schedule(doc: vscode.TextDocument, trigger: 'open' | 'type' | 'save' | 'command'): void {
    if (IGNORED_SCHEMES.has(doc.uri.scheme)) return;
    if (!isChecked(doc)) {
      this.collection.delete(doc.uri);
      return;
    }
    const settings = settingsFor(doc);
    const run = settings.get('newsclean.run');
    if (trigger === 'type' && run !== 'onType') return;
    if (trigger === 'save' && run === 'manual') return;
    if (trigger === 'open' && run === 'manual') return;
    const key = doc.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    const delay = trigger === 'type' ? settings.get('newsclean.debounceMs') : 0;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.guarded(doc.uri, () => this.publish(doc, generation));
      }, delay),
    );
  }

  /** Checks `doc` now and returns the number of findings published. */
  checkNow(doc: vscode.TextDocument): number {
    if (IGNORED_SCHEMES.has(doc.uri.scheme) || !isChecked(doc)) return 0;
    const key = doc.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    return this.publish(doc, generation);
  }

  private publish(doc: vscode.TextDocument, generation: number): number {
    const key = doc.uri.toString();
    if (doc.isClosed || this.generations.get(key) !== generation) return 0;
    const analysis = this.analyzer.analyze(doc);
    // Stale: the document changed, or a newer check was queued meanwhile.
    if (analysis.version !== doc.version || this.generations.get(key) !== generation || doc.isClosed) return 0;
    if (analysis.skipped) {
      this.collection.delete(doc.uri);
      if (!this.warnedTooLarge.has(key)) {
        this.warnedTooLarge.add(key);
        void vscode.window.showInformationMessage(analysis.skipped);
      }
      this.emitter.fire({ uri: doc.uri, version: doc.version, count: 0 });
      return 0;
    }
    const findings = analysis.findings;
    const shown = findings.slice(0, findings.length > MAX_DIAGNOSTICS ? MAX_DIAGNOSTICS - 1 : MAX_DIAGNOSTICS);
    const diagnostics = shown.map((f) => toDiagnostic(doc, f, this.docsUri));
    if (shown.length < findings.length) {
      const last = doc.lineAt(doc.lineCount - 1).range;
      const more = new vscode.Diagnostic(
        new vscode.Range(last.end, last.end),
        vscode.l10n.t('{0} more problems are not shown (VS Code lists about 1,000 per file). Run “Clean Document” or the CLI to see them all.', findings.length - shown.length),
        vscode.DiagnosticSeverity.Information,
      );
      more.source = SOURCE;
      diagnostics.push(more);
    }
    this.collection.set(doc.uri, diagnostics);
    this.emitter.fire({ uri: doc.uri, version: doc.version, count: findings.length });
    return findings.length;
  }

  private close(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.delete(key);
    this.warnedTooLarge.delete(key);
    this.analyzer.forget(uri);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
