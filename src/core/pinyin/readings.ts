/**
 * Readings of a Han character, from pinyin-pro (loaded on first use: its
 * dictionary is large and activation must stay fast). Syllables are compared
 * in a normal form: lower case, `ü` as `v`, tone as a trailing digit
 * (`jiǎn` → `jian3`, `lü4` → `lv4`, neutral tone → no digit).
 */

interface PinyinPro {
  pinyin(text: string, options: Record<string, unknown>): string[];
  polyphonic(text: string, options: Record<string, unknown>): string[][];
}

let pinyinPro: PinyinPro | undefined;
const cache = new Map<string, readonly string[]>();

function lib(): PinyinPro {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (pinyinPro ??= require('pinyin-pro') as PinyinPro);
}

/**
 * Every reading pinyin-pro gives one character. `polyphonic` reads them from
 * its character dictionary, as `pinyin(…, { multiple: true })` does for one
 * character, without first building the automaton of its word dictionaries
 * (tens of milliseconds, once per process), which a single character does
 * not use. Anything longer goes through `pinyin`.
 */
function allReadings(ch: string): string[] {
  const p = lib();
  if (ch.length === 1 || (ch.length === 2 && ch.codePointAt(0)! > 0xffff)) return p.polyphonic(ch, { type: 'array', toneType: 'num', pattern: 'pinyin' })[0] ?? [];
  return p.pinyin(ch, { multiple: true, type: 'array', toneType: 'num' });
}

const TONE_MARKS: Record<string, string> = { '\u0304': '1', '\u0301': '2', '\u030c': '3', '\u0300': '4' };

/** `jiǎn` / `JIAN3` / `lǘ` / `nv3` → `jian3` / `jian3` / `lv2` / `nv3`; undefined if not a syllable shape. */
export function normalizeSyllable(s: string): string | undefined {
  let base = '';
  let tone = '';
  for (const ch of s.normalize('NFD').toLowerCase()) {
    if (ch >= 'a' && ch <= 'z') base += ch;
    else if (ch === '\u0308') {
      if (!base.endsWith('u')) return undefined;
      base = base.slice(0, -1) + 'v';
    } else if (TONE_MARKS[ch]) {
      if (tone) return undefined;
      tone = TONE_MARKS[ch];
    } else if (ch >= '0' && ch <= '5') {
      if (tone) return undefined;
      tone = ch === '5' || ch === '0' ? '' : ch;
    } else return undefined;
  }
  if (base.length === 0 || base.length > 6) return undefined;
  return base + tone;
}

/** True when the syllable carries a tone (mark or digit). */
export function hasTone(s: string): boolean {
  return syllableFacts(s).tone;
}

interface SyllableFacts {
  readonly tone: boolean;
  /** The normal form without its tone; undefined when not a syllable shape. */
  readonly base: string | undefined;
}

/** Annotations repeat a few hundred syllables: what is known of each is kept (at most SYLLABLES of them). */
const syllables = new Map<string, SyllableFacts>();
const SYLLABLES = 4096;

function syllableFacts(s: string): SyllableFacts {
  let facts = syllables.get(s);
  if (!facts) {
    const n = normalizeSyllable(s);
    facts = { tone: /[1-5\u0300\u0301\u0304\u030c]/.test(s.normalize('NFD')), base: n ? toneless(n) : undefined };
    if (syllables.size >= SYLLABLES) syllables.clear();
    syllables.set(s, facts);
  }
  return facts;
}

/** Every reading of `ch`, normalised; empty when pinyin-pro does not know it. */
export function readings(ch: string): readonly string[] {
  let r = cache.get(ch);
  if (!r) {
    let out: string[] = [];
    try {
      const got = allReadings(ch);
      out = got.map((g) => normalizeSyllable(g.replace(/0$/, ''))).filter((g): g is string => g !== undefined);
    } catch {
      out = [];
    }
    r = Object.freeze(out);
    cache.set(ch, r);
  }
  return r;
}

/** Strips the tone digit. */
export function toneless(s: string): string {
  return s.replace(/[1-4]$/, '');
}

/** True when `syllable` (any notation) is a reading of `ch`; tones may differ (sandhi: 一 yí, 不 bú). */
export function isReadingOf(ch: string, syllable: string): boolean {
  const { base } = syllableFacts(syllable);
  return base !== undefined && readingBases(ch).has(base);
}

const bases = new Map<string, ReadonlySet<string>>();

/** The readings of `ch` without their tones. */
function readingBases(ch: string): ReadonlySet<string> {
  let b = bases.get(ch);
  if (!b) {
    b = new Set(readings(ch).map(toneless));
    bases.set(ch, b);
  }
  return b;
}
