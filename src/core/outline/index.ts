/**
 * The article's anatomy as a tree of entries. Each entry carries two ranges,
 * as vscode-markdown-languageservice's table of contents does: the heading
 * line itself (`selectionRange`) and the whole part it heads (`range`), so
 * the symbol tree and folding ranges are short adapters. The parser is in
 * anatomy.ts.
 */
export { parseAnatomy as parseOutline } from './anatomy';
export type { OutlineEntry, OutlineKind } from './types';
export { OUTLINE_SYMBOL_KINDS, outlineFolds } from './adapters';
