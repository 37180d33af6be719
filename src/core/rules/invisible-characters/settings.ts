import { spec } from '../../config/spec';

/** The settings of `invisible-characters`. */
export type Indentation = 'keep' | 'remove' | 'add';
export const INDENTATION_KEY = 'newsclean.invisible.indentation';
export const INDENTATIONS: readonly Indentation[] = ['keep', 'remove', 'add'];

export const INVISIBLE_SETTINGS = {
  [INDENTATION_KEY]: spec<Indentation>({
    type: 'string',
    default: 'keep',
    enum: INDENTATIONS,
    enumDescriptions: ['Leave leading indentation as it is.', 'Remove leading indentation.', 'Add two ideographic spaces before every line of prose that lacks them.'],
    description:
      'Leading indentation of Chinese lines (`invisible-characters`): `keep` it as it is, `remove` it, or `add` two ideographic spaces (`　　`) before every line of prose that lacks them.',
  }),
} as const;
