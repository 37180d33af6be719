import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { NewsDocument, analyze, fixAll } from '../../../src/core';
import { findMojibake } from '../../../src/core/encodings';
import { ROOT } from '../helpers';

const fixMojibake = (s: string) => fixAll(s, { rules: ['mojibake', 'lost-characters'] }).text;
const gbkAsLatin1 = (s: string) => iconv.decode(iconv.encode(s, 'gbk'), 'latin1');

describe('mojibake: short runs and lost bytes of real web text', () => {
  it('repairs GBK read as Latin-1 between ASCII words and after ASCII at a line end', () => {
    for (const [before, clean, after] of [
      ['南阳市推出新的APP', '和', 'Web服务，市民可以在线办理。'],
      ['苹果发布iPhone', '，', 'iPad新品。'],
      ['用户可以升级到iOS 18', '。', ''],
    ]) {
      const damaged = before + gbkAsLatin1(clean) + after;
      assert.equal(fixMojibake(damaged), before + clean + after, damaged);
    }
  });

  it('leaves the same characters in Latin text alone', () => {
    for (const s of ['The price was 5ºÍ today.', 'Nº5 größe', 'iPhone£¬iPad']) assert.equal(fixMojibake(s), s);
  });

  it("restores a Windows-1252 undefined byte when exactly one of the five gives a natural character", () => {
    // 司 = E5 8F B8: 0x8F is undefined in Windows-1252 and arrives as U+FFFD.
    const damaged = iconv.decode(Buffer.from('我们公司的业务很好', 'utf8'), 'win1252');
    assert.ok(damaged.includes('\ufffd'));
    assert.equal(fixMojibake(damaged), '我们公司的业务很好');
    const two = iconv.decode(Buffer.from('服务项目的发展', 'utf8'), 'win1252');
    assert.equal(fixMojibake(two), '服务项目的发展');
  });

  it('flags, does not guess, when several of the five give natural characters', () => {
    // Ý = C3 9D: 0x9D is undefined; C3 81 Á, C3 8D Í, C3 8F Ï, C3 90 Ð, C3 9D Ý are all letters.
    const damaged = '读者来信：' + iconv.decode(Buffer.from('JOSÝ的来信', 'utf8'), 'win1252');
    assert.ok(damaged.includes('\ufffd'));
    const out = fixMojibake(damaged);
    assert.ok(out.includes('\ufffd'), out);
    assert.ok(analyze(new NewsDocument(out)).some((f) => f.ruleId === 'lost-characters' || f.ruleId === 'mojibake'));
  });

  it('repairs the short runs of a line misread throughout (line consensus), table bars and lone characters between ASCII', () => {
    // Real lines of Debian package texts (test/fixtures/mojibake-debian):
    // ASCII words, spaces and table bars cut the misread line into runs too
    // short for the judge alone (`楂樼骇` for 高级, `â”‚` for │, `ÊÇ` for 是).
    const cases = fs
      .readFileSync(path.join(ROOT, 'test', 'fixtures', 'mojibake-debian', 'cases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { clean: string; damaged: string });
    for (const needle of ['12.5.4. 楂樼骇', '鍊兼贩鍚堬紝', 'ÔÚ Debian wiki', '|ÊÇ', 'Ö¸Áî´a', '&amp;', '©¦V:0', 'up)塟秖', 'fcntl »ò']) {
      const c = cases.find((x) => x.damaged.includes(needle));
      assert.ok(c, needle);
      assert.equal(fixMojibake(c.damaged), c.clean);
    }
  });

  it('property: no offered repair is flagged again as mojibake (both evaluation sets)', function () {
    this.timeout(120_000);
    const lines = ['mojibake', 'mojibake-debian'].flatMap((set) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', set, 'cases.jsonl'), 'utf8').split('\n').filter(Boolean));
    const again: string[] = [];
    for (const l of lines) {
      const { damaged } = JSON.parse(l) as { damaged: string };
      for (const r of findMojibake(damaged)) {
        if (r.unsettled) continue;
        const repaired = damaged.slice(0, r.start) + r.text + damaged.slice(r.end);
        const end = r.start + r.text.length;
        const flagged = findMojibake(repaired).filter((x) => x.start < end && x.end > r.start);
        if (flagged.length > 0) again.push(`${damaged} → ${r.text}: ${flagged.map((x) => x.text).join(', ')}`);
      }
    }
    assert.deepEqual(again, []);
  });
});
