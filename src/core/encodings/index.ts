/**
 * Code-page round trips and the naturalness score used by the mojibake rule.
 * Tables are built from iconv-lite on first use, never at import time.
 */
import type { NewsDocument } from '../document';
import { findMojibake, type MojibakeKind, type MojibakeRepair } from './repair';

export { findMojibake, repairText, MOJIBAKE_KINDS, type MojibakeKind, type MojibakeRepair } from './repair';
export { naturalness, charCost, type Naturalness } from './score';

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

/** The mojibake runs of a document, computed once per document and shared by the rules. */
export function mojibakeOf(document: NewsDocument): readonly MojibakeRepair[] {
  return document.derived('mojibake', (d) => findMojibake(d.text));
}

/** Share of the document's non-ASCII text that must be mojibake. */
const WHOLE_FILE_SHARE = 0.6;
const WHOLE_FILE_MIN_CHARS = 8;

/** Judges a document from its repairs (computed once by the caller). */
export function wholeFileVerdict(text: string, repairs: readonly MojibakeRepair[]): WholeFileVerdict | undefined {
  if (repairs.length === 0) return undefined;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0x3000 && c !== 0xfeff) nonAscii++;
  }
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
