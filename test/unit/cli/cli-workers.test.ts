import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { ROOT, seed, seedNames } from '../helpers';

/**
 * The real bundled CLI over a folder of articles: worker threads (--jobs 2)
 * and one thread (--jobs 1) must print the same bytes and exit the same way.
 */
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A seed with one kind of damage on some of its lines (0 leaves it as it is). */
function damaged(text: string, kind: number): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (kind === 1 && i % 6 === 1) return iconv.decode(Buffer.from(line, 'utf8'), 'gbk'); // mojibake
      if (kind === 2 && i % 3 === 0) return line.replace(/，/g, ',').replace(/。/g, '.'); // half-width
      if (kind === 3 && i % 4 === 2) return line.replace(/，/g, '\n，'); // stray line breaks
      return line;
    })
    .join('\n');
}

/** 40 articles in two folders, some clean, named so that sorted order is not creation order. */
function writeArticles(dir: string): string[] {
  const names = seedNames();
  const written: string[] = [];
  for (let i = 0; i < 40; i++) {
    const name = names[i % names.length];
    const text = i % 10 === 9 ? seed(name, '.fixed.txt') : damaged(seed(name), i % 4);
    const rel = `${i % 3 === 0 ? 'b' : 'a'}/${String((i * 17) % 40).padStart(2, '0')}.txt`;
    fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    written.push(rel);
  }
  return written.sort();
}

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI worker threads (bundled CLI)', () => {
  let dir: string;
  let files: string[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsclean-workers-'));
    files = writeArticles(path.join(dir, 'news'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`check --format ${format}: --jobs 2 prints what --jobs 1 prints`, () => {
      // Workers must speak the user's language too: one format in Chinese.
      const args = ['check', '--format', format, ...(format === 'text' ? ['--locale', 'zh-tw'] : []), 'news'];
      const one = cli(dir, ...args, '--jobs', '1');
      const two = cli(dir, ...args, '--jobs', '2');
      assert.equal(one.err, '');
      assert.equal(two.err, '');
      assert.equal(one.code, 1);
      assert.equal(two.code, one.code);
      assert.equal(two.out, one.out);
      if (format === 'text') assert.match(two.out, /應使用/);
      if (format === 'json') {
        const listed = (JSON.parse(two.out) as { file: string }[]).map((r) => r.file);
        assert.deepEqual(listed, files.map((f) => `news/${f}`));
      }
    });
  }

  it('check stops at a missing file with the same output and exit code', () => {
    const args = ['check', ...files.map((f) => `news/${f}`)];
    args.splice(30, 0, 'news/missing.txt');
    const one = cli(dir, ...args, '--jobs', '1');
    const two = cli(dir, ...args, '--jobs', '2');
    assert.equal(one.code, 2);
    assert.match(one.err, /missing\.txt: no such file/);
    assert.deepEqual(two, one);
  });

  it('fix --write: --jobs 2 writes what --jobs 1 writes', () => {
    const copies = ['one', 'two'].map((name) => {
      const copy = path.join(dir, name);
      fs.cpSync(path.join(dir, 'news'), copy, { recursive: true });
      return copy;
    });
    const one = cli(copies[0], 'fix', '--write', '--jobs', '1', '.');
    const two = cli(copies[1], 'fix', '--write', '--jobs', '2', '.');
    assert.deepEqual(two, one);
    let changed = 0;
    for (const f of files) {
      const fixed = fs.readFileSync(path.join(copies[0], f), 'utf8');
      assert.equal(fs.readFileSync(path.join(copies[1], f), 'utf8'), fixed, f);
      if (fixed !== fs.readFileSync(path.join(dir, 'news', f), 'utf8')) changed++;
    }
    assert.ok(changed >= 20, `only ${changed} files fixed`);
  });

  it('--jobs takes a whole number from 1', () => {
    const r = cli(dir, 'check', '--jobs', '0', 'news');
    assert.equal(r.code, 2);
    assert.match(r.err, /--jobs/);
  });
});
