import * as vscode from 'vscode';
import type { ConfigChange } from '../core';
import { dirname, relativeTo } from '../core/configfile/paths';
import type { ConfigFiles } from './configFiles';
import { SOURCE } from './convert';
import { engine } from './engine';

export const CHANGE_CONFIG_COMMAND = 'newsclean.changeConfig';

/** Longest text the light bulb offers to protect as a term (a name, a brand), in UTF-16 units. */
const MAX_TERM = 24;

/**
 * Light-bulb actions that silence a finding through the repository's config
 * file, as cspell adds words: protect the flagged term in the workspace
 * (`newsclean.script.protectedTerms` of the nearest config file), turn the
 * rule off for this file (an override for its path) or for the workspace
 * (the config file at the workspace folder's root). Each is one undoable
 * edit of the config file, created when it does not exist yet.
 */
export class ConfigActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly files: ConfigFiles) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const nearest = this.files.nearestConfig(document.uri);
    const root = this.files.rootConfig(document.uri);
    if (!nearest || !root) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    const terms = new Set<string>();
    const relRoot = vscode.workspace.asRelativePath(root);
    const relNearest = vscode.workspace.asRelativePath(nearest);
    for (const d of context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const rule = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      const meta = engine().ruleById(rule)?.meta;
      if (!meta) continue;
      if (meta.protectableTerms && !d.range.isEmpty && d.range.isSingleLine) {
        const term = document.getText(d.range).trim();
        if (term.length > 0 && term.length <= MAX_TERM && !terms.has(term)) {
          terms.add(term);
          actions.push(this.action(vscode.l10n.t('Protect “{0}” in this workspace (in {1})', term, relNearest), nearest, { kind: 'protect', term }, d));
        }
      }
      if (seen.has(rule)) continue;
      seen.add(rule);
      const file = relativeTo(dirname(nearest.path), document.uri.path);
      if (file !== undefined) {
        actions.push(this.action(vscode.l10n.t('Turn off {0} for this file (in {1})', rule, relNearest), nearest, { kind: 'rule-off-for', rule, file }, d));
      }
      actions.push(this.action(vscode.l10n.t('Turn off {0} in this workspace (in {1})', rule, relRoot), root, { kind: 'rule-off', rule }, d));
    }
    return actions;
  }

  private action(title: string, target: vscode.Uri, change: ConfigChange, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: CHANGE_CONFIG_COMMAND, title, arguments: [target.toString(), change] };
    return action;
  }
}

/** The command behind the actions: arguments are the config file's URI (a string) and the change. */
export function registerChangeConfig(files: ConfigFiles): vscode.Disposable {
  return vscode.commands.registerCommand(CHANGE_CONFIG_COMMAND, (target: string, change: ConfigChange) => files.change(vscode.Uri.parse(target), change));
}
