import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cli-run';
import { ROOT, seed, seedNames } from '../helpers';

/** `newsclean --jsonl` in-process, standard input given as a string; `lines` are the output lines. */
async function run(argv: string[], stdin: string, files: Record<string, string> = {}) {
  const r = await runCli(argv, files, stdin);
  return { ...r, lines: r.out.split('\n').slice(0, -1) };
}

const BROKEN = '根基在产业\n，支撑在项目。';
const FIXED = '根基在产业，支撑在项目。';
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('CLI --jsonl', () => {
  it('fix rewrites the text field and keeps every other byte of the record', async () => {
    const line = '{"id":12345678901234567890, "text":' + JSON.stringify(BROKEN) + ',"score":1.0,"tags":["a","}"]}';
    const r = await run(['fix', '--jsonl'], `${line}\n`);
    assert.equal(r.out, '{"id":12345678901234567890, "text":' + JSON.stringify(FIXED) + ',"score":1.0,"tags":["a","}"]}\n');
    assert.equal(r.code, 0);
  });

  it('check adds the findings of --format json to the record; exit 1 on findings, 0 when clean', async () => {
    const r = await run(['check', '--jsonl'], jsonl([{ text: BROKEN }]));
    const rec = JSON.parse(r.lines[0]);
    assert.equal(rec.text, BROKEN);
    assert.deepEqual(Object.keys(rec.findings[0]), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
    assert.equal(rec.findings[0].rule, 'stray-line-break');
    assert.equal(r.code, 1);
    const clean = await run(['check', '--jsonl'], jsonl([{ text: FIXED }, {}].slice(0, 1)));
    assert.deepEqual(JSON.parse(clean.lines[0]), { text: FIXED, findings: [] });
    assert.equal(clean.code, 0);
  });

  it('--field picks the text, --id-field names the record (check prints the id and the findings alone)', async () => {
    const input = jsonl([
      { doc: 'a-1', body: BROKEN, text: 'not this one' },
      { doc: 7, body: FIXED },
    ]);
    const fixed = await run(['fix', '--jsonl', '--field', 'body'], input);
    assert.deepEqual(JSON.parse(fixed.lines[0]), { doc: 'a-1', body: FIXED, text: 'not this one' });
    const checked = await run(['check', '--jsonl', '--field=body', '--id-field', 'doc'], input);
    assert.deepEqual(Object.keys(JSON.parse(checked.lines[0])), ['doc', 'findings']);
    assert.equal(JSON.parse(checked.lines[0]).doc, 'a-1');
    assert.deepEqual(JSON.parse(checked.lines[1]), { doc: 7, findings: [] });
  });

  it('a bad record gets an error line and the stream goes on; exit code 2', async () => {
    const input = ['not json', '[1,2]', '{"id":3,"body":"x"}', '{"id":4,"text":5}', '', JSON.stringify({ id: 5, text: BROKEN })].join('\n');
    const r = await run(['fix', '--jsonl', '--id-field', 'id'], input);
    assert.equal(r.lines.length, 5, r.out); // the blank line is no record
    const [notJson, notObject, noField, notString, good] = r.lines.map((l) => JSON.parse(l));
    assert.match(notJson.error, /^not JSON/);
    assert.equal(notJson.line, 1);
    assert.deepEqual(notObject, { error: 'not a JSON object', line: 2 });
    assert.deepEqual(noField, { error: 'no field “text”', line: 3, id: 3 });
    assert.deepEqual(notString, { error: 'the field “text” is not a string', line: 4, id: 4 });
    assert.deepEqual(good, { id: 5, text: FIXED });
    assert.equal(r.code, 2);
    const tw = await run(['check', '--jsonl', '--locale', 'zh-tw'], '{"x":1}\n');
    assert.equal(JSON.parse(tw.lines[0]).error, '沒有欄位「text」');
  });

  it('CRLF inside a string stays CRLF; CRLF between records is a line break', async () => {
    const input = `${JSON.stringify({ text: '根基在产业\r\n，支撑在项目。\r\n下一段。\r\n' })}\r\n${JSON.stringify({ text: 'a\r\nb' })}\r\n`;
    const r = await run(['fix', '--jsonl'], input);
    assert.deepEqual(
      r.lines.map((l) => JSON.parse(l).text),
      ['根基在产业，支撑在项目。\r\n下一段。\r\n', 'a\r\nb'],
    );
  });

  it('a large record (a 5 MB text) goes through whole', async () => {
    const big = `${'中文句子，'.repeat(1_000_000)}。`;
    const r = await run(['fix', '--jsonl'], jsonl([{ id: 1, text: big }, { id: 2, text: BROKEN }]));
    assert.equal(JSON.parse(r.lines[0]).text, big);
    assert.equal(JSON.parse(r.lines[1]).text, FIXED);
  });

  it('reads files in order, takes --set and --config, refuses what does not go with it', async () => {
    const files = { 'a.jsonl': jsonl([{ text: BROKEN }]), 'b.jsonl': jsonl([{ text: 'x' }]), 'c.json': '{"newsclean.rules.stray-line-break":"off"}' };
    const off = await run(['check', '--jsonl', '--set', 'newsclean.rules.stray-line-break=off', 'a.jsonl', 'b.jsonl'], '', files);
    assert.deepEqual(off.lines.map((l) => JSON.parse(l).findings), [[], []]);
    assert.equal(off.code, 0);
    assert.equal((await run(['check', '--jsonl', '--config', 'c.json', 'a.jsonl'], '', files)).code, 0);
    const missing = await run(['check', '--jsonl', 'a.jsonl', 'nope.jsonl'], '', files);
    assert.equal(missing.lines.length, 1);
    assert.match(missing.err, /nope\.jsonl: no such file/);
    assert.equal(missing.code, 2);
    for (const argv of [['outline', '--jsonl'], ['fix', '--jsonl', '--write'], ['check', '--jsonl', '--format', 'sarif'], ['check', '--id-field', 'id', 'a']]) {
      const r = await run(argv, '');
      assert.equal(r.code, 2, argv.join(' '));
    }
  });
});

describe('CLI --jsonl (bundled CLI, streaming)', () => {
  const CLI = path.join(ROOT, 'dist', 'cli.js');
  let dir: string;
  let input: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsclean-jsonl-'));
    // 120 records: the seeds' paragraphs, some damaged, a few bad.
    const paragraphs = seedNames().flatMap((n) => seed(n).split(/\n\s*\n/));
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      const p = paragraphs[i % paragraphs.length];
      if (i % 37 === 5) lines.push(`{"id":${i},"text":`); // cut short
      else lines.push(JSON.stringify({ id: i, text: i % 3 === 0 ? p.replace(/，/g, '\n，') : i % 3 === 1 ? p.replace(/，/g, ',') : p }));
    }
    input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(input, `${lines.join('\n')}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { input: fs.readFileSync(input), encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LANG: 'C' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  for (const command of ['check', 'fix']) {
    it(`${command}: --jobs 2 (worker threads) prints what --jobs 1 prints, one line per record, in order`, () => {
      const one = cli(command, '--jsonl', '--id-field', 'id', '--jobs', '1');
      const two = cli(command, '--jsonl', '--id-field', 'id', '--jobs', '2');
      assert.equal(two.err, '');
      assert.equal(two.out, one.out);
      assert.equal(two.code, one.code);
      assert.equal(one.code, 2); // the records cut short
      const out = one.out.split('\n').slice(0, -1).map((l) => JSON.parse(l));
      assert.equal(out.length, 120);
      assert.deepEqual(
        out.map((r, i) => (r.error ? i : r.id)),
        out.map((_, i) => i),
      );
      assert.equal(out.filter((r) => r.error).length, 4);
    });
  }
});
