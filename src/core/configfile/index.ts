/** Config files in the repository: `.newsclean.jsonc`, `.newscleanignore`, overrides, and the light bulb's edits to them. */
export { parseConfigFile, isSettingKey, type ConfigFileData, type ConfigIssue, type ConfigOverride } from './parse';
export {
  ADDITIVE_KEYS,
  CONFIG_NAMES,
  ConfigResolver,
  FileCache,
  IGNORE_NAME,
  mergeLayers,
  resolveLoading,
  type ConfigHost,
  type ReadResult,
  type Resolution,
  type ResolveOptions,
} from './resolve';
export { changeConfigText, type ConfigChange } from './edit';
export { configSchema } from './schema';
export { ancestors, basename, dirname, joinPath, relativeTo } from './paths';
