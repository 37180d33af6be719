import * as vscode from 'vscode';
import { applyPlan, planClean, type CleanPlan } from './clean';
import { settingsFor } from './settings';

export const PREVIEW_SCHEME = 'newsclean-preview';

interface Pending {
  readonly document: vscode.TextDocument;
  readonly plan: CleanPlan;
  readonly previewUri: vscode.Uri;
}

/**
 * "Clean Document": the cleaned text is shown against the document in a diff
 * editor (a read-only virtual document); Apply writes it as one edit, one
 * undo step; Discard closes the preview. With `newsclean.cleanPreview` off,
 * or `{ preview: false }`, the fixes are applied at once.
 */
export class CleanPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pending = new Map<string, Pending>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly shown = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document's URI when a preview is open and waiting. */
  readonly onDidShowPreview = this.shown.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.shown];

  constructor() {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
      vscode.commands.registerCommand('newsclean.cleanDocument', (arg?: { preview?: boolean }) =>
        this.clean(vscode.window.activeTextEditor?.document, arg?.preview),
      ),
      vscode.commands.registerCommand('newsclean.applyCleanPreview', (uri?: vscode.Uri) => this.accept(uri)),
      vscode.commands.registerCommand('newsclean.discardCleanPreview', (uri?: vscode.Uri) => this.discard(uri)),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pending.get(this.keyOf(uri) ?? '')?.plan.after ?? '';
  }

  /** Cleans `document`; returns the number of fixes applied, or shown for preview. */
  async clean(document: vscode.TextDocument | undefined, preview?: boolean): Promise<number> {
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a news transcript to clean it.'));
      return 0;
    }
    const plan = planClean(document);
    if (plan.edits.length === 0) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('News Transcript Cleaner: nothing to clean.'), 3000);
      return 0;
    }
    if (!(preview ?? settingsFor(document).get('newsclean.cleanPreview'))) {
      return (await applyPlan(document, plan)) ? plan.applied.length : 0;
    }
    const key = document.uri.toString();
    const previewUri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: document.uri.path, query: key });
    this.pending.set(key, { document, plan, previewUri });
    this.changed.fire(previewUri);
    const name = document.uri.path.split('/').pop() ?? '';
    await vscode.commands.executeCommand(
      'vscode.diff',
      document.uri,
      previewUri,
      vscode.l10n.t('{0} ↔ cleaned ({1} fixes)', name, plan.applied.length),
      { preview: true },
    );
    this.shown.fire(document.uri);
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Apply {0} fixes to {1}?', plan.applied.length, name),
        vscode.l10n.t('Apply'),
        vscode.l10n.t('Discard'),
      )
      .then((choice) => {
        if (!this.pending.has(key)) return;
        if (choice === vscode.l10n.t('Apply')) void this.accept(document.uri);
        else if (choice === vscode.l10n.t('Discard')) void this.discard(document.uri);
      });
    return plan.applied.length;
  }

  /** The document URI a preview or document URI stands for. */
  private keyOf(uri: vscode.Uri | undefined): string | undefined {
    const u = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!u) return this.pending.size === 1 ? [...this.pending.keys()][0] : undefined;
    return u.scheme === PREVIEW_SCHEME ? u.query : u.toString();
  }

  async accept(uri?: vscode.Uri): Promise<boolean> {
    const key = this.keyOf(uri);
    const p = key ? this.pending.get(key) : undefined;
    if (!p || !key) return false;
    this.pending.delete(key);
    await this.closePreview(p.previewUri);
    return applyPlan(p.document, p.plan);
  }

  async discard(uri?: vscode.Uri): Promise<void> {
    const key = this.keyOf(uri);
    const p = key ? this.pending.get(key) : undefined;
    if (!p || !key) return;
    this.pending.delete(key);
    await this.closePreview(p.previewUri);
  }

  private async closePreview(previewUri: vscode.Uri): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const mine = tabs.filter(
      (t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === previewUri.toString(),
    );
    if (mine.length) await vscode.window.tabGroups.close(mine);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.pending.clear();
  }
}
