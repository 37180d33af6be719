import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, seed } from '../helpers';

/**
 * The CLI bundle leaves out what a check of a short, clean file never reads
 * (scripts/bundle-options.mjs, LAZY): html entities, config-file parsing,
 * the mojibake scorer's tables, the code pages, the kana model. Each is a
 * file of its own beside the bundle, loaded when the code first uses it.
 */
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('the CLI bundle loads its lazy parts on first use', function () {
  this.timeout(60_000);
  let dir: string;
  let recorder: string;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip(); // built by `npm test`'s pretest (node scripts/build.mjs)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsclean-lazy-'));
    recorder = path.join(dir, 'record.cjs');
    // Prints the files of dist/ that the run loaded, besides the bin and the bundle.
    fs.writeFileSync(
      recorder,
      `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(path.join(ROOT, 'dist'))})).map((f) => require('path').basename(f)).filter((f) => f !== 'cli.js' && f !== 'newsclean.js').sort()) + '\\n'));`,
    );
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const check = (name: string, text: string, ...args: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const r = spawnSync(process.execPath, ['--require', recorder, CLI, 'check', '--format', 'json', ...args, file], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NEWSCLEAN_NO_COMPILE_CACHE: '1' },
    });
    const loaded = JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)?.[1] ?? 'null') as string[];
    return { code: r.status, findings: (JSON.parse(r.stdout) as { findings: { rule: string }[] }[])[0].findings, loaded };
  };

  it('a two-character file loads none of them', () => {
    const r = check('tiny.txt', '你好');
    assert.equal(r.code, 0);
    assert.deepEqual(r.loaded, []);
  });

  it('html entities load the entity decoder, which decodes them', () => {
    const r = check('entity.txt', '记者 &amp; 编辑&ldquo;报道&rdquo;\n');
    assert.ok(r.findings.some((f) => f.rule === 'html-remnants'));
    assert.ok(r.loaded.includes('lazy-entities.js'), r.loaded.join());
  });

  it('a config file loads its parser, and its setting is applied', () => {
    fs.writeFileSync(path.join(dir, '.newsclean.jsonc'), '// off\n{ "newsclean.rules.html-remnants": "off" }\n');
    try {
      const r = check('configured.txt', '记者 &amp; 编辑\n');
      assert.ok(!r.findings.some((f) => f.rule === 'html-remnants'));
      assert.ok(r.loaded.includes('lazy-jsonc-parser.js'), r.loaded.join());
    } finally {
      fs.rmSync(path.join(dir, '.newsclean.jsonc'));
    }
  });

  it('an article loads what its check reads, and checks as the whole engine does', () => {
    const r = check('article.txt', seed('002'));
    assert.equal(r.code, 1);
    assert.ok(r.findings.length > 0);
    for (const f of r.loaded) assert.match(f, /^(lazy-[\w-]+|opencc|pinyin|iconv)\.js$/);
  });
});
