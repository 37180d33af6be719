// @ts-check
// npm run bench: speed and memory of the engine, measured side by side with
// the peers editors use today (AutoCorrect, zhlint) in the same process.
// Prints medians over repeated runs and ratios. No assertion: the numbers are
// read, quoted in notes, and compared with the targets printed beside them.
// `--quick` runs fewer and smaller; `--cli` only the CLI over 1,000 articles;
// `--process` only the process rows beside AutoCorrect (process.mjs).
import * as esbuild from 'esbuild';
import { ALIAS } from '../bundle-options.mjs';
import { buildInput, median, writeArticles } from './inputs.mjs';
import { processRows } from './process.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');

/** The core, bundled as the extension bundles it. */
async function loadCore() {
  const dir = mkdtempSync(join(tmpdir(), 'newsclean-bench-'));
  const file = join(dir, 'core.cjs');
  await esbuild.build({ entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'warning', absWorkingDir: root, alias: ALIAS });
  return { core: require(file), file };
}

function time(fn, runs) {
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(); // the result is let go at once: a run never holds the one before it
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { median: median(ts) };
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const rows = [];
const row = (what, value, target = '') => {
  rows.push([what, value, target]);
  console.log(`${what.padEnd(58)} ${String(value).padStart(14)}  ${target}`);
};

/** CPU seconds used so far by the whole machine and by this process's finished children (Linux; undefined elsewhere). */
function cpuSeconds() {
  try {
    const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1, 9).map(Number);
    const self = readFileSync('/proc/self/stat', 'utf8');
    const f = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    const busy = machine.reduce((a, b) => a + b, 0) - machine[3] - machine[4]; // all but idle and iowait
    return { machine: busy / 100, children: (f[13] + f[14]) / 100 };
  } catch {
    return undefined;
  }
}

/** The bundled CLI over 1,000 articles (~10 MB) in one folder: wall time of the process, one thread and the default worker threads. */
function cliBatch() {
  const cli = join(root, 'dist/cli.js');
  const { dir, files, bytes } = writeArticles(1000, 10e6);
  const runs = quick ? 3 : 5;
  const load0 = loadavg();
  const cpu0 = cpuSeconds();
  const wall0 = process.hrtime.bigint();
  const times = { 1: [], default: [] };
  const outputs = {};
  for (let i = 0; i < runs; i++) {
    // Alternate the two, so a change in the machine's load falls on both.
    for (const jobs of ['1', 'default']) {
      const outFile = join(dir, `out-${jobs}.json`);
      const out = openSync(outFile, 'w');
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...(jobs === '1' ? ['--jobs', '1'] : []), dir], { stdio: ['ignore', out, 'pipe'] });
      times[jobs].push(Number(process.hrtime.bigint() - t0) / 1e6);
      closeSync(out);
      if (r.status !== 1) throw new Error(`newsclean exited ${r.status}: ${r.stderr}`);
      outputs[jobs] = readFileSync(outFile);
      rmSync(outFile);
    }
  }
  const load1 = loadavg();
  const cpu1 = cpuSeconds();
  const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
  const one = median(times[1]);
  const all = median(times.default);
  const label = `json, ${files} files ${(bytes / 1e6).toFixed(1)} MB`;
  row(`CLI check ${label}, --jobs 1 (ms)`, fmt(one), 'target ≤ 5000');
  row(`CLI check ${label}, default: ${availableParallelism()} jobs (ms)`, fmt(all), 'target ≤ 5000');
  row('CLI default jobs ÷ --jobs 1', (all / one).toFixed(2));
  row('CLI outputs identical (--jobs 1, default)', outputs[1].equals(outputs.default) ? 'yes' : 'NO');
  row(`load average, 1 min, before → after the ${2 * runs} CLI runs`, `${load0[0].toFixed(1)} → ${load1[0].toFixed(1)}`);
  if (cpu0 && cpu1) {
    // What the load average cannot say: how much of the CPUs other processes took meanwhile.
    const others = (cpu1.machine - cpu0.machine - (cpu1.children - cpu0.children)) / wall;
    row(`CPUs busy with other processes during the CLI runs (of ${availableParallelism()})`, others.toFixed(2));
  }
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv.includes('--process')) {
  console.log(`newsclean process benchmark — node ${process.version}`);
  processRows(row, { quick });
  process.exit(0);
}

