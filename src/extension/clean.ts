import * as vscode from 'vscode';
import { fixAll, minimalEdits, type Edit } from '../core';
import { toWorkspaceEdit } from './convert';
import { settingsFor } from './settings';

/** The minimal edits that apply every safe fix to the document. */
export function cleanEdits(document: vscode.TextDocument): { edits: Edit[]; fixes: number } {
  const before = document.getText();
  const result = fixAll(before, { settings: settingsFor(document), safeOnly: true });
  return { edits: minimalEdits(before, result.text), fixes: result.applied.length };
}

/**
 * "News Transcript: Clean Document": every safe fix as one workspace edit,
 * which VS Code undoes in one step.
 */
export async function cleanDocument(editor: vscode.TextEditor | undefined): Promise<number> {
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a news transcript to clean it.'));
    return 0;
  }
  const { edits, fixes } = cleanEdits(editor.document);
  if (edits.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('News Transcript Cleaner: nothing to clean.'), 3000);
    return 0;
  }
  const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(editor.document, edits));
  if (!ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while it was being cleaned; nothing was applied.'));
    return 0;
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('News Transcript Cleaner: applied {0} fixes.', fixes), 3000);
  return fixes;
}
