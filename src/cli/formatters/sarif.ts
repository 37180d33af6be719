/** SARIF 2.1.0, so code-scanning tools can show the findings. */
import { RULES } from '../../core';
import { inPieces, type CheckFormat, type FileRows, type FindingRow } from './rows';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The SARIF log of the files' findings, as an object (the output is this, written by JSON.stringify with two spaces). */
export function toSarif(results: readonly FileRows[]): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'newsclean',
            informationUri: 'https://www.npmjs.com/package/news-transcript-cleaner',
            rules: RULES.map(({ meta: r }) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, findings }) => findings.map((f) => sarifResult(file, f))),
      },
    ],
  };
}

function sarifResult(file: string, f: FindingRow): object {
  return {
    ruleId: f.rule,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(file) },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
  };
}

/** Where a result stands in the log: in `runs[0].results`, four levels down. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * A result as JSON.stringify(toSarif(…), null, 2) writes it, written out
 * rather than through the generic serialiser and re-indented (a 10 MB
 * transcript has 230,000 of them). A row with other values than findingRow
 * gives is written generically (no string of JSON holds a raw line break).
 */
function resultJson(file: string, uri: string, f: FindingRow): string {
  const level = LEVEL[f.severity];
  if (typeof f.rule !== 'string' || typeof f.message !== 'string' || typeof level !== 'string' || ![f.line, f.column, f.endLine, f.endColumn].every(Number.isSafeInteger)) {
    return RESULT_INDENT + JSON.stringify(sarifResult(file, f), null, 2).replace(/\n/g, `\n${RESULT_INDENT}`);
  }
  const i = RESULT_INDENT;
  return (
    `${i}{\n${i}  "ruleId": ${JSON.stringify(f.rule)},\n${i}  "level": "${level}",\n${i}  "message": {\n${i}    "text": ${JSON.stringify(f.message)}\n${i}  },\n` +
    `${i}  "locations": [\n${i}    {\n${i}      "physicalLocation": {\n${i}        "artifactLocation": {\n${i}          "uri": ${uri}\n${i}        },\n` +
    `${i}        "region": {\n${i}          "startLine": ${f.line},\n${i}          "startColumn": ${f.column},\n${i}          "endLine": ${f.endLine},\n${i}          "endColumn": ${f.endColumn}\n${i}        }\n` +
    `${i}      }\n${i}    }\n${i}  ]\n${i}}`
  );
}

/** The artifact's URI as a JSON string, made once for a file's results. */
function uriJson(file: string): string {
  return JSON.stringify(artifactUri(file));
}

function artifactUri(file: string): string {
  return file === '-' ? 'stdin' : file.replace(/\\/g, '/');
}

/** Where the results go in the log. */
const RESULTS = '"results": []';

/**
 * Each file's part is its results as written in the log, between commas;
 * the log's frame is put around them, so that neither a file of many
 * findings nor the log is ever held whole as objects.
 */
export const sarif: CheckFormat = {
  file: ({ file, findings }) => findings.map((f) => resultJson(file, uriJson(file), f)).join(',\n'),
  fileChunks(file, rows) {
    const uri = uriJson(file);
    return inPieces(rows, (row, n) => (n === 0 ? resultJson(file, uri, row) : `,\n${resultJson(file, uri, row)}`));
  },
  frame() {
    const empty = JSON.stringify(toSarif([]), null, 2);
    const at = empty.indexOf(RESULTS);
    const [head, tail] = [empty.slice(0, at), empty.slice(at + RESULTS.length)];
    return { open: `${head}${RESULTS.slice(0, -1)}\n`, between: ',\n', close: `\n      ]${tail}\n`, empty: `${empty}\n` };
  },
};
