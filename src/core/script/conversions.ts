/**
 * The conversion commands, by name: a module of its own, without the
 * converter, so that an adapter can register the commands without loading
 * the engine.
 */
import type { ScriptTarget } from './convert';

/** The conversion commands, by name (`newsclean.<name>` in the editor), and the script each converts to. */
export const CONVERSIONS: readonly (readonly [string, ScriptTarget])[] = [
  ['convertToSimplified', 'zh-Hans'],
  ['convertToTaiwan', 'zh-TW'],
  ['convertToHongKong', 'zh-HK'],
  ['convertToTraditional', 'zh-Hant'],
];
