#!/usr/bin/env node
// Scores the built CLI on the development corpus of real pasted news pages
// (`../shared/external/news-pages`, or NEWSCLEAN_NEWS_PAGES), with the
// corpus's own scorer (`score.js`) and outline filter (`tools/sections.mjs`).
// The corpus stays outside the repository (its texts belong to their
// publishers); without it this script says so and exits 0. Not part of
// `npm test`.
//
//   npm run eval [-- --no-build] [-- --verbose]
//
// Besides the scorer's table it prints, per labelled boilerplate type, the
// recall, and per kind the engine reports, the precision (share of the lines
// it flags with that kind that the corpus labels boilerplate; lines the corpus
// marks ambiguous for boilerplate are left out).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(process.env.NEWSCLEAN_NEWS_PAGES ?? join(root, '..', 'shared', 'external', 'news-pages'));
const args = process.argv.slice(2);

if (!existsSync(join(corpus, 'score.js'))) {
  console.log(`news-pages corpus not found at ${corpus}: nothing to score (set NEWSCLEAN_NEWS_PAGES to its folder).`);
  process.exit(0);
}
if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const cli = join(root, 'dist', 'cli.js');
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const node = q(process.execPath);
const score = spawnSync(
  process.execPath,
  [
    join(corpus, 'score.js'),
    '--outline-cmd',
    `${node} ${q(join(corpus, 'tools', 'sections.mjs'))} ${q(cli)} {file}`,
    '--check-cmd',
    `${node} ${q(cli)} check --locale en --format json {file}`,
    '--dir',
    corpus,
    ...(args.includes('--verbose') ? ['--verbose'] : []),
  ],
  { encoding: 'utf8', maxBuffer: 1 << 28 },
);
process.stdout.write(score.stdout);
process.stderr.write(score.stderr ?? '');

// Per type and per kind.
const files = readdirSync(corpus).filter((f) => /^\d\d(-pasted-twice)?\.txt$/.test(f)).sort();
const byType = new Map(); // type -> {n, found}
const byKind = new Map(); // kind -> {n, tp}
const confusion = new Map(); // kind -> Map(type -> n)
// One run over every file: the boilerplate findings of each.
const all = spawnSync(process.execPath, [cli, 'check', '--locale', 'en', '--format', 'json', '--rules', 'boilerplate', ...files.map((f) => join(corpus, f))], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
const findings = new Map(JSON.parse(all.stdout || '[]').map((x) => [x.file, x.findings]));
for (const f of files) {
  const label = JSON.parse(readFileSync(join(corpus, f.replace(/\.txt$/, '.json')), 'utf8'));
  const typeOf = new Map(label.boilerplate.map((b) => [b.line, b.type]));
  const ambiguous = new Set();
  for (const a of label.ambiguous ?? []) {
    if (a.skip && !a.skip.includes('boilerplate')) continue;
    const ls = a.lines ? (Array.isArray(a.lines[0]) ? a.lines.flatMap(([x, y]) => range(x, y)) : a.lines.length === 2 ? range(a.lines[0], a.lines[1]) : a.lines) : [a.line];
    for (const l of ls) ambiguous.add(l);
  }
  const found = new Map();
  for (const x of findings.get(join(corpus, f)) ?? []) {
    // The kind's label: `Not article text (KIND): “…”` or `KIND: “…” (part of the record…)`.
    const kind = /^Not article text \(([^()]+)\)|^([^:]+): “/.exec(x.message);
    const k = kind ? kind[1] ?? kind[2] : '?';
    for (let l = x.line; l <= x.endLine; l++) found.set(l, k);
  }
  for (const [line, type] of typeOf) {
    const s = byType.get(type) ?? { n: 0, found: 0 };
    s.n++;
    if (found.has(line)) s.found++;
    byType.set(type, s);
  }
  for (const [line, k] of found) {
    if (ambiguous.has(line)) continue;
    const s = byKind.get(k) ?? { n: 0, tp: 0 };
    s.n++;
    const type = typeOf.get(line);
    if (type) s.tp++;
    byKind.set(k, s);
    const c = confusion.get(k) ?? new Map();
    c.set(type ?? '(not boilerplate)', (c.get(type ?? '(not boilerplate)') ?? 0) + 1);
    confusion.set(k, c);
  }
}
function range(a, b) {
  const out = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2) : '  - ');
console.log('\nboilerplate recall by labelled type:');
for (const [type, s] of [...byType].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${type.padEnd(13)} R=${fmt(s.found / s.n)}  (${s.found}/${s.n})`);
console.log('boilerplate precision by reported kind:');
for (const [k, s] of [...byKind].sort((a, b) => b[1].n - a[1].n)) {
  const top = [...confusion.get(k)].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t, n]) => `${t} ${n}`).join(', ');
  console.log(`  ${k.padEnd(24)} P=${fmt(s.tp / s.n)}  (${s.tp}/${s.n}; ${top})`);
}

// The clean-up rules of pasted text on the same pages: what they report, to
// be read (the corpus labels none of these defects, so there is no score).
const CLEANUP = ['fullwidth-alphanumeric', 'invisible-characters', 'html-remnants', 'compatibility-ideographs', 'quote-style', 'cjk-latin-spacing'];
const cleanup = spawnSync(
  process.execPath,
  [cli, 'check', '--locale', 'en', '--format', 'json', '--rules', CLEANUP.join(','), '--set', 'newsclean.rules.cjk-latin-spacing=info', ...files.map((f) => join(corpus, f))],
  { encoding: 'utf8', maxBuffer: 1 << 28 },
);
const perRule = new Map(CLEANUP.map((r) => [r, []]));
for (const x of JSON.parse(cleanup.stdout || '[]')) {
  const lines = readFileSync(x.file, 'utf8').split(/\r?\n/);
  for (const f of x.findings) {
    const text = lines[f.line - 1] ?? '';
    const at = Math.max(0, f.column - 1 - 8);
    perRule.get(f.rule)?.push(`${x.file.slice(corpus.length + 1)}:${f.line}:${f.column} ${JSON.stringify(text.slice(at, f.column - 1 + 16))}`);
  }
}
console.log('\nclean-up rules on these pages (findings; cjk-latin-spacing is off by default and counted here as if on):');
for (const [rule, list] of perRule) {
  console.log(`  ${rule.padEnd(26)} ${list.length}`);
  for (const l of args.includes('--verbose') ? list : list.slice(0, 5)) console.log(`    ${l}`);
}
