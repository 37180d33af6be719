import * as vscode from 'vscode';
import { ServerClient, type AnalyzedEvent, type ClientFactory, type Log } from './client';
import { ConfigActions, registerChangeConfig } from './configActions';
import { ConfigFiles, setConfigFiles } from './configFiles';
import { registerConvertCommands } from './convertCommands';
import { documentationUri, registerShowDocumentation } from './documentation';
import { engine, setEngineMessages } from './engine';
import { CleanPreview, type ReviewOutcome } from './preview';
import { languageSelector } from './settings';
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
  /** Checks the document now (in the language server); resolves to its number of findings. */
  check(document: vscode.TextDocument): Promise<number>;
  /** The last analysis whose diagnostics are shown for an open document (undefined: none yet, or closed). */
  analyzed(uri: vscode.Uri): AnalyzedEvent | undefined;
  /** The status bar item's text and tooltip as shown now (hidden: undefined). */
  statusBar(): { text: string; tooltip: string } | undefined;
  /** Runs Clean Workspace and returns its summary once its review is open (or applied). */
  cleanWorkspace(options?: { preview?: boolean }): Promise<WorkspaceCleanSummary>;
  /** Errors written to the output channel this session (the last 100), oldest first. */
  loggedErrors(): readonly string[];
}

/** How many logged errors `loggedErrors()` keeps. */
const KEPT_ERRORS = 100;

/** The running client, stopped by `deactivate`. */
let running: ServerClient | undefined;

/**
 * Activates the extension with a language client made by `make` (Node's in
 * extension.ts, the browser's in web.ts). The language server checks the
 * documents; what is a matter of the editor's UI stays here: the status bar,
 * Clean Document's and Clean Workspace's review, the conversions, the
 * config-file actions.
 */
export function activateWith(context: vscode.ExtensionContext, make: ClientFactory): NewsCleanApi {
  // The core's messages come through @vscode/l10n: hand it VS Code's bundle.
  if (vscode.l10n.bundle) setEngineMessages(vscode.l10n.bundle);

  const channel = vscode.window.createOutputChannel('News Transcript Cleaner', { log: true });
  const errors: string[] = [];
  const log: Log = {
    info: (message, ...args) => channel.info(message, ...args),
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
  const client = new ServerClient(make, docsUri, channel, log);
  running = client;
  void client.start();
  // Nothing above needs the engine (see engine.ts); the server soon asks for the
  // documents' settings, which do (config files): load it while its process starts.
  const prefetch = setTimeout(() => {
    try {
      engine();
    } catch (e) {
      log.error(`the engine did not load: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, 0);
  const preview = new CleanPreview();
  const statusBar = new StatusBar(client);

  let providers: vscode.Disposable[] = [];
  const registerProviders = () => {
    for (const p of providers) p.dispose();
    const sel = languageSelector();
    providers = [vscode.languages.registerCodeActionsProvider(sel, new ConfigActions(configFiles), ConfigActions.metadata)];
  };
  registerProviders();

  context.subscriptions.push(
    { dispose: () => clearTimeout(prefetch) },
    channel,
    configFiles,
    { dispose: () => setConfigFiles(undefined) },
    registerChangeConfig(configFiles),
    // A config file changed: every open document is checked again under its new settings.
    configFiles.onDidChange(() => client.settingsChanged()),
    client,
    preview,
    statusBar,
    { dispose: () => providers.forEach((p) => p.dispose()) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('newsclean.languages')) return;
      registerProviders();
      // The server's documents are others: start it again with them.
      void client.restart();
    }),
    vscode.commands.registerCommand('newsclean.cleanWorkspace', (arg?: { preview?: boolean }) => cleanWorkspace(preview, arg)),
    ...registerConvertCommands(),
    registerShowDocumentation(docsUri),
    vscode.commands.registerCommand('newsclean.checkDocument', () => {
      const editor = vscode.window.activeTextEditor;
      return editor ? client.check(editor.document) : 0;
    }),
  );

  return {
    onDidAnalyze: client.onDidAnalyze,
    onDidShowPreview: preview.onDidShowPreview,
    onDidReview: preview.onDidReview,
    check: (document) => client.check(document),
    analyzed: (uri) => client.analyzed(uri),
    statusBar: () => {
      statusBar.update();
      const text = statusBar.item.text;
      return text ? { text, tooltip: String(statusBar.item.tooltip ?? '') } : undefined;
    },
    cleanWorkspace: (options) => cleanWorkspace(preview, options),
    loggedErrors: () => [...errors],
  };
}

/** Stops the language server (everything else is disposed through context.subscriptions). */
export function deactivate(): Promise<void> | undefined {
  const client = running;
  running = undefined;
  return client?.stop();
}
