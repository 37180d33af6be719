/**
 * The text format: `file:line:col severity rule message`, one finding a line,
 * which a problem matcher can read (see `contributes.problemMatchers`).
 */
import { inPieces, type CheckFormat, type FindingRow, type OutlineRow } from './rows';

export const text: CheckFormat = {
  file({ file, findings }) {
    let out = '';
    for (const row of findings) out += textLine(file, row);
    return out;
  },
  // The same lines in pieces: a file of many findings is never one string.
  fileChunks: (file, rows) => inPieces(rows, (row) => textLine(file, row)),
};

function textLine(file: string, row: FindingRow): string {
  return `${file}:${row.line}:${row.column} ${row.severity} ${row.rule} ${row.message}\n`;
}

/** One entry a line, `kind first-last name`, indented two spaces a level. */
export function outlineText(rows: readonly OutlineRow[], depth = 0): string {
  let out = '';
  for (const e of rows) out += `${'  '.repeat(depth)}${e.kind} ${e.line}-${e.endLine} ${e.name}\n` + outlineText(e.children, depth + 1);
  return out;
}
