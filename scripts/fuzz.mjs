// @ts-check
// npm run fuzz: the property tests of test/unit/properties.test.ts with many
// more documents, from a random seed unless one is given.
//   NEWSCLEAN_FUZZ_SEED  the seed (default: random, printed)
//   NEWSCLEAN_FUZZ_RUNS  documents in all, shared among the properties (default 1,000,000)
//   NEWSCLEAN_FUZZ_WORKERS  worker threads (default: one per core)
// A failure prints the shrunk document and the command that runs it again.
// Expects the tests compiled (`npm run fuzz` compiles them first).
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const seed = process.env.NEWSCLEAN_FUZZ_SEED ?? String(randomInt(-(2 ** 31), 2 ** 31));
const runs = process.env.NEWSCLEAN_FUZZ_RUNS ?? '1000000';
console.log(`fuzz: ${Number(runs).toLocaleString('en-US')} documents from seed ${seed}`);
console.log(`      again: NEWSCLEAN_FUZZ_SEED=${seed} NEWSCLEAN_FUZZ_RUNS=${runs} npm run fuzz`);
const mocha = require.resolve('mocha/bin/mocha.js');
const result = spawnSync(process.execPath, [mocha, '--no-config', '--reporter', 'spec', 'out/test/unit/engine/properties.test.js'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEWSCLEAN_FUZZ_SEED: seed, NEWSCLEAN_FUZZ_RUNS: runs },
});
if (result.status !== 0) console.log(`fuzz: failed with seed ${seed}; run it again with NEWSCLEAN_FUZZ_SEED=${seed} NEWSCLEAN_FUZZ_RUNS=${runs} npm run fuzz`);
process.exit(result.status ?? 1);
