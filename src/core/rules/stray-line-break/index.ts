import type { Rule } from '../../rule';
import { breaks, type BreakStates } from './incremental';
import { check, meta } from './rule';

export const strayLineBreak: Rule<BreakStates> = { meta, check, incremental: breaks };
