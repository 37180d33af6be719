/**
 * What traditionalRegion needs converted: the stretches of a text where the
 * Taiwan and Hong Kong variant conversions (tw2t, hk2t) can change a
 * character, found in one pass over the text with a table made once from
 * OpenCC's own dictionaries.
 *
 * Both conversions are greedy longest matches over a dictionary, after the
 * same normalisation of compatibility ideographs. A character that is in
 * no dictionary key ends every match before it, so the text between two
 * such characters converts as it does within the whole text. A stretch in
 * which no character is one a dictionary entry changes (nor normalises into
 * one, nor normalises to another length) comes out the same from both
 * conversions, and counts for neither region: it is left out. What is kept
 * is joined by line breaks (in no key either), so that the verdict on it is
 * the verdict on the whole text.
 */
import { openCC } from './opencc';

/** Bits of a character: in a dictionary key; changed by an entry. */
const IN_KEY = 1;
const CHANGED = 2;

let table: { bmp: Uint8Array; astral: Map<number, number> } | undefined;

function flags(): { bmp: Uint8Array; astral: Map<number, number> } {
  if (table) return table;
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  const mark = (ch: string, bit: number) => {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x10000) bmp[cp] |= bit;
    else astral.set(cp, (astral.get(cp) ?? 0) | bit);
  };
  const has = (ch: string, bit: number) => {
    const cp = ch.codePointAt(0)!;
    return ((cp < 0x10000 ? bmp[cp] : (astral.get(cp) ?? 0)) & bit) !== 0;
  };
  const configs = openCC().Locale.configs;
  const entries = (group: readonly (string | readonly (readonly [string, string])[])[]) =>
    group.flatMap((d) => (typeof d === 'string' ? d.split('|').map((p) => p.split(' ') as [string, string]) : d.map(([a, b]) => [a, b] as [string, string])));
  for (const config of ['tw2t', 'hk2t'] as const) {
    for (const group of configs[config].conversionChain) {
      for (const [key, value] of entries(group)) {
        const k = Array.from(key);
        const v = Array.from(value);
        for (let j = 0; j < k.length; j++) mark(k[j], IN_KEY | (k.length !== v.length || k[j] !== v[j] ? CHANGED : 0));
      }
    }
  }
  // The normalisation both share: what it changes is in a key; it counts when it gives a changed character, or another length.
  for (const config of ['tw2t', 'hk2t'] as const) {
    for (const group of configs[config].normalizationChain ?? []) {
      for (const [key, value] of entries(group)) {
        const other = key.length !== value.length || Array.from(value).some((c) => has(c, CHANGED));
        for (const c of key) mark(c, IN_KEY | (other ? CHANGED : 0));
      }
    }
  }
  return (table = { bmp, astral });
}

/**
 * The stretches of `text` the region depends on, joined by line breaks
 * ('' when there is none).
 */
export function regionStretches(text: string): string {
  const { bmp, astral } = flags();
  const kept: string[] = [];
  let start = 0; // of the current stretch
  let changed = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    // OpenCC steps over an ideographic description sequence whole, converting none of it: it ends the stretch.
    const ids = cp >= 0x2ff0 && cp <= 0x2fff ? descriptionEnd(text, i) : 0;
    const f = ids > i ? 0 : cp < 0x10000 ? bmp[cp] : (astral.get(cp) ?? 0);
    if (f & CHANGED) changed = true;
    const next = ids > i ? ids : i + width;
    if (!(f & IN_KEY)) {
      if (changed) kept.push(text.slice(start, i));
      changed = false;
      start = next;
    }
    i = next;
  }
  if (changed) kept.push(text.slice(start));
  return kept.join('\n');
}

/** How many components an ideographic description character takes (as opencc-js counts them). */
function arity(cp: number): number {
  return cp >= 0x2ff0 && cp <= 0x2ff1 ? 2 : cp >= 0x2ff2 && cp <= 0x2ff3 ? 3 : cp >= 0x2ff4 && cp <= 0x2fff ? 2 : 0;
}

/**
 * Where the description sequence at `at` ends, 0 when the text ends first:
 * opencc-js's own reading, where a nested sequence cut short counts as its
 * first character alone (it recurses as deep as the nesting, as opencc-js
 * does on the same text).
 */
function descriptionEnd(text: string, at: number): number {
  const n = arity(text.codePointAt(at)!);
  if (n === 0) return 0;
  let i = at + width(text, at);
  for (let k = 0; k < n; k++) {
    if (i >= text.length) return 0;
    i = descriptionEnd(text, i) || i + width(text, i);
  }
  return i;
}

function width(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}
