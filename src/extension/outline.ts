import * as vscode from 'vscode';
import { NewsDocument, OUTLINE_SYMBOL_KINDS, outlineFolds, parseOutline, utf8Length, type OutlineEntry } from '../core';
import { toRange } from './convert';
import { settingsFor } from './settings';

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
        vscode.SymbolKind[OUTLINE_SYMBOL_KINDS[e.kind]],
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
    return outlineFolds(outlineOf(document)).map((f) => new vscode.FoldingRange(f.startLine, f.endLine, vscode.FoldingRangeKind.Region));
  }
}
