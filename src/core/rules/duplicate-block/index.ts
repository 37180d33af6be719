import type { Rule } from '../../rule';
import type { RepeatScan } from './rule';
import { duplicates } from './incremental';
import { check, meta } from './rule';

export const duplicateBlock: Rule<RepeatScan> = { meta, check, incremental: duplicates };
