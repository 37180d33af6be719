import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { ROOT, seed } from '../helpers';

/**
 * The bin (dist/cli.js, from src/cli/bin.cjs) loads the CLI bundle through a
 * code cache under $XDG_CACHE_HOME/newsclean: Node's own compile cache where
 * Node has one (in node/ there), else one file per bundle that the first run
 * writes and later runs read; a damaged cache is rejected and rewritten,
 * earlier builds' caches are removed, NEWSCLEAN_NO_COMPILE_CACHE turns it
 * off, and the output never depends on it.
 */
const CLI = path.join(ROOT, 'dist', 'cli.js');
const nodeHasItsOwn = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const nodeHasCrc32 = typeof (zlib as { crc32?: unknown }).crc32 === 'function';

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
  const cacheDir = () => path.join(home, 'cache', 'newsclean');
  const cacheFiles = () => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).map((f) => path.join(cacheDir(), f)) : []);
  beforeEach(() => fs.rmSync(path.join(home, 'cache'), { recursive: true, force: true }));

  it('prints the same with and without the cache, and keeps one cache file per bundle', () => {
    const plain = run({ NEWSCLEAN_NO_COMPILE_CACHE: '1' });
    assert.equal(plain.code, 1, plain.err);
    assert.ok(plain.out.includes('"rule"'));
    assert.deepEqual(cacheFiles(), [], 'NEWSCLEAN_NO_COMPILE_CACHE writes nothing');
    const first = run();
    assert.deepEqual(first, plain);
    if (nodeHasItsOwn) {
      assert.deepEqual(cacheFiles(), [path.join(cacheDir(), 'node')], "Node's own compile cache, in the same folder");
      return;
    }
    if (!nodeHasCrc32) {
      assert.deepEqual(cacheFiles(), [], 'no cache without zlib.crc32');
      return;
    }
    const files = cacheFiles();
    assert.equal(files.length, 1);
    assert.match(path.basename(files[0]), /^cli-[0-9a-f]+-v\d+\.\d+\.\d+-\w+-\d+-\d+\.v8$/);
    const written = fs.statSync(files[0]).mtimeMs;
    assert.deepEqual(run(), plain);
    assert.equal(fs.statSync(files[0]).mtimeMs, written, 'a cache that V8 accepts is not written again');
  });

  it('does not hand a damaged cache to V8 (it would crash), prints the same, and writes a good one', function () {
    if (nodeHasItsOwn || !nodeHasCrc32) this.skip();
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

  it('removes the caches of earlier builds of the bundle and stale ones when it writes one, and keeps the others', function () {
    if (nodeHasItsOwn || !nodeHasCrc32) this.skip();
    const plain = run({ NEWSCLEAN_NO_COMPILE_CACHE: '1' });
    run();
    const [file] = cacheFiles();
    const name = path.basename(file);
    const dir = cacheDir();
    const earlier = path.join(dir, name.replace(/-\d+-\d+\.v8$/, '-1-1.v8'));
    const otherNode = path.join(dir, name.replace(/-v\d+\.\d+\.\d+-/, '-v1.0.0-'));
    const otherBundle = path.join(dir, name.replace(/^cli-[0-9a-f]+-/, 'cli-0-'));
    const unnamed = path.join(dir, 'cli-v20.0.0-x64-1-1.v8');
    const stale = path.join(dir, 'cli-1-v1.0.0-x64-1-1.v8');
    const notOurs = path.join(dir, 'notes.txt');
    for (const f of [earlier, otherNode, otherBundle, unnamed, stale, notOurs]) fs.writeFileSync(f, 'x');
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    fs.utimesSync(stale, old, old);
    fs.utimesSync(notOurs, old, old);
    fs.rmSync(file);
    assert.deepEqual(run(), plain);
    assert.deepEqual(cacheFiles().sort(), [file, otherNode, otherBundle, notOurs].sort());
  });

  it('runs the same when the cache folder cannot be made', () => {
    const plain = run({ NEWSCLEAN_NO_COMPILE_CACHE: '1' });
    const blocked = path.join(home, 'blocked');
    fs.writeFileSync(blocked, 'a file where the cache folder would be');
    assert.deepEqual(run({ XDG_CACHE_HOME: blocked }), plain);
    assert.deepEqual(run({ XDG_CACHE_HOME: blocked }), plain);
  });
});
