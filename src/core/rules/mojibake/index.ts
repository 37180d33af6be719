import type { Rule } from '../../rule';
import { repairs, type Repairs } from './incremental';
import { check, meta } from './rule';

export const mojibake: Rule<Repairs> = { meta, check, incremental: repairs };
