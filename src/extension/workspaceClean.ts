import * as vscode from 'vscode';
import { decodeTranscript, encodeTranscript, fixAll, minimalEdits, type Finding } from '../core';
import { countByRule } from './clean';
import { configFiles } from './configFiles';
import { toWorkspaceEdit } from './convert';
import { settingsFor } from './settings';

export interface WorkspaceCleanSummary {
  readonly files: number;
  readonly changed: number;
  /** Files left alone because they are not valid UTF-8. */
  readonly undecodable: readonly string[];
  /** Files left alone because they exceed newsclean.maxFileSizeKB. */
  readonly tooLarge: readonly string[];
  readonly fixesPerRule: ReadonlyMap<string, number>;
  readonly cancelled: boolean;
}

/**
 * "Clean Workspace": every transcript matching `newsclean.workspaceGlob`,
 * under a cancellable progress notification. Open documents are edited
 * through the editor (undoable, left unsaved); closed files are rewritten
 * with their BOM and line endings kept. Files that are not valid UTF-8 are
 * never touched.
 */
export async function cleanWorkspace(): Promise<WorkspaceCleanSummary> {
  const glob = settingsFor(undefined).get('newsclean.workspaceGlob');
  const uris = await vscode.workspace.findFiles(glob, '**/{node_modules,.git}/**');
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cleaning news transcripts'), cancellable: true },
    async (progress, token) => {
      const applied: Finding[] = [];
      const undecodable: string[] = [];
      const tooLarge: string[] = [];
      let changed = 0;
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
        const file = decodeTranscript(bytes);
        if (!file.exact) {
          // Whatever an editor shows of such a file is a lossy decoding: never clean it.
          undecodable.push(vscode.workspace.asRelativePath(uri));
          continue;
        }
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          const before = open.getText();
          const result = fixAll(before, { settings: settingsFor(open), safeOnly: true });
          if (result.text !== before && (await vscode.workspace.applyEdit(toWorkspaceEdit(open, minimalEdits(before, result.text))))) {
            changed++;
            for (const f of result.applied) applied.push(f);
          }
          continue;
        }
        const result = fixAll(file.text, { settings: settingsFor(uri), safeOnly: true });
        if (result.text === file.text) continue;
        await vscode.workspace.fs.writeFile(uri, encodeTranscript(result.text, file.bom));
        changed++;
        for (const f of result.applied) applied.push(f);
      }
      return { files: n, changed, undecodable, tooLarge, fixesPerRule: countByRule(applied), cancelled: token.isCancellationRequested };
    },
  );
  const perRule = [...summary.fixesPerRule].map(([rule, count]) => `${rule} ${count}`).join(', ');
  let message = vscode.l10n.t('Cleaned {0} of {1} files ({2}).', summary.changed, summary.files, perRule || '—');
  if (summary.undecodable.length) {
    message += ' ' + vscode.l10n.t('{0} files are not valid UTF-8 and were left unchanged: {1}', summary.undecodable.length, summary.undecodable.slice(0, 5).join(', '));
  }
  if (summary.tooLarge.length) {
    message += ' ' + vscode.l10n.t('{0} files are larger than newsclean.maxFileSizeKB and were skipped: {1}', summary.tooLarge.length, summary.tooLarge.slice(0, 5).join(', '));
  }
  if (summary.cancelled) message += ' ' + vscode.l10n.t('Cancelled.');
  void vscode.window.showInformationMessage(message);
  return summary;
}
