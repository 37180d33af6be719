import { spec } from '../../config/spec';

/** The settings of halfwidth-punctuation. */
export const PUNCTUATION_SETTINGS = {
  'newsclean.punctuation.quotes': spec<'auto' | 'curly' | 'corner'>({
    type: 'string',
    default: 'auto',
    enum: ['auto', 'curly', 'corner'],
    enumDescriptions: ['Corner brackets for `zh-TW` and `zh-HK`, curly quotes otherwise.', 'Curly quotes: “ ” and ‘ ’.', 'Corner brackets: 「 」 and 『 』.'],
    description:
      'Quotation marks that straight quotes in Chinese text become: curly `“ ” ‘ ’`, corner brackets `「 」 『 』`, or `auto` (corner brackets when the script target is `zh-TW` or `zh-HK`, curly otherwise).',
  }),
} as const;
