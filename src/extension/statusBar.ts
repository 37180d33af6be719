import * as vscode from 'vscode';
import type { AnalyzedParams } from '../server/custom';
import { tooLargeMessage, type ServerClient } from './client';
import { engine } from './engine';

/**
 * The active document's problems, errors apart (`$(error) 3 $(warning) 97`),
 * with each rule's count in the tooltip; clicking opens the Problems view. A
 * document that reads as Japanese or Korean as a whole, which no rule checks
 * and nothing rewrites, says so instead of showing no problems.
 */
export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('newsclean.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly client: ServerClient) {
    this.item.name = 'News Transcript Cleaner';
    this.item.command = 'newsclean.showProblems';
    this.disposables.push(
      vscode.commands.registerCommand('newsclean.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      client.onDidAnalyze(() => this.update()),
    );
    this.update();
  }

  /**
   * The text shown for an analysis' counts (exported for tests through the
   * API): errors and other problems counted as the Problems view counts
   * them — hints are not listed there, so the server does not count them —
   * and the tooltip gives each rule's count.
   */
  static textFor(summary: Pick<AnalyzedParams, 'shown' | 'errors' | 'perRule' | 'japaneseKorean'>): { text: string; tooltip: string } {
    if (summary.japaneseKorean) return { text: '$(info) ' + vscode.l10n.t('Japanese/Korean'), tooltip: japaneseKoreanMessage() };
    if (summary.shown === 0) {
      return { text: '$(check) ' + vscode.l10n.t('News transcript'), tooltip: vscode.l10n.t('News Transcript Cleaner: no problems') };
    }
    const order = new Map(engine().RULES.map((r, i) => [r.meta.id, i]));
    const lines = [...summary.perRule]
      .sort((a, b) => (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99))
      .map(([rule, n]) => `${rule}: ${n}`);
    return {
      text: `$(error) ${summary.errors} $(warning) ${summary.shown - summary.errors}`,
      tooltip: [vscode.l10n.t('News Transcript Cleaner: {0} problems — click to open the Problems view', summary.shown), ...lines].join('\n'),
    };
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const summary = doc ? this.client.current(doc) : undefined;
    // A document a .newscleanignore excludes is not checked: nothing to show.
    if (!doc || !summary || summary.skipped === 'ignored') {
      this.item.hide();
      return;
    }
    const { text, tooltip } = summary.skipped ? { text: '$(circle-slash) ' + vscode.l10n.t('News transcript'), tooltip: tooLargeMessage(doc, summary) } : StatusBar.textFor(summary);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What a document that reads as Japanese or Korean as a whole is told (the status bar's tooltip, Clean Document). */
export function japaneseKoreanMessage(): string {
  return vscode.l10n.t('News Transcript Cleaner: read as Japanese or Korean; left unchanged (no rule checks it).');
}
