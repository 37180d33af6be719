/**
 * The rows the CLI prints: one finding, one outline entry. Every output format
 * (text, JSON, SARIF, JSON Lines) is made from these, so they say once what a
 * finding looks like outside the engine: 1-based lines, 1-based UTF-16 columns.
 */
import type { Finding, NewsDocument, OutlineEntry, Severity } from '../../core';

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
  /** The same part as pieces (what `file` gives, cut), made as they are read, so that a file of many findings is never one huge string. */
  fileChunks?(rows: FileRows): Iterable<string>;
  /** True when each part is printed as soon as its file is done; otherwise `whole` puts the parts together at the end. */
  streams: boolean;
  /** The whole output from the parts of every file, in input order. */
  whole(parts: readonly string[]): string;
  /**
   * The same output as `whole`, from each file's part in pieces, as pieces
   * to write one after the other, so that a large output is never copied
   * into one more string.
   */
  pieces?(parts: readonly Iterable<string>[]): Iterable<string>;
}

/** An outline entry as `outline --format json` gives it. */
export interface OutlineRow {
  name: string;
  kind: string;
  line: number;
  endLine: number;
  children: OutlineRow[];
}

function lineCol(doc: NewsDocument, offset: number): { line: number; column: number } {
  const p = doc.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

export function findingRow(doc: NewsDocument, f: Finding): FindingRow {
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
    ...(f.data?.parts && f.related && { children: f.related.map((r) => ({ rule: f.ruleId, message: r.message, ...span(doc, r.range) })) }),
  };
}

function span(doc: NewsDocument, r: { start: number; end: number }): { line: number; column: number; endLine: number; endColumn: number } {
  const s = lineCol(doc, r.start);
  const e = lineCol(doc, r.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

export function outlineRow(e: OutlineEntry): OutlineRow {
  return { name: e.name, kind: e.kind, line: e.line + 1, endLine: e.endLine + 1, children: e.children.map(outlineRow) };
}
