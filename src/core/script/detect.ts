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
  const bmp = t.bmp;
  let hans = 0;
  let hant = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    let f: number;
    if (c >= 0xd800 && c <= 0xdbff) {
      f = flagsAt(t, text, i);
      i++;
    } else f = bmp[c];
    if (f & HANT) hant++;
    else if (f & HANS) hans++;
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
  const offsets = new Int32Array(Math.max(end - start, 0) + 1);
  const n = scriptRunOffsets(text, script, offsets, start, end, skip);
  const runs: ScriptRun[] = [];
  for (let r = 0; r < 2 * n; r += 2) runs.push({ start: offsets[r], end: offsets[r + 1] });
  return runs;
}

/**
 * `scriptRuns` without allocating: writes each run's start and end to
 * `out` (start, end, start, end…) and returns the number of runs. Runs are
 * at least one unit apart, so `out` needs `end - start + 1` entries.
 */
export function scriptRunOffsets(
  text: string,
  script: Script,
  out: Int32Array,
  start = 0,
  end = text.length,
  skip?: (i: number) => number,
): number {
  const t = scriptTables();
  const want = script === 'zh-Hant' ? HANT : HANS;
  let n = 0;
  let open = false; // the last run may still grow
  for (let i = start; i < end; i++) {
    if (skip) {
      const j = skip(i);
      if (j > i) {
        open = false;
        i = j - 1;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const high = c >= 0xd800 && c <= 0xdbff;
    const f = high ? flagsAt(t, text, i) : t.bmp[c];
    const width = high && i + 1 < end ? 2 : 1;
    if ((f & want) !== 0 && (script === 'zh-Hant' || (f & HANT) === 0)) {
      if (open && out[2 * n - 1] === i) out[2 * n - 1] = i + width;
      else {
        out[2 * n] = i;
        out[2 * n + 1] = i + width;
        n++;
        open = true;
      }
    }
    i += width - 1;
  }
  return n;
}
