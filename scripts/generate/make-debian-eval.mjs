// @ts-check
// Builds the real-text mojibake evaluation set in test/fixtures/mojibake-debian/
// from the texts of a few Debian packages (free-licensed; see LICENSE.md
// there): the Chinese man pages (zh_CN and zh_TW), the Japanese man pages,
// the Chinese fortunes, the Debian Reference in Simplified Chinese, and the
// zh_CN, zh_TW, ja and ko message catalogues of six GNU packages. Chinese
// lines are damaged by really encoding and decoding them with the wrong code
// page (iconv-lite), sampled with a fixed seed so the set is reproducible.
//
//   apt-get download manpages-zh manpages-ja fortunes-zh debian-reference-zh-cn \
//     coreutils grep sed tar wget diffutils
//   node scripts/generate/make-debian-eval.mjs path/to/the/debs
//
// cases.jsonl: { source, kind, shape, clean, damaged, recoverable } where
// shape is `line` (the whole line misread, its ASCII with it), `run` (one
// clause of a clean line misread) or `paragraph` (the middle line of three
// clean lines misread). clean.jsonl: { source, lang, text } lines that must
// not change — Japanese and Korean among them.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const debs = process.argv[2];
if (!debs) {
  console.error('usage: node scripts/generate/make-debian-eval.mjs <folder of .deb files>');
  process.exit(2);
}
const out = join(root, 'test', 'fixtures', 'mojibake-debian');

/** mulberry32: a small seeded generator, so the set is the same on every run. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261207);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
/** `n` distinct items of `xs`, in a seeded order. */
function sample(xs, n) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

// ---- Unpacking the packages --------------------------------------------------

