import * as vscode from 'vscode';
import { RULES, type Finding } from '../core';
import type { Analyzer } from './analysis';
import type { DiagnosticsController } from './diagnostics';

/**
 * The active document's problems, errors apart (`$(error) 3 $(warning) 97`),
 * with each rule's count in the tooltip; clicking opens the Problems view.
 */
export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('newsclean.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly analyzer: Analyzer,
    diagnostics: DiagnosticsController,
  ) {
    this.item.name = 'News Transcript Cleaner';
    this.item.command = 'newsclean.showProblems';
    this.disposables.push(
      vscode.commands.registerCommand('newsclean.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      diagnostics.onDidAnalyze(() => this.update()),
    );
    this.update();
  }

  /**
   * The text shown for these findings (exported for tests through the API):
   * errors and other problems counted as the Problems view counts them —
   * hints are not listed there, so they are not counted — and the tooltip
   * gives each rule's count.
   */
  static textFor(findings: readonly Finding[]): { text: string; tooltip: string } {
    const perRule = new Map<string, number>();
    let errors = 0;
    let shown = 0;
    for (const f of findings) {
      if (f.severity === 'hint') continue;
      shown++;
      if (f.severity === 'error') errors++;
      perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    }
    if (shown === 0) {
      return { text: '$(check) ' + vscode.l10n.t('News transcript'), tooltip: vscode.l10n.t('News Transcript Cleaner: no problems') };
    }
    const order = new Map(RULES.map((r, i) => [r.meta.id, i]));
    const lines = [...perRule]
      .sort((a, b) => (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99))
      .map(([rule, n]) => `${rule}: ${n}`);
    return {
      text: `$(error) ${errors} $(warning) ${shown - errors}`,
      tooltip: [vscode.l10n.t('News Transcript Cleaner: {0} problems — click to open the Problems view', shown), ...lines].join('\n'),
    };
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const analysis = doc ? this.analyzer.current(doc) : undefined;
    if (!doc || !analysis) {
      this.item.hide();
      return;
    }
    const { text, tooltip } = analysis.skipped ? { text: '$(circle-slash) ' + vscode.l10n.t('News transcript'), tooltip: analysis.skipped } : StatusBar.textFor(analysis.findings);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
