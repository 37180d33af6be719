/**
 * One file's work for `check` and `fix`, as plain data in and out, so that it
 * runs the same in the CLI's own thread and in a worker thread.
 */
import { FindingTable, NewsDocument, analyzeReports, decodeTranscript, fixAll, readsAsJapaneseOrKorean, resolveSettings, selectedRules, withBom, type Finding, type Settings } from '../core';
import { CHECK_FORMATS, findingRows, type FindingRow, type Format } from './formatters';

/** What every file of a run shares; plain data, so it can be posted to a worker. */
export interface BatchSpec {
  command: 'check' | 'fix';
  /** The output format of check: each file's part of the output is made where the file is checked. */
  format?: Format | 'jsonl';
  mode?: 'stdout' | 'write';
  rules?: string[];
  quiet: boolean;
  /** The language of the messages (en, zh-cn, zh-tw). */
  locale: string;
  /** The user's setting values (already validated); resolved again in a worker. */
  values: Record<string, unknown>;
}

export interface FileTask {
  path: string;
  /** The file's bytes, decoded as UTF-8 (a BOM kept aside). */
  bytes?: Uint8Array;
  /** Or the text itself, taken as it is (a JSON Lines record's field). */
  text?: string;
  /** The file's own setting values, when config files govern it (validated); the batch's settings otherwise. */
  values?: Record<string, unknown>;
}

export interface CheckResult {
  kind: 'check';
  /** How many findings are reported. */
  count: number;
  /** The file's part of the output (see CheckFormat); empty when it comes in `chunks`. */
  out: string;
  /** The file's part in pieces, made as they are read, for formats that make it so (CheckFormat.fileChunks); an array once it crosses threads. */
  chunks?: Iterable<string>;
  /** Set when the file reads as Japanese or Korean as a whole: no rule checked it (said on stderr; not under --quiet). */
  japaneseKorean?: true;
}

export interface FixResult {
  kind: 'fix';
  /** The text to print or write; undefined when the file is left alone (unchanged, or not valid UTF-8 under --write). */
  out?: string;
  notUtf8?: true;
  /** Findings left after the fixes. */
  remaining: number;
  /** Set when the file reads as Japanese or Korean as a whole: nothing was fixed (said on stderr; not under --quiet). */
  japaneseKorean?: true;
}

export type FileResult = CheckResult | FixResult;

/** Runs the files of a batch, one task at a time or several at once; results may settle in any order. */
export interface BatchRunner {
  run(task: FileTask): Promise<FileResult>;
  close(): Promise<void>;
}

/** Starts a runner of `jobs` worker threads for a batch (given by the Node CLI; tests run in-process). */
export type StartPool = (spec: BatchSpec, jobs: number) => BatchRunner;

export interface Loaded {
  path: string;
  text: string;
  bom: boolean;
  /** False when the bytes are not valid UTF-8: such a file is never rewritten. */
  exact: boolean;
}

export function decode(path: string, bytes: Uint8Array): Loaded {
  return { path, ...decodeTranscript(bytes) };
}

export function settingsOf(values: Record<string, unknown>): Settings {
  const errors: string[] = [];
  const settings = resolveSettings(values, (m) => errors.push(m));
  if (errors.length) throw new Error(errors[0]);
  return settings;
}

/** A runner in the calling thread: each task runs to completion when it is handed over. */
export function inProcess(spec: BatchSpec, settings: Settings): BatchRunner {
  return {
    run: async (task) => runFile(spec, settings, task),
    close: async () => undefined,
  };
}

/** The findings' rows, each made when it is read. */
function* rowsOf(findings: Iterable<Finding>, row: (f: Finding) => FindingRow): Generator<FindingRow> {
  for (const f of findings) yield row(f);
}

export function runFile(spec: BatchSpec, batchSettings: Settings, task: FileTask): FileResult {
  const settings = task.values ? settingsOf(task.values) : batchSettings;
  const file = task.text !== undefined ? { text: task.text, bom: false, exact: true } : decode(task.path, task.bytes ?? new Uint8Array());
  // A file (not a JSON Lines record) that gets no finding because it reads as Japanese or Korean is told so; the verdict is the analysis' own.
  const told = !spec.quiet && spec.format !== 'jsonl';
  if (spec.command === 'check') {
    const doc = new NewsDocument(file.text, task.path);
    const options = { settings, rules: spec.rules };
    // Kept as columns: a large file's findings are made one at a time as its output is written.
    const table = new FindingTable(selectedRules(options).map((r) => r.meta.id));
    let all = 0;
    analyzeReports(doc, options, (rule, severity, report) => {
      all++;
      if (!spec.quiet || severity === 'error') table.add(rule, severity, report);
    });
    const note = told && all === 0 && readsAsJapaneseOrKorean(doc) ? ({ japaneseKorean: true } as const) : undefined;
    const format = CHECK_FORMATS[spec.format ?? 'text'];
    const rows = rowsOf(table.findings(), findingRows(doc));
    if (format.fileChunks) return { kind: 'check', count: table.length, out: '', chunks: format.fileChunks(task.path, rows), ...note };
    return { kind: 'check', count: table.length, out: format.file({ file: task.path, findings: [...rows] }), ...note };
  }
  if (!file.exact && spec.mode === 'write') return { kind: 'fix', notUtf8: true, remaining: 1 };
  const result = fixAll(file.text, { settings, rules: spec.rules });
  const changed = spec.mode === 'stdout' || result.text !== file.text;
  const note = told && result.applied.length === 0 && result.remaining.length === 0 && readsAsJapaneseOrKorean({ text: result.text }) ? ({ japaneseKorean: true } as const) : undefined;
  return { kind: 'fix', out: changed ? withBom(result.text, file.bom) : undefined, remaining: result.remaining.length, ...note };
}
