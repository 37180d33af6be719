/**
 * Script detection: which characters of a text exist only in Simplified or
 * only in Traditional Chinese, and what a span of text is written in. One
 * table lookup per character, no regular expressions.
 */
import { HANS, HANT, flagsAt, scriptTables } from './tables';

export type Script = 'zh-Hans' | 'zh-Hant';

export interface ScriptCounts {
  /** Characters that exist only in Simplified Chinese. */
  hans: number;
  /** Characters that exist only in Traditional Chinese. */
  hant: number;
}

/** The script a single character belongs to only, or undefined when it is shared (or not Chinese). */
export function scriptOfChar(ch: string): Script | undefined {
  if (ch.length === 0 || ch.charCodeAt(0) < 0x3400) return undefined;
  const f = flagsAt(scriptTables(), ch, 0);
  return f & HANT ? 'zh-Hant' : f & HANS ? 'zh-Hans' : undefined;
}

/** Counts script-specific characters in `text[start, end)`. */
export function countScript(text: string, start = 0, end = text.length): ScriptCounts {
  const t = scriptTables();
  let hans = 0;
  let hant = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const f = flagsAt(t, text, i);
    if (f & HANT) hant++;
    else if (f & HANS) hans++;
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return { hans, hant };
}

/** The majority script of `text`, or undefined when it holds no script-specific character. */
export function detectScript(text: string, start = 0, end = text.length): Script | undefined {
  const { hans, hant } = countScript(text, start, end);
  if (hans === 0 && hant === 0) return undefined;
  return hant > hans ? 'zh-Hant' : 'zh-Hans';
}

/** One run of adjacent characters of `script` (offsets in UTF-16 units). */
export interface ScriptRun {
  start: number;
  end: number;
}

/**
 * Runs of characters that belong only to `script` in `text[start, end)`;
 * `skip(i)` may return an offset to jump to (protected terms).
 */
export function scriptRuns(
  text: string,
  script: Script,
  start = 0,
  end = text.length,
  skip?: (i: number) => number,
): ScriptRun[] {
  const t = scriptTables();
  const want = script === 'zh-Hant' ? HANT : HANS;
  const runs: ScriptRun[] = [];
  let run: ScriptRun | undefined;
  for (let i = start; i < end; i++) {
    if (skip) {
      const j = skip(i);
      if (j > i) {
        run = undefined;
        i = j - 1;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
    if (c >= 0x3400 && (flagsAt(t, text, i) & want) !== 0 && (script === 'zh-Hant' || (flagsAt(t, text, i) & HANT) === 0)) {
      if (run && run.end === i) run.end = i + width;
      else runs.push((run = { start: i, end: i + width }));
    }
    i += width - 1;
  }
  return runs;
}
