import { decodeHTMLStrict } from 'entities';
import { t } from '../../text/localize';
import type { Rule } from '../../rule';
import { lineLocal, type LineLocalState } from '../../engine/incremental/line-local';

/**
 * HTML left in the text by a bad copy: character references (`&nbsp;`
 * `&amp;` `&ldquo;` `&#8220;` `&#x4e2d;`), decoded by the `entities`
 * library (the WHATWG table), and tags (`<br>` `<p>` `</span>`).
 *
 * A reference needs its `;` and must be one the library knows: `AT&T`,
 * `R&D` and `&copy2020` are prose, not references. A tag is an HTML element
 * name, optionally with `name="value"` attributes (so `a<b and c>d` is not a
 * tag). Inline tags (`<span>`, `<b>`, `<a href="…">`, `<font>`) are removed,
 * keeping their text; block tags (`<br>`, `<p>`, `<div>`, `<li>`…) are
 * removed at the ends of a line and become a line break inside one (the
 * document's own line ending). Tags whose content is not text (`<img>`,
 * `<script>`, `<style>`, `<iframe>`) are flagged, not removed. Names that
 * documentation uses for placeholders (`<label>`, `<code>`, `<input>`) are not
 * taken for tags. Line-local.
 */
export const htmlRemnants: Rule<LineLocalState> = {
  meta: {
    id: 'html-remnants',
    description: 'HTML entities and tags left in the text.',
    family: 'encoding',
    docs: 'rule-html-remnants',
    defaultSeverity: 'warning',
    fixable: true,
    safeToClean: true,
  },
  incremental: lineLocal({ namesLines: false }),
  check({ document }, report) {
    const eol = document.eol;
    for (const line of document.lines) {
      const s = line.text;
      if (s.indexOf('&') >= 0) {
        ENTITY.lastIndex = 0;
        for (let m = ENTITY.exec(s); m; m = ENTITY.exec(s)) {
          const decoded = decodeHTMLStrict(m[0]);
          if (decoded === m[0]) continue;
          const start = line.start + m.index;
          const range = { start, end: start + m[0].length };
          const shown = visible(decoded);
          report({
            message: t('HTML entity “{0}” in the text: it stands for “{1}”.', m[0], shown),
            range,
            fix: { title: t('Replace “{0}” with “{1}”', m[0], shown), edits: [{ range, text: decoded }] },
          });
        }
      }
      if (s.indexOf('<') >= 0) {
        TAG.lastIndex = 0;
        for (let m = TAG.exec(s); m; m = TAG.exec(s)) {
          const name = m[1].toLowerCase();
          const attributes = m[2] ?? '';
          if (!ELEMENTS.has(name) || (attributes.trim() !== '' && attributes.trim() !== '/' && !ATTRIBUTES.test(attributes))) {
            TAG.lastIndex = m.index + 1;
            continue;
          }
          const start = line.start + m.index;
          const range = { start, end: start + m[0].length };
          const message = t('HTML tag “{0}” in the text.', m[0]);
          if (OPAQUE.has(name)) {
            report({ message, range });
            continue;
          }
          const atEdge = s.slice(0, m.index).trim() === '' || s.slice(m.index + m[0].length).trim() === '';
          // Emptying a line between `\r` and `\n` would join them into one line ending: flag only.
          if (m[0].length === s.length && document.text.charCodeAt(line.start - 1) === 0x0d && line.eol === '\n') {
            report({ message, range });
            continue;
          }
          const text = BLOCK.has(name) && !atEdge ? eol : '';
          report({ message, range, fix: { title: text ? t('Replace the tag with a line break') : t('Remove the tag'), edits: [{ range, text }] } });
        }
      }
    }
  },
};

/** `&name;`, `&#123;`, `&#x1F;`: bounded, so linear. */
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
/** `<name …>` or `</name>`, attributes at most 300 characters, no nested `<`: linear. */
const TAG = /<\/?([A-Za-z][A-Za-z0-9]{0,9})((?:\s[^<>]{0,300})?)\s*\/?>/g;
/** Attributes as HTML writes them: each `name`, `name=value` or `name="value"`, at least one with a value. Run on at most 300 characters. */
const ATTRIBUTES = /^(?=[^=]*=)(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)+\s*\/?$/;

const BLOCK = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'section', 'article', 'blockquote', 'center', 'dd', 'dt', 'dl', 'header', 'footer', 'figure', 'figcaption', 'pre']);
const INLINE = ['span', 'a', 'b', 'i', 'u', 's', 'em', 'strong', 'font', 'sup', 'sub', 'small', 'big', 'strike', 'ins', 'del', 'mark', 'nobr', 'wbr'];
const OPAQUE = new Set(['img', 'script', 'style', 'iframe', 'video', 'audio', 'embed', 'object', 'form', 'svg']);
const ELEMENTS = new Set([...BLOCK, ...INLINE, ...OPAQUE]);

/** A decoded character as a message shows it: white space and invisibles by name. */
function visible(s: string): string {
  if (s === '\u00a0') return 'U+00A0';
  if (/^[\s\u200b-\u200f\u2060\u00ad]$/.test(s)) return 'U+' + s.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return s;
}
