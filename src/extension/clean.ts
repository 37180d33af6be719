import * as vscode from 'vscode';
import { fixAll, minimalEdits, type Edit, type Finding } from '../core';
import { settingsFor } from './settings';

export interface CleanPlan {
  readonly before: string;
  readonly after: string;
  readonly edits: Edit[];
  readonly applied: readonly Finding[];
}

/** Every fix that "clean" includes for this document, as minimal edits. */
export function planClean(document: vscode.TextDocument): CleanPlan {
  const before = document.getText();
  const result = fixAll(before, { settings: settingsFor(document), safeOnly: true });
  return { before, after: result.text, edits: minimalEdits(before, result.text), applied: result.applied };
}

/** Counts of applied fixes per rule, for summaries. */
export function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}
