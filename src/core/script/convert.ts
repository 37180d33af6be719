/**
 * Traditional/Simplified conversion over opencc-js's phrase-level converters,
 * with what a newsroom adds on top: custom phrase pairs, protected terms that
 * are never converted, and a final character pass that leaves no character of
 * the other script behind.
 */
import { converterFor, type OpenCCConfig } from './opencc';
import { regionStretches } from './region';
import { HANS_STRICT, HANT_STRICT, flagsAt, scriptTables } from './tables';

/** Target scripts: Simplified, OpenCC-standard Traditional, Taiwan, Hong Kong. */
export type ScriptTarget = 'zh-Hans' | 'zh-Hant' | 'zh-TW' | 'zh-HK';
export const SCRIPT_TARGETS: readonly ScriptTarget[] = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'];

export interface ConvertOptions {
  /**
   * Phrase pairs that win over OpenCC: where the input holds `from`, the
   * output holds `to`, verbatim. Either pairs or `"from=to"` strings.
   */
  readonly customPhrases?: readonly (string | readonly [string, string])[];
  /** Terms copied unchanged (names a newsroom spells its own way). */
  readonly protectedTerms?: readonly string[];
  /** Use the regional idiom dictionaries too (s2twp: 軟件→軟體; tw2sp). Default false. */
  readonly phrases?: boolean;
  /**
   * Where the text comes from, for conversions to Simplified: `zh-TW` undoes
   * Taiwan variants first (tw2s), `zh-HK` Hong Kong ones (hk2s, which also
   * reads OpenCC-standard text and leaves 著 as 著); `auto` detects the region
   * from the text (traditionalRegion), Hong Kong when it does not tell.
   * Default `auto`.
   */
  readonly from?: 'auto' | 'zh-Hant' | 'zh-TW' | 'zh-HK';
  /**
   * After OpenCC, convert character by character any character that still
   * belongs only to the other script (OpenCC leaves a few, e.g. 衞 in t2s).
   * Default true for `convert`, false for `convertWith`.
   */
  readonly strict?: boolean;
}

/** The OpenCC configuration `convert` uses for a target. */
export function configFor(target: ScriptTarget, options: ConvertOptions = {}): OpenCCConfig {
  const p = options.phrases === true;
  switch (target) {
    case 'zh-Hans':
      if (options.from === 'zh-TW') return p ? 'tw2sp' : 'tw2s';
      if (options.from === 'zh-Hant') return 't2s';
      return p ? 'hk2sp' : 'hk2s';
    case 'zh-TW':
      return p ? 's2twp' : 's2tw';
    case 'zh-HK':
      return p ? 's2hkp' : 's2hk';
    default:
      return 's2t';
  }
}

/**
 * Converts `text` to `target`. Pure apart from loading opencc-js on first use;
 * never throws on odd input (lone surrogates and NUL pass through).
 */
export function convert(text: string, target: ScriptTarget, options: ConvertOptions = {}): string {
  const strict = options.strict ?? true;
  // Regional Traditional goes to Simplified from its own region (tw2s turns 帶著 into 带着; hk2s keeps 著).
  const from = target === 'zh-Hans' && (options.from ?? 'auto') === 'auto' ? (traditionalRegion(text) ?? 'auto') : options.from;
  return convertWith(text, configFor(target, { ...options, from }), { ...options, strict }, target);
}

/**
 * The region whose Traditional `text` is written in, when it tells: the
 * characters OpenCC's Taiwan variants (tw → t) change and its Hong Kong ones
 * (hk → t) keep (`著` in `帶著`, `裡`), against the reverse (`綫`, `衞`).
 * Only the stretches of text that hold a character those conversions can
 * change are converted (see regionStretches); none: no region, at once.
 */
export function traditionalRegion(text: string): 'zh-TW' | 'zh-HK' | undefined {
  const part = regionStretches(text);
  if (part === '') return undefined;
  const tw = converterFor('tw2t')(part);
  const hk = converterFor('hk2t')(part);
  if (tw.length !== part.length || hk.length !== part.length) return undefined;
  let taiwan = 0;
  let hongKong = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    const a = tw.charCodeAt(i) !== c;
    const b = hk.charCodeAt(i) !== c;
    if (a && !b) taiwan++;
    else if (b && !a) hongKong++;
  }
  return taiwan > hongKong ? 'zh-TW' : hongKong > taiwan ? 'zh-HK' : undefined;
}

/**
 * Converts with an explicit OpenCC configuration (all 16 that opencc-js ships),
 * through the same pipeline as `convert`: protected terms and custom phrases
 * first, then OpenCC, then (with `strict`) the character pass for `target`.
 */
