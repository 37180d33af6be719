/** The engine's public surface: what the extension, the CLI and tests use. */
export { NewsDocument, type Eol, type Line, type Position, type Range, type TextSource } from './document';
export type { Edit, Finding, Fix, Report, Rule, RuleContext, RuleMeta, Severity } from './finding';
export { SEVERITIES } from './finding';
export { applyEdits, applyFixes, selectEdits } from './fix';
export { analyze, fixAll, type AnalyzeOptions, type CleanResult } from './analyze';
export { analyzeIncremental, type IncrementalOptions, type IncrementalState } from './incremental';
export { RULES, ruleById, ruleFamily } from './rules';
export { parseOutline, type OutlineEntry, type OutlineKind } from './outline';
export {
  SETTINGS,
  manifestConfiguration,
  manifestDescriptions,
  parseSettingValue,
  resolveSettings,
  ruleKey,
  cleanKey,
  validateSetting,
  type Settings,
  type SettingKey,
} from './config';
export { minimalEdits } from './diff';
export { convert, convertWith, detectScript, SCRIPT_TARGETS, type ScriptTarget } from './script';
export { detectWholeFileEncoding } from './encodings';
export * from './configfile';
