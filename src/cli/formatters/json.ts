/** The JSON format: `[{ file, findings: FindingRow[] }]`, indented by two spaces. */
import { inPieces, type CheckFormat, type FindingRow, type Frame, type OutlineRow, type PartRow } from './rows';

export const json: CheckFormat = {
  // The file's entry in JSON.stringify(allFiles, null, 2): that of a one-element array, brackets cut off.
  file: (rows) => JSON.stringify([rows], null, 2).slice(2, -2),
  // The same text, each row written as JSON.stringify writes it at its depth, in pieces.
  *fileChunks(file, rows) {
    const head = `  {\n    "file": ${JSON.stringify(file)},\n    "findings": [`;
    let n = 0;
    yield* inPieces(rows, (row) => `${n++ === 0 ? `${head}\n` : ',\n'}      ${findingJson(row)}`);
    yield n === 0 ? `${head}]\n  }` : '\n    ]\n  }';
  },
  frame: () => JSON_FRAME,
};

/** The files' entries in an array, as JSON.stringify(allFiles, null, 2) writes it. */
const JSON_FRAME: Frame = { open: '[\n', between: ',\n', close: '\n]\n', empty: '[]\n' };

/** Rule ids and severities, as JSON strings: a few values, written thousands of times. */
const quotedNames = new Map<string, string>();

function quotedName(s: string): string {
  let q = quotedNames.get(s);
  if (q === undefined) quotedNames.set(s, (q = JSON.stringify(s)));
  return q;
}

/** Between the keys of a finding (at depth 4) and of a part (depth 6). */
const KEY = ',\n        ';
const PART_KEY = ',\n            ';

/**
 * A finding as JSON.stringify(…, null, 2) writes it at depth 3 (a file's
 * findings), without going through the generic serialiser and re-indenting
 * its text. A row with other values than findingRow gives (see isPlainRow)
 * is written generically.
 */
function findingJson(r: FindingRow): string {
  if (!isPlainRow(r)) return JSON.stringify(r, null, 2).replace(/\n/g, '\n      ');
  let s = `{\n        "rule": ${quotedName(r.rule)}${KEY}"severity": ${quotedName(r.severity)}${KEY}"message": ${JSON.stringify(r.message)}${KEY}"line": ${r.line}${KEY}"column": ${r.column}${KEY}"endLine": ${r.endLine}${KEY}"endColumn": ${r.endColumn}${KEY}"fixable": ${r.fixable}`;
  if (r.children !== undefined) {
    if (r.children.length === 0) s += `${KEY}"children": []`;
    else {
      s += `${KEY}"children": [`;
      for (let i = 0; i < r.children.length; i++) s += `${i === 0 ? '\n' : ',\n'}          ${partJson(r.children[i])}`;
      s += '\n        ]';
    }
  }
  return `${s}\n      }`;
}

function partJson(p: PartRow): string {
  return `{\n            "rule": ${quotedName(p.rule)}${PART_KEY}"message": ${JSON.stringify(p.message)}${PART_KEY}"line": ${p.line}${PART_KEY}"column": ${p.column}${PART_KEY}"endLine": ${p.endLine}${PART_KEY}"endColumn": ${p.endColumn}\n          }`;
}

/**
 * True when the row's values are of the types findingRow gives them (its
 * keys and their order are findingRow's): strings, whole numbers, a boolean.
 */
function isPlainRow(r: FindingRow): boolean {
  if (typeof r.rule !== 'string' || typeof r.severity !== 'string' || typeof r.message !== 'string' || typeof r.fixable !== 'boolean') return false;
  if (!wholeNumbers(r.line, r.column, r.endLine, r.endColumn)) return false;
  if (r.children === undefined) return true;
  if (!Array.isArray(r.children)) return false;
  for (const p of r.children) if (typeof p.rule !== 'string' || typeof p.message !== 'string' || !wholeNumbers(p.line, p.column, p.endLine, p.endColumn)) return false;
  return true;
}

function wholeNumbers(a: number, b: number, c: number, d: number): boolean {
  return Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c) && Number.isSafeInteger(d);
}

/** A record's findings under --jsonl: the array alone, on one line, spliced into the record's line. */
export const jsonl: CheckFormat = {
  file: (rows) => JSON.stringify(rows.findings),
};

export function outlineJson(rows: readonly OutlineRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
