import * as assert from 'node:assert/strict';
import { runFile } from '../../../src/cli/batch';
import { resolveSettings } from '../../../src/core';
import { runCli as run } from './cli-run';

/**
 * A file that reads as Japanese or Korean as a whole gets no finding and no
 * fix: the CLI says so on stderr, one line per file, and its stdout is what
 * it would be without the note.
 */
const JAPANESE = 'このプログラムは、指定されたファイルを読み込んで結果を表示する。\n'.repeat(8);
const KOREAN = '대한민국의 수도는 서울이며 인구는 약 천만 명이다.\n'.repeat(6);
const CLEAN = '一句完整的话。\n';

describe('CLI on a file that reads as Japanese or Korean', () => {
  it('check says so on stderr and prints what it prints for a clean file on stdout', async () => {
    const r = await run(['check', 'ja.txt', 'zh.txt', 'ko.txt'], { 'ja.txt': JAPANESE, 'zh.txt': CLEAN, 'ko.txt': KOREAN });
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.equal(r.err, 'newsclean: ja.txt: reads as Japanese or Korean; not checked\nnewsclean: ko.txt: reads as Japanese or Korean; not checked\n');
    for (const format of ['json', 'sarif']) {
      const ja = await run(['check', '--format', format, 'x.txt'], { 'x.txt': JAPANESE });
      const zh = await run(['check', '--format', format, 'x.txt'], { 'x.txt': CLEAN });
      assert.equal(ja.out, zh.out, format);
      assert.equal(ja.err, 'newsclean: x.txt: reads as Japanese or Korean; not checked\n', format);
      assert.equal(zh.err, '', format);
    }
  });

  it('fix leaves it unchanged and says so, on stderr only', async () => {
    const out = await run(['fix', '--stdout', 'ja.txt'], { 'ja.txt': JAPANESE });
    assert.equal(out.out, JAPANESE);
    assert.equal(out.err, 'newsclean: ja.txt: reads as Japanese or Korean; left unchanged\n');
    const written = await run(['fix', '--write', 'ko.txt', 'zh.txt'], { 'ko.txt': KOREAN, 'zh.txt': CLEAN });
    assert.equal(written.code, 0);
    assert.equal(written.files.get('ko.txt'), KOREAN);
    assert.equal(written.err, 'newsclean: ko.txt: reads as Japanese or Korean; left unchanged\n');
  });

  it('a Chinese article quoting Japanese is checked as usual: no note', async () => {
    const r = await run(['check', 'a.txt'], { 'a.txt': '他说：“このプログラムは結果を表示する。”\n一句完整的话。\n' });
    assert.equal(r.err, '');
  });

  it('--quiet and JSON Lines records print no note; the note follows --locale', async () => {
    assert.equal((await run(['check', '--quiet', 'ja.txt'], { 'ja.txt': JAPANESE })).err, '');
    const jsonl = await run(['check', '--jsonl', '-'], {}, JSON.stringify({ text: JAPANESE }) + '\n');
    assert.equal(jsonl.err, '');
    assert.equal((await run(['check', '--locale', 'zh-cn', 'ja.txt'], { 'ja.txt': JAPANESE })).err, 'newsclean: ja.txt: 按日文或韩文处理，未检查\n');
    assert.equal((await run(['fix', '--stdout', '--locale', 'zh-tw', 'ja.txt'], { 'ja.txt': JAPANESE })).err, 'newsclean: ja.txt: 按日文或韓文處理，未作變更\n');
  });

  it('a worker thread hands the verdict back with the file result', () => {
    const spec = { quiet: false, locale: 'en', values: {} };
    const settings = resolveSettings();
    const bytes = (text: string) => new TextEncoder().encode(text);
    assert.equal(runFile({ ...spec, command: 'check', format: 'json' }, settings, { path: 'ja.txt', bytes: bytes(JAPANESE) }).japaneseKorean, true);
    assert.equal(runFile({ ...spec, command: 'fix', mode: 'stdout' }, settings, { path: 'ja.txt', bytes: bytes(JAPANESE) }).japaneseKorean, true);
    assert.equal(runFile({ ...spec, command: 'check' }, settings, { path: 'zh.txt', bytes: bytes(CLEAN) }).japaneseKorean, undefined);
  });
});
