import * as vscode from 'vscode';
import type { Edit, Finding, Range, Severity } from '../core';
import { engine } from './engine';

export function toRange(document: vscode.TextDocument, range: Range): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const SOURCE = 'newsclean';

export function toDiagnostic(document: vscode.TextDocument, finding: Finding, docsUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(document, finding.range), finding.message, SEVERITY[finding.severity]);
  d.source = SOURCE;
  d.code = { value: finding.ruleId, target: docsUri.with({ fragment: engine().ruleById(finding.ruleId)?.meta.docs ?? '' }) };
  if (finding.related) {
    d.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, r.range)), r.message),
    );
  }
  return d;
}

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly Edit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(document.uri, toRange(document, e.range), e.text);
  return edit;
}
