import * as assert from 'node:assert/strict';
import { runCli as run } from './cli-run';

const BROKEN = '根基在产业\n，支撑在项目。\n';

describe('CLI', () => {
  it('check prints file:line:col severity rule message and exits 1 on findings', async () => {
    const r = await run(['check', 'a.txt'], { 'a.txt': BROKEN });
    assert.equal(r.code, 1);
    assert.match(r.out, /^a\.txt:2:1 warning stray-line-break .+\n$/);
  });

  it('check exits 0 on a clean file and prints nothing', async () => {
    const r = await run(['check', 'a.txt'], { 'a.txt': '一句完整的话。\n' });
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
  });

  it('check --format json has the contract shape, 1-based UTF-16 columns', async () => {
    const r = await run(['check', '--format', 'json', 'a.txt'], { 'a.txt': '😀根基在产业\n，支撑在项目。' });
    const parsed = JSON.parse(r.out);
    assert.deepEqual(Object.keys(parsed[0]), ['file', 'findings']);
    assert.equal(parsed[0].file, 'a.txt');
    assert.deepEqual(parsed[0].findings[0], {
      rule: 'stray-line-break',
      severity: 'warning',
      message: parsed[0].findings[0].message,
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 2,
      fixable: true,
    });
  });

  it('check --format json lists the breaks of one paragraph as the children of its finding', async () => {
    const r = await run(['check', '--format', 'json', '--rules', 'stray-line-break', 'a.txt'], { 'a.txt': '根基在产业\n，支撑在项目\n，关键在落实。' });
    const [finding, ...others] = JSON.parse(r.out)[0].findings;
    assert.deepEqual(others, []);
    assert.equal(finding.rule, 'stray-line-break');
    assert.deepEqual(
      finding.children.map((c: { line: number; column: number }) => [c.line, c.column]),
      [
        [2, 1],
        [3, 1],
      ],
    );
    const fixed = await run(['fix', '--stdout', '--rules', 'stray-line-break', 'a.txt'], { 'a.txt': '根基在产业\n，支撑在项目\n，关键在落实。' });
    assert.equal(fixed.out, '根基在产业，支撑在项目，关键在落实。');
  });

  it('fix --stdout prints the fixed text; fix --write rewrites the file keeping BOM and CRLF', async () => {
    const r1 = await run(['fix', '--stdout', 'a.txt'], { 'a.txt': BROKEN });
    assert.equal(r1.out, '根基在产业，支撑在项目。\n');
    assert.equal(r1.code, 0);
    const r2 = await run(['fix', '--write', 'b.txt'], { 'b.txt': '\ufeff根基在产业\r\n，支撑在项目。\r\n下一段。\r\n' });
    assert.equal(r2.files.get('b.txt'), '\ufeff根基在产业，支撑在项目。\r\n下一段。\r\n');
  });

  it('fix --write leaves a file that is not valid UTF-8 untouched', async () => {
    const bytes = new Uint8Array([0xc4, 0xcf, 0x0a, 0xa3, 0xac, 0xd1, 0xf4]);
    const r = await run(['fix', '--write', 'gbk.txt'], { 'gbk.txt': bytes });
    assert.equal(r.files.get('gbk.txt'), bytes);
    assert.match(r.err, /UTF-8/);
  });

  it('--rules restricts the rules and rejects unknown ones', async () => {
    assert.equal((await run(['check', '--rules', 'stray-line-break', 'a.txt'], { 'a.txt': BROKEN })).code, 1);
    const bad = await run(['check', '--rules', 'nope', 'a.txt'], { 'a.txt': BROKEN });
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown rule 'nope'/);
  });

  it('--set and --config take the settings of the extension', async () => {
    const off = await run(['check', '--set', 'newsclean.rules.stray-line-break=off', 'a.txt'], { 'a.txt': BROKEN });
    assert.equal(off.code, 0);
    const cfg = await run(['check', '--config', 'c.json', 'a.txt'], {
      'a.txt': BROKEN,
      'c.json': JSON.stringify({ 'newsclean.rules.stray-line-break': 'error' }),
    });
    assert.match(cfg.out, / error stray-line-break /);
    const bad = await run(['check', '--set', 'newsclean.run=sometimes', 'a.txt'], { 'a.txt': BROKEN });
    assert.equal(bad.code, 2);
    assert.match(bad.err, /newsclean\.run must be one of/);
  });

  it('reads standard input for -', async () => {
    const r = await run(['fix', '--stdout', '-'], {}, BROKEN);
    assert.equal(r.out, '根基在产业，支撑在项目。\n');
  });

  it('outline --format json gives name, kind, 1-based lines and children', async () => {
    const text = '大抓落实勇担当\n南阳发展机遇千载难逢。\n务实高效强作风\n鼓角争鸣谋发展,步履铿锵促落实。\n';
    const r = await run(['outline', '--format', 'json', 'a.txt'], { 'a.txt': text });
    assert.deepEqual(JSON.parse(r.out), [
      { name: '大抓落实勇担当', kind: 'section', line: 1, endLine: 2, children: [] },
      { name: '务实高效强作风', kind: 'section', line: 3, endLine: 4, children: [] },
    ]);
  });

  it('exits 2 with a one-line message on usage and I/O errors', async () => {
    for (const argv of [[], ['lint', 'a'], ['check'], ['fix', 'a.txt'], ['check', '--format', 'xml', 'a.txt'], ['check', 'missing.txt']]) {
      const r = await run(argv, { 'a.txt': BROKEN });
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err.split('\n')[0], /^newsclean: /, argv.join(' '));
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help'], {});
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage:\n  newsclean check/);
  });

  it('speaks Chinese with --locale or LANG', async () => {
    const cn = await run(['check', '--locale', 'zh-cn', 'a.txt'], { 'a.txt': BROKEN });
    assert.match(cn.out, /第 2 行/);
    const tw = await run(['check', 'a.txt'], { 'a.txt': BROKEN }, undefined, { LANG: 'zh_TW.UTF-8' });
    assert.match(tw.out, /第 2 行以/);
  });

  it('survives bad input: empty, binary junk, NUL bytes, lone surrogates, a 5 MB line', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const files: Record<string, Uint8Array | string> = {
      'empty.txt': '',
      'junk.bin': junk,
      'nul.txt': 'a\u0000b\n，c',
      'lone.txt': '\ud800中文\n，\udc00',
      'long.txt': '中'.repeat(5 * 1024 * 1024),
    };
    for (const name of Object.keys(files)) {
      const r = await run(['check', '--format', 'json', name], files);
      assert.ok(r.code === 0 || r.code === 1, name);
      assert.ok(Array.isArray(JSON.parse(r.out)), name);
    }
  });
});
