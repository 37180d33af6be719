/**
 * Which characters belong to one script only, derived from OpenCC's own
 * dictionaries (so the tables follow the dictionaries opencc-js ships) by
 * `deriveScriptTables` (derive.ts) when SCRIPT_DATA is generated; a unit test
 * checks the shipped data against the dictionaries. Reading the data takes
 * a millisecond; deriving it loads opencc-js and takes a hundred.
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
import { SCRIPT_DATA } from './script-data';

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

/** The tables as plain strings: what script-data.ts holds. */
export interface ScriptData {
  /** Traditional-only characters (code points, in order) and their Simplified forms, `|`-separated. */
  readonly hantChars: string;
  readonly hantToHans: string;
  /** Traditional-only characters kept by no OpenCC phrase. */
  readonly hantStrict: string;
  /** Simplified-only characters and their Traditional forms: OpenCC standard, Taiwan, Hong Kong (`|`-separated; empty: as the standard form). */
  readonly hansChars: string;
  readonly hansToHant: string;
  readonly hansToTW: string;
  readonly hansToHK: string;
  readonly hansStrict: string;
}

/** The character maps of the tables (built when a conversion first asks). */
type ScriptMaps = Pick<ScriptTables, 'toHans' | 'toHant' | 'toHantTW' | 'toHantHK'>;

let tables: ScriptTables | undefined;

/** The tables, read from SCRIPT_DATA on first use. */
export function scriptTables(): ScriptTables {
  return (tables ??= fromData(SCRIPT_DATA));
}

/**
 * The flags are read at once (detection needs them); the character maps only
 * when a conversion first asks for one (a check that converts nothing, such
 * as the CLI's on a short file, never builds them).
 */
function fromData(d: ScriptData): ScriptTables {
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  const flag = (chars: string, f: number) => {
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff) bmp[c] |= f;
      else {
        const cp = chars.codePointAt(i++)!;
        astral.set(cp, (astral.get(cp) ?? 0) | f);
      }
    }
  };
  flag(d.hantChars, HANT);
  flag(d.hantStrict, HANT_STRICT);
  flag(d.hansChars, HANS);
  flag(d.hansStrict, HANS_STRICT);
  let maps: ScriptMaps | undefined;
  const read = () => (maps ??= mapsOf(d));
  return {
    bmp,
    astral,
    get toHans() {
      return read().toHans;
    },
    get toHant() {
      return read().toHant;
    },
    get toHantTW() {
      return read().toHantTW;
    },
    get toHantHK() {
      return read().toHantHK;
    },
  };
}

function mapsOf(d: ScriptData): ScriptMaps {
  const toHans = new Map<string, string>();
  const hansOf = d.hantToHans.split('|');
  let k = 0;
  for (const c of d.hantChars) toHans.set(c, hansOf[k++]);
  const toHant = new Map<string, string>();
  const toHantTW = new Map<string, string>();
  const toHantHK = new Map<string, string>();
  const [hant, tw, hk] = [d.hansToHant, d.hansToTW, d.hansToHK].map((s) => s.split('|'));
  k = 0;
  for (const c of d.hansChars) {
    toHant.set(c, hant[k]);
    toHantTW.set(c, tw[k] || hant[k]);
    toHantHK.set(c, hk[k] || hant[k]);
    k++;
  }
  return { toHans, toHant, toHantTW, toHantHK };
}

/** The tables as SCRIPT_DATA holds them. */
export function toData(t: ScriptTables): ScriptData {
  const strict = (m: ReadonlyMap<string, string>, f: number) => [...m.keys()].filter((c) => flagsAt(t, c, 0) & f).join('');
  const hans = [...t.toHant.keys()];
  return {
    hantChars: [...t.toHans.keys()].join(''),
    hantToHans: [...t.toHans.values()].join('|'),
    hantStrict: strict(t.toHans, HANT_STRICT),
    hansChars: hans.join(''),
    hansToHant: [...t.toHant.values()].join('|'),
    hansToTW: hans.map((c) => (t.toHantTW.get(c) === t.toHant.get(c) ? '' : t.toHantTW.get(c))).join('|'),
    hansToHK: hans.map((c) => (t.toHantHK.get(c) === t.toHant.get(c) ? '' : t.toHantHK.get(c))).join('|'),
    hansStrict: strict(t.toHant, HANS_STRICT),
  };
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
