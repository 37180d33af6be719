/**
 * Tables of small numbers shipped as base64 text instead of being computed
 * when a check starts: 2 or 4 bits an entry, lowest bits first. Plain
 * strings and typed arrays, so the browser bundle reads them as Node does.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes as base64 (padded with 'A's to whole groups of four characters). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[n >> 18] + BASE64[(n >> 12) & 63] + BASE64[(n >> 6) & 63] + BASE64[n & 63];
  }
  return out;
}

/** The first `length` bytes of toBase64's text. */
export function fromBase64(text: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (typeof atob === 'function') {
    // Native decoding (Node 16+, browsers): the loop below runs in V8's interpreter when a check starts.
    const binary = atob(text);
    for (let i = 0; i < length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  const value = new Uint8Array(128);
  for (let k = 0; k < 64; k++) value[BASE64.charCodeAt(k)] = k;
  for (let j = 0, i = 0; j + 3 < text.length && i < length; j += 4) {
    const n = (value[text.charCodeAt(j)] << 18) | (value[text.charCodeAt(j + 1)] << 12) | (value[text.charCodeAt(j + 2)] << 6) | value[text.charCodeAt(j + 3)];
    out[i++] = n >> 16;
    if (i < length) out[i++] = (n >> 8) & 255;
    if (i < length) out[i++] = n & 255;
  }
  return out;
}

/** Entries (each below 2 ** bits) packed `8 / bits` a byte, lowest bits first, as base64. */
export function packTable(entries: ArrayLike<number>, bits: 2 | 4): string {
  const per = 8 / bits;
  const bytes = new Uint8Array(Math.ceil(entries.length / per));
  for (let i = 0; i < entries.length; i++) bytes[(i / per) | 0] |= entries[i] << (bits * (i % per));
  return toBase64(bytes);
}

/** True where typed arrays are little-endian (every platform Node and the browsers run on, in practice). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * For each byte of a packTable string, its entries (8 / bits of them) as
 * the bytes of one little-endian word, so that unpackTable writes a byte's
 * entries at once: it runs when a check starts, before V8 optimises it.
 */
const spreads: { 2?: Uint32Array; 4?: Uint16Array } = {};

function spread2(): Uint32Array {
  return (spreads[2] ??= Uint32Array.from({ length: 256 }, (_, v) => ((v & 3) | (((v >> 2) & 3) << 8) | (((v >> 4) & 3) << 16) | (((v >> 6) & 3) << 24)) >>> 0));
}

function spread4(): Uint16Array {
  return (spreads[4] ??= Uint16Array.from({ length: 256 }, (_, v) => (v & 15) | ((v >> 4) << 8)));
}

/** The first `length` entries of a packTable string. */
export function unpackTable(packed: string, bits: 2 | 4, length: number): Uint8Array {
  const per = 8 / bits;
  const bytes = fromBase64(packed, Math.ceil(length / per));
  const mask = (1 << bits) - 1;
  const out = new Uint8Array(length);
  let b = 0;
  let i = 0;
  if (LITTLE_ENDIAN) {
    // The bytes whose entries all fall inside the table, a word at a time.
    const whole = Math.floor(length / per);
    if (bits === 2) {
      const words = new Uint32Array(out.buffer, 0, whole);
      const spread = spread2();
      for (; b < whole; b++) words[b] = spread[bytes[b]];
    } else {
      const words = new Uint16Array(out.buffer, 0, whole);
      const spread = spread4();
      for (; b < whole; b++) words[b] = spread[bytes[b]];
    }
    i = whole * per;
  }
  for (; i < length; b++) {
    const byte = bytes[b];
    for (let s = 0; s < 8 && i < length; s += bits) out[i++] = (byte >> s) & mask;
  }
  return out;
}

/** 16-bit entries, little-endian, as base64. */
export function packTable16(entries: Uint16Array): string {
  const bytes = new Uint8Array(entries.length * 2);
  for (let i = 0; i < entries.length; i++) {
    bytes[2 * i] = entries[i] & 255;
    bytes[2 * i + 1] = entries[i] >> 8;
  }
  return toBase64(bytes);
}

export function unpackTable16(packed: string, length: number): Uint16Array {
  const bytes = fromBase64(packed, length * 2);
  // The bytes are the entries, where typed arrays are little-endian (fromBase64's array starts its own buffer).
  if (LITTLE_ENDIAN) return new Uint16Array(bytes.buffer, 0, length);
  const out = new Uint16Array(length);
  for (let i = 0; i < length; i++) out[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  return out;
}

/**
 * A Float32Array table of few distinct values (at most 16) as text:
 * the values, then each entry's index among them, 4 bits each. Undefined
 * when there are more than 16 values.
 */
export function packFloatTable(t: Float32Array): string | undefined {
  const values = [...new Set(t)];
  if (values.length > 16) return undefined;
  const index = new Map(values.map((v, k) => [v, k]));
  return `${values.join(',')};${packTable(Array.from(t, (v) => index.get(v)!), 4)}`;
}

export function unpackFloatTable(packed: string, length: number): Float32Array {
  const semi = packed.indexOf(';');
  const values = packed.slice(0, semi).split(',').map(Number);
  const index = unpackTable(packed.slice(semi + 1), 4, length);
  const t = new Float32Array(length);
  for (let i = 0; i < length; i++) t[i] = values[index[i]];
  return t;
}
