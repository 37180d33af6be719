import * as vscode from 'vscode';
import { analyzeIncremental, type Finding, type IncrementalState } from '../core';
import { settingsFor } from './settings';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly findings: readonly Finding[];
  /** Set when the document was not analysed, with the reason shown to the user. */
  readonly skipped?: string;
}

/** UTF-8 size of `text`, counted only as far as `limit` (files are sized in bytes). */
export function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length * 3;
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a surrogate pair is 4 bytes
  }
  return n;
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
        settings,
        onRuleError: (rule, error) => this.log.error(`rule ${rule} failed on ${key}: ${String(error)}`),
      });
      this.states.set(key, state);
      result = { uri: key, version: document.version, findings };
    }
    this.cache.set(key, result);
    return result;
  }

  /** The cached analysis when it matches the document's current version. */
  current(document: vscode.TextDocument): Analysis | undefined {
    const cached = this.cache.get(document.uri.toString());
    return cached && cached.version === document.version ? cached : undefined;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.states.delete(uri.toString());
  }

  clear(): void {
    this.cache.clear();
    this.states.clear();
  }

  dispose(): void {
    this.clear();
  }
}
