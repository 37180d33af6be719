/**
 * Code-page tables built once, on first use: for each code page the bytes →
 * character table and its reverse, from iconv-lite's own mappings as
 * codepage-data.ts holds them (generated from iconv-lite by
 * scripts/generate/make-startup-tables.mjs; a unit test checks they agree),
 * so a check never loads iconv-lite nor decodes every pair to build them.
 * Everything works on Uint8Array and plain strings; no Node built-ins.
 */
import type * as Iconv from 'iconv-lite';
import { HAN_LEVELS } from './han-levels';
import { unpackTable, unpackTable16 } from './packed';
import type * as CodePageData from './codepage-data';

/** A code page as the repair engine sees it. */
export interface CodePage {
  readonly name: string;
  /** Bytes of one character (a code point; 1 or 2 bytes, high bytes only), or undefined. */
  encodeChar(code: number): number | undefined;
  /** Further codes of a character that has more than one, or undefined. */
  otherCodes?(code: number): readonly number[] | undefined;
  /** Length of a well-formed non-ASCII character starting at `i`, or 0. */
  seqLen(bytes: Uint8Array, i: number, end: number): number;
  /** True when bytes[i..end) is the start of a character cut short. */
  isPrefix(bytes: Uint8Array, i: number, end: number): boolean;
  /** Decodes bytes already checked with seqLen / ASCII. */
  decode(bytes: Uint8Array, start: number, end: number): string;
}

let iconvLib: typeof Iconv | undefined;

function decodeBytes(bytes: Uint8Array, enc: string): string {
  // Required on first use: a file that needs no code page never loads iconv-lite.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  iconvLib ??= require('iconv-lite') as typeof Iconv;
  return iconvLib.decode(bytes as unknown as Buffer, enc);
}

// ---------------------------------------------------------------- double-byte

interface DbcsTable {
  /** (lead << 8 | trail) → UTF-16 code unit, 0 when unassigned. */
  readonly toChar: Uint16Array;
  /** code unit → (lead << 8 | trail), 0 when not encodable as two bytes. */
  readonly fromChar: Uint16Array;
  /** Characters with more than one code (Big5-HKSCS has about a hundred): their other codes. */
  readonly others: Map<number, number[]>;
  /** Codes of characters outside the BMP (Big5-HKSCS), both ways. */
  readonly toAstral: Map<number, number>;
  readonly fromAstral: Map<number, number>;
}

/** One code page's pairs as iconv-lite decodes them, what codepage-data.ts holds. */
export interface DbcsPairs {
  /** The code unit of each (lead 0x81–0xFE, trail) in order, trails in the page's ranges; 0: none. */
  readonly chars: Uint16Array;
  /** The pairs that decode to a character outside the BMP: [lead << 8 | trail, code point]. */
  readonly astral: readonly (readonly [number, number])[];
}

const GBK_TRAILS: readonly [number, number][] = [
  [0x40, 0x7e],
  [0x80, 0xfe],
];
const BIG5_TRAILS: readonly [number, number][] = [
  [0x40, 0x7e],
  [0xa1, 0xfe],
];

function trailsOf(ranges: readonly [number, number][]): number[] {
  const trails: number[] = [];
  for (const [a, b] of ranges) for (let x = a; x <= b; x++) trails.push(x);
  return trails;
}

/** The pairs of a code page, from iconv-lite (run when codepage-data.ts is generated, and by its unit test). */
export function deriveDbcsPairs(enc: 'gbk' | 'big5'): DbcsPairs {
  const trails = trailsOf(enc === 'gbk' ? GBK_TRAILS : BIG5_TRAILS);
  const chars = new Uint16Array(126 * trails.length);
  const astral: [number, number][] = [];
  const row = new Uint8Array(trails.length * 2);
  const take = (k: number, lead: number, trail: number, ch: string) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0xffff && ch.length === 2) {
      astral.push([(lead << 8) | trail, cp]);
      return;
    }
    if (ch.length !== 1) return;
    const c = ch.charCodeAt(0);
    if (c === 0xfffd || c < 0x80 || (c >= 0xd800 && c <= 0xdfff)) return;
    chars[k] = c;
  };
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const base = (lead - 0x81) * trails.length;
    for (let k = 0; k < trails.length; k++) {
      row[2 * k] = lead;
      row[2 * k + 1] = trails[k];
    }
    const s = decodeBytes(row, enc);
    if (s.length === trails.length && !s.includes('\ufffd')) {
      for (let k = 0; k < trails.length; k++) take(base + k, lead, trails[k], s[k]);
    } else {
      // Some pair is unassigned or astral: decode this row pair by pair.
      for (let k = 0; k < trails.length; k++) take(base + k, lead, trails[k], decodeBytes(Uint8Array.of(lead, trails[k]), enc));
    }
  }
  return { chars, astral };
}

