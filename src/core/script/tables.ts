/**
 * Which characters belong to one script only, derived once from OpenCC's own
 * dictionaries (so the tables follow the dictionaries opencc-js ships).
 *
 * - Traditional-only: a character that the Traditional→Simplified
 *   dictionaries change (directly, or after undoing a Taiwan or Hong Kong
 *   variant), that is not itself a Simplified character with a Traditional
 *   form, and that Simplified text does not routinely keep (乾隆, 於 as a
 *   surname, 宫商角徵羽: kept in ten or more OpenCC phrases means "both").
 * - Simplified-only: a character that the Taiwan AND the Hong Kong
 *   conversions both change. Probing the regional conversions, not plain
 *   `s2t`, keeps 吃/群/床 neutral (`s2t` writes 喫/羣/牀, which Taiwan and
 *   Hong Kong do not use), and the same ten-phrase test keeps 里/干/后/台,
 *   which Traditional text uses in their own senses, neutral.
 *
 * Everything else (the large shared repertoire, Latin, punctuation) is
 * neutral and says nothing about the script.
 */
import { dictionary } from './opencc';

export const HANT = 1;
export const HANS = 2;
/** Traditional-only and kept by no OpenCC phrase: safe to convert on its own. */
export const HANT_STRICT = 4;
/** Simplified-only and kept by no OpenCC phrase. */
export const HANS_STRICT = 8;

export interface ScriptTables {
  /** Flags per BMP code unit. */
  readonly bmp: Uint8Array;
  /** Flags of astral characters, by code point. */
  readonly astral: ReadonlyMap<number, number>;
  /** Character-level Traditional→Simplified for Traditional-only characters. */
  readonly toHans: ReadonlyMap<string, string>;
  /** Character-level Simplified→Traditional (Taiwan forms) for Simplified-only characters. */
  readonly toHantTW: ReadonlyMap<string, string>;
  /** Character-level Simplified→Traditional (Hong Kong forms). */
  readonly toHantHK: ReadonlyMap<string, string>;
  /** Character-level Simplified→Traditional (OpenCC standard forms). */
  readonly toHant: ReadonlyMap<string, string>;
}

/** Kept in this many OpenCC phrases or more: the character is normal in both scripts. */
const BOTH_SCRIPTS_PHRASES = 10;

let tables: ScriptTables | undefined;

function parse(dict: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const sp = entry.indexOf(' ');
    if (sp > 0) m.set(entry.slice(0, sp), entry.slice(sp + 1));
  }
  return m;
}

/** How many phrases keep each character unchanged (same position in key and value). */
function keptCounts(dicts: readonly string[], relevant: ReadonlyMap<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const dict of dicts) {
    let start = 0;
    while (start < dict.length) {
      let bar = dict.indexOf('|', start);
      if (bar < 0) bar = dict.length;
      const sp = dict.indexOf(' ', start);
      // Key and value of equal length, compared code unit by code unit.
      if (sp > start && sp < bar && sp - start === bar - sp - 1) {
        for (let i = start, j = sp + 1; i < sp; i++, j++) {
          const c = dict.charCodeAt(i);
          if (c !== dict.charCodeAt(j) || c < 0x3400 || (c >= 0xd800 && c <= 0xdfff)) continue;
          const ch = dict[i];
          const to = relevant.get(ch);
          if (to !== undefined && to !== ch) counts.set(ch, (counts.get(ch) ?? 0) + 1);
        }
      }
      start = bar + 1;
    }
  }
  return counts;
}

function single(s: string): boolean {
  const cp = s.codePointAt(0)!;
  return s.length === (cp > 0xffff ? 2 : 1);
}

/** The tables, built on first use (loads opencc-js). */
export function scriptTables(): ScriptTables {
  if (tables) return tables;
  const ts = parse(dictionary('t2s', 0, 1));
  const tsPhrases = dictionary('t2s', 0, 0);
  const twRev = parse(dictionary('tw2s', 0, 1));
  const hkRev = parse(dictionary('hk2s', 0, 1));
  const st = parse(dictionary('s2t', 0, 2));
  const stPhrases = [dictionary('s2t', 0, 0), dictionary('s2t', 0, 1)];
  const twv = parse(dictionary('s2tw', 1, 1));
  const hkv = parse(dictionary('s2hk', 1, 1));

  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  const flag = (ch: string, f: number) => {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0xffff) bmp[cp] |= f;
    else astral.set(cp, (astral.get(cp) ?? 0) | f);
  };

  const t2sChar = (c: string): string => {
    const direct = ts.get(c);
    if (direct !== undefined && direct !== c) return direct;
    for (const rev of [twRev, hkRev]) {
      const v = rev.get(c);
      // A regional variant counts only when its standard form simplifies:
      // Taiwan's 著 (for 着) is also a Simplified character and stays neutral.
      const s = v !== undefined && v !== c ? ts.get(v) : undefined;
      if (s !== undefined && s !== c) return s;
    }
    return c;
  };
  const toHans = new Map<string, string>();
  const candidates = new Map<string, string>();
  for (const c of new Set([...ts.keys(), ...twRev.keys(), ...hkRev.keys()])) {
    if (!single(c)) continue;
    const s = t2sChar(c);
    if (s !== c) candidates.set(c, s);
  }
  const keptHant = keptCounts([tsPhrases], candidates);
  for (const [c, s] of candidates) {
    if (st.has(c) && st.get(c) !== c) continue; // a Simplified character with a Traditional form
    const kept = keptHant.get(c) ?? 0;
    if (kept >= BOTH_SCRIPTS_PHRASES) continue;
    flag(c, HANT);
    toHans.set(c, s);
    if (kept === 0) flag(c, HANT_STRICT);
  }

  const toHant = new Map<string, string>();
  const toHantTW = new Map<string, string>();
  const toHantHK = new Map<string, string>();
  const stCandidates = new Map<string, string>();
  for (const [c, t] of st) if (single(c) && t !== c && !candidates.has(c)) stCandidates.set(c, t);
  const keptHans = keptCounts(stPhrases, stCandidates);
  for (const [c, t] of stCandidates) {
    const tw = twv.get(t) ?? t;
    const hk = hkv.get(t) ?? t;
    if (tw === c || hk === c) continue; // Taiwan or Hong Kong writes it this way
    const kept = keptHans.get(c) ?? 0;
    if (kept >= BOTH_SCRIPTS_PHRASES) continue;
    flag(c, HANS);
    toHant.set(c, t);
    toHantTW.set(c, tw);
    toHantHK.set(c, hk);
    if (kept === 0) flag(c, HANS_STRICT);
  }
  tables = { bmp, astral, toHans, toHant, toHantTW, toHantHK };
  return tables;
}

/** Flags of the character at `i` (0 for neutral). Reads a surrogate pair as one character. */
export function flagsAt(t: ScriptTables, text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return t.astral.get(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ?? 0;
  }
  return t.bmp[c];
}
