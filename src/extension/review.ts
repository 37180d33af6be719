import * as vscode from 'vscode';
import { engine } from './engine';
import { planReview, type ReviewPlan } from './reviewPlan';
import { settingsFor } from './settings';

/** One file of a clean-up: its text as the editor has it (no BOM) and where it comes from. */
export interface ReviewTarget {
  readonly uri: vscode.Uri;
  readonly text: string;
  /** The open document, when there is one (positions come from it). */
  readonly document?: vscode.TextDocument;
}

export interface PlannedFile {
  readonly target: ReviewTarget;
  readonly plan: ReviewPlan;
}

/** Plans the clean-up of one file with the settings of its URI. */
export function planFile(target: ReviewTarget, isCancelled?: () => boolean): PlannedFile {
  return { target, plan: planReview(target.text, { settings: settingsFor(target.document ?? target.uri), safeOnly: true, isCancelled }) };
}

/**
 * One workspace edit for every planned file: each replacement carries
 * metadata naming its rule (the refactor preview groups by it) and the fix,
 * so that a user can untick a rule or a single fix. With `confirm`, VS Code
 * shows the refactor preview and applies nothing until the user accepts.
 */
export function reviewEdit(files: readonly PlannedFile[], confirm: boolean): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata = new Map<string, vscode.WorkspaceEditEntryMetadata>();
  const metadataFor = (ruleId: string | undefined, title: string | undefined) => {
    const label = ruleId ?? vscode.l10n.t('Clean-up');
    const key = `${label}\u0000${title ?? ''}`;
    let m = metadata.get(key);
    if (!m) {
      m = { label, description: title, needsConfirmation: confirm };
      metadata.set(key, m);
    }
    return m;
  };
  for (const { target, plan } of files) {
    const positions = target.document ?? new (engine().NewsDocument)(target.text);
    const at = (offset: number) => {
      const p = positions.positionAt(offset);
      return new vscode.Position(p.line, p.character);
    };
    for (const e of plan.entries) {
      const first = e.findings[0];
      edit.replace(target.uri, new vscode.Range(at(e.range.start), at(e.range.end)), e.text, metadataFor(first?.ruleId, first?.fix?.title));
    }
  }
  return edit;
}

/** Whether clean-ups open the refactor preview first (`newsclean.cleanPreview`). */
export function reviewFirst(scope: vscode.ConfigurationScope | undefined, override?: boolean): boolean {
  return override ?? settingsFor(scope).get('newsclean.cleanPreview');
}

/**
 * Applies the planned files as one undoable operation, through the refactor
 * preview when `confirm`. Resolves to whether anything was applied.
 */
export async function applyReview(files: readonly PlannedFile[], confirm: boolean): Promise<boolean> {
  const edit = reviewEdit(files, confirm);
  if (edit.size === 0) return false;
  return vscode.workspace.applyEdit(edit, { isRefactoring: true });
}
