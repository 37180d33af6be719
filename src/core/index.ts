/** The engine's public surface: what the extension, the CLI and tests use. */
export { NewsDocument, type Eol, type Line, type Position, type Range, type TextSource } from './document';
export type { Edit, Finding, FindingData, Fix, Report, Severity } from './finding';
export { SEVERITIES, findingsIndex, findingsMeeting } from './finding';
export type { AnyRule, Check, Rule, RuleContext, RuleFamily, RuleMeta } from './rule';
export { applyEdits, applyFixes, selectEdits } from './engine/fix';
export { analyze, analyzeReports, selectedRules, type AnalyzeOptions } from './engine/analyze';
export { FindingTable } from './engine/finding-table';
export { fixAll, type CleanResult, type FixAllOptions } from './engine/fix-all';
export { analyzeIncremental, analyzeIncrementalSteps, type IncrementalOptions, type IncrementalResult, type IncrementalState } from './engine/incremental';
export type { TextChange } from './engine/incremental/change';
export { RULES } from './rules';
export { ruleById, ruleFamily } from './engine/registry';
export { OUTLINE_SYMBOL_KINDS, outlineFolds, parseOutline, type OutlineEntry, type OutlineKind } from './outline';
export {
  SETTINGS,
  manifestConfiguration,
  manifestDescriptions,
  parseSettingValue,
  resolveSettings,
  ruleKey,
  cleanKey,
  settingKeys,
  validateSetting,
  type Settings,
  type SettingKey,
} from './config';
export { minimalEdits } from './engine/minimal-edits';
export { readsAsJapaneseOrKorean } from './text/japanese-korean';
export { decodeTranscript, encodeTranscript, utf8Length, withBom, type Transcript } from './text/transcript';
export { CONVERSIONS, convert, convertEdits, convertWith, detectScript, SCRIPT_TARGETS, type ScriptTarget } from './script';
export * from './configfile';
