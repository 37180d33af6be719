// @ts-check
// Regenerates the golden files of every fixture in test/fixtures/seeds:
//   <case>.findings.json  what `newsclean check --format json` reports
//   <case>.fixed.txt      what `newsclean fix --stdout` writes
//   <case>.outline.json   what `newsclean outline --format json` prints
// Run it only on purpose (npm run golden-update), then review the diff.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'test', 'fixtures', 'seeds');
const cli = (...args) => {
  try {
    return execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status === 1) return e.stdout; // findings: exit code 1 is expected
    throw e;
  }
};
for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt'))) {
  const base = name.slice(0, -4);
  const [report] = JSON.parse(cli('check', '--format', 'json', name));
  writeFileSync(join(dir, `${base}.findings.json`), `${JSON.stringify(report.findings, null, 2)}\n`);
  writeFileSync(join(dir, `${base}.fixed.txt`), cli('fix', '--stdout', name));
  writeFileSync(join(dir, `${base}.outline.json`), cli('outline', '--format', 'json', name));
  console.log(`updated ${base}`);
}
