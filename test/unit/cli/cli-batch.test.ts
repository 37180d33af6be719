import * as assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import { globToRegExp } from '../../../src/cli/files';
import { inProcess, settingsOf, type StartPool } from '../../../src/cli/batch';

/** A fake file tree: paths with '/' separators. */
function tree(files: Record<string, string>) {
  const has = (p: string) => p in files;
  const isDir = (p: string) => p === '.' || Object.keys(files).some((f) => f.startsWith(`${p}/`));
  return {
    readFile: async (p: string) => {
      if (!has(p)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[p]);
    },
    writeFile: async (p: string, d: string) => {
      files[p] = d;
    },
    kind: async (p: string) => (has(p) ? ('file' as const) : isDir(p) ? ('dir' as const) : undefined),
    readdir: async (p: string) => {
      const prefix = p === '.' ? '' : `${p}/`;
      const names = new Map<string, boolean>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const [first, ...rest] = f.slice(prefix.length).split('/');
        names.set(first, rest.length > 0);
      }
      return [...names].map(([name, dir]) => ({ name, dir }));
    },
  };
}

async function run(argv: string[], files: Record<string, string>, pool?: { cpus: number; startPool: StartPool }) {
  let out = '';
  let err = '';
  const code = await main({ argv, stdout: (t) => (out += t), stderr: (t) => (err += t), fs: tree(files), ...pool });
  return { code, out, err };
}

/** A stand-in for the worker pool that settles the files it is handed last first. */
function reversingPool() {
  const started: number[] = [];
  let tasks = 0;
  const startPool: StartPool = (spec, jobs) => {
    started.push(jobs);
    const inner = inProcess(spec, settingsOf(spec.values));
    const held: (() => void)[] = [];
    return {
      run: (task) =>
        new Promise((resolve, reject) => {
          tasks++;
          held.push(() => void inner.run(task).then(resolve, reject));
          setImmediate(() => {
            while (held.length) held.pop()!();
          });
        }),
      close: async () => undefined,
    };
  };
  return { cpus: 3, startPool, started, tasks: () => tasks };
}

const BROKEN = '根基在产业\n，支撑在项目。\n';
const CLEAN = '一句完整的话。\n';

describe('CLI over many files', () => {
  const files = () => ({
    'news/a.txt': BROKEN,
    'news/sub/b.news': BROKEN,
    'news/sub/c.md': BROKEN,
    'news/node_modules/x.txt': BROKEN,
    'other/d.txt': CLEAN,
  });

  it('walks a directory for .txt and .news files, skipping node_modules', async () => {
    const r = await run(['check', 'news'], files());
    assert.deepEqual(
      r.out.trim().split('\n').map((l) => l.split(':')[0]),
      ['news/a.txt', 'news/sub/b.news'],
    );
  });

  it('expands globs with ** and braces', async () => {
    const r = await run(['check', '--format', 'json', 'news/**/*.{txt,md}'], files());
    assert.deepEqual(
      JSON.parse(r.out).map((x: { file: string }) => x.file),
      ['news/a.txt', 'news/sub/c.md'],
    );
    const none = await run(['check', 'news/**/*.doc'], files());
    assert.equal(none.code, 2);
    assert.match(none.err, /no file matches/);
  });

  it('globToRegExp: * stays within a name, ** crosses folders', () => {
    assert.ok(globToRegExp('a/*.txt').test('a/x.txt'));
    assert.ok(!globToRegExp('a/*.txt').test('a/b/x.txt'));
    assert.ok(globToRegExp('a/**/*.txt').test('a/x.txt'));
    assert.ok(globToRegExp('a/**/*.txt').test('a/b/c/x.txt'));
  });

  it('--format sarif writes SARIF 2.1.0 with UTF-16 columns', async () => {
    const r = await run(['check', '--format', 'sarif', 'news/a.txt'], files());
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'stray-line-break'));
    assert.deepEqual(run0.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'news/a.txt' },
      region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 2 },
    });
    assert.equal(run0.results[0].level, 'warning');
  });

  it('--quiet reports errors only', async () => {
    const r = await run(['check', '--quiet', 'news/a.txt'], files());
    assert.equal(r.out, '');
    assert.equal(r.code, 0);
    const e = await run(['check', '--quiet', '--set', 'newsclean.rules.stray-line-break=error', 'news/a.txt'], files());
    assert.equal(e.code, 1);
  });

  it('fix --write rewrites every file it expands to', async () => {
    const f = files();
    await run(['fix', '--write', 'news'], f);
    assert.equal(f['news/a.txt'], '根基在产业，支撑在项目。\n');
    assert.equal(f['news/sub/c.md'], BROKEN);
  });
});

describe('CLI with a pool of workers', () => {
  const many = () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`news/${String(i).padStart(2, '0')}.txt`] = i % 3 ? BROKEN : CLEAN;
    return files;
  };

  for (const format of ['text', 'json', 'sarif']) {
    it(`check --format ${format} reports in input order whatever order the files finish in`, async () => {
      const pool = reversingPool();
      const pooled = await run(['check', '--format', format, 'news'], many(), pool);
      assert.deepEqual(pool.started, [3]);
      assert.equal(pool.tasks(), 40);
      assert.deepEqual(pooled, await run(['check', '--format', format, 'news'], many()));
      if (format !== 'text') assert.equal(pooled.out, `${JSON.stringify(JSON.parse(pooled.out), null, 2)}\n`);
    });
  }

  it('stops at the first unreadable file, as one thread does', async () => {
    const args = ['check', ...Object.keys(many())];
    args.splice(25, 0, 'news/missing.txt');
    const pooled = await run(args, many(), reversingPool());
    assert.equal(pooled.code, 2);
    assert.match(pooled.err, /missing\.txt: no such file/);
    assert.deepEqual(pooled, await run(args, many()));
  });

  it('fix --write writes the same files', async () => {
    const [a, b] = [many(), many()];
    assert.deepEqual(await run(['fix', '--write', 'news'], a, reversingPool()), await run(['fix', '--write', 'news'], b));
    assert.deepEqual(a, b);
    assert.equal(a['news/01.txt'], '根基在产业，支撑在项目。\n');
  });

  it('runs in one thread with --jobs 1 or with few files', async () => {
    const pool = reversingPool();
    await run(['check', '--jobs', '1', 'news'], many(), pool);
    await run(['check', 'news'], { 'news/a.txt': BROKEN, 'news/b.txt': CLEAN }, pool);
    assert.deepEqual(pool.started, []);
    await run(['check', '--jobs', '2', 'news'], many(), pool);
    assert.deepEqual(pool.started, [2]);
  });
});

describe('problem matcher', () => {
  it('the manifest problem matcher matches the text format', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers[0];
    const r = await run(['check', 'news/a.txt'], { 'news/a.txt': BROKEN });
    const m = new RegExp(matcher.pattern.regexp).exec(r.out.trim());
    assert.ok(m, r.out);
    assert.equal(m[matcher.pattern.file], 'news/a.txt');
    assert.equal(m[matcher.pattern.line], '2');
    assert.equal(m[matcher.pattern.severity], 'warning');
    assert.equal(m[matcher.pattern.code], 'stray-line-break');
  });
});
