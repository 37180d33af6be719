import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, seed } from '../helpers';

/**
 * The bin (dist/cli.js, from src/cli/bin.cjs) loads the CLI bundle through a
 * code cache: on Node without its own compile cache, the first run writes
 * one under $XDG_CACHE_HOME/newsclean, later runs read it; a damaged cache is
 * rejected and rewritten; the output never depends on it.
 */
const CLI = path.join(ROOT, 'dist', 'cli.js');
const nodeHasItsOwn = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('the newsclean bin', function () {
  this.timeout(60_000);
  let home: string;
  let article: string;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsclean-bin-'));
    article = path.join(home, 'a.txt');
    fs.writeFileSync(article, seed('002'));
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  const run = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', article], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(home, 'cache'), ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const cacheFiles = () => {
    const dir = path.join(home, 'cache', 'newsclean');
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
  };

  it('prints the same with and without the cache, and keeps one cache file per bundle', () => {
    const plain = run({ NEWSCLEAN_NO_COMPILE_CACHE: '1' });
    assert.equal(plain.code, 1, plain.err);
    assert.ok(plain.out.includes('"rule"'));
    assert.deepEqual(cacheFiles(), [], 'NEWSCLEAN_NO_COMPILE_CACHE writes nothing');
    const first = run();
    assert.deepEqual(first, plain);
    if (nodeHasItsOwn) {
      assert.deepEqual(cacheFiles(), [], 'Node keeps its own compile cache');
      return;
    }
    const files = cacheFiles();
    assert.equal(files.length, 1);
    assert.match(path.basename(files[0]), /^cli-v\d+\.\d+\.\d+-\w+-\d+-\d+\.v8$/);
    const written = fs.statSync(files[0]).mtimeMs;
    assert.deepEqual(run(), plain);
    assert.equal(fs.statSync(files[0]).mtimeMs, written, 'a cache that V8 accepts is not written again');
  });

  it('does not hand a damaged cache to V8 (it would crash), prints the same, and writes a good one', function () {
    if (nodeHasItsOwn) this.skip();
    const plain = run({ NEWSCLEAN_NO_COMPILE_CACHE: '1' });
    run();
    const [file] = cacheFiles();
    const damaged = fs.readFileSync(file);
    damaged.fill(7, 64, 4096);
    fs.writeFileSync(file, damaged);
    assert.deepEqual(run(), plain);
    assert.notDeepEqual(fs.readFileSync(file).subarray(64, 4096), damaged.subarray(64, 4096), 'the damaged cache was replaced');
    assert.deepEqual(run(), plain);
  });
});