if (process.argv.includes('--cli')) {
  console.log(`newsclean CLI benchmark — node ${process.version}`);
  cliBatch();
  process.exit(0);
}

// A child process per size measures cold time and peak memory cleanly.
if (process.argv[2] === '--child') {
  const [, , , coreFile, inputFile] = process.argv;
  const t0 = process.hrtime.bigint();
  const core = require(coreFile);
  const text = readFileSync(inputFile, 'utf8');
  // Only the count is kept: the warm runs below do not hold the cold run's findings.
  const findings = core.analyze(new core.NewsDocument(text)).length;
  const cold = Number(process.hrtime.bigint() - t0) / 1e6;
  const coldRSSKB = process.resourceUsage().maxRSS;
  const warm = time(() => core.analyze(new core.NewsDocument(text)), quick ? 2 : 5).median;
  const outline = time(() => core.parseOutline(new core.NewsDocument(text)), 3).median;
  process.stdout.write(JSON.stringify({ cold, warm, outline, findings, coldRSSKB, maxRSSKB: process.resourceUsage().maxRSS }));
  process.exit(0);
}

const { core, file: coreFile } = await loadCore();

/**
 * What the six clean-up rules (full-width letters, invisible characters,
 * HTML remnants, compatibility ideographs, quote style, CJK–Latin spacing,
 * turned on here) add to a 1 MB analysis: the analysis with them less the
 * analysis without them, medians. `--cleanup` runs this alone.
 */
function cleanupRules() {
  const six = ['html-remnants', 'invisible-characters', 'compatibility-ideographs', 'fullwidth-alphanumeric', 'quote-style', 'cjk-latin-spacing'];
  const settings = core.resolveSettings({ 'newsclean.rules.cjk-latin-spacing': 'default' });
  const text = buildInput(1e6);
  const runs = quick ? 5 : 15;
  const doc = new core.NewsDocument(text);
  const analyzeMs = (/** @type {string[]} */ rules) => time(() => core.analyze(doc, { rules, settings }), runs).median;
  analyzeMs(six); // V8 optimises the rules in the first runs
  for (const id of six) row(`${id}, 1 MB (ms)`, fmt(analyzeMs([id])));
  row('the five default clean-up rules together, 1 MB (ms)', fmt(analyzeMs(six.slice(0, 5))), 'target ≤ 15');
  row('the six clean-up rules together (spacing on), 1 MB (ms)', fmt(analyzeMs(six)), 'target ≤ 15');
}
if (process.argv.includes('--cleanup')) {
  cleanupRules();
  process.exit(0);
}

/** Edit → published diagnostics through the language server, 1 MB, beside the same edits in-process. `--lsp` runs this alone. */
async function languageServer(/** @type {string} */ text) {
  const { serverLatency } = await import('./lsp.mjs');
  const r = await serverLatency({ text, runs: quick ? 7 : 21, core });
  row('edit → published diagnostics via `newsclean lsp`, 1 MB (ms)', fmt(r.server));
  row('the same edits re-analysed in-process, 1 MB (ms)', fmt(r.inProcess));
}
if (process.argv.includes('--lsp')) {
  await languageServer(buildInput(1e6));
  process.exit(0);
}
console.log(`News Transcript Cleaner benchmark — node ${process.version}, rules: ${core.RULES.map((r) => r.meta.id).join(', ')}`);
console.log('');
const dir = mkdtempSync(join(tmpdir(), 'newsclean-bench-in-'));
/** @type {[number, string][]} */
const sizes = quick ? [[100e3, '100 KB'], [1e6, '1 MB']] : [[100e3, '100 KB'], [1e6, '1 MB'], [10e6, '10 MB']];
const inputs = {};
for (const [bytes, label] of sizes) {
  const text = buildInput(bytes);
  inputs[label] = text;
  const f = join(dir, `${label.replace(' ', '')}.txt`);
  writeFileSync(f, text);
  const r = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', coreFile, f], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const fileMB = Buffer.byteLength(text) / 1e6;
  const baselineRSS = 45; // MB, an idle Node process, subtracted for the ratio
  row(`all rules, ${label}, cold (ms)`, fmt(r.cold), label === '10 MB' ? 'target ≤ 3000' : '');
  row(`all rules, ${label}, warm median (ms)`, fmt(r.warm));
  row(`outline, ${label}, median (ms)`, fmt(r.outline));
  const rss = (kb) => `${(kb / 1024).toFixed(0)} (${((kb / 1024 - baselineRSS) / fileMB).toFixed(1)}×)`;
  row(`peak RSS, ${label} (MB; × file size above idle)`, rss(r.maxRSSKB), label === '10 MB' ? 'target ≤ 20×' : '');
  row(`peak RSS, ${label}, cold run alone (MB; × file size above idle)`, rss(r.coldRSSKB));
}

