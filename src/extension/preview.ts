import * as vscode from 'vscode';
import { engine } from './engine';
import { applyReview, planFile, reviewFirst, type PlannedFile } from './review';
import { japaneseKoreanMessage } from './statusBar';

/** What a review came to: the files it covered and whether the user applied it. */
export interface ReviewOutcome {
  readonly uris: readonly vscode.Uri[];
  readonly fixes: number;
  readonly applied: boolean;
}

/**
 * "Clean Document": the fixes are planned under a cancellable progress
 * notification, then shown in VS Code's refactor preview — every fix under
 * its rule, each with a checkbox — and applied as one undoable edit when the
 * user accepts. With `newsclean.cleanPreview` off, or `{ preview: false }`,
 * they are applied at once (still one undo step).
 */
export class CleanPreview implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document's URI when its review is open and waiting. */
  readonly onDidShowPreview = this.shown.event;
  private readonly reviewed = new vscode.EventEmitter<ReviewOutcome>();
  /** Fires when a review (of Clean Document or Clean Workspace) was applied or discarded. */
  readonly onDidReview = this.reviewed.event;
  private readonly disposables: vscode.Disposable[] = [this.shown, this.reviewed];

  constructor() {
    this.disposables.push(
      vscode.commands.registerCommand('newsclean.cleanDocument', (arg?: { preview?: boolean }) =>
        this.clean(vscode.window.activeTextEditor?.document, arg?.preview),
      ),
      vscode.commands.registerCommand('newsclean.applyCleanPreview', () => vscode.commands.executeCommand('refactorPreview.apply')),
      vscode.commands.registerCommand('newsclean.discardCleanPreview', () => vscode.commands.executeCommand('refactorPreview.discard')),
    );
  }

  /**
   * Cleans `document`: returns the number of fixes applied (no review) or
   * shown in the review, which stays open after this returns.
   */
  async clean(document: vscode.TextDocument | undefined, preview?: boolean): Promise<number> {
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a news transcript to clean it.'));
      return 0;
    }
    const name = document.uri.path.split('/').pop() ?? '';
    const version = document.version;
    const planned = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cleaning {0}', name), cancellable: true },
      async (progress, token) => {
        // The plan is one synchronous computation: the notification must be up
        // before it starts. A round trip to the workbench does that (it answers
        // after the start of the progress, sent earlier on the same channel);
        // a timer does not where the extension host's messages leave
        // asynchronously (a remote host compresses them off the main thread).
        await vscode.commands.executeCommand('setContext', 'newsclean.cleaning', true);
        try {
          if (token.isCancellationRequested) return undefined;
          const file = planFile({ uri: document.uri, text: document.getText(), document }, () => token.isCancellationRequested);
          return token.isCancellationRequested ? undefined : file;
        } finally {
          void vscode.commands.executeCommand('setContext', 'newsclean.cleaning', false);
        }
      },
    );
    if (!planned) return 0;
    if (planned.plan.entries.length === 0) {
      // Nothing to clean because no rule reads Japanese or Korean: say that, not "nothing to clean" (the plan judged this text already).
      const foreign = engine().readsAsJapaneseOrKorean({ text: planned.target.text });
      vscode.window.setStatusBarMessage(foreign ? japaneseKoreanMessage() : vscode.l10n.t('News Transcript Cleaner: nothing to clean.'), 3000);
      return 0;
    }
    if (document.version !== version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while it was being cleaned; nothing was applied.'));
      return 0;
    }
    const fixes = planned.plan.applied.length;
    const confirm = reviewFirst(document, preview);
    if (!confirm) {
      const ok = await this.review([planned], false);
      return ok ? fixes : 0;
    }
    void this.review([planned], true);
    this.shown.fire(document.uri);
    return fixes;
  }

  /** Applies planned files, through the refactor preview when `confirm`; reports the outcome. */
  async review(files: readonly PlannedFile[], confirm: boolean): Promise<boolean> {
    const fixes = files.reduce((n, f) => n + f.plan.applied.length, 0);
    const applied = await applyReview(files, confirm);
    if (applied) vscode.window.setStatusBarMessage(vscode.l10n.t('News Transcript Cleaner: applied {0} fixes.', fixes), 3000);
    this.reviewed.fire({ uris: files.map((f) => f.target.uri), fixes, applied });
    return applied;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
