import * as vscode from 'vscode';
import { NewsDocument, parseOutline, type OutlineEntry, type OutlineKind } from '../core';
import { toRange } from './convert';
import { utf8Length } from './analysis';
import { settingsFor } from './settings';

const KIND: Record<OutlineKind, vscode.SymbolKind> = {
  title: vscode.SymbolKind.File,
  subtitle: vscode.SymbolKind.String,
  dateline: vscode.SymbolKind.Event,
  section: vscode.SymbolKind.Namespace,
  subsection: vscode.SymbolKind.Class,
  speaker: vscode.SymbolKind.Property,
  caption: vscode.SymbolKind.Field,
  credits: vscode.SymbolKind.Constant,
  boilerplate: vscode.SymbolKind.Null,
};

function outlineOf(document: vscode.TextDocument): OutlineEntry[] {
  const limit = settingsFor(document).get('newsclean.maxFileSizeKB') * 1024;
  const text = document.getText();
  if (utf8Length(text, limit) > limit) return [];
  return parseOutline(new NewsDocument(text, document.uri.toString(), document.version));
}

/** The article's anatomy in the Outline view and breadcrumbs. */
export class OutlineSymbols implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const convert = (e: OutlineEntry): vscode.DocumentSymbol => {
      const s = new vscode.DocumentSymbol(
        e.name || '·',
        vscode.l10n.t(e.kind),
        KIND[e.kind],
        toRange(document, e.range),
        toRange(document, e.selectionRange),
      );
      s.children = e.children.map(convert);
      return s;
    };
    return outlineOf(document).map(convert);
  }
}

/** Folds each part of the article: the title's whole text, each section. */
export class OutlineFolding implements vscode.FoldingRangeProvider {
  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const ranges: vscode.FoldingRange[] = [];
    const walk = (entries: readonly OutlineEntry[]) => {
      for (const e of entries) {
        if (e.endLine > e.line) ranges.push(new vscode.FoldingRange(e.line, e.endLine, vscode.FoldingRangeKind.Region));
        walk(e.children);
      }
    };
    walk(outlineOf(document));
    return ranges;
  }
}
