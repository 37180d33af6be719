/** The JSON format: `[{ file, findings: FindingRow[] }]`, indented by two spaces. */
import type { CheckFormat, OutlineRow } from './rows';

export const json: CheckFormat = {
  // The file's entry in JSON.stringify(allFiles, null, 2): that of a one-element array, brackets cut off.
  file: (rows) => JSON.stringify([rows], null, 2).slice(2, -2),
  streams: false,
  whole: (parts) => (parts.length ? `[\n${parts.join(',\n')}\n]\n` : '[]\n'),
};

/** A record's findings under --jsonl: the array alone, on one line, spliced into the record's line. */
export const jsonl: CheckFormat = {
  file: (rows) => JSON.stringify(rows.findings),
  streams: true,
  whole: (parts) => parts.join(''),
};

export function outlineJson(rows: readonly OutlineRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
