/** SARIF 2.1.0, so code-scanning tools can show the findings. */
import { RULES } from '../../core';
import type { CheckFormat, FileRows } from './rows';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

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
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.rule,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file === '-' ? 'stdin' : file.replace(/\\/g, '/') },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

export const sarif: CheckFormat = {
  // Each file's rows as JSON; the document is made once every file is done.
  file: (rows) => JSON.stringify(rows),
  streams: false,
  whole: (parts) => `${JSON.stringify(toSarif(parts.map((p) => JSON.parse(p) as FileRows)), null, 2)}\n`,
};
