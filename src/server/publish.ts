/**
 * What the server publishes of an analysis: its findings as diagnostics
 * (past the client's budget, grouped as budget.ts says, following the
 * editor's visible ranges), and the summary the VS Code extension's status
 * bar shows (`newsclean/didAnalyze`).
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { budgetFindings } from './budget';
import type { AnalyzedParams, VisibleRangesParams } from './custom';
import type { Analysis, Entry } from './documents';
import { toDiagnostic, toRange } from './protocol';

/** Lines around the visible ranges whose findings are shown one by one too: a short scroll finds them there already. */
const MARGIN_LINES = 100;

/** The diagnostics of an analysis; past `max`, the budget's items (kept on the entry for "fix this group"). */
export function diagnosticsOf(entry: Entry, a: Analysis, docsUrl: string | undefined, max: number | undefined): Diagnostic[] {
  const doc = entry.document;
  if (!max || a.findings.length <= max) {
    entry.groups = undefined;
    return a.findings.map((f) => toDiagnostic(doc, f, docsUrl));
  }
  const items = budgetFindings(doc.getText(), a.findings, entry.visible ?? [], max - 1);
  entry.groups = { version: a.version, items };
  return items.map((item) => {
    if (item.findings.length === 1) return toDiagnostic(doc, item.findings[0], docsUrl);
    const first = item.findings[0];
    const d = toDiagnostic(doc, { ...first, severity: item.severity, range: item.range, related: undefined }, docsUrl);
    d.message = l10n.t('{0} × {1} here (grouped: the document has more problems than VS Code lists one by one). First: {2}', item.findings.length, item.ruleId, first.message);
    d.relatedInformation = item.findings.slice(0, 20).map((f) => ({ location: { uri: doc.uri, range: toRange(doc, f.range) }, message: f.message }));
    return d;
  });
}

/** The visible ranges as offsets, each with a margin of lines above and below. */
export function visibleOffsets(doc: TextDocument, ranges: VisibleRangesParams['ranges']): { start: number; end: number }[] {
  return ranges.map((r) => ({
    start: doc.offsetAt({ line: Math.max(0, r.start.line - MARGIN_LINES), character: r.start.character }),
    end: doc.offsetAt({ line: r.end.line + MARGIN_LINES, character: r.end.character }),
  }));
}

/** The counts the status bar shows: hints are not listed in the Problems view, so they are not counted. */
export function summaryOf(uri: string, a: Analysis): AnalyzedParams {
  const perRule = new Map<string, number>();
  let errors = 0;
  let shown = 0;
  for (const f of a.findings) {
    if (f.severity === 'hint') continue;
    shown++;
    if (f.severity === 'error') errors++;
    perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  }
  const summary: AnalyzedParams = { uri, version: a.version, count: a.findings.length, shown, errors, perRule: [...perRule], skipped: a.skipped, limitKB: a.settings.get('newsclean.maxFileSizeKB') };
  if (a.japaneseKorean) summary.japaneseKorean = true;
  return summary;
}
