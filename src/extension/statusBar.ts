import * as vscode from 'vscode';
import { ruleFamily, type Finding } from '../core';
import type { Analyzer } from './analysis';
import type { DiagnosticsController } from './diagnostics';

/**
 * The active document's problem count per family, e.g. `$(note) 新闻稿 97`
 * with a tooltip per family; clicking opens the Problems view.
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

  /** The text shown for these findings (exported for tests through the API). */
  static textFor(findings: readonly Finding[]): { text: string; tooltip: string } {
    const families = new Map<string, number>();
    for (const f of findings) families.set(ruleFamily(f.ruleId), (families.get(ruleFamily(f.ruleId)) ?? 0) + 1);
    const parts = [...families].map(([family, n]) => `${vscode.l10n.t(family)} ${n}`);
    return {
      text: findings.length === 0 ? '$(check) ' + vscode.l10n.t('News transcript') : `$(warning) ${parts.join(' · ')}`,
      tooltip:
        findings.length === 0
          ? vscode.l10n.t('News Transcript Cleaner: no problems')
          : vscode.l10n.t('News Transcript Cleaner: {0} problems — click to open the Problems view', findings.length),
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
