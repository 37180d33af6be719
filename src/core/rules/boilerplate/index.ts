import type { Rule } from '../../rule';
import { boilerplateLines, type BoilerplateState } from './incremental';
import { check, meta } from './rule';

export const boilerplate: Rule<BoilerplateState> = { meta, check, incremental: boilerplateLines };
