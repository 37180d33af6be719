/**
 * A transcript file's bytes as text and back, the same for the CLI and the
 * extension: UTF-8, its byte-order mark kept apart (it belongs to the file,
 * not to the first line) and written back as it was.
 */

export interface Transcript {
  /** The text, without the byte-order mark. */
  readonly text: string;
  readonly bom: boolean;
  /** False when the bytes are not valid UTF-8 (the text is a lossy decoding): such a file is never rewritten. */
  readonly exact: boolean;
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeTranscript(bytes: Uint8Array): Transcript {
  // Valid UTF-8 decodes the same either way: the lenient decoder only runs on the rest.
  let exact = true;
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    exact = false;
    text = lenient.decode(bytes);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, exact };
}

/** The text as a file's bytes, with the byte-order mark when it had one. */
export function encodeTranscript(text: string, bom: boolean): Uint8Array {
  return new TextEncoder().encode(withBom(text, bom));
}

export function withBom(text: string, bom: boolean): string {
  return bom ? '\ufeff' + text : text;
}

/** UTF-8 size of `text`, counted only as far as `limit` (files are sized in bytes). */
export function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length * 3;
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a surrogate pair is 4 bytes
  }
  return n;
}
