/**
 * The text format: `file:line:col severity rule message`, one finding a line,
 * which a problem matcher can read (see `contributes.problemMatchers`).
 */
import type { CheckFormat, OutlineRow } from './rows';

export const text: CheckFormat = {
  file({ file, findings }) {
    let out = '';
    for (const row of findings) out += `${file}:${row.line}:${row.column} ${row.severity} ${row.rule} ${row.message}\n`;
    return out;
  },
  streams: true,
  whole: (parts) => parts.join(''),
};

/** One entry a line, `kind first-last name`, indented two spaces a level. */
export function outlineText(rows: readonly OutlineRow[], depth = 0): string {
  let out = '';
  for (const e of rows) out += `${'  '.repeat(depth)}${e.kind} ${e.line}-${e.endLine} ${e.name}\n` + outlineText(e.children, depth + 1);
  return out;
}
