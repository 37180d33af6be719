// @ts-check
// npm run bench:review: the editor-side costs of a 1 MB transcript that the
// real-editor tests can only time loosely — the plan of Clean Document (all
// the work done before the refactor preview opens: fix-all's passes, each
// fix mapped back to the original text), a light-bulb request (the findings
// near the cursor, by binary search over the findings sorted once per
// document version), and the diagnostics budget (errors and the visible
// range one by one, the rest grouped). Medians over repeated runs; no
// assertion: the numbers are read and compared with the targets beside them.
import * as esbuild from 'esbuild';
import { ALIAS } from '../bundle-options.mjs';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');

const dir = mkdtempSync(join(tmpdir(), 'newsclean-bench-review-'));
const entry = join(dir, 'entry.ts');
const out = join(dir, 'bundle.cjs');
await esbuild.build({
  stdin: {
    contents: [
      `export * from ${JSON.stringify(join(root, 'src/core/index.ts'))};`,
      `export { planReview } from ${JSON.stringify(join(root, 'src/extension/reviewPlan.ts'))};`,
      `export { budgetFindings } from ${JSON.stringify(join(root, 'src/extension/budget.ts'))};`,
    ].join('\n'),
    resolveDir: root,
    sourcefile: entry,
    loader: 'ts',
  },
  bundle: true,
  absWorkingDir: root,
  alias: ALIAS,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  logLevel: 'warning',
});
const { NewsDocument, analyze, findingsIndex, planReview, budgetFindings } = require(out);

/** The seeds, each copy headed by its number (so that duplicate-block does not take it whole) and every fifth with half-width marks, to `bytes` of UTF-8. */
function input(bytes) {
  const seedDir = join(root, 'test/fixtures/seeds');
  const seeds = readdirSync(seedDir)
    .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
    .map((f) => readFileSync(join(seedDir, f), 'utf8'));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) {
    let s = seeds[i % seeds.length];
    if (i % 5 === 2) s = s.replace(/，/g, ',');
    text += `第${i}篇\n\n${s}\n`;
  }
  return text;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = (f) => {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  const r = f();
  const { user, system } = process.cpuUsage(c);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, cpu: (user + system) / 1000, r };
};
const row = (what, value, target) => console.log(`${what.padEnd(62)} ${String(value).padStart(10)}   ${target}`);

const text = input(1024 * 1024);
console.log(`bench-review: ${Buffer.byteLength(text)} bytes, ${text.split('\n').length} lines`);

// Clean Document: the plan behind the review.
const plans = [];
const planCpu = [];
let plan;
for (let i = 0; i < (quick ? 1 : 5); i++) {
  const { ms, cpu, r } = time(() => planReview(text, { safeOnly: true }));
  plans.push(ms);
  planCpu.push(cpu);
  plan = r;
}
row('Clean Document plan on 1 MB, median (ms)', median(plans).toFixed(0), 'review open target ≤ 2000');
row('  its CPU time, median (ms)', median(planCpu).toFixed(0), '');
row('  its review: entries / fixes / attributed', `${plan.entries.length}/${plan.applied.length}/${plan.attributed}`, '');

// The light bulb: findings near a position (the analysis itself is cached by the editor).
const findings = analyze(new NewsDocument(text), {});
// The editor's look-up, as codeActions.ts makes it once per document version.
const sortOnce = time(() => findingsIndex(findings));
const near = sortOnce.r;
const requests = [];
for (let i = 0; i < (quick ? 20 : 200); i++) {
  const at = Math.floor(((i * 7919) % 1000) / 1000 * text.length);
  requests.push(time(() => near(at, at + 1)).ms);
}
row(`light bulb on 1 MB (${findings.length} findings): lookup, median (ms)`, median(requests).toFixed(3), 'code actions target ≤ 50');
row('  first request after an edit: sort once (ms)', sortOnce.ms.toFixed(1), '');

// Diagnostics past the budget.
const budgets = [];
let items;
for (let i = 0; i < (quick ? 3 : 11); i++) {
  const visible = [{ start: Math.floor(text.length / 2), end: Math.floor(text.length / 2) + 4000 }];
  const { ms, r } = time(() => budgetFindings(text, findings, visible, 999));
  budgets.push(ms);
  items = r;
}
row('diagnostics budget on 1 MB, median (ms)', median(budgets).toFixed(1), `${findings.length} findings → ${items.length} diagnostics`);

// For comparison: fix-all alone (what the old Clean Document computed before its diff).
const { fixAll } = require(out);
const alone = [];
const aloneCpu = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  const { ms, cpu } = time(() => fixAll(text, { safeOnly: true }));
  alone.push(ms);
  aloneCpu.push(cpu);
}
row('fix-all alone on 1 MB, median (ms)', median(alone).toFixed(0), `${fixAll(text, { safeOnly: true }).passes} passes`);
row('  its CPU time, median (ms)', median(aloneCpu).toFixed(0), '');
