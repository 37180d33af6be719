// @ts-check
// Builds the labelled mojibake evaluation set in test/fixtures/mojibake/:
// real Chinese sentences (the seed articles, and OpenCC's public-domain
// translation of the US Constitution in Simplified and Traditional script),
// damaged by really encoding and decoding them with the wrong code page
// (iconv-lite), sampled with a fixed seed so the file is reproducible.
//
//   node scripts/generate/make-mojibake-eval.mjs [path/to/shared/external]
//
// Each line of cases.jsonl: { kind, clean, damaged, recoverable } where
// `clean` is the whole line as it should read and `damaged` the same line
// with one run of mojibake. `recoverable` says whether the damaged text still
// holds every byte (an exact repair is possible); otherwise the rule must
// flag it, not guess. clean.jsonl holds the clean lines (false alarms).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const external = process.argv[2] ?? join(root, '..', 'shared', 'external');
const out = join(root, 'test', 'fixtures', 'mojibake');
const PER_KIND = 200;

/** mulberry32: a small seeded generator, so the set is the same on every run. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261123);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const enc = (s, e) => iconv.encode(s, e);
const dec = (b, e) => iconv.decode(b, e);
const same = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
/** Bytes read as Windows-1252 with its five undefined bytes kept as C1 controls (what most tools do). */
const sloppy1252 = (b) => [...b].map((x) => (dec(Buffer.of(x), 'cp1252') === '\ufffd' ? String.fromCharCode(x) : dec(Buffer.of(x), 'cp1252'))).join('');
/** `bytes` read with `wrong`, and whether reading it back gives the same bytes. */
function misread(bytes, wrong) {
  const text = wrong === 'cp1252-sloppy' ? sloppy1252(bytes) : dec(bytes, wrong);
  const back = wrong === 'cp1252-sloppy' ? Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : enc(c, 'cp1252')[0]))) : enc(text, wrong);
  return { text, recoverable: !text.includes('\ufffd') && same(back, bytes) };
}

// Sources: lines of real Chinese text.
const seedDir = join(root, 'test', 'fixtures', 'seeds');
const seedLines = readdirSync(seedDir)
  .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
  .flatMap((f) => readFileSync(join(seedDir, f), 'utf8').replace(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[1-5]?[)）]/g, '').split('\n'));
const constitution = (v) => readFileSync(join(external, 'opencc', 'golden', `us_constitution_zhs${v}.txt`), 'utf8').split('\n');
const lines = [...new Set([...seedLines, ...constitution(''), ...constitution('.s2tw')].map((l) => l.trim()).filter((l) => /[\u4e00-\u9fff]/.test(l)))];

/** Sentences (ending in 。！？；) of 6–60 characters. */
const sentences = [...new Set(lines.flatMap((l) => l.match(/[^。！？；]{5,59}[。！？；]/g) ?? []))].filter((s) => /[\u4e00-\u9fff]{4}/.test(s));
/** The runs that get damaged: sentences and their clauses (to 、，：), 4–60 characters. */
const runs = [...new Set([...sentences, ...sentences.flatMap((s) => s.match(/[^，、：]{4,40}[，、：]?/g) ?? [])])].filter((s) => /[\u4e00-\u9fff]{4}/.test(s));
const roundTrips = (s, e) => dec(enc(s, e), e) === s;

/** Each kind: how to damage a run; undefined when the run cannot be written in the source encoding at all. */
const KINDS = {
  'utf8-as-gbk': (s) => misread(enc(s, 'utf8'), 'gbk'),
  'utf8-as-cp1252': (s) => misread(enc(s, 'utf8'), 'cp1252-sloppy'),
  'utf8-as-latin1': (s) => misread(enc(s, 'utf8'), 'latin1'),
  'gbk-as-latin1': (s) => (roundTrips(s, 'gbk') ? misread(enc(s, 'gbk'), 'latin1') : undefined),
  'big5-as-gbk': (s) => (roundTrips(s, 'big5') ? misread(enc(s, 'big5'), 'gbk') : undefined),
  'gbk-as-big5': (s) => (roundTrips(s, 'gbk') ? misread(enc(s, 'gbk'), 'big5') : undefined),
  'utf8-as-big5': (s) => misread(enc(s, 'utf8'), 'big5'),
  'utf8-as-gbk-as-cp1252': (s) => {
    const inner = misread(enc(s, 'utf8'), 'gbk');
    if (!inner.recoverable) return undefined;
    const outer = misread(enc(inner.text, 'utf8'), 'cp1252-sloppy');
    return outer;
  },
  // 问句码: UTF-8 read as GBK and saved; an odd last byte became `?`.
  'utf8-as-gbk-saved': (s) => {
    const b = enc(s, 'utf8');
    const text = dec(b, 'gbk');
    if (!text.endsWith('\ufffd') || text.slice(0, -1).includes('\ufffd')) return undefined;
    return { text: text.slice(0, -1) + '?', recoverable: false };
  },
};

// Per kind: PER_KIND recoverable cases (exact repair expected) and up to
// PER_KIND / 2 unrecoverable ones (a finding expected, and no change to the
// clean text around it). 问句码 cases expect the repair of all but the lost
// last character, which becomes U+FFFD.
const cases = [];
for (const [kind, damage] of Object.entries(KINDS)) {
  const seen = new Set();
  let recoverable = 0;
  let lossy = 0;
  for (let tries = 0; (recoverable < PER_KIND || lossy < PER_KIND / 2) && tries < 100 * PER_KIND; tries++) {
    const run = pick(runs);
    if (seen.has(run)) continue;
    const d = damage(run);
    if (!d || d.text === run) continue;
    if (d.recoverable ? recoverable >= PER_KIND : lossy >= PER_KIND / 2) continue;
    seen.add(run);
    if (d.recoverable) recoverable++;
    else lossy++;
    // Half the cases inside a clean line, half as the whole line.
    const inside = random() < 0.5;
    const before = inside ? pick(sentences) : '';
    const after = inside ? pick(sentences) : '';
    const c = { kind, clean: before + run + after, damaged: before + d.text + after, recoverable: d.recoverable };
    if (kind === 'utf8-as-gbk-saved') c.expected = before + run.slice(0, -1) + '\ufffd' + after;
    cases.push(c);
  }
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'cases.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
writeFileSync(join(out, 'clean.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
const counts = {};
for (const c of cases) {
  const k = (counts[c.kind] ??= { recoverable: 0, lossy: 0 });
  if (c.recoverable) k.recoverable++;
  else k.lossy++;
}
console.log(`make-mojibake-eval: ${cases.length} damaged cases, ${lines.length} clean lines`);
for (const [kind, k] of Object.entries(counts)) console.log(`  ${kind.padEnd(24)} recoverable ${k.recoverable}, lossy ${k.lossy}`);
