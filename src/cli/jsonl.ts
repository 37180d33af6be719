/**
 * `newsclean check|fix --jsonl`: JSON Lines in, one line out per record, in
 * input order, so the CLI can be the map step of a distributed engine (Dask,
 * Spark, Hadoop streaming, GNU parallel). Records stream through: each line
 * is read, handed to the batch runner (worker threads with --jobs > 1) and
 * written once every record before it is written; at most `ahead` records
 * are in flight, so memory stays that of a few records whatever the stream's length.
 *
 * The output line is the input line with one change spliced in, every other
 * byte kept (JSON.parse and JSON.stringify would round large integer ids and
 * reorder nothing, but still rewrite numbers such as 1.0 and escapes):
 * - fix: the text field's value replaced by the fixed text;
 * - check: `"findings": [...]` (the rows of `--format json`) added at the end
 *   of the record, or with --id-field, `{"<id-field>": id, "findings": [...]}` alone;
 * - a bad record (not JSON, not an object, no such field, not a string):
 *   `{"error": message, "line": n}` (with the file and the id when known).
 */
import * as l10n from '@vscode/l10n';
import type { Options } from './args';
import type { BatchRunner, CheckResult, FixResult } from './batch';

export interface JsonlIo {
  /** The lines of a file, or of standard input for `-`, without their line breaks. */
  readLines(path: string): AsyncIterable<string>;
  stdout(text: string): void;
}

/** Where a top-level member's value is in the record's line: [start, end). */
interface Span {
  start: number;
  end: number;
}

/** A record's line, checked: the text to clean and where to splice the result. */
export interface JsonlRecord {
  line: string;
  text: string;
  /** The span of the text field's value (the last one, as JSON.parse keeps the last). */
  field: Span;
  /** The id field's value as written in the line, when there is one. */
  id?: string;
  /** The index of the record's closing brace. */
  close: number;
  /** Whether the object has any member. */
  empty: boolean;
}

export class BadRecord extends Error {
  constructor(
    message: string,
    readonly id?: string,
  ) {
    super(message);
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The index just past the string that starts with the quote at `i`. */
function endOfString(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && s.charCodeAt(j) !== 0x22) j += s.charCodeAt(j) === 0x5c ? 2 : 1;
  return j + 1;
}

/** The index just past the JSON value that starts at `i` (the line is valid JSON). */
function endOfValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22) return endOfString(s, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    let j = i;
    while (j < s.length) {
      const d = s.charCodeAt(j);
      if (d === 0x22) {
        j = endOfString(s, j);
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
      j++;
    }
    return j;
  }
  let j = i;
  while (j < s.length && !isSpace(s.charCodeAt(j)) && s[j] !== ',' && s[j] !== '}' && s[j] !== ']') j++;
  return j;
}

/** The top-level members of the object that is the whole (valid) line: name and value span, in order. */
function members(line: string): { names: string[]; spans: Span[]; close: number } {
  const names: string[] = [];
  const spans: Span[] = [];
  const skip = (i: number) => {
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    return i;
  };
  let i = skip(line.indexOf('{') + 1);
  while (line[i] === '"') {
    const keyEnd = endOfString(line, i);
    names.push(JSON.parse(line.slice(i, keyEnd)) as string);
    i = skip(skip(keyEnd) + 1); // past the colon
    const end = endOfValue(line, i);
    spans.push({ start: i, end });
    i = skip(end);
    if (line[i] === ',') i = skip(i + 1);
  }
  return { names, spans, close: i };
}

/** Reads one line as a record; throws BadRecord when it is not one. */
export function readRecord(line: string, field: string, idField: string | undefined): JsonlRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new BadRecord(l10n.t('not JSON ({0})', (e as Error).message));
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BadRecord(l10n.t('not a JSON object'));
  const { names, spans, close } = members(line);
  const at = names.lastIndexOf(field);
  const idAt = idField === undefined ? -1 : names.lastIndexOf(idField);
  const id = idAt < 0 ? undefined : line.slice(spans[idAt].start, spans[idAt].end);
  const text = (value as { [k: string]: unknown })[field];
  if (at < 0) throw new BadRecord(l10n.t('no field “{0}”', field), id);
  if (typeof text !== 'string') throw new BadRecord(l10n.t('the field “{0}” is not a string', field), id);
  return { line, text, field: spans[at], id, close, empty: names.length === 0 };
}

/** The output line of a record that `fix` cleaned to `fixed`. */
export function fixedLine(r: JsonlRecord, fixed: string): string {
  return r.line.slice(0, r.field.start) + JSON.stringify(fixed) + r.line.slice(r.field.end);
}

/** The output line of a record `check` found `findings` in (a JSON array). */
export function checkedLine(r: JsonlRecord, findings: string, idField: string | undefined): string {
  if (idField !== undefined) return `{${JSON.stringify(idField)}:${r.id ?? 'null'},"findings":${findings}}`;
  return `${r.line.slice(0, r.close)}${r.empty ? '' : ','}"findings":${findings}${r.line.slice(r.close)}`;
}

/** The error line of a record that could not be read or cleaned. */
export function errorLine(message: string, where: { file?: string; line: number }, idField?: string, id?: string): string {
  const idPart = idField !== undefined && id !== undefined ? `,${JSON.stringify(idField)}:${id}` : '';
  const filePart = where.file === undefined ? '' : `,"file":${JSON.stringify(where.file)}`;
  return `{"error":${JSON.stringify(message)}${filePart},"line":${where.line}${idPart}}`;
}

type Outcome = { out: string; count: number } | { error: string };

/**
 * Runs every record of every input through `runner`, writing one line per
 * record in input order. Exit code: 2 when a record was bad or an input could
 * not be read, else 1 when findings were reported (check) or remain (fix), else 0.
 */
export async function runJsonl(o: Options, runner: BatchRunner, ahead: number, io: JsonlIo): Promise<number> {
  let bad = 0;
  let found = 0;
  const pending: Promise<Outcome>[] = [];
  const emit = async () => {
    const r = await pending.shift()!;
    if ('error' in r) {
      bad++;
      io.stdout(`${r.error}\n`);
    } else {
      found += r.count;
      io.stdout(`${r.out}\n`);
    }
  };
  const start = (line: string, where: { file?: string; line: number }): Promise<Outcome> => {
    let record: JsonlRecord;
    try {
      record = readRecord(line, o.field, o.idField);
    } catch (e) {
      const id = e instanceof BadRecord ? e.id : undefined;
      return Promise.resolve({ error: errorLine((e as Error).message, where, o.idField, id) });
    }
    return runner.run({ path: where.file ?? '-', text: record.text }).then(
      (result): Outcome =>
        result.kind === 'check'
          ? { out: checkedLine(record, (result as CheckResult).out, o.idField), count: result.count }
          : { out: fixedLine(record, (result as FixResult).out ?? record.text), count: result.remaining },
      (e: unknown): Outcome => ({ error: errorLine(e instanceof Error ? e.message : String(e), where, o.idField, record.id) }),
    );
  };
  try {
    for (const path of o.files) {
      const file = path === '-' ? undefined : path;
      let n = 0;
      for await (let line of io.readLines(path)) {
        if (++n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
        if (!line.trim()) continue; // a blank line is no record
        pending.push(start(line, { file, line: n }));
        if (pending.length >= ahead) await emit();
      }
    }
    while (pending.length) await emit();
  } catch (e) {
    // An input that cannot be read: what came before it is written, then the run stops (exit code 2).
    while (pending.length) await emit();
    throw e;
  } finally {
    await runner.close();
  }
  return bad > 0 ? 2 : found > 0 ? 1 : 0;
}