export function convertWith(
  text: string,
  config: OpenCCConfig,
  options: ConvertOptions = {},
  target: ScriptTarget | undefined = targetOf(config),
): string {
  const run = converterFor(config);
  const fixed = fixedSegments(options);
  let out: string;
  if (!fixed) out = run(text);
  else {
    out = '';
    let plainStart = 0;
    for (let i = 0; i < text.length; ) {
      const hit = fixed.match(text, i);
      if (hit) {
        if (plainStart < i) out += run(text.slice(plainStart, i));
        out += hit.value;
        i += hit.length;
        plainStart = i;
      } else i++;
    }
    if (plainStart < text.length) out += run(text.slice(plainStart));
    if (options.strict && target) {
      // The character pass must not touch protected or custom output either.
      return strictPassOutsideFixed(out, target, fixed);
    }
    return out;
  }
  return options.strict && target ? strictPass(out, target) : out;
}

/** The script a configuration writes; undefined for variant-only ones (t2tw, hk2t, jp…), which keep the other script as is. */
function targetOf(config: OpenCCConfig): ScriptTarget | undefined {
  if (config === 't2s' || config === 'tw2s' || config === 'tw2sp' || config === 'hk2s' || config === 'hk2sp') return 'zh-Hans';
  if (config === 's2tw' || config === 's2twp') return 'zh-TW';
  if (config === 's2hk' || config === 's2hkp') return 'zh-HK';
  if (config === 's2t') return 'zh-Hant';
  return undefined;
}

/** Replaces characters that belong only to the other script, one by one. */
export function strictPass(text: string, target: ScriptTarget): string {
  const t = scriptTables();
  const other = target === 'zh-Hans' ? HANT_STRICT : HANS_STRICT;
  const map = target === 'zh-Hans' ? t.toHans : target === 'zh-TW' ? t.toHantTW : target === 'zh-HK' ? t.toHantHK : t.toHant;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const astral = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    if (flagsAt(t, text, i) & other) {
      const width = astral ? 2 : 1;
      const ch = text.slice(i, i + width);
      const rep = map.get(ch);
      if (rep !== undefined && rep !== ch) {
        out += text.slice(last, i) + rep;
        last = i + width;
      }
    }
    if (astral) i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

function strictPassOutsideFixed(text: string, target: ScriptTarget, fixed: FixedSegments): string {
  let out = '';
  let plainStart = 0;
  for (let i = 0; i < text.length; ) {
    const hit = fixed.matchOutput(text, i);
    if (hit) {
      out += strictPass(text.slice(plainStart, i), target) + text.slice(i, i + hit);
      i += hit;
      plainStart = i;
    } else i++;
  }
  return out + strictPass(text.slice(plainStart), target);
}

/** Longest-match lookup of protected terms and custom phrases, by first code unit. */
interface FixedSegments {
  match(text: string, i: number): { length: number; value: string } | undefined;
  /** Length of a protected term or custom output starting at `i` in converted text. */
  matchOutput(text: string, i: number): number;
}

function parsePhrase(p: string | readonly [string, string]): [string, string] | undefined {
  if (typeof p !== 'string') return p[0] ? [p[0], p[1]] : undefined;
  const eq = p.indexOf('=');
  if (eq <= 0) return undefined;
  return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()];
}

function fixedSegments(options: ConvertOptions): FixedSegments | undefined {
  const entries = new Map<string, string>();
  for (const p of options.customPhrases ?? []) {
    const pair = parsePhrase(p);
    if (pair && pair[0]) entries.set(pair[0], pair[1]);
  }
  for (const term of options.protectedTerms ?? []) if (term) entries.set(term, term);
  if (entries.size === 0) return undefined;
  const index = (m: Map<string, string>) => {
    const byFirst = new Map<string, string[]>();
    for (const k of m.keys()) {
      const list = byFirst.get(k[0]) ?? [];
      list.push(k);
      byFirst.set(k[0], list);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
    return byFirst;
  };
  const keys = index(entries);
  const outputs = new Map<string, string>();
  for (const v of entries.values()) if (v) outputs.set(v, v);
  const outKeys = index(outputs);
  const find = (byFirst: Map<string, string[]>, text: string, i: number) =>
    byFirst.get(text[i])?.find((k) => text.startsWith(k, i));
  return {
    match(text, i) {
      const k = find(keys, text, i);
      return k === undefined ? undefined : { length: k.length, value: entries.get(k)! };
    },
    matchOutput(text, i) {
      return find(outKeys, text, i)?.length ?? 0;
    },
  };
}
