/**
 * What the VS Code extension and the language server say to each other
 * beyond the protocol: options given at `initialize`, a summary of each
 * analysis, the visible ranges of an editor. Other clients need none of it.
 * No import: the extension's bundles take this file without the server.
 */

/** `initializationOptions` the extension gives (every field optional; other clients give none). */
export interface ExtensionInitOptions {
  /** The display language (en, zh-cn, zh-tw). */
  locale?: string;
  /** The messages' translations, as the editor has them (instead of the server's own bundle). */
  l10n?: Record<string, string>;
  /** Where the rules' documentation is; a rule's anchor is added as the fragment. */
  docsUrl?: string;
  /**
   * The client lays the repository's config files over its settings itself
   * (as the editor holds them, saved or not, on any file system) and answers
   * `workspace/configuration` with the result, `$ignored: true` for a
   * document a `.newscleanignore` excludes: the server reads no config file.
   */
  configFilesByClient?: boolean;
  /** The most diagnostics the client shows per document: past it they are budgeted (see budget.ts). */
  maxDiagnostics?: number;
  /** Send `newsclean/didAnalyze` before each analysis' diagnostics. */
  analyzedNotifications?: boolean;
  /** Client commands the code actions may call: reopen a file with another encoding, show a rule's documentation (argument: the rule id). */
  commands?: { reopenWithEncoding?: string; showDocumentation?: string };
}

/** `newsclean/didAnalyze`: sent just before the diagnostics of an analysis are published. */
export const ANALYZED = 'newsclean/didAnalyze';

export interface AnalyzedParams {
  uri: string;
  version: number;
  /** How many findings (not diagnostics: past the budget, several findings are one diagnostic). */
  count: number;
  /** Findings that are not hints (what the Problems view counts), of which errors. */
  shown: number;
  errors: number;
  /** Each rule's count of findings that are not hints. */
  perRule: [string, number][];
  /** Set when the document was not analysed. */
  skipped?: 'tooLarge' | 'ignored';
  /** Set when the document reads as Japanese or Korean as a whole: no rule runs on it, nothing is rewritten. */
  japaneseKorean?: true;
  /** newsclean.maxFileSizeKB of the document, for the message of a document too large. */
  limitKB: number;
}

/** `newsclean/visibleRanges` (client to server): the ranges of a document shown in editors now. */
export const VISIBLE_RANGES = 'newsclean/visibleRanges';

export interface VisibleRangesParams {
  uri: string;
  ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}
