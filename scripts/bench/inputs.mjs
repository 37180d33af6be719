// @ts-check
// The inputs of the benchmarks: real articles (the seeds), repeated and damaged.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Real articles, repeated and varied, with damaged variants, to `bytes` of UTF-8. */
export function buildInput(bytes, seedDir = join(root, 'test/fixtures/seeds')) {
  const iconv = require('iconv-lite');
  const seeds = readdirSync(seedDir)
    .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
    .map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const lines = seeds.flatMap((s) => s.split('\n')).filter(Boolean);
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let line = lines[i % lines.length];
    const variant = Math.floor(i / lines.length) % 5;
    if (variant === 1 && i % 7 === 0) line = iconv.decode(Buffer.from(line, 'utf8'), 'gbk'); // mojibake
    if (variant === 2 && i % 5 === 0) line = line.replace(/，/g, ',').replace(/。/g, '.'); // half-width
    if (variant === 3 && i % 3 === 0) line = line.replace(/([，,])/g, '\n$1'); // stray breaks
    if (variant === 4 && i % 11 === 0) line = line.slice(0, 40) + '\ufffd\ufffd' + line.slice(40); // lost
    out.push(line);
    size += Buffer.byteLength(line, 'utf8') + 1;
  }
  return out.join('\n');
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** `count` articles cut at line ends from `buildInput(bytes)`, written to a new folder. */
export function writeArticles(count, bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'newsclean-bench-articles-'));
  const lines = buildInput(bytes).split('\n');
  const total = lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);
  let part = [];
  let size = 0;
  let n = 0;
  for (const [i, line] of lines.entries()) {
    part.push(line);
    size += Buffer.byteLength(line, 'utf8') + 1;
    if (size >= ((n + 1) * total) / count || i === lines.length - 1) {
      writeFileSync(join(dir, `${String(n++).padStart(4, '0')}.txt`), `${part.join('\n')}\n`);
      part = [];
    }
  }
  return { dir, files: n, bytes: size };
}

