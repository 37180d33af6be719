/**
 * The open documents of the language server and their analyses. Each
 * document keeps the core's incremental state; the client's incremental
 * changes are applied one by one and recorded with their offsets, so the
 * next analysis takes them as its change hint (as the extension passes VS
 * Code's content changes). An analysis runs one rule at a time
 * (`analyzeIncrementalSteps`), giving the message loop a turn every few
 * milliseconds, and is dropped as soon as a newer edit makes it useless.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyzeIncrementalSteps, readsAsJapaneseOrKorean, utf8Length, type Finding, type IncrementalState, type Settings, type TextChange } from '../core';
import type { ShownItem } from './budget';
import type { DocumentSettings } from './settings';

export interface Analysis {
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly settings: Settings;
  /** Set when the document was not analysed (too large, ignored); findings are then empty. */
  readonly skipped?: 'tooLarge' | 'ignored';
  /** Set when the document reads as Japanese or Korean as a whole: no rule ran on it (findings are empty). */
  readonly japaneseKorean?: true;
}

export interface Entry {
  document: TextDocument;
  /** The changes since the last analysis, in order (undefined: too many, the texts are compared). */
  pending: TextChange[] | undefined;
  state?: IncrementalState;
  analysis?: Analysis;
  /** The analysis under way, and the version it is for. */
  job?: { version: number; promise: Promise<Analysis | undefined> };
  timer?: ReturnType<typeof setTimeout>;
  /** Counts the checks queued, so that only the last one queued starts (see the server's schedule). */
  ticket?: number;
  closed?: boolean;
  /** The offsets shown in the client's editors (with a margin), when it says (for the diagnostics budget). */
  visible?: { start: number; end: number }[];
  /** Past the diagnostics budget: the items as last published (for "fix this group"). */
  groups?: { version: number; items: ShownItem[] };
}

/** Past this many recorded changes, the next analysis compares the texts instead. */
const MAX_PENDING = 1000;
/** The longest stretch an analysis runs without letting other messages in (ms). */
const SLICE_MS = 10;

const turn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export class Documents {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly settingsOf: (uri: string) => Promise<DocumentSettings>,
    private readonly onRuleError: (uri: string, rule: string, error: unknown) => void,
  ) {}

  get(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  all(): IterableIterator<[string, Entry]> {
    return this.entries.entries();
  }

  open(uri: string, languageId: string, version: number, text: string): Entry {
    this.close(uri);
    const entry: Entry = { document: TextDocument.create(uri, languageId, version, text), pending: [] };
    this.entries.set(uri, entry);
    return entry;
  }

  /** Applies the client's changes in order, recording each as the core's change hint. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): Entry | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    let doc = entry.document;
    for (const c of changes) {
      if ('range' in c) {
        const rangeOffset = doc.offsetAt(c.range.start);
        const rangeLength = doc.offsetAt(c.range.end) - rangeOffset;
        entry.pending?.push({ rangeOffset, rangeLength, text: c.text });
      } else {
        entry.pending = undefined; // the whole text: nothing says where it changed
      }
      doc = TextDocument.update(doc, [c], version);
    }
    if (entry.pending && entry.pending.length > MAX_PENDING) entry.pending = undefined;
    entry.document = doc;
    return entry;
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.closed = true;
    clearTimeout(entry.timer);
    this.entries.delete(uri);
  }

  /** Forgets every analysis (the settings changed); the incremental states stay, the core checks they still fit. */
  invalidate(): void {
    for (const entry of this.entries.values()) entry.analysis = undefined;
  }

  /**
   * The analysis of the document's current version, started now when none
   * is under way; undefined when the document closed. A request waits for
   * it; a newer edit drops it and this waits for the next one.
   */
  async current(entry: Entry): Promise<Analysis | undefined> {
    for (;;) {
      if (entry.closed) return undefined;
      const a = await this.start(entry);
      if (a && a.version === entry.document.version) return a;
    }
  }

  /** The analysis of the current version: the one kept, the one under way, or a new one (after the one before it ends). */
  start(entry: Entry): Promise<Analysis | undefined> {
    const version = entry.document.version;
    if (entry.analysis?.version === version) return Promise.resolve(entry.analysis);
    if (entry.job?.version === version) return entry.job.promise;
    const before = entry.job?.promise;
    const promise = (async () => {
      if (before) await before.catch(() => undefined);
      return this.run(entry, version);
    })();
    entry.job = { version, promise };
    void promise.finally(() => {
      if (entry.job?.promise === promise) entry.job = undefined;
    });
    return promise;
  }

  private async run(entry: Entry, version: number): Promise<Analysis | undefined> {
    const stale = () => entry.closed || entry.document.version !== version;
    if (stale()) return undefined;
    const { settings, ignored } = await this.settingsOf(entry.document.uri);
    if (stale()) return undefined;
    const text = entry.document.getText();
    const limit = settings.get('newsclean.maxFileSizeKB') * 1024;
    if (ignored || utf8Length(text, limit) > limit) {
      entry.state = undefined;
      entry.pending = [];
      entry.analysis = { version, findings: [], settings, skipped: ignored ? 'ignored' : 'tooLarge' };
      return entry.analysis;
    }
    const changes = entry.pending;
    entry.pending = [];
    const uri = entry.document.uri;
    const steps = analyzeIncrementalSteps(entry.state, text, {
      uri,
      version,
      changes,
      settings,
      onRuleError: (rule, error) => this.onRuleError(uri, rule, error),
    });
    let since = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        const { state, findings } = step.value;
        entry.state = state;
        // The verdict the rules' analysis found (kept with its document), asked only when there is no finding.
        const japaneseKorean = findings.length === 0 && readsAsJapaneseOrKorean(state.document);
        entry.analysis = { version, findings, settings, ...(japaneseKorean && { japaneseKorean }) };
        return entry.analysis;
      }
      if (Date.now() - since < SLICE_MS) continue;
      await turn();
      since = Date.now();
      if (stale()) {
        // Dropped: the changes made since this analysis began follow those it took.
        entry.pending = changes && entry.pending ? [...changes, ...entry.pending] : undefined;
        return undefined;
      }
    }
  }
}
