import * as vscode from 'vscode';
import type { Finding } from '../core';
import type { Analyzer, Log } from './analysis';
import { budgetFindings, type ShownItem } from './budget';
import { SOURCE, toDiagnostic, toRange } from './convert';
import { isChecked, settingsFor } from './settings';

/** Documents that are views of something else, never transcripts to check. */
const IGNORED_SCHEMES = new Set(['output', 'vscode-scm', 'git', 'vscode-bulkeditpreview-editor', 'vscode-userdata', 'vscode-settings']);

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
  /** Per document past the budget: the grouped items as published (for "fix this group"). */
  private readonly groups = new Map<string, { version: number; items: ShownItem[] }>();
  private readonly scrollTimers = new Map<string, ReturnType<typeof setTimeout>>();
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
    // Past the budget, what is in view is shown finding by finding: follow the scrolling.
    d.push(
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const doc = e.textEditor.document;
        const key = doc.uri.toString();
        if (!this.groups.has(key)) return;
        clearTimeout(this.scrollTimers.get(key));
        this.scrollTimers.set(
          key,
          setTimeout(() => {
            this.scrollTimers.delete(key);
            this.guarded(doc.uri, () => this.republish(doc));
          }, 50),
        );
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.guarded(doc.uri, () => this.schedule(doc, 'open'));
  }

  /** The grouped diagnostics of a document past the budget, if current. */
  groupsOf(doc: vscode.TextDocument): readonly ShownItem[] {
    const g = this.groups.get(doc.uri.toString());
    return g && g.version === doc.version ? g.items.filter((i) => i.findings.length > 1) : [];
  }

  /** Publishes the cached analysis again (the visible ranges changed). */
  private republish(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const analysis = this.analyzer.current(doc);
    if (!analysis || analysis.skipped) return;
    this.collection.set(doc.uri, this.diagnosticsFor(doc, analysis.findings));
  }

  private diagnosticsFor(doc: vscode.TextDocument, findings: readonly Finding[]): vscode.Diagnostic[] {
    const key = doc.uri.toString();
    if (findings.length <= MAX_DIAGNOSTICS) {
      this.groups.delete(key);
      return findings.map((f) => toDiagnostic(doc, f, this.docsUri));
    }
    const visible = vscode.window.visibleTextEditors
      .filter((e) => e.document === doc)
      .flatMap((e) => e.visibleRanges)
      // A screen above and below, so that a short scroll finds them there already.
      .map((r) => ({ start: doc.offsetAt(r.start.translate(-Math.min(r.start.line, 100))), end: doc.offsetAt(r.end.translate(100)) }));
    const items = budgetFindings(doc.getText(), findings, visible, MAX_DIAGNOSTICS - 1);
    this.groups.set(key, { version: doc.version, items });
    return items.map((item) => {
      if (item.findings.length === 1) return toDiagnostic(doc, item.findings[0], this.docsUri);
      const first = item.findings[0];
      const d = toDiagnostic(doc, { ...first, severity: item.severity, range: item.range, related: undefined }, this.docsUri);
      d.message = vscode.l10n.t('{0} × {1} here (grouped: the document has more problems than VS Code lists one by one). First: {2}', item.findings.length, item.ruleId, first.message);
      d.relatedInformation = item.findings.slice(0, 20).map(
        (f) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, toRange(doc, f.range)), f.message),
      );
      return d;
    });
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
    const diagnostics = this.diagnosticsFor(doc, findings);
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
    this.groups.delete(key);
    clearTimeout(this.scrollTimers.get(key));
    this.scrollTimers.delete(key);
    this.analyzer.forget(uri);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const t of this.scrollTimers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
