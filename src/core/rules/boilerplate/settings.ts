import { spec } from '../../config/spec';
import { BOILERPLATE_KINDS, RECORD_KINDS } from './kinds';

/** The settings of boilerplate: its kinds are those of kinds.ts. */
export const BOILERPLATE_SETTINGS = {
  'newsclean.boilerplate.remove': spec<string[]>({
    type: 'array',
    default: BOILERPLATE_KINDS.filter((k) => !RECORD_KINDS.includes(k)),
    items: BOILERPLATE_KINDS,
    description: `Kinds of \`boilerplate\` lines that fixes and Clean Document remove: ${BOILERPLATE_KINDS.join(', ')}. Kinds not listed are only marked.`,
  }),
} as const;
