/**
 * The language server (`newsclean lsp --stdio`): the engine behind the
 * Language Server Protocol for any editor. Diagnostics after each edit
 * (incremental sync; `newsclean.run` and `newsclean.debounceMs` honoured),
 * code actions, the outline as document symbols and folding ranges, and the
 * clean/convert commands. The connection and the host (file system,
 * translations) are given, so the same server runs over stdio in Node and,
 * without config files, wherever a connection can be made.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { CONFIG_NAMES, IGNORE_NAME, NewsDocument, parseOutline, utf8Length, type Edit, type OutlineEntry } from '../core';
import { COMMANDS, FIX_ALL_KIND, codeActions, commandEdits, ruleEdits, type FixRuleData } from './actions';
import { ANALYZED, VISIBLE_RANGES, type ExtensionInitOptions, type VisibleRangesParams } from './custom';
import { Documents, type Analysis, type Entry } from './documents';
import { toFoldingRanges, toSymbols, toWorkspaceEdit } from './protocol';
import { diagnosticsOf, summaryOf, visibleOffsets } from './publish';
import { SettingsSource, type ServerHost } from './settings';

export function startServer(connection: Connection, host: ServerHost): void {
  let capabilities: ClientCapabilities = {};
  let options: ExtensionInitOptions = {};
  let docsUrl = host.docsUrl;
  let settings: SettingsSource | undefined;
  const documents = new Documents(
    (uri) => settings!.for(uri),
    (uri, rule, error) => connection.console.error(`rule ${rule} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  const warnedTooLarge = new Set<string>();
  const versioned = () => capabilities.workspace?.workspaceEdit?.documentChanges === true;

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    // initializationOptions: { locale?, settings? } or the settings themselves ({ newsclean: {…} }); VS Code's extension gives more (custom.ts).
    const init = (params.initializationOptions ?? {}) as ExtensionInitOptions & { settings?: unknown; newsclean?: unknown };
    options = init;
    const locale = init.locale ?? params.locale;
    l10n.config({ contents: init.l10n ?? ((locale && host.bundle?.(locale)) || {}) });
    if (init.docsUrl) docsUrl = init.docsUrl;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    settings = new SettingsSource(
      {
        ask: capabilities.workspace?.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'newsclean' }) : undefined,
        // The VS Code extension flags its config files itself: a setting's problem goes to its log, as before.
        warn: (m) => (init.configFilesByClient ? connection.console.warn(m) : void connection.window.showWarningMessage(`News Transcript Cleaner: ${m}`)),
      },
      init.configFilesByClient ? { ...host, files: undefined } : host,
      folder ? host.pathOf(folder) : undefined,
    );
    if (init.settings !== undefined || init.newsclean !== undefined) settings.push(init.settings ?? init);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: 'newsclean' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsclean' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration && !options.configFilesByClient) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${[...CONFIG_NAMES, IGNORE_NAME].join(',')}}` }],
      });
    }
  });

  /** Settings or config files changed: every open document is checked again. */
  const recheckAll = () => {
    settings?.clear();
    documents.invalidate();
    for (const [, entry] of documents.all()) schedule(entry, 'open');
  };
  connection.onDidChangeConfiguration((params) => {
    // A client that resolves the config files answers workspace/configuration with everything: what it pushes is not a layer.
    if (params.settings !== undefined && params.settings !== null && !options.configFilesByClient) settings?.push(params.settings);
    recheckAll();
  });
  connection.onDidChangeWatchedFiles(recheckAll);

  const publish = (entry: Entry, a: Analysis) => {
    const doc = entry.document;
    // (The VS Code extension shows it itself, with the workspace-relative path.)
    if (a.skipped === 'tooLarge' && !options.analyzedNotifications && !warnedTooLarge.has(doc.uri)) {
      warnedTooLarge.add(doc.uri);
      const limitKB = a.settings.get('newsclean.maxFileSizeKB');
      void connection.window.showInformationMessage(
        l10n.t('News Transcript Cleaner did not analyse {0}: it is larger than {1} KB (setting newsclean.maxFileSizeKB).', doc.uri, limitKB),
      );
    }
    const diagnostics = diagnosticsOf(entry, a, docsUrl, options.maxDiagnostics);
    if (options.analyzedNotifications) void connection.sendNotification(ANALYZED, summaryOf(doc.uri, a));
    void connection.sendDiagnostics({ uri: doc.uri, version: a.version, diagnostics });
  };

  // Past the budget, what is in view is shown finding by finding: follow the scrolling.
  connection.onNotification(VISIBLE_RANGES, ({ uri, ranges }: VisibleRangesParams) => {
    const entry = documents.get(uri);
    if (!entry) return;
    entry.visible = visibleOffsets(entry.document, ranges);
    const a = entry.analysis;
    if (entry.groups && a && a.version === entry.document.version && !a.skipped) {
      void connection.sendDiagnostics({ uri, version: a.version, diagnostics: diagnosticsOf(entry, a, docsUrl, options.maxDiagnostics) });
    }
  });

  /** Checks the document now and publishes what the check found, unless a newer edit came meanwhile. */
  const check = async (entry: Entry): Promise<Analysis | undefined> => {
    try {
      const a = await documents.current(entry);
      if (a && !entry.closed && a.version === entry.document.version) publish(entry, a);
      return a;
    } catch (e) {
      connection.console.error(`checking ${entry.document.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return undefined;
    }
  };

  /** Queues a check as `newsclean.run` says, after `newsclean.debounceMs` when typing. */
  const schedule = (entry: Entry, trigger: 'open' | 'type' | 'save') => {
    clearTimeout(entry.timer);
    const ticket = (entry.ticket = (entry.ticket ?? 0) + 1);
    settings!.for(entry.document.uri).then(
      ({ settings: s }) => {
        if (entry.closed || entry.ticket !== ticket) return;
        const run = s.get('newsclean.run');
        if (run === 'manual' || (trigger === 'type' && run !== 'onType')) return;
        entry.timer = setTimeout(() => void check(entry), trigger === 'type' ? s.get('newsclean.debounceMs') : 0);
      },
      (e: unknown) => connection.console.error(`settings of ${entry.document.uri}: ${String(e)}`),
    );
  };

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    schedule(documents.open(t.uri, t.languageId, t.version, t.text), 'open');
  });
  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    const entry = documents.change(t.uri, t.version, contentChanges);
    if (entry) schedule(entry, 'type');
  });
  connection.onDidSaveTextDocument(({ textDocument: t }) => {
    const entry = documents.get(t.uri);
    if (entry) schedule(entry, 'save');
  });
  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    documents.close(t.uri);
    settings?.forget(t.uri);
    warnedTooLarge.delete(t.uri);
    void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
  });

  /** The outline of the document (nothing past the size limit). */
  const outlineOf = async (entry: Entry): Promise<OutlineEntry[]> => {
    const { settings: s } = await settings!.for(entry.document.uri);
    const text = entry.document.getText();
    const limit = s.get('newsclean.maxFileSizeKB') * 1024;
    if (utf8Length(text, limit) > limit) return [];
    const parsed = entry.state?.document;
    const doc = parsed && parsed.version === entry.document.version && parsed.text === text ? parsed : new NewsDocument(text, entry.document.uri, entry.document.version);
    return parseOutline(doc);
  };
  connection.onDocumentSymbol(async ({ textDocument: t }) => {
    const entry = documents.get(t.uri);
    return entry ? toSymbols(entry.document, await outlineOf(entry)) : null;
  });
  connection.onFoldingRanges(async ({ textDocument: t }) => {
    const entry = documents.get(t.uri);
    return entry ? toFoldingRanges(await outlineOf(entry)) : null;
  });

  connection.onCodeAction(async (params, token) => {
    const entry = documents.get(params.textDocument.uri);
    if (!entry) return null;
    const a = await documents.current(entry);
    if (!a || token.isCancellationRequested || a.version !== entry.document.version) return null;
    return codeActions(entry.document, a, params, {
      resolveEdits: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
      versioned: versioned(),
      groups: entry.groups?.version === a.version ? entry.groups.items : undefined,
      commands: options.commands,
    });
  });
  connection.onCodeActionResolve(async (action: CodeAction) => {
    const data = action.data as FixRuleData | undefined;
    const entry = data && documents.get(data.uri);
    if (!data || !entry || entry.document.version !== data.version) return action;
    const a = await documents.current(entry);
    if (!a || a.version !== data.version) return action;
    action.edit = toWorkspaceEdit(entry.document, ruleEdits(entry.document.getText(), a, data.ruleId), versioned());
    return action;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const [uri, range] = (args ?? []) as [string | undefined, { start: { line: number; character: number }; end: { line: number; character: number } } | undefined];
    const entry = uri ? documents.get(uri) : undefined;
    if (!entry) return null;
    if (command === COMMANDS.checkDocument) {
      const a = await check(entry);
      return a ? a.findings.length : null;
    }
    const doc: TextDocument = entry.document;
    const { settings: s } = await settings!.for(doc.uri);
    const offsets = range && { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    const edits: Edit[] | undefined = commandEdits(command, doc, s, offsets);
    if (!edits) return null;
    const edit = toWorkspaceEdit(doc, edits, versioned());
    if (edits.length && capabilities.workspace?.applyEdit) await connection.workspace.applyEdit({ label: command, edit });
    return edit;
  });

  connection.listen();
}
