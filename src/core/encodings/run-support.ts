/**
 * What the run scanners (runs.ts, byte-runs.ts, char-to-char.ts) share:
 * which characters a run holds, the characters that bridge its parts, and
 * the buffers reused per depth.
 */
import type { CodePage } from './tables';

/** Longest stretch of bridge characters inside one run. */
export const MAX_BRIDGE = 8;

export function isAsciiAlnum(c: number): boolean {
  return isLatinLetter(c) || (c >= 0x30 && c <= 0x39);
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** ASCII below the lowest GBK/Big5 trail byte: never part of a double-byte character. */
export function isBridge(c: number): boolean {
  return c >= 0x20 && c < 0x40;
}

/** U+FFFD inside a run stands for one byte the wrong decoder could not map. `encoded`: see encodable. */
export function inRun(encoded: Uint8Array, c: number, minCode: number): boolean {
  return c >= minCode && (c === 0xfffd || encoded[c] === 1);
}

const encodableByPage = new Map<string, Uint8Array>();

/**
 * 1 for each code unit `page` encodes (`encodeChar` is not undefined), 0
 * otherwise: runs are found by a table look-up per character rather than a
 * call through the page (a different function for every page).
 */
export function encodable(page: CodePage): Uint8Array {
  let t = encodableByPage.get(page.name);
  if (!t) {
    t = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) t[c] = page.encodeChar(c) !== undefined ? 1 : 0;
    encodableByPage.set(page.name, t);
  }
  return t;
}

interface Scratch {
  bs: Int32Array;
  bytes: Uint8Array;
  wild: Uint8Array;
  chain: Int32Array;
  pre: Float64Array;
}

const scratchByDepth: Scratch[] = [];

export function scratch(depth: number, len: number): Scratch {
  let s = scratchByDepth[depth];
  if (!s || s.bs.length < len + 1) {
    const cap = Math.max(len + 1, 256);
    s = {
      bs: new Int32Array(cap),
      bytes: new Uint8Array(cap * 2 + 2),
      wild: new Uint8Array(cap * 2 + 2),
      chain: new Int32Array(cap * 2 + 2),
      pre: new Float64Array(cap),
    };
    scratchByDepth[depth] = s;
  }
  return s;
}
