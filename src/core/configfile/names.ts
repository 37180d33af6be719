/** The config files' names: a module of their own, for adapters that look for the files without loading the engine. */

/** Config file names, in the order they are looked for in each directory (the first found is used). */
export const CONFIG_NAMES = ['.newsclean.jsonc', '.newsclean.json'] as const;
export const IGNORE_NAME = '.newscleanignore';
