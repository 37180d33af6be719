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

  it('reads a no-break space alone between ASCII in a misread line (`聽` in UTF-8 read as GBK, `Â` and the space in UTF-8 read as Latin-1), not beside Han', () => {
    const nbsp = '命令 2.9.\u00a0aptitude 视图';
    for (const code of ['gbk', 'latin1', 'win1252']) {
      const damaged = iconv.decode(Buffer.from(nbsp, 'utf8'), code);
      assert.equal(fixMojibake(damaged), nbsp, damaged);
    }
    // With nothing else misread, or beside Han text, `聽` is the character (listen).
    for (const s of ['表 2.9.聽aptitude 视图', '他说:聽aptitude 很好', iconv.decode(Buffer.from('命令', 'utf8'), 'gbk') + ' 聽说 dpkg']) {
      assert.ok(fixMojibake(s).includes('聽'), s);
    }
  });

  it('repairs a chain of four or more UTF-8 sequences read as GBK even when its characters are common enough (`瀛斿瓙鏇帮細` for 孔子曰：)', () => {
    for (const [damage, rest] of [['孔子曰：', '“学而时习之。”'], ['老子说：', '“道可道。”']]) {
      const damaged = iconv.decode(Buffer.from(damage, 'utf8'), 'gbk') + rest;
      assert.equal(fixMojibake(damaged), damage + rest, damaged);
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

describe('mojibake: Big5 read as GBK, where Big5 puts its marks and commonest characters', () => {
  const big5AsGbk = (s: string) => {
    const m = iconv.decode(iconv.encode(s, 'big5'), 'gbk');
    assert.equal(iconv.decode(iconv.encode(m, 'gbk'), 'big5'), s, 'every byte kept');
    return m;
  };

  it('repairs the marks that fall on GBK private use, between ASCII words too', () => {
    // ，、。（） and │ are Big5 A1xx/A2xx codes that GBK keeps as user-defined (private use).
    for (const clean of ['作者：%s、%s 和 %s。', '* setterm(1)、stty(1)、tic(1) 和 toe(1)', 'sha512    （等价于 sha512sum）', '|str1 != str2|str1 和 str2 不相等   |']) {
      const damaged = big5AsGbk(clean);
      assert.match(damaged, /[\ue000-\uf8ff]/);
      assert.equal(fixMojibake(damaged), clean, damaged);
    }
  });

  it('flags private use alone, which may be a font’s icons, and repairs it in a line misread throughout', () => {
    // Alone (one character, or two making no word) with nothing else on the
    // line misread: Big5 read as GBK, or icons (`\ue60c 分享`), which live
    // in the same rows. Reported as a warning without a fix.
    for (const clean of ['|          |           |    |序          |', '|libreply-perl  |V:0,  |171 |Perl 的 REPL : reply(1)  |', '│<binary_package_name>     │息                                  │']) {
      const damaged = big5AsGbk(clean);
      assert.equal(fixMojibake(damaged), damaged);
      const found = analyze(new NewsDocument(damaged), { rules: ['mojibake'] });
      assert.ok(found.length > 0 && found.every((f) => f.severity === 'warning' && !f.fix && /icons/.test(f.message)), JSON.stringify(found));
    }
    assert.equal(fixMojibake('\ue60c 分享 \ue61b 收藏'), '\ue60c 分享 \ue61b 收藏');
    // Three private-use characters read as more than icons would; beside other damage, the line tells.
    for (const clean of ['%s 的首頁：<%s>', '使用 -l 或 -s 時，將大小表示為 1K']) assert.equal(fixMojibake(big5AsGbk(clean)), clean);
  });

  it('reads a misread line as one, across ASCII stretches of any length: a lone character at its end, and clean text after it stays', () => {
    // `单` is GBK's reading of Big5's 等, common both ways: only the line tells.
    for (const clean of ['輸出格式可以是 json, csv, xml 等', '檔案大小上限為 4 GB 或 16 TB 等']) assert.equal(fixMojibake(big5AsGbk(clean)), clean);
    for (const [damage, rest] of [['輸出格式可以是', ' json, csv, xml 等等格式'], ['使用', ' --wildcards 以抑制這個警告']]) {
      assert.equal(fixMojibake(big5AsGbk(damage) + rest), damage + rest);
    }
  });

  it('ends the damage before a character as natural as it stands (或, whose reading 麼 is as common), when the line reads so as a whole', () => {
    // The run alone ended at the long ASCII stretch for free and took 或 along.
    for (const [damage, rest] of [['使用 --color 以啟用彩色輸出，', '或 --no-color 以停用彩色'], ['請設定輸出的格式，', '或 --format=json 等選項']]) {
      assert.equal(fixMojibake(big5AsGbk(damage) + rest), damage + rest);
    }
    // Damage on both sides of the ASCII: the line reads as one.
    for (const clean of ['這是什麼 --verbose 或 --quiet 都可以', '設定輸出的格式，或 --format=json 等選項']) assert.equal(fixMojibake(big5AsGbk(clean)), clean);
  });

  it('repairs every short run of a document misread throughout: lone kana, rare Han and private use between ASCII', () => {
    // Alone on a line each is flagged or left (icons, real text); a whole file read with the wrong code page is damaged everywhere.
    const clean = [
      '時間格式說明',
      '本程式依照下列格式輸出日期與時間，各欄位的意義如下表所示。',
      '|欄位  |說明          |',
      ...['年', '月', '日', '時', '序'].map((c, i) => `|%${'YmdHS'[i]}    |${c}            |`),
      '(8) 中).',
      'Perl 的 REPL : reply(1)',
      '詳細說明請參閱系統手冊。',
      '',
    ].join('\n');
    const damaged = big5AsGbk(clean);
    assert.match(damaged, /\(8\) い\)\./);
    assert.equal(fixMojibake(damaged), clean);
    for (const line of damaged.split('\n').slice(3, 10)) assert.equal(fixMojibake(line), line, 'alone, the line is left');
  });

  it('leaves the real text a lone misread character between ASCII looks like: wrapped Japanese, a one-character heading, icons', () => {
    const big5Reading = (s: string) => iconv.decode(iconv.encode(s, 'gbk'), 'big5');
    // Each reads as a common Big5 character, as `(8) い).` (中) and `|\ue7a5 |` (序) do; from the
    // line alone they cannot be told apart from such damage.
    const real: [line: string, odd: string, reading: string][] = [
      // A Japanese man page rendered at 80 columns (manpages-ja, mkisofs.8): および wrapped after お.
      ['              び                                                        CD-ROM', 'び', '太'],
      ['Microsoft Word の', 'の', '及'],
      // manpages-zh's colophon heading: one rarer Han character alone between ASCII.
      ['.SH "跋"', '跋', '區'],
      // Icon fonts: iconfont.cn numbers its glyphs from U+E600 up, inside GBK's user-defined rows.
      ['\ue600 首页 \ue775 下载', '\ue600\ue775', '凡父'],
    ];
    for (const [line, odd, reading] of real) {
      assert.ok([...odd].every((c) => line.includes(c)));
      assert.equal(big5Reading(odd), reading, 'the Big5 reading is common text');
      assert.equal(fixMojibake(line), line);
      const found = analyze(new NewsDocument(line), { rules: ['mojibake'] });
      assert.ok(found.every((f) => !f.fix), JSON.stringify(found));
    }
  });

  it('reads GBK’s Greek and Cyrillic rows beside private use as Big5 (有 is `Τ`, 我 is `и`), and the interpunct ‧', () => {
    for (const clean of ['我有旨蓄，亦以御冬。宴爾新昏，以我御窮。', '有稷有黍，有稻有秬。奄有下土，纘禹之緒。', '《詩經‧ 周頌‧ 閔予小子之什‧ 敬之》']) {
      const damage = clean.includes('》') ? clean : clean.slice(0, 5);
      const damaged = big5AsGbk(damage) + clean.slice(damage.length);
      assert.equal(fixMojibake(damaged), clean, damaged);
    }
  });

  it('repairs a lone rare mark in a line misread throughout (“ is `¨`)', () => {
    const clean = '“Iproute2 命令”）。';
    assert.equal(fixMojibake(big5AsGbk(clean)), clean);
  });

  it('leaves Greek and Russian words, and private use that reads as nothing common, alone', () => {
    for (const s of ['Привет\ue4c7', 'ΑΒΓ\ue4c7', '\ue000', 'α粒子的能量']) assert.equal(fixMojibake(s), s);
  });
});
