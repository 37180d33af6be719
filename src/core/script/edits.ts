/**
 * The conversion commands' edits, for every adapter (the extension's
 * commands, the language server's): each range converted through OpenCC with
 * the newsroom's custom phrases and protected terms, as minimal edits.
 */
import type { Settings } from '../config/types';
import type { Range } from '../document';
import { minimalEdits } from '../engine/minimal-edits';
import type { Edit } from '../finding';
import { convert, type ScriptTarget } from './convert';

export { CONVERSIONS } from './conversions';

/** Minimal edits of `text` converting each of `ranges` (apart, in any order) to `target`. */
export function convertEdits(text: string, ranges: readonly Range[], target: ScriptTarget, settings: Settings): Edit[] {
  const options = {
    customPhrases: settings.get('newsclean.script.customPhrases'),
    protectedTerms: settings.get('newsclean.script.protectedTerms'),
  };
  return ranges.flatMap(({ start, end }) => {
    const before = text.slice(start, end);
    return minimalEdits(before, convert(before, target, options)).map((e) => ({
      range: { start: e.range.start + start, end: e.range.end + start },
      text: e.text,
    }));
  });
}
