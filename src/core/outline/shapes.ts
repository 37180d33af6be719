/**
 * The shapes the outline gives roles by (speaker labels, headings,
 * captions), on text with flattened pinyin removed.
 */
import { COLON, SENTENCE_PUNCT } from '../text/punctuation';
import { hanCount, isMetadataLine, isPlaceTitleShape, isShortHeadingShape, stripRuby, visibleLength } from '../text/shapes';
import { isMetadataFieldShape } from '../rules/boilerplate/kinds';

/**
 * A speaker label such as `市经科信局主要负责同志:`: a short name or
 * position ending with a colon, no sentence punctuation before it.
 */
export function isSpeakerLabel(text: string): boolean {
  return speakerLabelShape(stripRuby(text).trim());
}

/** `isSpeakerLabel` of text already stripped of ruby and trimmed. */
export function speakerLabelShape(t: string): boolean {
  if (t.length > 60) return false;
  const len = visibleLength(t);
  if (len < 3 || len > 30 || !/[:：]$/.test(t)) return false;
  const body = t.slice(0, -1).trim();
  if (body.length < 2 || SENTENCE_PUNCT.test(body) || COLON.test(body) || isMetadataLine(t) || isMetadataFieldShape(t)) return false;
  return hanCount(body) >= Math.ceil(visibleLength(body) * 0.6);
}

/** Heading shapes on the ruby-free text. */
export function isHeadingLike(text: string): boolean {
  return headingShape(stripRuby(text));
}

/** `isHeadingLike` of text already stripped of ruby. */
export function headingShape(t: string): boolean {
  return isShortHeadingShape(t) || isPlaceTitleShape(t);
}

/**
 * A photo caption rather than a section heading: a heading-shaped line that
 * reads as one unbroken narrative clause (13 or more Han characters with no
 * space or separator, e.g. `王凯率简阳市党政代表团前往余姚调研`). Used only
 * in documents that carry photos (photo credits or notes elsewhere).
 */
export function isNarrativeCaptionShape(text: string): boolean {
  const t = stripRuby(text).trim();
  return isShortHeadingShape(t) && !/[\s\u3000·]/.test(t) && !/^【.*】$/.test(t) && hanCount(t) >= 13;
}