const tree = mkdtempSync(join(tmpdir(), 'debian-eval-'));
process.on('exit', () => rmSync(tree, { recursive: true, force: true }));
/** The folder a package was unpacked into (dpkg-deb -x). */
function unpack(name) {
  const deb = readdirSync(debs).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (!deb) throw new Error(`no ${name}_*.deb in ${debs}`);
  const dir = join(tree, name);
  mkdirSync(dir);
  execFileSync('dpkg-deb', ['-x', join(debs, deb), dir]);
  return dir;
}
/** Every file under `dir`, sorted. */
function walk(dir) {
  const entries = readdirSync(dir).sort();
  return entries.flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));
}
const readText = (file) => (file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8');

/** The text lines of a roff page: requests dropped, font and character escapes undone. */
function roffLines(source) {
  return source
    .split('\n')
    .filter((l) => !/^[.']/.test(l))
    .map((l) =>
      l
        .replace(/\\f(\(..|\[[^\]]*\]|.)/g, '')
        .replace(/\\\*(\(..|\[[^\]]*\]|.)/g, '')
        .replace(/\\\((em|en)/g, '—')
        .replace(/\\\((lq|rq|dq)/g, '"')
        .replace(/\\\(../g, '')
        .replace(/\\[-]/g, '-')
        .replace(/\\e/g, '\\')
        .replace(/\\[&,/|^%:!~ 0]/g, (m) => (m === '\\ ' || m === '\\~' || m === '\\0' ? ' ' : ''))
        .replace(/\\"/g, '')
        .trim(),
    );
}

/** The translations in a GNU .mo catalogue, split into lines. */
function moLines(file) {
  const b = readFileSync(file);
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8);
  const table = u32(16);
  const lines = [];
  for (let i = 1; i < n; i++) {
    const len = u32(table + 8 * i);
    const off = u32(table + 8 * i + 4);
    for (const s of b.subarray(off, off + len).toString('utf8').split('\0')) lines.push(...s.split('\n'));
  }
  return lines.map((l) => l.trim());
}

const HAN = /[\u4e00-\u9fff]/;
const KANA = /[\u3041-\u30ff]/;
const HANGUL = /[\uac00-\ud7a3]/;
/** Lines worth keeping: 6–100 characters, no control characters, no replacement character, some of the language's script. */
const keep = (lang) => (l) =>
  l.length >= 6 && l.length <= 100 && !/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(l) && (lang === 'ko' ? HANGUL.test(l) : HAN.test(l) && (lang !== 'ja' || KANA.test(l)));

const GNU = ['coreutils', 'grep', 'sed', 'tar', 'wget', 'diffutils'];
const gnu = GNU.map((p) => unpack(p));
const po = (locale) => gnu.flatMap((dir) => walk(dir).filter((f) => f.includes(`/locale/${locale}/LC_MESSAGES/`) && f.endsWith('.mo')).flatMap(moLines));
const manZh = unpack('manpages-zh');
const manJa = unpack('manpages-ja');
const fortunes = unpack('fortunes-zh');
const reference = unpack('debian-reference-zh-cn');
const man = (dir, locale) => walk(join(dir, 'usr', 'share', 'man', locale)).flatMap((f) => roffLines(readText(f)));

/** Each source: its language and its lines. */
const SOURCES = {
  'manpages-zh (zh_CN)': { lang: 'zh-Hans', lines: man(manZh, 'zh_CN') },
  'manpages-zh (zh_TW)': { lang: 'zh-Hant', lines: man(manZh, 'zh_TW') },
  'fortunes-zh': {
    lang: 'zh-Hans',
    lines: ['chinese', 'tang300', 'song100'].flatMap((f) => readText(join(fortunes, 'usr', 'share', 'games', 'fortunes', f)).replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim())),
  },
  'debian-reference-zh-cn': { lang: 'zh-Hans', lines: readText(join(reference, 'usr', 'share', 'debian-reference', 'debian-reference.zh-cn.txt.gz')).split('\n').map((l) => l.trim()) },
  'gnu-po (zh_CN)': { lang: 'zh-Hans', lines: po('zh_CN') },
  'gnu-po (zh_TW)': { lang: 'zh-Hant', lines: po('zh_TW') },
  'manpages-ja': { lang: 'ja', lines: man(manJa, 'ja') },
  'gnu-po (ja)': { lang: 'ja', lines: po('ja') },
  'gnu-po (ko)': { lang: 'ko', lines: po('ko') },
};
for (const s of Object.values(SOURCES)) s.lines = [...new Set(s.lines.filter(keep(s.lang)))];

// ---- Damage ------------------------------------------------------------------

const enc = (s, e) => iconv.encode(s, e);
const dec = (b, e) => iconv.decode(b, e);
const same = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
/** Bytes read as Windows-1252 with its five undefined bytes kept as C1 controls (what most tools do). */
const sloppy1252 = (b) => [...b].map((x) => (dec(Buffer.of(x), 'cp1252') === '\ufffd' ? String.fromCharCode(x) : dec(Buffer.of(x), 'cp1252'))).join('');
function misread(bytes, wrong) {
  const text = wrong === 'cp1252-sloppy' ? sloppy1252(bytes) : dec(bytes, wrong);
  const back = wrong === 'cp1252-sloppy' ? Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : enc(c, 'cp1252')[0]))) : enc(text, wrong);
  return { text, recoverable: !text.includes('\ufffd') && same(back, bytes) };
}
const roundTrips = (s, e) => dec(enc(s, e), e) === s;
const KINDS = {
  'utf8-as-gbk': (s) => misread(enc(s, 'utf8'), 'gbk'),
  'utf8-as-latin1': (s) => misread(enc(s, 'utf8'), 'latin1'),
  'utf8-as-cp1252': (s) => misread(enc(s, 'utf8'), 'cp1252-sloppy'),
  'gbk-as-latin1': (s) => (roundTrips(s, 'gbk') ? misread(enc(s, 'gbk'), 'latin1') : undefined),
  'big5-as-gbk': (s) => (roundTrips(s, 'big5') ? misread(enc(s, 'big5'), 'gbk') : undefined),
};
/** Per source and kind: whole lines, clauses inside a line, and middle lines of a paragraph. */
const SHAPES = { line: 12, run: 10, paragraph: 6 };
const LOSSY = 4;
const CLEAN = { 'zh-Hans': 120, 'zh-Hant': 150, ja: 200, ko: 250 };

const cases = [];
const clean = [];
for (const [source, { lang, lines }] of Object.entries(SOURCES)) {
  const order = sample(lines, lines.length);
  const used = new Set();
  const take = () => {
    for (const l of order) if (!used.has(l)) return used.add(l), l;
    throw new Error(`${source}: out of lines`);
  };
  if (lang === 'zh-Hans' || lang === 'zh-Hant') {
    for (const [kind, damage] of Object.entries(KINDS)) {
      const candidates = order.filter((l) => !used.has(l) && damage(l) !== undefined);
      let i = 0;
      let lossy = 0;
      for (const [shape, want] of Object.entries(SHAPES)) {
        for (let n = 0; n < want && i < candidates.length; ) {
          const line = candidates[i++];
          if (used.has(line)) continue;
          let before = '';
          let run = line;
          let after = '';
          if (shape === 'run') {
            const clauses = line.match(/[^，。、：；！？,.:;!?]*[\u4e00-\u9fff][^，。、：；！？,.:;!?]*[，。、：；！？]?/g) ?? [];
            const clause = clauses.find((c) => c.length >= 4 && c !== line);
            if (!clause) continue;
            const at = line.indexOf(clause);
            [before, run, after] = [line.slice(0, at), clause, line.slice(at + clause.length)];
          }
          const d = damage(run);
          if (!d || d.text === run) continue;
          if (!d.recoverable) {
            if (lossy < LOSSY) {
              cases.push({ source, kind, shape, clean: before + run + after, damaged: before + d.text + after, recoverable: false });
              lossy++;
            }
            used.add(line);
            continue;
          }
          used.add(line);
          if (shape === 'paragraph') {
            const [p, q] = [take(), take()];
            cases.push({ source, kind, shape, clean: [p, line, q].join('\n'), damaged: [p, d.text, q].join('\n'), recoverable: true });
          } else {
            cases.push({ source, kind, shape, clean: line, damaged: before + d.text + after, recoverable: true });
          }
          n++;
        }
      }
    }
  }
  for (let n = 0; n < CLEAN[lang] && used.size < lines.length; n++) clean.push({ source, lang, text: take() });
}
// Japanese and Korean lines quoted inside Chinese paragraphs.
const zh = clean.filter((c) => c.lang === 'zh-Hans');
for (const c of sample(clean.filter((c) => c.lang === 'ja' || c.lang === 'ko'), 60)) {
  clean.push({ source: c.source, lang: `${c.lang} in zh`, text: `${pick(zh).text}「${c.text}」${pick(zh).text}` });
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'cases.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
writeFileSync(join(out, 'clean.jsonl'), clean.map((c) => JSON.stringify(c)).join('\n') + '\n');
const table = {};
for (const c of cases) {
  const k = (table[`${c.kind} ${c.recoverable ? '' : '(lossy)'}`] ??= {});
  k[c.shape] = (k[c.shape] ?? 0) + 1;
}
console.log(`${basename(out)}: ${cases.length} damaged cases, ${clean.length} clean lines`);
console.table(table);
console.table(Object.fromEntries(Object.entries(SOURCES).map(([s, v]) => [s, v.lines.length])));
