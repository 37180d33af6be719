/** The JSON format: `[{ file, findings: FindingRow[] }]`, indented by two spaces. */
import type { CheckFormat, OutlineRow } from './rows';

export const json: CheckFormat = {
  // The file's entry in JSON.stringify(allFiles, null, 2): that of a one-element array, brackets cut off.
  file: (rows) => JSON.stringify([rows], null, 2).slice(2, -2),
  streams: false,
  whole: (parts) => (parts.length ? `[\n${parts.join(',\n')}\n]\n` : '[]\n'),
};

export function outlineJson(rows: readonly OutlineRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
