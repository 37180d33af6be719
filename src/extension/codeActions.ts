import * as vscode from 'vscode';
import { applyFixes, ruleById, type Finding } from '../core';
import type { Analyzer } from './analysis';
import { SOURCE, toRange, toWorkspaceEdit } from './convert';
import { planClean } from './clean';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('newsclean');

/**
 * For each finding under the cursor: its fix (preferred), "fix all problems
 * of this rule", and a link to the rule's documentation; and
 * `source.fixAll.newsclean` for `editor.codeActionsOnSave`.
 */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly analyzer: Analyzer,
    private readonly docsUri: vscode.Uri,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    if (only && FIX_ALL_KIND.intersects(only) && !only.contains(vscode.CodeActionKind.QuickFix)) {
      return this.fixAll(document);
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const analysis = this.analyzer.analyze(document);
    const actions: vscode.CodeAction[] = [];
    const rulesSeen = new Set<string>();
    for (const finding of analysis.findings) {
      const fr = toRange(document, finding.range);
      if (!fr.intersection(range) && !fr.contains(range)) continue;
      const diagnostics = context.diagnostics.filter(
        (d) => d.source === SOURCE && codeValue(d) === finding.ruleId && d.range.isEqual(fr),
      );
      if (finding.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, finding.fix.edits);
        action.diagnostics = diagnostics;
        action.isPreferred = true;
        actions.push(action);
      }
      if (rulesSeen.has(finding.ruleId)) continue;
      rulesSeen.add(finding.ruleId);
      if (finding.data?.wholeFile) actions.push(...this.reopenWithEncoding(document, finding.data.wholeFile.encoding));
      const sameRule = analysis.findings.filter((f) => f.ruleId === finding.ruleId && f.fix);
      if (sameRule.length > 1) actions.push(this.fixRule(document, finding.ruleId, sameRule));
      const docs = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', finding.ruleId), vscode.CodeActionKind.QuickFix);
      docs.command = {
        command: 'vscode.open',
        title: docs.title,
        arguments: [this.docsUri.with({ fragment: ruleById(finding.ruleId)?.meta.docs ?? '' })],
      };
      actions.push(docs);
    }
    return actions;
  }

  /** When most of the file is mojibake (the finding says in which encoding), the real fix is to read its bytes again. */
  private reopenWithEncoding(document: vscode.TextDocument, encoding: string): vscode.CodeAction[] {
    if (document.uri.scheme === 'untitled') return [];
    const action = new vscode.CodeAction(
      vscode.l10n.t('Reopen with Encoding… (the bytes look like {0})', encoding),
      vscode.CodeActionKind.QuickFix,
    );
    action.command = { command: 'workbench.action.editor.changeEncoding', title: action.title };
    return [action];
  }

  private fixRule(document: vscode.TextDocument, ruleId: string, findings: Finding[]): vscode.CodeAction {
    const { applied } = applyFixes(document.getText(), findings);
    const action = new vscode.CodeAction(
      vscode.l10n.t('Fix all {0} problems in this document ({1})', ruleId, applied.length),
      vscode.CodeActionKind.QuickFix,
    );
    action.edit = toWorkspaceEdit(document, applied.flatMap((f) => f.fix!.edits));
    return action;
  }

  private fixAll(document: vscode.TextDocument): vscode.CodeAction[] {
    const { edits } = planClean(document);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe News Transcript problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, edits);
    return [action];
  }
}

function codeValue(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}