function buildDbcs(pairs: DbcsPairs, trailRanges: readonly [number, number][]): DbcsTable {
  const toChar = new Uint16Array(65536);
  const fromChar = new Uint16Array(65536);
  const trails = trailsOf(trailRanges);
  const toAstral = new Map<number, number>();
  const fromAstral = new Map<number, number>();
  const astralAt = new Map(pairs.astral);
  // The few astral codes marked in a table: the loop below runs once per
  // process, before V8 optimises it, and a look-up per code in the map cost more.
  const isAstral = new Uint8Array(65536);
  for (const code of astralAt.keys()) isAstral[code] = 1;
  const others = new Map<number, number[]>();
  const chars = pairs.chars;
  for (let lead = 0x81, k = 0; lead <= 0xfe; lead++) {
    for (let j = 0; j < trails.length; j++) {
      const code = (lead << 8) | trails[j];
      const c = chars[k++];
      const cp = isAstral[code] === 1 ? astralAt.get(code) : undefined;
      if (cp !== undefined) {
        toAstral.set(code, cp);
        if (!fromAstral.has(cp)) fromAstral.set(cp, code);
      } else if (c !== 0) {
        toChar[code] = c;
        if (fromChar[c] === 0) fromChar[c] = code;
        else others.set(c, [...(others.get(c) ?? []), code]);
      }
    }
  }
  return { toChar, fromChar, others, toAstral, fromAstral };
}

let data: typeof CodePageData | undefined;

/** The generated code-page data, required on first use (a check of clean text never reads it). */
function codePageData(): typeof CodePageData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (data ??= require('./codepage-data') as typeof CodePageData);
}

function shippedPairs(enc: 'gbk' | 'big5'): DbcsPairs {
  const d = codePageData().DBCS[enc];
  return { chars: unpackTable16(d.chars, 126 * trailsOf(enc === 'gbk' ? GBK_TRAILS : BIG5_TRAILS).length), astral: d.astral };
}

function dbcsPage(name: string, table: () => DbcsTable, single?: (c: number) => number | undefined): CodePage {
  const t = table();
  return {
    name,
    encodeChar(code) {
      const s = single?.(code);
      if (s !== undefined) return s;
      const v = code < 0x80 ? 0 : code > 0xffff ? (t.fromAstral.get(code) ?? 0) : t.fromChar[code];
      return v === 0 ? undefined : v;
    },
    otherCodes(code) {
      return t.others.get(code);
    },
    seqLen(bytes, i, end) {
      if (i + 1 >= end) return 0;
      const lead = bytes[i];
      if (lead < 0x81 || lead === 0xff) return 0;
      const code = (lead << 8) | bytes[i + 1];
      return t.toChar[code] !== 0 || t.toAstral.has(code) ? 2 : 0;
    },
    isPrefix(bytes, i, end) {
      return end - i === 1 && bytes[i] >= 0x81 && bytes[i] <= 0xfe;
    },
    decode(bytes, start, end) {
      let out = '';
      for (let i = start; i < end; ) {
        const b = bytes[i];
        if (b < 0x80) {
          out += String.fromCharCode(b);
          i++;
        } else {
          const code = (b << 8) | bytes[i + 1];
          out += t.toChar[code] ? String.fromCharCode(t.toChar[code]) : String.fromCodePoint(t.toAstral.get(code) ?? 0xfffd);
          i += 2;
        }
      }
      return out;
    },
  };
}

let gbkTableCache: DbcsTable | undefined;

