import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  type BaseLanguageClient,
  type LanguageClientOptions,
  type PublishDiagnosticsParams,
} from 'vscode-languageclient';
import { ANALYZED, VISIBLE_RANGES, type AnalyzedParams, type ExtensionInitOptions, type VisibleRangesParams } from '../server/custom';
import { languageSelector, settingValuesFor, settingsFor } from './settings';

/** Makes the language client: a Node server (desktop, code-server) or one in a web worker (the web extension). */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient | Promise<BaseLanguageClient>;

/** Where the extension reports problems: its output channel (see extension.ts). */
export type Log = Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;

export interface AnalyzedEvent {
  readonly uri: vscode.Uri;
  readonly version: number;
  /** How many findings the analysis had. */
  readonly count: number;
}

/** Documents that are views of something else, never transcripts to check. */
const IGNORED_SCHEMES = new Set(['output', 'vscode-scm', 'git', 'vscode-bulkeditpreview-editor', 'vscode-userdata', 'vscode-settings']);

/** VS Code shows about this many diagnostics per file; more are cut silently (the server budgets them). */
const MAX_DIAGNOSTICS = 1000;

/** The server's command that checks a document now (src/server/actions.ts). */
const CHECK_COMMAND = 'newsclean.lsp.checkDocument';

/**
 * The extension as the language server's client: the server analyses the
 * documents (`newsclean.languages`, not views such as the output) and
 * publishes their diagnostics, code actions, outline and folds. This side
 * answers the server's `workspace/configuration` with VS Code's settings and
 * the repository's config files as the editor holds them (configFiles.ts),
 * tells it which ranges are in view (for the diagnostics budget), and
 * publishes a document's diagnostics only when they are for its current
 * version, then fires `onDidAnalyze` with the analysis' summary.
 */
