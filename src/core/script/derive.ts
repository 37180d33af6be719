/**
 * The script tables derived from opencc-js's dictionaries (see tables.ts for
 * what each table means). Run when script-data.ts is generated
 * (`node scripts/generate/make-startup-tables.mjs`) and by the unit test that
 * checks the shipped data still follows the dictionaries; never on a check.
 */
import { dictionary } from './opencc';
import { HANS, HANS_STRICT, HANT, HANT_STRICT, type ScriptTables } from './tables';

/** Kept in this many OpenCC phrases or more: the character is normal in both scripts. */
const BOTH_SCRIPTS_PHRASES = 10;

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

/** The tables from opencc-js's dictionaries (loads opencc-js). */
export function deriveScriptTables(): ScriptTables {
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
  return { bmp, astral, toHans, toHant, toHantTW, toHantHK };
}

