import { spec } from '../../config/spec';

/** The settings of duplicate-block. */
export const DUPLICATE_SETTINGS = {
  'newsclean.duplicates.keep': spec<'first' | 'best'>({
    type: 'string',
    default: 'first',
    enum: ['first', 'best'],
    enumDescriptions: ['Keep the first copy, remove the later ones.', 'Keep the copy with the fewest layout defects.'],
    description:
      'Which copy of a repeated passage `duplicate-block` keeps: the first in reading order, or the one with fewer layout defects (stray line breaks, spaces before punctuation).',
  }),
  'newsclean.duplicates.minLength': spec<number>({
    type: 'number',
    default: 12,
    minimum: 4,
    description:
      'Shortest passage `duplicate-block` reports, counted in CJK characters, letters and digits (punctuation and white space do not count).',
  }),
} as const;
