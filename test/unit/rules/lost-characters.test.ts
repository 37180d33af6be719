import * as assert from 'node:assert/strict';
import { NewsDocument } from '../../../src/core/document';
import { analyze } from '../../../src/core/engine/analyze';
import { fixAll } from '../../../src/core/engine/fix-all';
import { lostCharacters } from '../../../src/core/rules/lost-characters';
import { seed, seedNames } from '../helpers';

const run = (text: string) => analyze(new NewsDocument(text), { ruleSet: [lostCharacters] });

describe('lost-characters', () => {
  it('flags U+FFFD runs with the count, no fix', () => {
    const f = run('南阳\ufffd\ufffd\ufffd报道');
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].range, { start: 2, end: 5 });
    assert.match(f[0].message, /3/);
    assert.equal(f[0].fix, undefined);
  });

  it('flags 锟斤拷 and 烫烫烫 / 屯屯屯 runs', () => {
    assert.equal(run('标题锟斤拷锟斤拷正文').length, 1);
    assert.equal(run('烫烫烫烫烫烫').length, 1);
    assert.equal(run('屯屯屯屯').length, 1);
    assert.equal(run('滚烫烫的水').length, 0);
  });

  it('flags the same marks as a converter to Traditional Chinese leaves them: 錕斤拷, 燙燙燙', () => {
    assert.equal(run('標題錕斤拷錕斤拷正文').length, 1);
    assert.equal(run('燙燙燙燙').length, 1);
    assert.equal(run('滾燙燙的水').length, 0);
  });

  it('版權所有 ?2020 → ©2020 is the one certain fix', () => {
    const text = '南陽投資集團有限公司 版權所有 ?2020 備案序號: 豫ICP備20017668號-1';
    const f = run(text);
    assert.equal(f.length, 1);
    assert.equal(fixAll(text, { ruleSet: [lostCharacters] }).text, text.replace('?2020', '©2020'));
    assert.equal(fixAll('Copyright ?2021 Example', { ruleSet: [lostCharacters] }).text, 'Copyright ©2021 Example');
  });

  it('a "?" between Han characters is lost where the text writes full-width punctuation', () => {
    const f = run('你好吗？记者任京?报道。');
    assert.equal(f.length, 1);
    assert.equal(f[0].fix, undefined);
    // Where full-width marks were folded to ASCII, "?" is a question mark.
    assert.equal(run('学什么?怎么学?学了怎么干?').length, 0);
  });

  it('seeds: only seed 002 ?2020 (twice), each fixed to ©2020', () => {
    for (const name of seedNames()) {
      const f = run(seed(name));
      if (name.startsWith('002')) {
        assert.equal(f.length, 2, name);
        assert.ok(f.every((x) => x.fix?.edits[0].text === '©'));
      } else assert.deepEqual(f, [], name);
    }
  });

  it('never throws on hostile input', () => {
    for (const s of ['\0\ud800', '?'.repeat(100000), '锟斤拷'.repeat(50000) + '锟', '\ufffd'.repeat(100000)]) {
      analyze(new NewsDocument(s), { ruleSet: [lostCharacters], onRuleError: (_, e) => assert.fail(String(e)) });
    }
  });
});
