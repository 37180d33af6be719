/**
 * The marks a lost conversion leaves in text: `锟斤拷` (U+FFFD U+FFFD saved
 * as UTF-8 and read as GBK) and `烫烫烫` / `屯屯屯` (uninitialised memory
 * printed as GBK), also as a converter to Traditional Chinese leaves them
 * (`錕斤拷`, `燙燙燙`). They are evidence, not Chinese: a rule that rewrites
 * characters (script conversion) leaves them as they are, or the editor would
 * no longer see that text was lost.
 */

/** `锟斤拷` runs, with the `锟` a cut run ends on. */
export const KUN_JIN_KAO = /(?:[锟錕]斤拷)+[锟錕]?/g;
/** Uninitialised memory (0xCC / 0xCD) printed as GBK. */
export const UNINIT = /[烫燙]{3,}|屯{3,}/g;

const ANY = new RegExp(`${KUN_JIN_KAO.source}|${UNINIT.source}`, 'g');

/** The marks in `text[from, to)`, as [start, end) offsets into `text`, in order. */
export function lostMarkerSpans(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  // Cheap test first: every mark holds one of these characters.
  let held = false;
  for (let i = from; i < to && !held; i++) {
    const c = text.charCodeAt(i);
    held = c === 0x951f || c === 0x70eb || c === 0x5c6f || c === 0x9315 || c === 0x71d9; // 锟 烫 屯 錕 燙
  }
  if (!held) return out;
  const slice = text.slice(from, to);
  ANY.lastIndex = 0;
  for (let m = ANY.exec(slice); m !== null; m = ANY.exec(slice)) out.push([from + m.index, from + m.index + m[0].length]);
  return out;
}
