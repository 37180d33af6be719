/**
 * The engine's data in the protocol's shapes: findings as diagnostics, edits
 * as workspace edits, the outline as document symbols and folding ranges.
 * Offsets are UTF-16, as the protocol's default position encoding.
 */
import {
  DiagnosticSeverity,
  FoldingRangeKind,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Range as LspRange,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { OUTLINE_SYMBOL_KINDS, outlineFolds, ruleById, type Edit, type Finding, type OutlineEntry, type Range, type Severity } from '../core';

export const SOURCE = 'newsclean';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: TextDocument, range: Range): LspRange {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

/** A finding as a diagnostic: the rule id as its code, the rule's section of the README as the code's description. */
export function toDiagnostic(doc: TextDocument, f: Finding, docsUrl: string | undefined): Diagnostic {
  const d: Diagnostic = { range: toRange(doc, f.range), severity: SEVERITY[f.severity], source: SOURCE, code: f.ruleId, message: f.message };
  const anchor = ruleById(f.ruleId)?.meta.docs;
  if (docsUrl && anchor) d.codeDescription = { href: `${docsUrl}#${anchor}` };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.range) }, message: r.message }));
  return d;
}

export function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Edits of one document as a workspace edit: versioned (`documentChanges`) when the client takes them, so a stale edit is refused. */
export function toWorkspaceEdit(doc: TextDocument, edits: readonly Edit[], versioned: boolean): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({ range: toRange(doc, e.range), newText: e.text }));
  return versioned ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: textEdits }] } : { changes: { [doc.uri]: textEdits } };
}

export function toSymbols(doc: TextDocument, entries: readonly OutlineEntry[]): DocumentSymbol[] {
  return entries.map((e) => ({
    name: e.name || '·',
    detail: l10n.t(e.kind),
    kind: SymbolKind[OUTLINE_SYMBOL_KINDS[e.kind]],
    range: toRange(doc, e.range),
    selectionRange: toRange(doc, e.selectionRange),
    children: toSymbols(doc, e.children),
  }));
}

export function toFoldingRanges(entries: readonly OutlineEntry[]): FoldingRange[] {
  return outlineFolds(entries).map((f) => ({ ...f, kind: FoldingRangeKind.Region }));
}
