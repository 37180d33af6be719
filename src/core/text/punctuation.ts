/**
 * Punctuation as the rules and the outline read it: what continues a
 * sentence, what cannot end a line, what ends a sentence. Every pattern is
 * anchored and free of nested quantifiers (linear on any input).
 */

/** Punctuation that closes or continues a sentence: a line never starts with it. */
export const CONTINUING_START = /^[，、。；：！？）」』》〉】…,;:!?)]/;

/** Marks after which a line cannot end: an opening mark or a comma. */
export const OPEN_END = /[（「『《〈【“‘(，、,]$/;

/** Punctuation that can end a sentence. */
export const TERMINAL = '。！？!?…；;';
export const CLOSERS = '”’」』）)》】';

/** True when the (trimmed) text ends a sentence: `。`, `！`, or `。”` and the like. */
export function endsSentence(text: string): boolean {
  // Looks at the last characters only (a pattern anchored at the end would scan the whole line).
  const t = text.trimEnd();
  let end = t.length;
  while (end > 0 && CLOSERS.includes(t[end - 1])) end--;
  return end > 0 && TERMINAL.includes(t[end - 1]);
}

export const SENTENCE_PUNCT = /[，。！？；,!?;、]/;
export const COLON = /[:：]/;
