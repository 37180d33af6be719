import * as vscode from 'vscode';
import { analyzeIncremental, utf8Length, type Finding, type IncrementalState, type TextChange } from '../core';
import { settingsFor } from './settings';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly findings: readonly Finding[];
  /** Set when the document was not analysed, with the reason shown to the user. */
  readonly skipped?: string;
}

/** Where the extension reports problems: its output channel (see extension.ts). */
export type Log = Pick<vscode.LogOutputChannel, 'warn' | 'error'>;

/**
 * Runs the core on a VS Code document and caches the result per URI and
 * version, so diagnostics, code actions and commands share one analysis.
 * Each open document keeps the core's incremental state, so the analysis
 * after an edit reuses what the one before found; it is dropped when the
 * document closes (`forget`) or the settings change (`clear`).
 */
export class Analyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Analysis>();
  private readonly states = new Map<string, IncrementalState>();
  /** The editor's changes since each document's last analysis (undefined: too many to keep, compare the texts). */
  private readonly pending = new Map<string, TextChange[] | undefined>();
  private readonly log: Log;

  constructor(log: Log) {
    this.log = log;
  }

  analyze(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const settings = settingsFor(document, (m) => this.log.warn(m));
    const limitKB = settings.get('newsclean.maxFileSizeKB');
    const text = document.getText();
    let result: Analysis;
    if (utf8Length(text, limitKB * 1024) > limitKB * 1024) {
      this.states.delete(key);
      this.pending.delete(key);
      result = {
        uri: key,
        version: document.version,
        findings: [],
        skipped: vscode.l10n.t(
          'News Transcript Cleaner did not analyse {0}: it is larger than {1} KB (setting newsclean.maxFileSizeKB).',
          vscode.workspace.asRelativePath(document.uri),
          limitKB,
        ),
      };
    } else {
      const { findings, state } = analyzeIncremental(this.states.get(key), text, {
        uri: key,
        version: document.version,
        changes: this.pending.get(key),
        settings,
        onRuleError: (rule, error) => this.log.error(`rule ${rule} failed on ${key}: ${String(error)}`),
      });
      this.states.set(key, state);
      this.pending.set(key, []);
      result = { uri: key, version: document.version, findings };
    }
    this.cache.set(key, result);
    return result;
  }

  /**
   * Records an edit of an analysed document: the next analysis takes the
   * changes as a hint of where the text changed (two distant edits stay two
   * places, not one span over the middle), instead of comparing the texts.
   */
  noteChanges(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const list = this.pending.get(key);
    if (!list || e.contentChanges.length === 0) return;
    // The changes of one event are apart and relative to the text before it: applied from the last, each
    // leaves the offsets of the ones before it as they were (the order the core applies them in).
    const changes = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (const c of changes) list.push({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text });
    if (list.length > 1000) this.pending.set(key, undefined);
  }

  /** The cached analysis when it matches the document's current version. */
  current(document: vscode.TextDocument): Analysis | undefined {
    const cached = this.cache.get(document.uri.toString());
    return cached && cached.version === document.version ? cached : undefined;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.states.delete(uri.toString());
    this.pending.delete(uri.toString());
  }

  clear(): void {
    this.cache.clear();
    this.states.clear();
    this.pending.clear();
  }

  dispose(): void {
    this.clear();
  }
}
