/**
 * Code-page round trips and the naturalness score used by the mojibake rule.
 * Tables are built on first use from data generated from iconv-lite, never at import time.
 */
import { findMojibake, type MojibakeKind, type MojibakeRepair } from './repair';
import { gbkCodes, utf8SeqLen } from './tables';

export {
  changedWindows,
  documentConsensus,
  findMojibake,
  isMade,
  mojibakeRegion,
  repairsIn,
  repairText,
  settle,
  settleStretch,
  suspiciousWindows,
  MOJIBAKE_KINDS,
  type MojibakeKind,
  type MojibakeRepair,
  type SuspiciousWindows,
} from './repair';
export { naturalness, charCost, type Naturalness } from './score';
export { gbkCodes } from './tables';

export interface WholeFileEncoding {
  /** The encoding the file really is in, e.g. 'UTF-8', 'GBK', 'Big5'. */
  readonly encoding: string;
  /** The code page it was wrongly read with. */
  readonly readAs: string;
  /** VS Code's encoding id, for `workbench.action.editor.changeEncoding`. */
  readonly vscodeEncodingId: string;
}

export interface WholeFileVerdict extends WholeFileEncoding {
  readonly repairs: readonly MojibakeRepair[];
  readonly kind: MojibakeKind;
}

/**
 * A cheap mark of the commonest mojibake, UTF-8 read as GBK (`鍗楅槼`), which
 * is made of Traditional-looking characters: the characters of
 * `text[start, end)` whose GBK bytes belong to a chain of two or more
 * well-formed multi-byte UTF-8 sequences. Real Traditional text encoded as
 * GBK almost never forms such chains. One pass, table look-ups only, no
 * allocation: the returned array holds the marks in its first `end - start`
 * entries (what follows is left over) and is overwritten by the next call.
 */
export function utf8ReadAsGbkMarks(text: string, start: number, end: number): Uint8Array {
  const len = end - start;
  if (scratch.bytes.length < len * 2) scratch = newScratch(len * 4);
  const { bytes, owner } = scratch;
  const marks = scratch.marks.fill(0, 0, len);
  const codes = gbkCodes();
  let n = 0;
  for (let k = 0; k < len; k++) {
    const c = text.charCodeAt(start + k);
    const v = c < 0x80 ? c : codes[c];
    if (v === 0 && c >= 0x80) {
      owner[n] = -1;
      bytes[n++] = 0; // a character GBK cannot hold breaks every chain
      continue;
    }
    if (v > 0xff) {
      owner[n] = k;
      bytes[n++] = v >> 8;
    }
    owner[n] = k;
    bytes[n++] = v & 0xff;
  }
  for (let x = 0; x < n; ) {
    let y = x;
    let sequences = 0;
    for (let l = utf8SeqLen(bytes, y, n); l > 1; l = utf8SeqLen(bytes, y, n)) {
      y += l;
      sequences++;
    }
    if (sequences >= 2) for (let b = x; b < y; b++) if (owner[b] >= 0) marks[owner[b]] = 1;
    x = y > x ? y : x + 1;
  }
  return marks;
}

/**
 * Whether no chain of utf8ReadAsGbkMarks crosses the boundary before
 * `text[i]`: the last GBK byte of `text[i - 1]` or the first of `text[i]`
 * is one that no UTF-8 sequence holds (ASCII, 0xC0, 0xC1, 0xF5 and up, or a
 * character GBK lacks). Marks computed on a stretch between two such
 * boundaries equal those computed on the whole line, so a caller may look
 * at a few characters around what it asks about instead of the whole line.
 */
export function gbkChainBoundary(text: string, i: number, codes = gbkCodes()): boolean {
  return isBarrier(codes, text.charCodeAt(i - 1), false) || isBarrier(codes, text.charCodeAt(i), true);
}

function isBarrier(codes: Uint16Array, c: number, first: boolean): boolean {
  const v = c < 0x80 ? c : codes[c];
  const b = first && v > 0xff ? v >> 8 : v & 0xff;
  return v === 0 || b < 0x80 || b === 0xc0 || b === 0xc1 || b > 0xf4;
}

/** Working space of utf8ReadAsGbkMarks for up to `bytes` GBK bytes, reused across calls. */
function newScratch(bytes: number) {
  return { bytes: new Uint8Array(bytes), owner: new Int32Array(bytes), marks: new Uint8Array(bytes) };
}
let scratch = newScratch(0);

/** Share of the document's non-ASCII text that must be mojibake. */
const WHOLE_FILE_SHARE = 0.6;
const WHOLE_FILE_MIN_CHARS = 8;

/**
 * Judges a document from its repairs (computed once by the caller) and its
 * count of non-ASCII characters (nonAsciiCount; incremental analysis
 * carries it over an edit).
 */
export function wholeFileVerdict(text: string, repairs: readonly MojibakeRepair[], nonAscii?: number): WholeFileVerdict | undefined {
  if (repairs.length === 0) return undefined;
  nonAscii ??= nonAsciiCount(text);
  const byKind = new Map<string, { kind: MojibakeKind; chars: number }>();
  let covered = 0;
  for (const r of repairs) {
    let n = 0;
    for (let i = r.start; i < r.end; i++) if (text.charCodeAt(i) >= 0x80) n++;
    covered += n;
    const k = r.inner ? `${r.kind.id}+${r.inner.id}` : r.kind.id;
    const e = byKind.get(k) ?? { kind: r.kind, chars: 0 };
    e.chars += n;
    byKind.set(k, e);
  }
  if (covered < WHOLE_FILE_MIN_CHARS || covered < nonAscii * WHOLE_FILE_SHARE) return undefined;
  let best: { kind: MojibakeKind; chars: number } | undefined;
  for (const e of byKind.values()) if (!best || e.chars > best.chars) best = e;
  const kind = best!.kind;
  return { encoding: kind.right, readAs: kind.wrong, vscodeEncodingId: kind.vscodeEncodingId, repairs, kind };
}

/** The characters of `text[from, to)` that the share of mojibake is taken of: non-ASCII, but for U+3000 and U+FEFF. */
export function nonAsciiCount(text: string, from = 0, to = text.length): number {
  let nonAscii = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0x3000 && c !== 0xfeff) nonAscii++;
  }
  return nonAscii;
}

/**
 * When most of `text` is mojibake of one kind (a whole file opened with the
 * wrong code page), the encoding to reopen it with; otherwise undefined.
 */
export function detectWholeFileEncoding(text: string): { encoding: string; vscodeEncodingId: string } | undefined {
  try {
    const v = wholeFileVerdict(text, findMojibake(text));
    return v && { encoding: v.encoding, vscodeEncodingId: v.vscodeEncodingId };
  } catch {
    return undefined;
  }
}
