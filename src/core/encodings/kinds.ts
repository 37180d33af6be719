/**
 * The kinds of mojibake findMojibake repairs (repair.ts): which code page
 * the text was wrongly read with, which encoding its bytes really were in,
 * and how each kind is judged; and the repair it reports.
 */
import { UTF8_TARGET, big5, cp1251, gbk, latin, type CodePage } from './tables';

export interface Target {
  readonly name: string;
  seqLen(bytes: Uint8Array, i: number, end: number): number;
  isPrefix(bytes: Uint8Array, i: number, end: number): boolean;
  decode(bytes: Uint8Array, start: number, end: number): string;
}

export interface MojibakeKind {
  readonly id: string;
  /** The code page the text was wrongly decoded with. */
  readonly wrong: string;
  /** The encoding the bytes really were in. */
  readonly right: string;
  /** VS Code's id for the right encoding (Reopen with Encoding). */
  readonly vscodeEncodingId: string;
}

export interface KindImpl extends MojibakeKind {
  readonly wrongPage: () => CodePage;
  readonly target: () => Target;
  /** The repair must be Chinese (Han and CJK punctuation). */
  readonly cjk: boolean;
  /** Minimum drop in cost. */
  readonly minGain: number;
  /** Which suspicious characters the wrong code page makes. */
  readonly family: number;
  /**
   * Read again in a line that already holds a confident repair of this kind
   * (see lineConsensus): short runs are judged on their reading alone.
   * Always present (false in KINDS), so that a relaxed kind (relaxedKind)
   * has the same shape as the others and the scanners stay monomorphic.
   */
  readonly relaxed: boolean;
}

export const KINDS: readonly KindImpl[] = [
  { id: 'utf8-as-gbk', wrong: 'GBK', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: gbk, target: () => UTF8_TARGET, cjk: true, minGain: 3, family: 2, relaxed: false },
  { id: 'utf8-as-big5', wrong: 'Big5', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: big5, target: () => UTF8_TARGET, cjk: true, minGain: 3, family: 2, relaxed: false },
  { id: 'utf8-as-cp1252', wrong: 'Windows-1252', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: latin, target: () => UTF8_TARGET, cjk: false, minGain: 1, family: 1, relaxed: false },
  { id: 'gbk-as-cp1252', wrong: 'Windows-1252', right: 'GBK', vscodeEncodingId: 'gbk', wrongPage: latin, target: gbk, cjk: true, minGain: 3, family: 1, relaxed: false },
  { id: 'big5-as-cp1252', wrong: 'Windows-1252', right: 'Big5', vscodeEncodingId: 'big5hkscs', wrongPage: latin, target: big5, cjk: true, minGain: 3, family: 1, relaxed: false },
  { id: 'big5-as-gbk', wrong: 'GBK', right: 'Big5', vscodeEncodingId: 'big5hkscs', wrongPage: gbk, target: big5, cjk: true, minGain: 4, family: 2, relaxed: false },
  { id: 'gbk-as-big5', wrong: 'Big5', right: 'GBK', vscodeEncodingId: 'gbk', wrongPage: big5, target: gbk, cjk: true, minGain: 4, family: 2, relaxed: false },
  { id: 'utf8-as-cp1251', wrong: 'Windows-1251', right: 'UTF-8', vscodeEncodingId: 'utf8', wrongPage: cp1251, target: () => UTF8_TARGET, cjk: false, minGain: 3, family: 1, relaxed: false },
];

const relaxedKinds = new Map<string, KindImpl>();

/** `kind` read again in a line or document known to be misread (see KindImpl.relaxed), one object per kind. */
export function relaxedKind(kind: KindImpl): KindImpl {
  let r = relaxedKinds.get(kind.id);
  if (!r) {
    r = { ...kind, relaxed: true };
    relaxedKinds.set(kind.id, r);
  }
  return r;
}

export const C1_KIND: MojibakeKind = { id: 'cp1252-as-latin1', wrong: 'ISO-8859-1', right: 'Windows-1252', vscodeEncodingId: 'windows1252' };

export interface MojibakeRepair {
  /** UTF-16 range in the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The outermost layer of damage. */
  readonly kind: MojibakeKind;
  /** Two layers: the inner kind. */
  readonly inner?: MojibakeKind;
  /** Characters whose bytes were lost (shown as U+FFFD in `text`). */
  readonly lost: number;
  /** Drop in cost, for ranking overlapping candidates. */
  readonly gain: number;
  /** Still mojibake with what lies beside it after several repairs: reported, not made (see settle). */
  readonly unsettled?: true;
  /**
   * Private use alone, with nothing else on its line misread: Big5 read as
   * GBK, or a font's icons (which live in the same private-use rows).
   * Reported, not made; a line known to be misread makes it (lineConsensus),
   * and so does a document misread throughout (documentConsensus).
   */
  readonly unsure?: true;
}

/** Families of suspicious characters (see suspiciousTable): which kinds of damage make them. */
export const LATIN = 1;
export const CJK = 2;

/** Kinds whose right code page keeps ASCII as single bytes between double-byte characters read as Latin. */
export function bridgesAscii(kind: KindImpl): boolean {
  return kind.family === LATIN && kind.target() !== UTF8_TARGET;
}

/** GBK read as Big5 and Big5 read as GBK: every double-byte character is one character of the other. */
export function charToChar(kind: KindImpl): boolean {
  return kind.family === CJK && kind.target() !== UTF8_TARGET;
}

/** findMojibake, handed down to the judge for a second layer of damage (repair.ts imports the scanners, not the other way round). */
export type InnerScan = (text: string, depth: number) => MojibakeRepair[];

export const MOJIBAKE_KINDS: readonly MojibakeKind[] = [...KINDS, C1_KIND];
