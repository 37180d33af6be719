/** The JSON format: `[{ file, findings: FindingRow[] }]`, indented by two spaces. */
import type { CheckFormat, OutlineRow } from './rows';

/** Findings stringified together: small enough pieces, few enough calls. */
const CHUNK = 2048;

export const json: CheckFormat = {
  // The file's entry in JSON.stringify(allFiles, null, 2): that of a one-element array, brackets cut off.
  file: (rows) => JSON.stringify([rows], null, 2).slice(2, -2),
  // The same text, findings stringified a chunk at a time and indented to their depth (three levels).
  *fileChunks({ file, findings }) {
    if (findings.length === 0) {
      yield json.file({ file, findings });
      return;
    }
    yield `  {\n    "file": ${JSON.stringify(file)},\n    "findings": [\n`;
    for (let i = 0; i < findings.length; i += CHUNK) {
      const items = JSON.stringify(findings.slice(i, i + CHUNK), null, 2).slice(2, -2);
      yield `${i > 0 ? ',\n' : ''}    ${items.replace(/\n/g, '\n    ')}`;
    }
    yield '\n    ]\n  }';
  },
  streams: false,
  whole: (parts) => (parts.length ? `[\n${parts.join(',\n')}\n]\n` : '[]\n'),
  *pieces(parts) {
    if (parts.length === 0) {
      yield '[]\n';
      return;
    }
    yield '[\n';
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) yield ',\n';
      yield* parts[i];
    }
    yield '\n]\n';
  },
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
