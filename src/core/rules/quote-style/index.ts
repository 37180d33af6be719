import type { Rule } from '../../rule';
import { quoteLines, type QuoteState } from './incremental';
import { check, meta } from './rule';

export const quoteStyle: Rule<QuoteState> = { meta, check, incremental: quoteLines };
