/** SARIF 2.1.0, so code-scanning tools can show the findings. */
import { RULES } from '../core';

interface Row {
  rule: unknown;
  severity: unknown;
  message: unknown;
  line: unknown;
  column: unknown;
  endLine: unknown;
  endColumn: unknown;
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(results: { file: string; findings: Record<string, unknown>[] }[]): object {
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
          (findings as unknown as Row[]).map((f) => ({
            ruleId: f.rule,
            level: LEVEL[String(f.severity)],
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
