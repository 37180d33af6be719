/** The output formats of `check` and `outline`, by name. */
import type { CheckFormat, OutlineRow } from './rows';
import { json, jsonl, outlineJson } from './json';
import { sarif } from './sarif';
import { outlineText, text } from './text';

export type { CheckFormat, FileRows, FindingRow, Frame, OutlineRow } from './rows';
export { FramedOutput, findingRows, framed, outlineRow } from './rows';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** The formats of --format, and the findings of one JSON Lines record (`--jsonl`). */
export const CHECK_FORMATS: Record<Format | 'jsonl', CheckFormat> = { text, json, sarif, jsonl };

/** The outline as text (one entry a line, indented by depth) or as JSON. */
export function formatOutline(format: Format, rows: readonly OutlineRow[]): string {
  return format === 'json' ? outlineJson(rows) : outlineText(rows);
}
