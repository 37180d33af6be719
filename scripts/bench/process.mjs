// @ts-check
// The CLI as a user meets it: one process per run, side by side with
// AutoCorrect's CLI (autocorrect-node, `--lint --format json --threads 1`) on
// the same files, taking turns so that a change in the machine's load falls
// on both. Wall time and peak RSS of each process (RSS through
// /usr/bin/time when the machine has it). `npm run bench -- --process` runs
// these rows alone.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInput, median, writeArticles } from './inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIME = '/usr/bin/time';

/**
 * Runs `argv` once with its output to a file: wall milliseconds and peak RSS
 * in KB (undefined without /usr/bin/time).
 * @param {string[]} argv
 * @param {string} dir a scratch folder
 */
function runOnce(argv, dir) {
  const outFile = join(dir, 'out');
  const rssFile = join(dir, 'rss');
  const out = openSync(outFile, 'w');
  const measured = existsSync(TIME) ? [TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(measured[0], measured.slice(1), { stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.error ?? r.stderr}`);
  const rssKB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : undefined;
  rmSync(outFile, { force: true });
  rmSync(rssFile, { force: true });
  return { ms, rssKB };
}

/**
 * Process-level rows: a two-character file, 1 MB, 10 MB and 1,000 articles,
 * ours ÷ theirs, and peak RSS.
 * @param {(what: string, value: string | number, target?: string) => void} row
 * @param {{ quick?: boolean }} options
 */
export function processRows(row, { quick = false } = {}) {
  const cli = join(root, 'dist/cli.js');
  const autocorrect = join(root, 'node_modules/.bin/autocorrect');
  const haveTheirs = existsSync(autocorrect);
  const dir = mkdtempSync(join(tmpdir(), 'newsclean-bench-process-'));
  const scratchDirs = [dir];
  const small = join(dir, 'small.txt');
  writeFileSync(small, '你好');
  const oneMB = join(dir, '1mb.txt');
  writeFileSync(oneMB, buildInput(1e6));
  const cases = [
    { label: 'a two-character file', path: small, bytes: 2, runs: quick ? 7 : 21, target: 'target ≤ 100 ms, ≤ 40 ms above node' },
    { label: '1 MB', path: oneMB, bytes: 1e6, runs: quick ? 3 : 5, target: 'target ÷ ≤ 1.0' },
  ];
  if (!quick) {
    const tenMB = join(dir, '10mb.txt');
    writeFileSync(tenMB, buildInput(10e6));
    const articles = writeArticles(1000, 10e6);
    cases.push({ label: '10 MB', path: tenMB, bytes: 10e6, runs: 3, target: 'target ÷ ≤ 1.0, RSS ≤ 20× the file' });
    cases.push({ label: `${articles.files} articles (${(articles.bytes / 1e6).toFixed(1)} MB)`, path: articles.dir, bytes: articles.bytes, runs: 3, target: '' });
    scratchDirs.push(articles.dir);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'newsclean-bench-scratch-'));
  const load0 = loadavg()[0];
  /** @type {number[]} bare `node -e 0`, run in turn with the small file's runs (a change in load falls on both) */
  const bare = [];
  // One run first, so that the bin's code cache is written before the timed runs.
  runOnce([process.execPath, cli, 'check', '--format', 'json', '--jobs', '1', small], scratch);
  for (const c of cases) {
    const ours = [];
    const theirs = [];
    const oursRSS = [];
    for (let i = 0; i < c.runs; i++) {
      if (c.bytes === 2) bare.push(runOnce([process.execPath, '-e', '0'], scratch).ms);
      const o = runOnce([process.execPath, cli, 'check', '--format', 'json', '--jobs', '1', c.path], scratch);
      ours.push(o.ms);
      if (o.rssKB !== undefined) oursRSS.push(o.rssKB);
      if (haveTheirs) theirs.push(runOnce([autocorrect, '--lint', '--format', 'json', '--threads', '1', c.path], scratch).ms);
    }
    const o = median(ours);
    const rss = oursRSS.length ? median(oursRSS) : undefined;
    const t = haveTheirs ? median(theirs) : undefined;
    row(`process: check ${c.label}, ours / AutoCorrect (ms)`, `${o.toFixed(0)} / ${t === undefined ? '—' : t.toFixed(0)}`, c.target);
    if (t !== undefined) row(`process: check ${c.label}, ours ÷ AutoCorrect`, (o / t).toFixed(2));
    if (c.bytes === 2) {
      row('process: bare `node -e 0`, in turn with these runs (ms)', median(bare).toFixed(0));
      row('process: check a two-character file, above bare node (ms)', (o - median(bare)).toFixed(0));
    }
    if (rss !== undefined) row(`process: check ${c.label}, peak RSS (MB${c.bytes >= 1e6 ? ', × the input' : ''})`, `${(rss / 1024).toFixed(1)}${c.bytes >= 1e6 ? ` (${((rss * 1024) / c.bytes).toFixed(1)}×)` : ''}`);
  }
  // The other formats on 10 MB: each writes a large file's findings in pieces as JSON does.
  const tenMB = cases.find((c) => c.bytes === 10e6);
  if (tenMB && existsSync(TIME)) {
    for (const format of ['text', 'sarif']) {
      const runs = [0, 1, 2].map(() => runOnce([process.execPath, cli, 'check', '--format', format, '--jobs', '1', tenMB.path], scratch));
      const rss = median(runs.map((r) => r.rssKB ?? 0));
      row(`process: check 10 MB --format ${format}, ms / peak RSS (MB, × the input)`, `${median(runs.map((r) => r.ms)).toFixed(0)} / ${(rss / 1024).toFixed(1)} (${((rss * 1024) / tenMB.bytes).toFixed(1)}×)`);
    }
  }
  row('process: load average, 1 min, before → after', `${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  rmSync(scratch, { recursive: true, force: true });
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
}
