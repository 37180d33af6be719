import type { Rule } from '../../rule';
import type { LineLocalState } from '../../engine/incremental/line-local';
import { questionLines } from './incremental';
import { check, meta } from './rule';

export const lostCharacters: Rule<LineLocalState> = { meta, check, incremental: questionLines };
