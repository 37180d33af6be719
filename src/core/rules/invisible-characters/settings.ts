/** The settings of `invisible-characters`, declared beside the rule (config.ts holds them for now). */
export type Indentation = 'keep' | 'remove' | 'add';
export const INDENTATION_KEY = 'newsclean.invisible.indentation';
export const INDENTATIONS: readonly Indentation[] = ['keep', 'remove', 'add'];
