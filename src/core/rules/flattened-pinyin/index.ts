import type { Rule } from '../../rule';
import { annotations, type Annotated } from './incremental';
import { check, meta } from './rule';

export const flattenedPinyin: Rule<Annotated> = { meta, check, incremental: annotations };