export class ServerClient implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private readonly emitter = new vscode.EventEmitter<AnalyzedEvent>();
  readonly onDidAnalyze = this.emitter.event;
  /** Per document: summaries of analyses whose diagnostics are on their way, by version. */
  private readonly coming = new Map<string, Map<number, AnalyzedParams>>();
  /** Per open document: the summary of the analysis whose diagnostics are shown. */
  private readonly shown = new Map<string, AnalyzedParams>();
  /** Per document: counts publications, so that only the last one received is shown. */
  private readonly received = new Map<string, number>();
  /** Documents the server was told about (didOpen). */
  private readonly synced = new Set<string>();
  private readonly warnedTooLarge = new Set<string>();
  private readonly scrollTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private started: Promise<void> | undefined;

  constructor(
    private readonly make: ClientFactory,
    private readonly docsUri: vscode.Uri,
    private readonly channel: vscode.LogOutputChannel,
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc.uri.toString())),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const doc of new Set(editors.map((e) => e.document))) this.sendVisibleRanges(doc);
      }),
    );
  }

  /** Starts the server (again, after `stop`: when `newsclean.languages` changed, the documents it checks are others). */
  start(): Promise<void> {
    this.started = this.launch().catch((e: unknown) => this.log.error(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`));
    return this.started;
  }

  private async launch(): Promise<void> {
    const initializationOptions: ExtensionInitOptions = {
      locale: vscode.env.language,
      l10n: vscode.l10n.bundle,
      docsUrl: this.docsUri.toString(),
      configFilesByClient: true,
      maxDiagnostics: MAX_DIAGNOSTICS,
      analyzedNotifications: true,
      commands: { reopenWithEncoding: 'workbench.action.editor.changeEncoding', showDocumentation: 'newsclean.showDocumentation' },
    };
    const client = await this.make('newsclean', 'News Transcript Cleaner', {
      documentSelector: languageSelector(),
      diagnosticCollectionName: 'newsclean',
      outputChannel: this.channel,
      initializationOptions,
      middleware: {
        didOpen: (doc, next) => {
          if (IGNORED_SCHEMES.has(doc.uri.scheme) || !settingsFor(doc).get('newsclean.languages').includes(doc.languageId)) return Promise.resolve();
          this.synced.add(doc.uri.toString());
          return next(doc);
        },
        didChange: (e, next) => (this.synced.has(e.document.uri.toString()) ? next(e) : Promise.resolve()),
        didSave: (doc, next) => (this.synced.has(doc.uri.toString()) ? next(doc) : Promise.resolve()),
        didClose: (doc, next) => (this.synced.delete(doc.uri.toString()) ? next(doc) : Promise.resolve()),
        workspace: {
          configuration: (params) => params.items.map((item) => (item.section === 'newsclean' ? sectionFor(item.scopeUri) : null)),
        },
      },
    });
    // Registered before start, these replace the client's own handlers.
    client.onNotification(ANALYZED, (p: AnalyzedParams) => {
      let byVersion = this.coming.get(p.uri);
      if (!byVersion) this.coming.set(p.uri, (byVersion = new Map()));
      byVersion.set(p.version, p);
    });
    client.onNotification(PublishDiagnosticsNotification.type, (p) => void this.publish(client, p));
    client.onNotification(LogMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) this.log.error(message);
      else if (type === MessageType.Warning) this.log.warn(message);
      else this.log.info(message);
    });
    this.client = client;
    await client.start();
    for (const editor of vscode.window.visibleTextEditors) this.sendVisibleRanges(editor.document);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.synced.clear();
    this.coming.clear();
    this.shown.clear();
    await this.started;
    if (client?.isRunning()) await client.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Settings or config files changed: the server asks again and checks every document again. */
  settingsChanged(): void {
    if (this.client?.isRunning()) void this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Checks the document now; resolves to its number of findings (0 when it is not checked). */
  async check(doc: vscode.TextDocument): Promise<number> {
    await this.started;
    const client = this.client;
    if (!client || !this.synced.has(doc.uri.toString())) return 0;
    const n: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command: CHECK_COMMAND, arguments: [doc.uri.toString()] });
    return typeof n === 'number' ? n : 0;
  }

  /** The summary of the analysis shown for the document, if it is of its current version. */
  current(doc: vscode.TextDocument): AnalyzedParams | undefined {
    const s = this.shown.get(doc.uri.toString());
    return s && s.version === doc.version ? s : undefined;
  }

  /** The last analysis shown for an open document (undefined: none, or closed). */
  analyzed(uri: vscode.Uri): AnalyzedEvent | undefined {
    const s = this.shown.get(uri.toString());
    return s && { uri, version: s.version, count: s.count };
  }

  private async publish(client: BaseLanguageClient, p: PublishDiagnosticsParams): Promise<void> {
    const n = (this.received.get(p.uri) ?? 0) + 1;
    this.received.set(p.uri, n);
    // Of another version than the document's (it changed or closed since): stale, not even converted.
    const doc = p.version === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.uri);
    if (p.version !== undefined && doc?.version !== p.version) return;
    const diagnostics = await client.protocol2CodeConverter.asDiagnostics(p.diagnostics);
    // A newer publication came meanwhile, or the document changed or closed since: these are stale.
    if (this.received.get(p.uri) !== n || client !== this.client) return;
    if (p.version !== undefined && doc?.version !== p.version) return;
    const uri = client.protocol2CodeConverter.asUri(p.uri);
    client.diagnostics?.set(uri, diagnostics);
    const summary = p.version === undefined ? undefined : this.coming.get(p.uri)?.get(p.version);
    if (!doc || !summary) return;
    this.coming.delete(p.uri);
    this.shown.set(p.uri, summary);
    if (summary.skipped === 'tooLarge' && !this.warnedTooLarge.has(p.uri)) {
      this.warnedTooLarge.add(p.uri);
      void vscode.window.showInformationMessage(tooLargeMessage(doc, summary));
    }
    this.emitter.fire({ uri: doc.uri, version: summary.version, count: summary.count });
  }

  private closed(key: string): void {
    this.received.set(key, (this.received.get(key) ?? 0) + 1);
    this.coming.delete(key);
    this.shown.delete(key);
    this.warnedTooLarge.delete(key);
    clearTimeout(this.scrollTimers.get(key));
    this.scrollTimers.delete(key);
    if (this.client) this.client.diagnostics?.delete(this.client.protocol2CodeConverter.asUri(key));
  }

  private scrolled(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.scrollTimers.get(key));
    this.scrollTimers.set(
      key,
      setTimeout(() => {
        this.scrollTimers.delete(key);
        this.sendVisibleRanges(doc);
      }, 50),
    );
  }

  /** Tells the server what of the document is in view (past the diagnostics budget, it shows those findings one by one). */
  private sendVisibleRanges(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.client?.isRunning() || !this.synced.has(key)) return;
    const ranges = vscode.window.visibleTextEditors
      .filter((e) => e.document === doc)
      .flatMap((e) => e.visibleRanges)
      .map((r) => this.client!.code2ProtocolConverter.asRange(r));
    const params: VisibleRangesParams = { uri: key, ranges };
    void this.client.sendNotification(VISIBLE_RANGES, params);
  }

  dispose(): void {
    for (const t of this.scrollTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** What a document too large to analyse says (the status bar's tooltip, a message once). */
export function tooLargeMessage(doc: vscode.TextDocument, summary: AnalyzedParams): string {
  return vscode.l10n.t(
    'News Transcript Cleaner did not analyse {0}: it is larger than {1} KB (setting newsclean.maxFileSizeKB).',
    vscode.workspace.asRelativePath(doc.uri),
    summary.limitKB,
  );
}

/** The `newsclean` section for a document, as the server asks for it: keys without the prefix, config files laid over. */
function sectionFor(scopeUri: string | undefined): Record<string, unknown> {
  const { values, ignored } = settingValuesFor(scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) section[key.slice('newsclean.'.length)] = value;
  if (ignored) section.$ignored = true;
  return section;
}
