import * as vscode from 'vscode';
import { ruleById } from '../core';

/**
 * "Show documentation": the rule's section of the README, rendered — the
 * markdown preview scrolled to the rule's anchor (its `meta.docs`). Where the
 * markdown preview is not available (it is a built-in extension that can be
 * disabled), the README opens as text at that anchor.
 */
export function registerShowDocumentation(docsUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('newsclean.showDocumentation', async (ruleId?: string) => {
    const target = ruleId ? docsUri.with({ fragment: ruleById(ruleId)?.meta.docs ?? `rule-${ruleId}` }) : docsUri;
    try {
      await vscode.commands.executeCommand('markdown.showPreview', target);
    } catch {
      await vscode.commands.executeCommand('vscode.open', target);
    }
  });
}
