/**
 * One file's work for `check` and `fix`, as plain data in and out, so that it
 * runs the same in the CLI's own thread and in a worker thread.
 */
import { NewsDocument, analyze, fixAll, resolveSettings, type Finding, type Settings } from '../core';

/** What every file of a run shares; plain data, so it can be posted to a worker. */
export interface BatchSpec {
  command: 'check' | 'fix';
  /** The output format of check: each file's part of the text and JSON formats is written where the file is checked. */
  format?: 'text' | 'json' | 'sarif';
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
  bytes: Uint8Array;
  /** The file's own setting values, when config files govern it (validated); the batch's settings otherwise. */
  values?: Record<string, unknown>;
}

export interface CheckResult {
  kind: 'check';
  /** How many findings are reported. */
  count: number;
  /** The file's part of the output, in the text and JSON formats. */
  out?: string;
  /** The findings as the JSON format gives them, for SARIF. */
  findings?: Record<string, unknown>[];
}

export interface FixResult {
  kind: 'fix';
  /** The text to print or write; undefined when the file is left alone (unchanged, or not valid UTF-8 under --write). */
  out?: string;
  notUtf8?: true;
  /** Findings left after the fixes. */
  remaining: number;
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

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(path: string, bytes: Uint8Array): Loaded {
  // Valid UTF-8 decodes the same either way: the lenient decoder only runs on the rest.
  let exact = true;
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    exact = false;
    text = decoder.decode(bytes);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { path, text, bom, exact };
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

export function runFile(spec: BatchSpec, batchSettings: Settings, task: FileTask): FileResult {
  const settings = task.values ? settingsOf(task.values) : batchSettings;
  const file = decode(task.path, task.bytes);
  if (spec.command === 'check') {
    const doc = new NewsDocument(file.text, task.path);
    const findings = analyze(doc, { settings, rules: spec.rules }).filter((f) => !spec.quiet || f.severity === 'error');
    return checkResult(spec.format, task.path, findings.map((f) => toJson(doc, f)));
  }
  if (!file.exact && spec.mode === 'write') return { kind: 'fix', notUtf8: true, remaining: 1 };
  const result = fixAll(file.text, { settings, rules: spec.rules });
  const remaining = analyze(new NewsDocument(result.text), { settings, rules: spec.rules }).length;
  const changed = spec.mode === 'stdout' || result.text !== file.text;
  return { kind: 'fix', out: changed ? (file.bom ? '\ufeff' : '') + result.text : undefined, remaining };
}

function checkResult(format: BatchSpec['format'], path: string, rows: Record<string, unknown>[]): CheckResult {
  if (format === 'sarif') return { kind: 'check', count: rows.length, findings: rows };
  if (format === 'json') {
    // The file's entry in JSON.stringify(allFiles, null, 2): that of a one-element array, brackets cut off.
    return { kind: 'check', count: rows.length, out: JSON.stringify([{ file: path, findings: rows }], null, 2).slice(2, -2) };
  }
  let out = '';
  for (const row of rows) out += `${path}:${row.line}:${row.column} ${row.severity} ${row.rule} ${row.message}\n`;
  return { kind: 'check', count: rows.length, out };
}

function lineCol(doc: NewsDocument, offset: number): { line: number; column: number } {
  const p = doc.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

function toJson(doc: NewsDocument, f: Finding): Record<string, unknown> {
  const s = lineCol(doc, f.range.start);
  const e = lineCol(doc, f.range.end);
  return {
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    fixable: f.fix !== undefined,
  };
}