function gbkTable(): DbcsTable {
  return (gbkTableCache ??= buildDbcs(shippedPairs('gbk'), GBK_TRAILS));
}

function big5Table(): DbcsTable {
  return (big5TableCache ??= buildDbcs(shippedPairs('big5'), BIG5_TRAILS));
}

let gbkPage: CodePage | undefined;
let big5Page: CodePage | undefined;

/** GBK (cp936); the euro sign is its one high single byte. */
export function gbk(): CodePage {
  return (gbkPage ??= dbcsPage('GBK', gbkTable, (c) => (c === 0x20ac ? 0x80 : undefined)));
}

let gbkCodesCache: Uint16Array | undefined;

/** `gbk().encodeChar` of every code unit from 0x80 up, as one table (0: none), for per-character loops. */
export function gbkCodes(): Uint16Array {
  if (!gbkCodesCache) {
    const page = gbk();
    const codes = new Uint16Array(0x10000);
    for (let c = 0x80; c <= 0xffff; c++) codes[c] = page.encodeChar(c) ?? 0;
    gbkCodesCache = codes;
  }
  return gbkCodesCache;
}

/** Big5 (cp950 as iconv-lite maps it). */
export function big5(): CodePage {
  return (big5Page ??= dbcsPage('Big5', big5Table));
}

// ---------------------------------------------------------------- single-byte

interface SbcsTable {
  /** byte → code unit. */
  readonly toChar: Uint16Array;
  /** code unit → byte (0 when none). */
  readonly fromChar: Uint8Array;
}

/** The high half (0x80–0xFF) of a single-byte code page as iconv-lite decodes it (what codepage-data.ts holds). */
export function deriveSbcsHigh(enc: SbcsName): string {
  const all = new Uint8Array(128);
  for (let i = 0; i < 128; i++) all[i] = 128 + i;
  return decodeBytes(all, enc);
}

export type SbcsName = 'cp1252' | 'cp1251' | 'macintosh';

function buildSbcs(enc: SbcsName, sloppyC1: boolean): SbcsTable {
  const toChar = new Uint16Array(256);
  const fromChar = new Uint8Array(65536);
  const s = codePageData().SBCS_HIGH[enc];
  for (let i = 0; i < 128; i++) {
    let c = s.length === 128 ? s.charCodeAt(i) : 0xfffd;
    // cp1252's five undefined bytes: kept as C1 controls, as browsers and
    // ftfy's "sloppy" codecs do.
    if (c === 0xfffd && sloppyC1) c = 128 + i;
    if (c === 0xfffd) continue;
    toChar[128 + i] = c;
    if (fromChar[c] === 0) fromChar[c] = 128 + i;
  }
  if (sloppyC1) {
    // Latin-1 too: a C1 control is the byte of the same value.
    for (let b = 0x80; b <= 0x9f; b++) if (fromChar[b] === 0) fromChar[b] = b;
  }
  return { toChar, fromChar };
}

function sbcsPage(enc: SbcsName, sloppyC1: boolean): () => SbcsTable {
  let table: SbcsTable | undefined;
  return () => (table ??= buildSbcs(enc, sloppyC1));
}

const latinTable = sbcsPage('cp1252', true);
const cyrTable = sbcsPage('cp1251', false);
const macTable = sbcsPage('macintosh', false);

function singleBytePage(name: string, table: () => SbcsTable): CodePage {
  const t = table();
  return {
    name,
    encodeChar(code) {
      if (code < 0x80 || code > 0xffff) return undefined;
      const b = t.fromChar[code];
      return b === 0 ? undefined : b;
    },
    seqLen() {
      return 1;
    },
    isPrefix() {
      return false;
    },
    decode(bytes, start, end) {
      let out = '';
      for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i] < 0x80 ? bytes[i] : t.toChar[bytes[i]]);
      return out;
    },
  };
}

/** Windows-1252 merged with Latin-1 (C1 controls map to their own byte). */
export function latin(): CodePage {
  return singleBytePage('Windows-1252', latinTable);
}
export function cp1251(): CodePage {
  return singleBytePage('Windows-1251', cyrTable);
}
export function macRoman(): CodePage {
  return singleBytePage('Mac OS Roman', macTable);
}

