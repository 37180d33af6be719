// @ts-check
// `npm run eval:dask`: runs scripts/recipes/test_dask_clean.py (the Dask
// recipe on a two-worker LocalCluster must print what the CLI alone prints)
// with the first Python that has dask and distributed: $PYTHON, python3, then
// Debian's /usr/bin/python3 (apt-get install python3-dask python3-distributed).
// Arguments are passed on (e.g. -- --bench 3 for records per second).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p) => p !== undefined && p !== '');
const python = candidates.find((p) => spawnSync(p, ['-c', 'import dask.bag, distributed'], { stdio: 'ignore' }).status === 0);
if (!python) {
  console.error(`eval-dask: no Python with dask and distributed among ${candidates.join(', ')} (Debian: apt-get install python3-dask python3-distributed)`);
  process.exit(1);
}
const r = spawnSync(python, [join(here, 'test_dask_clean.py'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
