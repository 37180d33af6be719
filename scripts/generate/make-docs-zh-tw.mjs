// @ts-check
// docs/rules.zh-tw.md from docs/rules.zh-cn.md: the Traditional Chinese
// rules documentation is OpenCC's Simplified → Taiwan conversion with its
// phrases (opencc-js, `cn` → `twp`) of the Simplified one, so the two never
// drift apart and a change is written once. Examples stay as they are:
// code spans and code blocks (but for their （notes）), anchors and link
// targets are not converted.
//   node scripts/generate/make-docs-zh-tw.mjs           writes the file
//   node scripts/generate/make-docs-zh-tw.mjs --check   exits 1 when it is not up to date
import * as OpenCC from 'opencc-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, 'docs', 'rules.zh-cn.md');
const target = join(root, 'docs', 'rules.zh-tw.md');

const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
const KEPT = /(```[\s\S]*?```|`[^`\n]*`|<[^>\n]*>|\]\([^)\n]*\))/;

/** @param {string} markdown */
export function toTraditional(markdown) {
  return markdown
    .split(KEPT)
    .map((part, i) => {
      if (i % 2 === 0) return convert(part);
      // In a code block only the notes in full-width parentheses are prose.
      if (part.startsWith('```')) return part.replace(/（[^）\n]*）/g, (note) => convert(note));
      return part;
    })
    .join('');
}

const header = '<!-- Generated from rules.zh-cn.md by scripts/generate/make-docs-zh-tw.mjs: edit that file, then run this script. -->\n';
const expected = header + toTraditional(readFileSync(source, 'utf8').replace(/^<!--[^\n]*-->\n/, ''));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: not up to date
  }
  if (current !== expected) {
    console.error('docs/rules.zh-tw.md is not the conversion of docs/rules.zh-cn.md: run node scripts/generate/make-docs-zh-tw.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, expected);
  console.log(`wrote ${target}`);
}
