/**
 * Traditional/Simplified Chinese: detection (per character, per span) and
 * conversion over opencc-js. Importing this module is cheap: opencc-js and
 * the tables derived from it load on the first detection or conversion.
 */
export {
  SCRIPT_TARGETS,
  configFor,
  convert,
  convertWith,
  strictPass,
  type ConvertOptions,
  type ScriptTarget,
} from './convert';
export {
  countScript,
  detectScript,
  scriptOfChar,
  scriptRunOffsets,
  scriptRuns,
  type Script,
  type ScriptCounts,
  type ScriptRun,
} from './detect';
export { OPENCC_CONFIGS, isOpenCCLoaded, type OpenCCConfig } from './opencc';
export { CONVERSIONS, convertEdits } from './edits';