/** Clean articles: the seeds as the engine leaves them (their golden fixed texts), repeated to `bytes`. */
function cleanInput(bytes, seedDir = join(root, 'test/fixtures/seeds')) {
  const fixed = readdirSync(seedDir)
    .filter((f) => f.endsWith('.fixed.txt'))
    .sort()
    .map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = fixed[i % fixed.length];
    parts.push(s);
    size += Buffer.byteLength(s, 'utf8') + 1;
  }
  return parts.join('\n');
}

// Each rule alone on 1 MB: clean articles and the damaged mix.
const perRule1MB = {};
{
  const clean = cleanInput(1e6);
  // 15 runs: the median is past the first runs, which V8 spends optimising.
  const rulesMs = (text, rules) => time(() => core.analyze(new core.NewsDocument(text), { rules }), quick ? 5 : 15).median;
  for (const [label, text] of [['clean', clean], ['damaged', inputs['1 MB']]]) {
    for (const rule of core.RULES) {
      const ms = rulesMs(text, [rule.meta.id]);
      perRule1MB[`${rule.meta.id} ${label}`] = ms;
      row(`${rule.meta.id}, 1 MB ${label} (ms)`, fmt(ms));
    }
  }
  row('mojibake+lost-characters+flattened-pinyin, 1 MB clean (ms)', fmt(rulesMs(clean, ['mojibake', 'lost-characters', 'flattened-pinyin'])), 'target ≤ 30');
  const dupBoiler = rulesMs(inputs['1 MB'], ['duplicate-block', 'boilerplate']);
  row('duplicate-block+boilerplate, 1 MB (ms)', fmt(dupBoiler));
  const outline = time(() => core.parseOutline(new core.NewsDocument(inputs['1 MB'])), quick ? 5 : 15).median;
  row('duplicate-block+boilerplate+outline, 1 MB (ms)', fmt(outline + dupBoiler), 'target ≤ 50');
  cleanupRules();
}

// Re-analysis after a one-character edit in the 1 MB document, as keystrokes come: each run types one
// more character somewhere else (at the start, the end or inside a line of the middle half; punctuation,
// a Han character, a letter) on the state the run before left: no run re-analyses a text seen before, so
// what is cached by the text never answers. Punctuation leaves duplicate-block's normalised stream as it
// was; the others do not.
{
  let text = inputs['1 MB'];
  const chars = ['。', '的', '，', 'a', '”'];
  let k = 0;
  const next = () => {
    k++;
    const nl = text.indexOf('\n', Math.floor(text.length * (0.25 + ((k * 0.618) % 1) * 0.5)));
    const at = k % 3 === 0 ? nl + 1 : k % 3 === 1 ? nl : nl - 3;
    text = text.slice(0, at) + chars[k % chars.length] + text.slice(at);
    return text;
  };
  const analyzeEdit = core.analyzeIncremental
    ? (() => {
        let { state } = core.analyzeIncremental(undefined, text);
        return () => ({ state } = core.analyzeIncremental(state, next()));
      })()
    : () => core.analyze(new core.NewsDocument(next()));
  row('re-analysis after a one-character edit, 1 MB (ms)', fmt(time(analyzeEdit, quick ? 15 : 30).median), 'target ≤ 10');
  // Memory over a session: the heap after a garbage collection, before and after 200 more keystrokes. An
  // analysis that kept the one before it (and its text) would grow with every keystroke.
  if (core.analyzeIncremental) {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc');
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i++) analyzeEdit();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    row('heap growth over 200 one-character edits, 1 MB (MB)', fmt((process.memoryUsage().heapUsed - before) / 1e6), 'target ≈ 0');
  }
}
await languageServer(inputs['1 MB']);

