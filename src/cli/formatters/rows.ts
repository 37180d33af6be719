/**
 * The rows the CLI prints: one finding, one outline entry. Every output format
 * (text, JSON, SARIF, JSON Lines) is made from these, so they say once what a
 * finding looks like outside the engine: 1-based lines, 1-based UTF-16 columns.
 */
import type { Finding, NewsDocument, OutlineEntry, Severity } from '../../core';

/** About how many characters a piece of a file's part holds (CheckFormat.fileChunks). */
const PIECE = 1 << 16;

/** What `write` makes of each item (and its index), joined, in pieces of about PIECE characters: a file's part as CheckFormat.fileChunks gives it. */
export function* inPieces<T>(items: Iterable<T>, write: (item: T, n: number) => string): Generator<string> {
  let out = '';
  let n = 0;
  for (const item of items) {
    out += write(item, n++);
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** A finding as `--format json` gives it; the key order is part of the output. */
export interface FindingRow {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  /** The parts of a finding made of several (the breaks of one paragraph): where each is, under the same rule. */
  children?: PartRow[];
}

/** A part of a finding, as `--format json` gives it under the finding's `children`. */
export interface PartRow {
  rule: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One file's findings, as the JSON format lists them. */
export interface FileRows {
  file: string;
  findings: FindingRow[];
}

/**
 * A format of `check`: each file's part of the output is made where the file
 * is checked (in a worker thread when there are several), as a string, which
 * crosses threads far faster than a graph of many small objects.
 */
export interface CheckFormat {
  /** One file's part of the output. */
  file(rows: FileRows): string;
  /**
   * The same part as pieces (what `file` gives, cut), made as they are read
   * from rows made as they are read, so that a file of many findings is
   * never one huge string nor a huge array of rows.
   */
  fileChunks?(file: string, rows: Iterable<FindingRow>): Iterable<string>;
  /**
   * What is printed around the files' parts (see FramedOutput); without
   * one, the parts are printed one after the other. Made when first asked.
   */
  frame?(): Frame;
}

/** The text around the files' parts: a JSON document's brackets, say. */
export interface Frame {
  /** Before the first piece printed. */
  readonly open: string;
  /** Before the first piece of each later part that has one. */
  readonly between: string;
  /** After the last part, when a piece was printed. */
  readonly close: string;
  /** Alone, when no part had a piece. */
  readonly empty: string;
}

/**
 * The output of check: each file's part is printed as soon as it is its
 * turn (in input order), in its pieces, framed, so that neither a large
 * file nor a folder of many is held whole until the end. When a file
 * cannot be read, the output stops there, unclosed: a JSON document cut
 * short fails to parse rather than pass for a whole report.
 */
export class FramedOutput {
  private printed = false;

  constructor(
    private readonly frame: Frame | undefined,
    private readonly write: (piece: string) => void,
  ) {}

  part(pieces: Iterable<string>): void {
    let first = true;
    for (const piece of pieces) {
      if (!piece) continue;
      if (this.frame && first) this.write(this.printed ? this.frame.between : this.frame.open);
      this.write(piece);
      first = false;
      this.printed = true;
    }
  }

  end(): void {
    if (this.frame) this.write(this.printed ? this.frame.close : this.frame.empty);
  }
}

/** The whole output of `format` from the files' parts, as one string. */
export function framed(format: CheckFormat, parts: Iterable<Iterable<string>>): string {
  let out = '';
  const output = new FramedOutput(format.frame?.(), (piece) => (out += piece));
  for (const part of parts) output.part(part);
  output.end();
  return out;
}

/** An outline entry as `outline --format json` gives it. */
export interface OutlineRow {
  name: string;
  kind: string;
  line: number;
  endLine: number;
  children: OutlineRow[];
}

/** 1-based line and column of an offset, as `doc.positionAt` gives them. */
type LineCol = (offset: number) => { line: number; column: number };

/**
 * Lines and columns of offsets that mostly come in order (a document's
 * findings): from the line of the offset before, a few lines on; a search
 * otherwise. The same answers as `doc.positionAt`.
 */
function lineCols(doc: NewsDocument): LineCol {
  const lines = doc.lines;
  const length = doc.text.length;
  let k = 0;
  return (offset) => {
    const o = Math.max(0, Math.min(offset, length));
    let steps = 0;
    if (lines[k].start <= o) while (k + 1 < lines.length && lines[k + 1].start <= o && steps++ < 8) k++;
    if (lines[k].start > o || (k + 1 < lines.length && lines[k + 1].start <= o)) {
      k = doc.lineAt(o).index;
    }
    const line = lines[k];
    return { line: line.index + 1, column: Math.min(Math.max(0, offset), line.end + line.eol.length) - line.start + 1 };
  };
}

/** The rows of a document's findings, one at a time (see lineCols). */
export function findingRows(doc: NewsDocument): (f: Finding) => FindingRow {
  const lineCol = lineCols(doc);
  return (f) => findingRow(lineCol, f);
}

function findingRow(lineCol: LineCol, f: Finding): FindingRow {
  const s = lineCol(f.range.start);
  const e = lineCol(f.range.end);
  return {
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    fixable: f.fix !== undefined,
    ...(f.data?.parts && f.related && { children: f.related.map((r) => ({ rule: f.ruleId, message: r.message, ...span(lineCol, r.range) })) }),
  };
}

function span(lineCol: LineCol, r: { start: number; end: number }): { line: number; column: number; endLine: number; endColumn: number } {
  const s = lineCol(r.start);
  const e = lineCol(r.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

export function outlineRow(e: OutlineEntry): OutlineRow {
  return { name: e.name, kind: e.kind, line: e.line + 1, endLine: e.endLine + 1, children: e.children.map(outlineRow) };
}
