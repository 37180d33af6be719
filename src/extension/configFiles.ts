import * as vscode from 'vscode';
import type { ConfigChange, ConfigIssue, ConfigResolver, FileCache, Resolution } from '../core';
import { CONFIG_NAMES, IGNORE_NAME } from '../core/configfile/names';
import { basename, joinPath } from '../core/configfile/paths';
import { SOURCE, toWorkspaceEdit } from './convert';
import { engine } from './engine';

/** Where problems of the config files are logged (the extension's output channel). */
type Log = Pick<vscode.LogOutputChannel, 'warn' | 'error'>;

const NAMES: ReadonlySet<string> = new Set<string>([...CONFIG_NAMES, IGNORE_NAME]);
const GLOB = `**/{${[...NAMES].join(',')}}`;

export function isConfigFileName(uri: vscode.Uri): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(basename(uri.path));
}

/**
 * The `.newsclean.jsonc` / `.newsclean.json` and `.newscleanignore` files of
 * the workspace, kept in memory (an open file as its editor holds it, so an
 * edit counts before it is saved) and resolved for each document by the
 * core's ConfigResolver, as the CLI does: walking up from the document to its
 * workspace folder. Problems in a config file are diagnostics on it.
 * `onDidChange` fires when a change may give documents other settings.
 */
export class ConfigFiles implements vscode.Disposable {
  /** The cache and its resolver, made on first use (they load the engine, see engine.ts). */
  private made: { cache: FileCache; resolver: ConfigResolver } | undefined;
  /** Set once the workspace was searched: a config or ignore file not found then (nor since) does not exist. */
  private scanned = false;
  private readonly loading = new Map<string, Promise<void>>();
  private readonly collection = vscode.languages.createDiagnosticCollection(`${SOURCE}-config`);
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    const reload = (uri: vscode.Uri) => {
      if (this.openDocument(uri)) return;
      this.cache.delete(uri.path);
      void this.load(uri, [uri.path]);
    };
    this.disposables.push(
      this.collection,
      this.emitter,
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete((uri) => {
        this.cache.set(uri.path, null);
        this.collection.delete(uri);
        this.changed();
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.fromDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.fromDocument(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (!NAMES.has(basename(doc.uri.path)) || doc.uri.scheme === 'git') return;
        this.cache.delete(doc.uri.path);
        void this.load(doc.uri, [doc.uri.path]);
      }),
      { dispose: () => clearTimeout(this.timer) },
    );
    for (const doc of vscode.workspace.textDocuments) this.fromDocument(doc);
    void this.scan();
  }

  private get cache(): FileCache {
    return this.make().cache;
  }

  get resolver(): ConfigResolver {
    return this.make().resolver;
  }

  private make(): { cache: FileCache; resolver: ConfigResolver } {
    if (!this.made) {
      const { FileCache, ConfigResolver } = engine();
      const cache = new FileCache((path) => (this.scanned && NAMES.has(basename(path)) && this.folderOfPath(path) ? null : undefined));
      this.made = { cache, resolver: new ConfigResolver(cache) };
    }
    return this.made;
  }

