import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { Finding } from '../core';
import { Analyzer, type Log } from './analysis';
import { CodeActions } from './codeActions';
import { ConfigActions, registerChangeConfig } from './configActions';
import { ConfigFiles, setConfigFiles } from './configFiles';
import { registerConvertCommands } from './convertCommands';
import { documentationUri, registerShowDocumentation } from './documentation';
import { DiagnosticsController, type AnalyzedEvent } from './diagnostics';
import { OutlineFolding, OutlineSymbols } from './outline';
import { CleanPreview, type ReviewOutcome } from './preview';
import { settingsFor } from './settings';
import { StatusBar } from './statusBar';
import { cleanWorkspace, type WorkspaceCleanSummary } from './workspaceClean';

/** What `activate` returns: a small API for tests and other extensions. */
export interface NewsCleanApi {
  /** Fires after a document's diagnostics were (re)published. */
  readonly onDidAnalyze: vscode.Event<AnalyzedEvent>;
  /** Fires with the document's URI when a Clean Document review is waiting. */
  readonly onDidShowPreview: vscode.Event<vscode.Uri>;
  /** Fires when a review (Clean Document, Clean Workspace) was applied or discarded. */
  readonly onDidReview: vscode.Event<ReviewOutcome>;
  /** Checks the document now and returns its findings. */
  check(document: vscode.TextDocument): readonly Finding[];
  /** Findings of the last completed check of the document, if current. */
  findings(uri: vscode.Uri): readonly Finding[] | undefined;
  /** The status bar item's text and tooltip as shown now (hidden: undefined). */
  statusBar(): { text: string; tooltip: string } | undefined;
  /** Runs Clean Workspace and returns its summary once its review is open (or applied). */
  cleanWorkspace(options?: { preview?: boolean }): Promise<WorkspaceCleanSummary>;
  /** Errors written to the output channel this session (the last 100), oldest first. */
  loggedErrors(): readonly string[];
}

/** How many logged errors `loggedErrors()` keeps. */
const KEPT_ERRORS = 100;

export function activate(context: vscode.ExtensionContext): NewsCleanApi {
  // The core's messages come through @vscode/l10n: hand it VS Code's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });

  const channel = vscode.window.createOutputChannel('News Transcript Cleaner', { log: true });
  const errors: string[] = [];
  const log: Log = {
    warn: (message, ...args) => channel.warn(message, ...args),
    error: (error, ...args) => {
      errors.push(error instanceof Error ? error.message : error);
      if (errors.length > KEPT_ERRORS) errors.shift();
      channel.error(error, ...args);
    },
  };
  // The rules' documentation in the UI language, where a translation exists.
  const docsUri = documentationUri(context.extensionUri, vscode.env.language);
  const configFiles = new ConfigFiles(log);
  setConfigFiles(configFiles);
  const analyzer = new Analyzer(log);
  const diagnostics = new DiagnosticsController(analyzer, docsUri, log);
  const preview = new CleanPreview();
  const statusBar = new StatusBar(analyzer, diagnostics);
  const selector = (): vscode.DocumentSelector =>
    settingsFor(undefined)
      .get('newsclean.languages')
      .map((language) => ({ language }));

  let providers: vscode.Disposable[] = [];
  const registerProviders = () => {
    for (const p of providers) p.dispose();
    const sel = selector();
    providers = [
      vscode.languages.registerCodeActionsProvider(sel, new CodeActions(analyzer, docsUri, (d) => diagnostics.groupsOf(d)), CodeActions.metadata),
      vscode.languages.registerCodeActionsProvider(sel, new ConfigActions(configFiles), ConfigActions.metadata),
      vscode.languages.registerDocumentSymbolProvider(sel, new OutlineSymbols(), { label: 'News Transcript' }),
      vscode.languages.registerFoldingRangeProvider(sel, new OutlineFolding()),
    ];
  };
  registerProviders();

  context.subscriptions.push(
    channel,
    configFiles,
    { dispose: () => setConfigFiles(undefined) },
    registerChangeConfig(configFiles),
    // A config file changed: every open document is checked again under its new settings.
    configFiles.onDidChange(() => {
      analyzer.clear();
      for (const doc of vscode.workspace.textDocuments) diagnostics.schedule(doc, 'open');
    }),
    analyzer,
    diagnostics,
    preview,
    statusBar,
    { dispose: () => providers.forEach((p) => p.dispose()) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsclean.languages')) registerProviders();
    }),
    vscode.commands.registerCommand('newsclean.cleanWorkspace', (arg?: { preview?: boolean }) => cleanWorkspace(preview, arg)),
    ...registerConvertCommands(),
    registerShowDocumentation(docsUri),
    vscode.commands.registerCommand('newsclean.checkDocument', () => {
      const editor = vscode.window.activeTextEditor;
      return editor ? diagnostics.checkNow(editor.document) : 0;
    }),
  );

  return {
    onDidAnalyze: diagnostics.onDidAnalyze,
    onDidShowPreview: preview.onDidShowPreview,
    onDidReview: preview.onDidReview,
    check: (document) => {
      diagnostics.checkNow(document);
      return analyzer.current(document)?.findings ?? [];
    },
    findings: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? analyzer.current(doc)?.findings : undefined;
    },
    statusBar: () => {
      statusBar.update();
      const text = statusBar.item.text;
      return text ? { text, tooltip: String(statusBar.item.tooltip ?? '') } : undefined;
    },
    cleanWorkspace: (options) => cleanWorkspace(preview, options),
    loggedErrors: () => [...errors],
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