/** cp1252 character of a byte 0x80–0x9F (a C1 control read as Latin-1). */
export function cp1252Char(byte: number): number {
  return latinTable().toChar[byte];
}

// ---------------------------------------------------------------- UTF-8

/** Length of a well-formed multi-byte UTF-8 sequence at i, or 0. */
export function utf8SeqLen(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i];
  if (b0 < 0xc2 || b0 > 0xf4) return 0;
  const need = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
  if (i + need > end) return 0;
  const b1 = bytes[i + 1];
  if (b1 < 0x80 || b1 > 0xbf) return 0;
  if (b0 === 0xe0 && b1 < 0xa0) return 0; // overlong
  if (b0 === 0xed && b1 > 0x9f) return 0; // surrogate
  if (b0 === 0xf0 && b1 < 0x90) return 0;
  if (b0 === 0xf4 && b1 > 0x8f) return 0;
  for (let k = 2; k < need; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return need;
}

/** True when bytes[i..end) is the well-formed start of a longer sequence. */
export function utf8IsPrefix(bytes: Uint8Array, i: number, end: number): boolean {
  const b0 = bytes[i];
  if (b0 < 0xc2 || b0 > 0xf4) return false;
  const need = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
  const have = end - i;
  if (have >= need || have < 1) return false;
  for (let k = 1; k < have; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return false;
  return true;
}

export function utf8Decode(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; ) {
    const b0 = bytes[i];
    const n = b0 < 0x80 ? 1 : utf8SeqLen(bytes, i, end);
    if (n === 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = n === 1 ? b0 : n === 2 ? b0 & 0x1f : n === 3 ? b0 & 0x0f : b0 & 0x07;
    for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

export const UTF8_TARGET = {
  name: 'UTF-8',
  seqLen: utf8SeqLen,
  isPrefix: utf8IsPrefix,
  decode: utf8Decode,
};

// ---------------------------------------------------------------- char sets

let levels: Uint8Array | undefined;

/**
 * Frequency level of a character, from the code pages' own ordering:
 * 0 = common (GB2312 level 1 or Big5 level 1), 1 = second level,
 * 2 = elsewhere in GBK/Big5, 3 = in neither. Read from HAN_LEVELS, which
 * `deriveHanLevels` makes at generation time (a unit test checks they agree),
 * so a check never builds the GBK and Big5 tables for it.
 */
export function hanLevel(code: number): number {
  levels ??= unpackTable(HAN_LEVELS, 2, 0x10000);
  return code > 0xffff ? 3 : levels[code];
}

/** hanLevel of every BMP code unit, from iconv-lite's GBK and Big5 tables (what HAN_LEVELS is generated from). */
export function deriveHanLevels(): Uint8Array {
  const lv = new Uint8Array(65536).fill(3);
  const g = buildDbcs(deriveDbcsPairs('gbk'), GBK_TRAILS).toChar;
  const b = buildBig5Levels(buildDbcs(deriveDbcsPairs('big5'), BIG5_TRAILS));
  for (let code2 = 0x8140; code2 <= 0xfefe; code2++) {
    const c = g[code2];
    if (!c) continue;
    const lead = code2 >> 8;
    const trail = code2 & 0xff;
    const gb2312 = trail >= 0xa1;
    const l = gb2312 && lead >= 0xb0 && lead <= 0xd7 ? 0 : gb2312 && lead >= 0xd8 && lead <= 0xf7 ? 1 : 2;
    if (l < lv[c]) lv[c] = l;
  }
  for (let i = 0; i < b.length; i += 2) if (b[i + 1] < lv[b[i]]) lv[b[i]] = b[i + 1];
  return lv;
}

function buildBig5Levels(t: DbcsTable): number[] {
  const out: number[] = [];
  for (let code = 0xa440; code <= 0xf9fe; code++) {
    const c = t.toChar[code];
    if (!c) continue;
    out.push(c, code <= 0xc67e ? 0 : code >= 0xc940 ? 1 : 2);
  }
  return out;
}
let big5TableCache: DbcsTable | undefined;
