import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { NewsDocument, analyze, analyzeIncremental, fixAll, readsAsJapaneseOrKorean } from '../../../src/core';
import { carryJapaneseKoreanSpans, fixTouchesJapaneseKorean, japaneseKoreanDocumentSpans, japaneseKoreanSpansOf } from '../../../src/core/text/japanese-korean';
import { japaneseKoreanSpans } from '../../../src/core/text/japanese-korean-lines';
import { ROOT } from '../helpers';

/**
 * Japanese and Korean text quoted in a Chinese article is never rewritten by
 * any rule and never counted as Chinese (src/core/text/japanese-korean.ts).
 */
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'japanese-korean', 'quoting.txt');
const text = fs.readFileSync(FIXTURE, 'utf8');

const JAPANESE = [
  '東京都は、今年の文化交流事業について「発展的な協力関係を築きたい」と述べた。',
  '両国の若者が互いの文化を理解することが重要だと強調した。',
  '東京都知事、記者会見で「来年も続けます」と話した。',
  '新しい図書館は駅の近くに建てられ、来月から利用できるようになります。',
  '会議では、地域経済の活性化に向けた具体的な対策が議論された。',
  '彼は毎朝六時に起きて、公園を散歩してから仕事に行く。',
  'このプログラムは、指定されたファイルを読み込んで結果を表示する。',
  '詳しくは公式サイトをご覧ください。',
  // A katakana word and its particle, with little else to go on.
  'ヘッダの分) 多い。',
  '参加者(ゲスト),会場のスタッフ',
  'ファイルを開く',
];
const KOREAN = [
  '이번 행사는 대한민국(大韓民國) 문화체육관광부가 후원합니다.',
  '서울특별시(特別市)는 "문화 교류를 계속 확대하겠다"고 밝혔다.',
  '많은 관심 부탁드립니다.',
  '국립중앙박물관은 다음 달부터 새로운 전시를 시작한다.',
];

