import * as vscode from 'vscode';
import { engine } from './engine';

/**
 * The rules' documentation in the UI language: the README (English), or
 * its rules sections in Chinese, `docs/rules.zh-cn.md` (written by hand) and
 * `docs/rules.zh-tw.md` (OpenCC's conversion of it, so the two never drift
 * apart). Every file has the same `rule-<id>` anchors.
 */
export function documentationUri(extensionUri: vscode.Uri, language: string): vscode.Uri {
  const lang = language.toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(lang)) return vscode.Uri.joinPath(extensionUri, 'docs', 'rules.zh-tw.md');
  if (lang.startsWith('zh')) return vscode.Uri.joinPath(extensionUri, 'docs', 'rules.zh-cn.md');
  return vscode.Uri.joinPath(extensionUri, 'README.md');
}

/**
 * "Show documentation": the rule's section, rendered — the markdown preview
 * scrolled to the rule's anchor (its `meta.docs`). Where the markdown preview
 * is not available (it is a built-in extension that can be disabled), the
 * file opens as text at that anchor.
 */
export function registerShowDocumentation(docsUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('newsclean.showDocumentation', async (ruleId?: string) => {
    const target = ruleId ? docsUri.with({ fragment: engine().ruleById(ruleId)?.meta.docs ?? `rule-${ruleId}` }) : docsUri;
    try {
      await vscode.commands.executeCommand('markdown.showPreview', target);
    } catch {
      await vscode.commands.executeCommand('vscode.open', target);
    }
  });
}
