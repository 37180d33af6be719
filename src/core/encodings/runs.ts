/**
 * Run scanning: for each kind of damage the text is cut into maximal runs
 * of characters the wrong code page can encode (bridged over the ASCII that
 * reads the same both ways), and each run is handed to the walk of its kind.
 */
import { scanRun } from './byte-runs';
import { scanCharToChar } from './char-to-char';
import { bridgesAscii, charToChar, type InnerScan, type KindImpl, type MojibakeRepair } from './kinds';
import { MAX_BRIDGE, encodable, inRun, isAsciiAlnum, isBridge, isLatinLetter } from './run-support';
import { costTable16 } from './score';
import type { CodePage } from './tables';

/** Longest run (code units) handed to one walk; longer runs are cut. */
const MAX_RUN = 4096;

export function scanKind(text: string, from: number, to: number, kind: KindImpl, depth: number, out: MojibakeRepair[], inner: InnerScan): void {
  const page = kind.wrongPage();
  const encoded = encodable(page);
  const byChar = charToChar(kind);
  // What bridges the parts of a run: ASCII (GBK ↔ Big5), the trail bytes and
  // ASCII between double-byte characters read as Latin (GBK or Big5 read as
  // Windows-1252), or nothing (UTF-8). Each in a small function of numbers
  // and tables, the same for every kind, so that it is optimised early.
  const mode = byChar ? BY_CHAR : bridgesAscii(kind) ? TRAILS : PLAIN;
  const relaxed = kind.relaxed === true;
  const n = to;
  let i = from;
  while (i < n) {
    // Skip to the next character the wrong code page encodes as high bytes.
    i = nextInRun(text, i, n, encoded);
    if (i >= n) break;
    const j = mode === PLAIN ? plainRunEnd(text, i, n, encoded) : mode === BY_CHAR ? byCharRunEnd(text, i, n, encoded, relaxed, page) : trailsRunEnd(text, i, n, encoded, relaxed, page);
    const found = out.length;
    if (byChar) scanCharToChar(text, i, j, from, to, kind, page, depth, out);
    else if (mayRepair(text, i, j, kind)) scanRun(text, i, j, kind, page, depth, out, inner);
    i = j < n && j - i >= MAX_RUN ? resumeAfterCut(out, found, j) : j;
  }
}

const PLAIN = 0;
const BY_CHAR = 1;
const TRAILS = 2;
const MIN_CODE = 0x80;

function nextInRun(text: string, i: number, n: number, encoded: Uint8Array): number {
  while (i < n && !inRun(encoded, text.charCodeAt(i), MIN_CODE)) i++;
  return i;
}

/** Index of the first character from `j` on (before `limit`) that the wrong code page does not encode as high bytes, or `limit`. */
function inRunEnd(text: string, j: number, limit: number, encoded: Uint8Array): number {
  while (j < limit && inRun(encoded, text.charCodeAt(j), MIN_CODE)) j++;
  return j;
}

/** The end of the run from `i` of characters the wrong code page encodes (UTF-8 read as another page). */
function plainRunEnd(text: string, i: number, n: number, encoded: Uint8Array): number {
  return inRunEnd(text, i, Math.min(n, i + MAX_RUN), encoded);
}

/** The end of the run from `i` of GBK read as Big5 or Big5 read as GBK. */
function byCharRunEnd(text: string, i: number, n: number, encoded: Uint8Array, relaxed: boolean, page: CodePage): number {
  const limit = Math.min(n, i + MAX_RUN);
  let j = i;
  while ((j = inRunEnd(text, j, limit, encoded)) < limit) {
    const c = text.charCodeAt(j);
    // Big5-HKSCS reads some codes as characters outside the BMP.
    if (c >= 0xd800 && c <= 0xdbff && page.encodeChar(text.codePointAt(j) ?? 0) !== undefined) {
      j += 2;
      continue;
    }
    // ASCII is one byte in GBK and Big5 alike: it stays inside the run
    // (`165億元`, `第 三 款`) and means the same in both readings. In a
    // line known to be misread (lineConsensus) the whole line is one
    // run, however long its ASCII stretches (`1K 234M 2G 单` for 等):
    // the walk decides where the damage ends, paying for each switch.
    const bridge = relaxed ? n : MAX_BRIDGE;
    let b = j;
    while (b < n && b - j < bridge && c >= 0x20 && text.charCodeAt(b) >= 0x20 && text.charCodeAt(b) < 0x7f) b++;
    if (b === j || b >= n || !inRun(encoded, text.charCodeAt(b), MIN_CODE)) break;
    j = b;
  }
  return j;
}

