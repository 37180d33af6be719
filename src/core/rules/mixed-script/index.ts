import type { Rule } from '../../rule';
import type { LineLocalState } from '../../engine/incremental/line-local';
import { scriptLines } from './incremental';
import { check, meta } from './rule';

export const mixedScript: Rule<LineLocalState> = { meta, check, incremental: scriptLines };