// Fix-all on the damaged 1 MB document: every pass (repairs first, then what the fixes uncover).
{
  const text = inputs['1 MB'];
  const passes = core.fixAll(text).passes; // also warms up
  row(`fix-all, 1 MB damaged (${passes} passes), median (ms)`, fmt(time(() => core.fixAll(text), quick ? 3 : 5).median), 'target ≤ 2000');
  row('fix-all, safe fixes only (Clean Document), 1 MB damaged, median (ms)', fmt(time(() => core.fixAll(text, { safeOnly: true }), quick ? 3 : 5).median));
}

// Peers on the same 1 MB text.
{
  const text = inputs['1 MB'];
  const ours = time(() => core.analyze(new core.NewsDocument(text)), 5).median;
  let autocorrect;
  try {
    const ac = require('autocorrect-node');
    autocorrect = time(() => ac.lintFor(text, 'article.txt'), 5).median;
    row('AutoCorrect lintFor, 1 MB (ms)', fmt(autocorrect));
    row('ours ÷ AutoCorrect, 1 MB', (ours / autocorrect).toFixed(2), 'target ≤ 0.5');
  } catch (e) {
    row('AutoCorrect', `unavailable: ${e.message.split('\n')[0]}`);
  }
  try {
    const zhlint = require('zhlint');
    const sample = quick ? text.slice(0, 100_000) : text;
    const z = time(() => zhlint.run(sample, { logger: /** @type {Console} */ (/** @type {unknown} */ ({ log() {}, error() {}, warn() {} })) }), quick ? 1 : 3).median;
    const scale = text.length / sample.length;
    row(`zhlint run, 1 MB (ms${scale > 1 ? `, extrapolated from ${sample.length} chars` : ''})`, fmt(z * scale));
    row('ours ÷ zhlint, 1 MB', (ours / (z * scale)).toFixed(3));
  } catch (e) {
    row('zhlint', `unavailable: ${e.message.split('\n')[0]}`);
  }
}

// Conversion against bare opencc-js on the same 1 MB text, and mixed-script detection.
{
  const text = inputs['1 MB'];
  const OpenCC = require('opencc-js');
  const pairs = [
    ['zh-Hans', OpenCC.Converter({ from: 'hk', to: 'cn' })],
    ['zh-TW', OpenCC.Converter({ from: 'cn', to: 'tw' })],
  ];
  for (const [target, bare] of pairs) {
    core.convert(text.slice(0, 1000), target);
    // Taking turns, so that neither side pays for the other's garbage.
    const oursMs = [];
    const theirsMs = [];
    for (let i = 0; i < 7; i++) {
      oursMs.push(time(() => core.convert(text, target), 1).median);
      theirsMs.push(time(() => bare(text), 1).median);
    }
    const ours = median(oursMs);
    const theirs = median(theirsMs);
    row(`conversion to ${target}, 1 MB: ours / bare opencc-js (ms)`, `${fmt(ours)} / ${fmt(theirs)}`);
    row(`conversion to ${target}: ours ÷ bare`, (ours / theirs).toFixed(2), 'target ≤ 1.2');
  }
  const mb = Buffer.byteLength(text) / 1e6;
  row('mixed-script detection (ms per MB)', fmt(perRule1MB['mixed-script damaged'] / mb), 'target ≤ 20');
}

// Bundles and load time of the extension bundle.
for (const f of ['dist/extension.js', 'dist/web/extension.js', 'dist/cli.js']) {
  try {
    row(`bundle ${f} (KB)`, (statSync(join(root, f)).size / 1024).toFixed(1));
  } catch {
    row(`bundle ${f}`, 'missing: run npm run build');
  }
}
{
  const loads = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const out = execFileSync(
      process.execPath,
      ['-e', `const M=require('module');const o=M._load;const s=new Proxy(function(){},{get:(t,k)=>k==='__esModule'?true:s,apply:()=>s,construct:()=>s,getPrototypeOf:()=>s});M._load=function(r,...a){return r==='vscode'?s:o.call(this,r,...a)};const t=process.hrtime.bigint();require(${JSON.stringify(join(root, 'dist/extension.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
      { encoding: 'utf8' },
    );
    loads.push(Number(out));
  }
  // Module evaluation only (vscode stubbed). The engine (dist/engine.js) is not in it: the extension loads it
  // right after activate() returns, so the extension host pays for it in a later turn (no test times activation).
  row('load of dist/extension.js, median (ms)', fmt(median(loads)), 'activation target ≤ 50');
}

// The CLI over many files, in one thread and in worker threads.
cliBatch();

// The CLI as a process, beside AutoCorrect's.
processRows(row, { quick });
