/** What every editor adapter of the outline shares: the symbol kind of each entry, and the folds. */
import type { OutlineEntry, OutlineKind } from './types';

/** The symbol kind each entry is shown with, by name (VS Code's and the LSP's SymbolKind enums spell them alike). */
export const OUTLINE_SYMBOL_KINDS = {
  title: 'File',
  subtitle: 'String',
  dateline: 'Event',
  section: 'Namespace',
  subsection: 'Class',
  speaker: 'Property',
  caption: 'Field',
  credits: 'Constant',
  boilerplate: 'Null',
} as const satisfies Record<OutlineKind, string>;

/** One fold (0-based lines) for each part of the article longer than a line: the title's whole text, each section. */
export function outlineFolds(entries: readonly OutlineEntry[]): { startLine: number; endLine: number }[] {
  const folds: { startLine: number; endLine: number }[] = [];
  const walk = (list: readonly OutlineEntry[]) => {
    for (const e of list) {
      if (e.endLine > e.line) folds.push({ startLine: e.line, endLine: e.endLine });
      walk(e.children);
    }
  };
  walk(entries);
  return folds;
}
