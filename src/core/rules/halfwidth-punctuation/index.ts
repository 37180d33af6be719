import type { Rule } from '../../rule';
import { lineLocal, type LineLocalState } from '../../engine/incremental/line-local';
import { check, meta } from './rule';

export const halfwidthPunctuation: Rule<LineLocalState> = { meta, check, incremental: lineLocal({ namesLines: false }) };
