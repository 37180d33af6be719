import * as vscode from 'vscode';
import { configFiles } from './configFiles';
import { engine } from './engine';
import type { CleanPreview } from './preview';
import { planFile, reviewFirst, type PlannedFile } from './review';
import { settingsFor } from './settings';

export interface WorkspaceCleanSummary {
  readonly files: number;
  /** Files with fixes, in the review (or applied). */
  readonly changed: number;
  /** Files left alone because they are not valid UTF-8. */
  readonly undecodable: readonly string[];
  /** Files left alone because they exceed newsclean.maxFileSizeKB. */
  readonly tooLarge: readonly string[];
  /** Files left unchanged because they read as Japanese or Korean as a whole (no rule checks them). */
  readonly japaneseKorean: readonly string[];
  readonly fixesPerRule: ReadonlyMap<string, number>;
  readonly cancelled: boolean;
  /** Resolves when the user applied (true) or discarded (false) the review. */
  readonly applied: Promise<boolean>;
}

/**
 * "Clean Workspace": every transcript matching `newsclean.workspaceGlob` is
 * planned under a cancellable progress notification, then all of them go
 * into one workspace edit shown in the refactor preview (nothing is written
 * before the user accepts; `newsclean.cleanPreview` off applies at once).
 * Open documents are planned from the editor's text, closed files from
 * their bytes; files that are not valid UTF-8 are never touched. The edit is
 * one undoable operation across files, closed ones included.
 */
export async function cleanWorkspace(preview: CleanPreview, options: { preview?: boolean } = {}): Promise<WorkspaceCleanSummary> {
  const glob = settingsFor(undefined).get('newsclean.workspaceGlob');
  const uris = await vscode.workspace.findFiles(glob, '**/{node_modules,.git}/**');
  const planned = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cleaning news transcripts'), cancellable: true },
    async (progress, token) => {
      const files: PlannedFile[] = [];
      const undecodable: string[] = [];
      const tooLarge: string[] = [];
      const japaneseKorean: string[] = [];
      let n = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / Math.max(1, uris.length) });
        if ((await configFiles()?.resolveLoaded(uri))?.ignored) continue;
        n++;
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.length > settingsFor(uri).get('newsclean.maxFileSizeKB') * 1024) {
          tooLarge.push(vscode.workspace.asRelativePath(uri));
          continue;
        }
        const file = engine().decodeTranscript(bytes);
        if (!file.exact) {
          // Whatever an editor shows of such a file is a lossy decoding: never clean it.
          undecodable.push(vscode.workspace.asRelativePath(uri));
          continue;
        }
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        // The editor's model has no BOM (nor has file.text): plan on the text as it will be edited.
        const body = open ? open.getText() : file.text;
        const planned = planFile({ uri, text: body, document: open }, () => token.isCancellationRequested);
        if (planned.plan.entries.length > 0) files.push(planned);
        // The plan judged this text already: the verdict is kept, not looked for again.
        else if (engine().readsAsJapaneseOrKorean({ text: body })) japaneseKorean.push(vscode.workspace.asRelativePath(uri));
      }
      return { files, undecodable, tooLarge, japaneseKorean, n, cancelled: token.isCancellationRequested };
    },
  );
  const fixesPerRule = new Map<string, number>();
  for (const f of planned.files.flatMap((file) => file.plan.applied)) fixesPerRule.set(f.ruleId, (fixesPerRule.get(f.ruleId) ?? 0) + 1);
  const confirm = reviewFirst(undefined, options.preview);
  const applied =
    planned.cancelled || planned.files.length === 0 ? Promise.resolve(false) : preview.review(planned.files, confirm);
  const summary: WorkspaceCleanSummary = {
    files: planned.n,
    changed: planned.files.length,
    undecodable: planned.undecodable,
    tooLarge: planned.tooLarge,
    japaneseKorean: planned.japaneseKorean,
    fixesPerRule,
    cancelled: planned.cancelled,
    applied,
  };
  void applied.then((ok) => {
    const perRule = [...fixesPerRule].map(([rule, count]) => `${rule} ${count}`).join(', ');
    let message = ok
      ? vscode.l10n.t('Cleaned {0} of {1} files ({2}).', summary.changed, summary.files, perRule || '—')
      : vscode.l10n.t('Nothing was changed: {0} of {1} files had fixes ({2}).', summary.changed, summary.files, perRule || '—');
    if (summary.undecodable.length) {
      message += ' ' + vscode.l10n.t('{0} files are not valid UTF-8 and were left unchanged: {1}', summary.undecodable.length, summary.undecodable.slice(0, 5).join(', '));
    }
    if (summary.tooLarge.length) {
      message += ' ' + vscode.l10n.t('{0} files are larger than newsclean.maxFileSizeKB and were skipped: {1}', summary.tooLarge.length, summary.tooLarge.slice(0, 5).join(', '));
    }
    if (summary.japaneseKorean.length) {
      message += ' ' + vscode.l10n.t('{0} files read as Japanese or Korean and were left unchanged: {1}', summary.japaneseKorean.length, summary.japaneseKorean.slice(0, 5).join(', '));
    }
    if (summary.cancelled) message += ' ' + vscode.l10n.t('Cancelled.');
    void vscode.window.showInformationMessage(message);
  });
  return summary;
}
