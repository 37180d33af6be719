import * as vscode from 'vscode';
import type { Edit, Range } from '../core';

export function toRange(document: vscode.TextDocument, range: Range): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

export const SOURCE = 'newsclean';

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly Edit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(document.uri, toRange(document, e.range), e.text);
  return edit;
}