/** The end of the run from `i` of GBK or Big5 read as Windows-1252. */
function trailsRunEnd(text: string, i: number, n: number, encoded: Uint8Array, relaxed: boolean, page: CodePage): number {
  const gluedLeft = i > 0 && isLatinLetter(text.charCodeAt(i - 1));
  const limit = Math.min(n, i + MAX_RUN);
  let j = i;
  while ((j = inRunEnd(text, j, limit, encoded)) < limit) {
    const c = text.charCodeAt(j);
    // GBK and Big5 trail bytes reach down into ASCII (0x40–0x7E): read as
    // Latin-1, `Ö\\ºÏ` is 謀合. One such character after a lead byte stays
    // in the run when more of the run follows, never at its end before
    // Latin or nothing, nor before a bridge in a run glued to a Latin word
    // (`MÄ£ÄM ÌÑÌ` is Latin).
    if (c >= 0x40 && c <= 0x7e && j > i && (page.encodeChar(text.charCodeAt(j - 1)) ?? 0) >= 0x81) {
      if (j + 1 < n && inRun(encoded, text.charCodeAt(j + 1), MIN_CODE)) {
        j++;
        continue;
      }
      if (!gluedLeft && bridgeEnd(text, j + 1, n, encoded) > j + 1) {
        j = bridgeEnd(text, j + 1, n, encoded);
        continue;
      }
      // Right before CJK text (`°l本` is 發本) it ends the run; in a line
      // known to be misread (lineConsensus), also before a line end, a
      // space or ASCII punctuation (`Ö¸Áî´a` is 指令碼, `Ñu(` is 製().
      if (j + 1 < n && text.charCodeAt(j + 1) >= 0x2e80) j++;
      else if (relaxed && (j + 1 >= n || !isAsciiAlnum(text.charCodeAt(j + 1)))) j++;
      break;
    }
    // Spaces, digits and ASCII punctuation are single bytes in GBK and
    // Big5 too: `µÚ Èý ¿î` is 第 三 款, `Ôª1787Äê` is 元1787年. A run glued
    // to a Latin word (`SÖÄ£ ÑÝÄ`) is not bridged over spaces.
    if (c === 0x20 && gluedLeft) break;
    const b = bridgeEnd(text, j, n, encoded);
    if (b === j) break;
    j = b;
  }
  return j;
}

/** Index after a run of at most MAX_BRIDGE bridge characters from j that more of the run follows, or j. */
function bridgeEnd(text: string, j: number, n: number, encoded: Uint8Array): number {
  let b = j;
  while (b < n && b - j < MAX_BRIDGE && isBridge(text.charCodeAt(b))) b++;
  return b > j && b < n && inRun(encoded, text.charCodeAt(b), MIN_CODE) ? b : j;
}

/**
 * Where the scan goes on after a run cut at MAX_RUN (`cut`): the cut may fall
 * inside a character or a repair (a file that is one long line of
 * mojibake), so the text after the last repair found in the run
 * (`out[found…]`) is read again with what follows, when that repair ends
 * within CUT_OVERLAP of the cut; otherwise at the cut. Each stretch is read
 * at most twice, so the scan stays linear.
 */
function resumeAfterCut(out: readonly MojibakeRepair[], found: number, cut: number): number {
  let end = -1;
  for (let k = found; k < out.length; k++) if (out[k].end > end) end = out[k].end;
  return end >= cut - CUT_OVERLAP && end < cut ? end : cut;
}

/** How far before a cut the last repair of a cut run may end for the rest to be read again. */
const CUT_OVERLAP = 256;

/**
 * Whether scanRun could repair anything in `text[from, to)`: it tries only
 * segments whose characters cost at least `kind.minGain` in all (costs are
 * never negative), so a run that costs less in all is passed over. Most
 * runs of clean Chinese cost nothing.
 */
function mayRepair(text: string, from: number, to: number, kind: KindImpl): boolean {
  // Relaxed (lineConsensus), or one double-byte character between ASCII (betweenAscii).
  if (kind.relaxed || (to - from === 2 && bridgesAscii(kind))) return true;
  const costs = costTable16();
  let sum = 0;
  for (let i = from; i < to; i++) sum += costs[text.charCodeAt(i)];
  return sum >= kind.minGain;
}
