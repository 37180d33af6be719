import * as vscode from 'vscode';
import { applyFixes, findingsIndex, type Finding } from '../core';
import type { Analyzer } from './analysis';
import type { ShownItem } from './budget';
import { SOURCE, toRange, toWorkspaceEdit } from './convert';
import { planFile } from './review';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('newsclean');

/**
 * For each finding under the cursor: its fix (preferred), "fix all problems
 * of this rule", and a link to the rule's documentation; and
 * `source.fixAll.newsclean` for `editor.codeActionsOnSave`.
 */
/** A "fix all of this rule" action whose edit is computed when it is chosen (resolveCodeAction). */
class FixRuleAction extends vscode.CodeAction {
  constructor(
    title: string,
    readonly document: vscode.TextDocument,
    readonly version: number,
    readonly ruleId: string,
    /** A group's findings ("fix this group"); none: every finding of the rule. */
    readonly group?: readonly Finding[],
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

export class CodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /** Per document: the version the caches below are for. */
  private readonly cache = new Map<string, { version: number; near?: (start: number, end: number) => Finding[]; fixable?: Map<string, number>; edits: Map<string, Finding[]> }>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly docsUri: vscode.Uri,
    /** The grouped diagnostics of a document past the diagnostics budget. */
    private readonly groupsOf: (document: vscode.TextDocument) => readonly ShownItem[] = () => [],
  ) {}

  private cacheFor(document: vscode.TextDocument) {
    const key = document.uri.toString();
    let c = this.cache.get(key);
    if (!c || c.version !== document.version) {
      c = { version: document.version, edits: new Map() };
      this.cache.set(key, c);
      // Only a few documents are kept: the cache is for the one being edited.
      if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value!);
    }
    return c;
  }

  /** The findings whose range may meet [start, end]: a binary search in the findings sorted by start. */
  private findingsNear(document: vscode.TextDocument, findings: readonly Finding[], start: number, end: number): Finding[] {
    const c = this.cacheFor(document);
    c.near ??= findingsIndex(findings);
    return c.near(start, end);
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof FixRuleAction)) return action;
    const { document, version, ruleId, group } = action;
    if (document.isClosed || document.version !== version) return action;
    if (group) {
      action.edit = toWorkspaceEdit(document, applyFixes(document.getText(), group).applied.flatMap((f) => f.fix!.edits));
      return action;
    }
    const analysis = this.analyzer.current(document);
    if (!analysis) return action;
    const c = this.cacheFor(document);
    let applied = c.edits.get(ruleId);
    if (!applied) {
      applied = applyFixes(document.getText(), analysis.findings.filter((f) => f.ruleId === ruleId && f.fix)).applied;
      c.edits.set(ruleId, applied);
    }
    action.edit = toWorkspaceEdit(document, applied.flatMap((f) => f.fix!.edits));
    return action;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    if (only && FIX_ALL_KIND.intersects(only) && !only.contains(vscode.CodeActionKind.QuickFix)) {
      return this.fixAll(document);
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const analysis = this.analyzer.analyze(document);
    const actions: vscode.CodeAction[] = [];
    const rulesSeen = new Set<string>();
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    for (const item of this.groupsOf(document)) {
      if (item.range.start > end || item.range.end < start) continue;
      const fixable = item.findings.filter((f) => f.fix);
      if (fixable.length === 0) continue;
      const action = new FixRuleAction(
        vscode.l10n.t('Fix the {0} {1} problems of this group', fixable.length, item.ruleId),
        document,
        document.version,
        item.ruleId,
        fixable,
      );
      const ir = toRange(document, item.range);
      action.diagnostics = context.diagnostics.filter((d) => d.source === SOURCE && d.range.isEqual(ir));
      actions.push(action);
    }
    for (const finding of this.findingsNear(document, analysis.findings, start, end)) {
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
      const sameRule = this.fixableCount(document, analysis.findings, finding.ruleId);
      if (sameRule > 1) actions.push(this.fixRule(document, finding.ruleId, sameRule));
      const docs = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', finding.ruleId), vscode.CodeActionKind.QuickFix);
      docs.command = {
        command: 'newsclean.showDocumentation',
        title: docs.title,
        arguments: [finding.ruleId],
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

  /** How many findings of the rule have a fix (cached per version). */
  private fixableCount(document: vscode.TextDocument, findings: readonly Finding[], ruleId: string): number {
    const c = this.cacheFor(document);
    if (!c.fixable) {
      c.fixable = new Map();
      for (const f of findings) if (f.fix) c.fixable.set(f.ruleId, (c.fixable.get(f.ruleId) ?? 0) + 1);
    }
    return c.fixable.get(ruleId) ?? 0;
  }

  /**
   * "Fix all of this rule": the title counts the rule's fixable findings (as
   * the diagnostics do); the edit is computed only when the action is chosen.
   */
  private fixRule(document: vscode.TextDocument, ruleId: string, count: number): vscode.CodeAction {
    return new FixRuleAction(vscode.l10n.t('Fix all {0} problems in this document ({1})', ruleId, count), document, document.version, ruleId);
  }

  private fixAll(document: vscode.TextDocument): vscode.CodeAction[] {
    // The same plan as Clean Document's review, applied without it (on save).
    const { plan } = planFile({ uri: document.uri, text: document.getText(), document });
    if (plan.entries.length === 0) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe News Transcript problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, plan.entries);
    return [action];
  }
}

function codeValue(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}