describe('Japanese and Korean text', () => {
  it('the fixture is a Chinese article quoting Japanese and Korean (its Chinese still gets fixed around them)', () => {
    // Without the protection every rule would rewrite these lines: prove the fixture is worth testing.
    const damaged = text.replace('共同主办，', '共同主办,').replace('近日推出新译本，', '近日推出新譯本,');
    const fixed = fixAll(damaged).text;
    assert.ok(fixed.includes('共同主办，'), 'the Chinese defects added around the quotes are fixed');
    for (const line of text.split('\n')) if (/[\u3041-\u30ff\uac00-\ud7a3]/.test(line) && !line.includes('本报讯')) assert.ok(fixed.includes(line), line);
    // On a line that quotes Japanese, the Chinese defects are flagged, not fixed.
    assert.ok(fixed.includes('近日推出新譯本,'));
    const flagged = analyze(new NewsDocument(damaged)).filter((f) => f.range.start > damaged.indexOf('本报讯') && f.range.end <= damaged.indexOf('译者表示'));
    assert.ok(flagged.some((f) => f.ruleId === 'halfwidth-punctuation'));
    assert.deepEqual(flagged.filter((f) => f.fix), []);
  });

  it('Clean Document leaves the article byte-identical (LF and CRLF)', () => {
    assert.equal(fixAll(text).text, text);
    const crlf = text.replace(/\n/g, '\r\n');
    assert.equal(fixAll(crlf).text, crlf);
  });

  it('no finding of mojibake, mixed-script or halfwidth-punctuation on the quoted text', () => {
    const findings = analyze(new NewsDocument(text));
    const spans = japaneseKoreanSpans(text);
    for (const f of findings) {
      for (const s of spans) assert.ok(f.range.end <= s.start || f.range.start >= s.end || f.ruleId === 'duplicate-block', `${f.ruleId}: ${f.message}`);
      assert.notEqual(f.ruleId, 'mojibake', f.message);
      assert.notEqual(f.ruleId, 'mixed-script', f.message);
    }
  });

  it('spans: kana titles in Chinese sentences, whole Japanese and Korean lines with their kanji and hanja', () => {
    const s = '日本作家夏目漱石的小说《吾輩は猫である》近日再版。';
    assert.deepEqual(japaneseKoreanSpans(s).map((x) => s.slice(x.start, x.end)), ['《吾輩は猫である》']);
    for (const line of [...JAPANESE, ...KOREAN]) {
      assert.deepEqual(japaneseKoreanSpans(line).map((x) => line.slice(x.start, x.end)), [line], line);
    }
    assert.deepEqual(japaneseKoreanSpans('本报讯 南阳市委书记出席并讲话。'), []);
  });

  it('a Japanese line is not joined to the line before it, even when it starts with a comma', () => {
    const doc = '南阳市委书记出席并讲话\n，このプログラムは、指定されたファイルを読み込んで結果を表示する。\n据悉，该活动由两地共同主办。\n';
    assert.equal(fixAll(doc).text, doc);
    const crlf = doc.replace(/\n/g, '\r\n');
    assert.equal(fixAll(crlf).text, crlf);
    // The Chinese line beginning with a comma is still joined.
    const chinese = doc + '南阳市委书记出席\n，并讲话。\n';
    assert.equal(fixAll(chinese).text, doc + '南阳市委书记出席，并讲话。\n');
  });

  it('whole lines before a Japanese line may be removed or replaced; nothing may be joined to it', () => {
    const text = '分享到：\n国际版\nこのプログラムは、指定されたファイルを読み込んで結果を表示する。\n' + '据悉，该活动由两地共同主办，预计将吸引上万名观众。\n'.repeat(4);
    const japanese = text.indexOf('この');
    const touches = (start: number, end: number, by: string) => fixTouchesJapaneseKorean({ text }, { title: 'fix', edits: [{ range: { start, end }, text: by }] });
    assert.equal(touches(5, japanese, ''), false, 'the line before removed');
    assert.equal(touches(0, japanese, ''), false, 'both lines before removed');
    assert.equal(touches(5, japanese, '國際版\n'), false, 'the line before replaced');
    assert.equal(touches(japanese - 1, japanese, ''), true, 'joined to the line before');
    assert.equal(touches(6, japanese, ''), true, 'the rest of the line before joined');
    assert.equal(touches(5, japanese, '国际'), true, 'replaced without its line break');
    assert.equal(touches(japanese, japanese + 2, ''), true, 'its own text');
  });

  it('short Japanese lines that no line judge can tell are not read as Big5 in a Chinese article (the reading shows no Chinese word)', () => {
    for (const line of ['まず', 'マゼンダ', 'アカウントや', '.I だけ', '後方タブ']) {
      const doc = '南阳市委书记出席并讲话，强调要做好文化交流工作。\n' + line + '\n据悉，该活动由两地共同主办。\n';
      assert.equal(fixAll(doc).text, doc, line);
    }
    // Big5 read as GBK among kana is still read when its reading is Chinese words.
    assert.equal(fixAll('perlfaq8 - ┯粄も尿 (2003/01/26)', { rules: ['mojibake'] }).text, 'perlfaq8 - 承認手續 (2003/01/26)');
  });

  it('a fix whose edits are made on first use is checked without making them: by its extent, or by the answer its rule gave', () => {
    const text = '南阳市委书记出席并讲话。\nこのプログラムは、指定されたファイルを読み込んで結果を表示する。\n' + '据悉，该活动由两地共同主办，预计将吸引上万名观众。\n'.repeat(4);
    const doc = { text };
    const lazy = (extent?: { start: number; end: number }) => ({
      title: 'fix',
      ...(extent && { extent }),
      get edits(): never {
        throw new Error('edits made');
      },
    });
    assert.equal(fixTouchesJapaneseKorean(doc, lazy({ start: 0, end: 5 })), false);
    assert.throws(() => fixTouchesJapaneseKorean(doc, lazy({ start: 0, end: 20 })), /edits made/);
    const answered = lazy();
    assert.equal(fixTouchesJapaneseKorean(doc, answered, () => true), true);
    assert.equal(fixTouchesJapaneseKorean(doc, answered), true);
  });

  it('a document that is Japanese as a whole is left alone: its kanji-only headings, short lines and marks too', () => {
    // Short lines and headings that a line alone does not show to be Japanese (katakana with one particle,
    // okurigana, shinjitai kanji that read as Traditional Chinese, ASCII marks around katakana).
    const page = [
      '名称',
      '実装の概要',
      'このプログラムは、指定されたファイルを読み込んで結果を表示する。',
      'ヘッダの分) 多い。',
      'から読み込む。',
      '参加者(ゲスト),会場のスタッフ',
      '縦横の設定は、起動時に読み込まれる設定ファイルで変更できる。',
      '例えば、',
      '"説明"',
      '詳しくは公式サイトをご覧ください。',
      '',
    ].join('\n');
    assert.equal(fixAll(page).text, page);
    assert.deepEqual(analyze(new NewsDocument(page)).map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.deepEqual(japaneseKoreanDocumentSpans(page), [{ start: 0, end: page.length + 1 }]);
    // The same lines quoted in a Chinese article are judged line by line: the article's own Chinese is still checked.
    const article = '南阳市委书记出席並讲话,强调要做好文化交流工作。\n' + page.split('\n').slice(2, 4).join('\n') + '\n';
    assert.notDeepEqual(analyze(new NewsDocument(article)), []);
  });

  it('the public API says whether a document reads as Japanese or Korean as a whole, after a full or an incremental analysis', () => {
    const chinese = '南阳市委书记出席並讲话,强调要做好文化交流工作。\n据悉，该活动由两地共同主办,预计将吸引上万名观众。\n';
    const japanese = 'このプログラムは、指定されたファイルを読み込んで結果を表示する。\n'.repeat(12);
    const korean = '대한민국의 수도는 서울이며 인구는 약 천만 명이다.\n'.repeat(6);
    const doc = new NewsDocument(japanese);
    assert.deepEqual(analyze(doc), []);
    assert.equal(readsAsJapaneseOrKorean(doc), true);
    assert.equal(readsAsJapaneseOrKorean({ text: korean }), true);
    // A Chinese article, clean or quoting Japanese, is not: its findings (or their absence) are the rules' own.
    for (const text of [chinese, '一句完整的话。\n', chinese + japanese.slice(0, 40) + '\n', '']) assert.equal(readsAsJapaneseOrKorean(new NewsDocument(text)), false, JSON.stringify(text));
    let state = analyzeIncremental(undefined, chinese).state;
    for (const [text, whole] of [[chinese + japanese, true], [chinese, false], [chinese + japanese + '名称\n', true]] as const) {
      state = analyzeIncremental(state, text).state;
      assert.equal(readsAsJapaneseOrKorean(state.document), whole, JSON.stringify(text));
    }
  });

  it('an edit that makes the document Japanese as a whole, or Chinese again, is analysed as from scratch', () => {
    const chinese = '南阳市委书记出席並讲话,强调要做好文化交流工作。\n据悉，该活动由两地共同主办,预计将吸引上万名观众。\n';
    const japanese = 'このプログラムは、指定されたファイルを読み込んで結果を表示する。\n'.repeat(12);
    let state = analyzeIncremental(undefined, chinese).state;
    const steps = [chinese + japanese, chinese, chinese + japanese + '名称\n実装\n', chinese + japanese];
    for (const text of steps) {
      const result = analyzeIncremental(state, text);
      assert.deepEqual(result.findings, analyze(new NewsDocument(text)), JSON.stringify(text));
      state = result.state;
    }
    assert.deepEqual(analyzeIncremental(undefined, chinese + japanese).findings, []);
  });

  it('a lone particle beside box drawing, Greek or bopomofo glued to its letters is Big5 read as GBK, not Japanese; short Japanese clauses with one particle still are', () => {
    // `┯粄も尿` is 承認手續 read as GBK: Big5's commonest rows fall on GBK's kana and box drawing.
    const misread = 'perlfaq8 - ┯粄も尿 (2003/01/26)';
    assert.deepEqual(japaneseKoreanSpans(misread), []);
    assert.equal(fixAll(misread, { rules: ['mojibake'] }).text, 'perlfaq8 - 承認手續 (2003/01/26)');
    for (const line of ['東京が首都', '── 日本の歴史', '├─ 設定の確認']) assert.notDeepEqual(japaneseKoreanSpans(line), [], line);
  });

  it('mojibake of the evaluation set is never taken for Japanese or Korean', () => {
    const cases = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'mojibake', 'cases.jsonl'), 'utf8').split('\n').filter(Boolean);
    const taken = cases.map((l) => JSON.parse(l) as { damaged: string }).filter((c) => japaneseKoreanSpans(c.damaged).length > 0);
    assert.deepEqual(taken.map((c) => c.damaged), []);
  });

  it('property: Japanese and Korean lines, alone or inside Chinese paragraphs, get no finding that rewrites them', () => {
    const chinese = fc.constantFrom('南阳市委书记出席并讲话。', '據悉，該活動由兩地共同主辦。', '他说,这次活动很成功', '');
    fc.assert(
      fc.property(fc.constantFrom(...JAPANESE, ...KOREAN), chinese, chinese, fc.constantFrom('\n', '\r\n'), (quote, before, after, eol) => {
        for (const doc of [quote, before + eol + quote + eol + after, before + '「' + quote + '」' + after]) {
          const out = fixAll(doc).text;
          assert.ok(out.includes(quote), `${JSON.stringify(doc)} → ${JSON.stringify(out)}`);
          assert.ok(!analyze(new NewsDocument(doc)).some((f) => f.ruleId === 'mojibake'));
        }
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});

describe('Japanese and Korean spans carried over an edit', () => {
  const pieces = ['東京都は、今年の文化交流事業について述べた。', '서울시는 올해 문화 교류 사업을 발표했다.', '中国新闻网报道，今年的交流活动将继续。', '\n', '\r\n', '\n\n', '（대한민국）', 'カタカナ', '。'];
  it('equal the spans found again on the whole edited text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.constantFrom(...pieces), { maxLength: 3 }),
        (parts, a, b, inserted) => {
          const before = parts.join('');
          const from = a % (before.length + 1);
          const oldTo = from + (b % (before.length - from + 1));
          const after = before.slice(0, from) + inserted.join('') + before.slice(oldTo);
          const old = { text: before };
          const expected = japaneseKoreanDocumentSpans(after);
          assert.deepEqual(japaneseKoreanSpansOf(old), japaneseKoreanDocumentSpans(before));
          const doc = { text: after };
          const kept = carryJapaneseKoreanSpans(old, doc, from, oldTo, after.length - (before.length - oldTo));
          assert.deepEqual(japaneseKoreanSpansOf(doc), expected);
          // Whether the spans outside the edit held: false exactly when the whole-document verdict changed.
          const whole = (t: string) => japaneseKoreanDocumentSpans(t).some((s) => s.end > t.length);
          assert.equal(kept, whole(before) === whole(after));
        },
      ),
      { numRuns: 500 },
    );
  });
});