  private folderOfPath(path: string): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.workspaceFolders?.find((f) => path === f.uri.path || path.startsWith(`${f.uri.path.replace(/\/$/, '')}/`));
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  }

  private async scan(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(GLOB, '**/node_modules/**');
      await Promise.all(uris.filter((u) => !this.openDocument(u)).map((u) => this.load(u, [u.path])));
    } catch (e) {
      this.log.warn(`looking for config files failed: ${String(e)}`);
    }
    this.scanned = true;
    this.changed();
  }

  private fromDocument(doc: vscode.TextDocument): void {
    if (!NAMES.has(basename(doc.uri.path)) || doc.uri.scheme === 'git' || doc.uri.scheme === 'output') return;
    if (this.cache.read(doc.uri.path) === doc.getText()) return;
    this.cache.set(doc.uri.path, doc.getText());
    this.lint(doc.uri);
    this.changed();
  }

  /** Reads `paths` (on the file system of `base`) into the cache, then lints what they hold and fires onDidChange. */
  private load(base: vscode.Uri, paths: readonly string[]): Promise<void> {
    const todo = paths.map((path) => {
      let p = this.loading.get(path);
      if (!p) {
        const uri = base.with({ path });
        p = (async () => {
          let text: string | null = null;
          try {
            text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          } catch {
            text = null;
          }
          if (this.cache.read(path) !== text) {
            this.cache.set(path, text);
            if (text !== null && isConfigFileName(uri)) this.lint(uri);
            this.changed();
          }
        })().finally(() => this.loading.delete(path));
        this.loading.set(path, p);
      }
      return p;
    });
    return Promise.all(todo).then(() => undefined);
  }

  /** Publishes the problems of one config file as its diagnostics. */
  private lint(uri: vscode.Uri): void {
    if (!isConfigFileName(uri)) return;
    const { issues, missing } = this.resolver.lint(uri.path);
    if (missing.length) void this.load(uri, missing).then(() => this.lint(uri));
    const text = this.cache.read(uri.path);
    if (typeof text !== 'string') return;
    this.collection.set(uri, issues.map((i) => toDiagnostic(text, i)));
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emitter.fire(), 50);
  }

  /**
   * The config files' verdict for the document at `uri` now; a file not
   * read yet is read, and onDidChange fires when that changes anything.
   * Undefined for a document outside the workspace folders.
   */
  resolve(uri: vscode.Uri): Resolution | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || NAMES.has(basename(uri.path))) return undefined;
    const r = this.resolver.resolve(uri.path, { root: folder.uri.path });
    if (r.missing.length) void this.load(folder.uri, r.missing);
    return r;
  }

  /** As `resolve`, once every file it needs was read (for files that are not open, as Clean Workspace meets them). */
  async resolveLoaded(uri: vscode.Uri): Promise<Resolution | undefined> {
    for (let round = 0; round < 32; round++) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) return undefined;
      const r = this.resolver.resolve(uri.path, { root: folder.uri.path });
      if (!r.missing.length) return r;
      await this.load(folder.uri, r.missing);
    }
    return this.resolve(uri);
  }

  /**
   * Makes one change to a config file as one undoable edit, creating the
   * file when it does not exist, and saves it so the CLI sees it too.
   */
  async change(target: vscode.Uri, change: ConfigChange): Promise<boolean> {
    let doc: vscode.TextDocument | undefined;
    try {
      doc = await vscode.workspace.openTextDocument(target);
    } catch {
      doc = undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    if (doc) {
      const before = doc.getText();
      const after = engine().changeConfigText(before, change);
      if (after === before) return true;
      toWorkspaceEdit(doc, engine().minimalEdits(before, after), edit);
    } else {
      edit.createFile(target, { ignoreIfExists: true });
      edit.insert(target, new vscode.Position(0, 0), engine().changeConfigText(undefined, change));
    }
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    doc = await vscode.workspace.openTextDocument(target);
    this.cache.set(target.path, doc.getText());
    this.lint(target);
    clearTimeout(this.timer);
    this.emitter.fire();
    if (await doc.save()) return true;
    // A save that fails (the file changed on disk meanwhile): the change stays in the editor, unsaved.
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} was changed but could not be saved: save it to keep the change.', vscode.workspace.asRelativePath(target)));
    return false;
  }

  /** The config file at the root of the document's workspace folder (an existing one, or where one would be created). */
  rootConfig(uri: vscode.Uri): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    for (const name of CONFIG_NAMES) {
      const path = joinPath(folder.uri.path, name);
      if (typeof this.cache.read(path) === 'string') return folder.uri.with({ path });
    }
    return folder.uri.with({ path: joinPath(folder.uri.path, CONFIG_NAMES[0]) });
  }

  /** The nearest config file that governs the document, or the root one. */
  nearestConfig(uri: vscode.Uri): vscode.Uri | undefined {
    const nearest = this.resolve(uri)?.nearest;
    return nearest ? uri.with({ path: nearest, query: '', fragment: '' }) : this.rootConfig(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function toDiagnostic(text: string, issue: ConfigIssue): vscode.Diagnostic {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
  };
  const d = new vscode.Diagnostic(new vscode.Range(at(issue.start), at(Math.max(issue.start, issue.end))), issue.message, vscode.DiagnosticSeverity.Error);
  d.source = SOURCE;
  d.code = 'config';
  return d;
}

/** The extension's one instance (set by `activate`), for settingsFor and Clean Workspace. */
let current: ConfigFiles | undefined;

export function setConfigFiles(files: ConfigFiles | undefined): void {
  current = files;
}

export function configFiles(): ConfigFiles | undefined {
  return current;
}
