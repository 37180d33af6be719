import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { NewsDocument, analyze, analyzeIncremental, fixAll, resolveSettings, type Finding, type IncrementalState, type Settings } from '../../../src/core';
import { seed, seedNames } from '../helpers';

/** Findings as plain data (fix edits may be computed when first read). */
function plain(findings: readonly Finding[]): unknown {
  return findings.map((f) => ({ ...f, ...(f.fix && { fix: { title: f.fix.title, edits: [...f.fix.edits] } }) }));
}

/** Text inserted by the edits: what typing, pasting and damage bring. */
const insertion = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\n\n', '。', '，', ',', '?', '？', ' ', '\u3000', '\ufffd', '锟斤拷'),
  fc.constantFrom('簡(jiǎn)陽(yáng)', '臺灣的同胞們', '这里说的是', '鍗楅槼', 'å—é˜³', '记者 | 胡禹', '版權所有 ?2020', '大抓落实勇担当\n'),
  fc.constantFrom(...seed('001').split('\n').filter(Boolean).slice(0, 12)),
  // Japanese and Korean, whole lines (some shaped like chrome) and phrases: every rule's findings are
  // dropped on them (engine/analyze.ts), and each incremental step must come to the same.
  fc.constantFrom(
    '\n東京都は、今年の文化交流事業について「発展的な協力関係を築きたい」と述べた。\n',
    '\n대한민국(大韓民國) 문화체육관광부가 후원합니다.\n',
    '《吾輩は猫である》',
    '\nホーム | ニュース | スポーツ\n',
    '\n写真は共同通信提供\n',
    '\n홈 | 뉴스 | 스포츠\n',
  ),
  fc.string({ maxLength: 4 }),
);
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: insertion });
const documents = fc.constantFrom(...seedNames().map((n) => seed(n.slice(0, 3))));
const settingsValues = fc.constantFrom<Record<string, unknown>>(
  {},
  { 'newsclean.duplicates.keep': 'best' },
  { 'newsclean.script.target': 'zh-TW' },
  { 'newsclean.script.protectedTerms': ['簡陽', '同胞\n'] },
);

const RUNS = Number(process.env.NEWSCLEAN_FUZZ_RUNS ?? 60);
const options = { numRuns: RUNS, seed: Number(process.env.NEWSCLEAN_FUZZ_SEED ?? 20261123) };

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/**
 * The seeds' lines one after another, `count` of them (the seeds come round
 * again: repeated paragraphs), damaged as the benchmark's input is: mojibake,
 * half-width punctuation, sentences broken across lines, lost characters.
 */
function mixedDocument(count: number, eol = '\n'): string {
  const lines = seedNames()
    .map((n) => seed(n.slice(0, 3)))
    .flatMap((s) => s.split('\n'))
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let line = lines[i % lines.length];
    if (i % 9 === 1) line = iconv.decode(Buffer.from(line, 'utf8'), 'gbk');
    if (i % 9 === 3) line = line.replace(/，/g, ',').replace(/。/g, '.');
    if (i % 9 === 5) line = line.replace(/，/g, `${eol}，`);
    if (i % 9 === 7) line = line.slice(0, 40) + '\ufffd\ufffd' + line.slice(40);
    out.push(line);
  }
  return out.join(eol);
}

/**
 * Analyses each text after the one before it, reusing its state, and
 * checks each result against a full analysis; returns the results.
 */
function sequence(texts: readonly string[], settings?: Settings): { findings: readonly Finding[]; state: IncrementalState }[] {
  const results: { findings: readonly Finding[]; state: IncrementalState }[] = [];
  for (const [i, text] of texts.entries()) {
    const result = analyzeIncremental(results[results.length - 1]?.state, text, { settings });
    assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(text), { settings })), `text ${i}`);
    results.push(result);
  }
  return results;
}

/** `text` with `insert` in place of `remove` characters at `at`. */
function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

describe('incremental analysis', () => {
  it('finds after every edit exactly what a full analysis finds', () => {
    fc.assert(
      fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 6 }), settingsValues, (start, edits, values) => {
        const settings: Settings = resolveSettings(values);
        let text = start;
        let state: IncrementalState | undefined;
        for (const e of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
          text = applyEdit(text, e);
          const result = analyzeIncremental(state, text, { settings });
          assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(text), { settings })));
          state = result.state;
        }
      }),
      options,
    );
  });

  it('gives kept findings no document-wide fix when one of its edits now touches Japanese text', () => {
    // A Japanese title glued to a clause with flattened pinyin: the one fix that removes all the pinyin
    // touches Japanese text, so a full analysis offers it nowhere; after an edit elsewhere neither may the kept findings.
    const text = seed('002').replace('\n、環(huán)保', '\n《吾輩は猫である》、環(huán)保');
    const [, , after] = sequence([seed('002'), text, `\n東京都は、今年の文化交流事業について「発展的な協力関係を築きたい」と述べた。\n${text}`]);
    const pinyin = after.findings.filter((f) => f.ruleId === 'flattened-pinyin');
    assert.ok(pinyin.length > 10 && pinyin.every((f) => !f.fix));
  });

  it('keeps a document whose Japanese lines the mojibake scanner reads as damage: the engine drops those findings', () => {
    // Kana pairs are valid GBK/Big5 byte pairs, so the scan finds "repairs" in Japanese text, which the engine
    // does not report: a strategy that counts one finding per repair would read past its previous findings.
    const ja = 'クライアントがパスワードを保存しないようにさせる。\nデーモンを fork せず、全てのコマンドを標準出力に書き出す。\nゲストアカウントの名前を指定する。\n';
    const text = ja + seed('002');
    sequence([text, text.replace('市長', '市长'), text.replace('市長', '市长\n')]);
    assert.doesNotThrow(() => fixAll(text));
  });

  it('does not reuse findings made with other settings', () => {
    const text = seed('001');
    const first = analyzeIncremental(undefined, text);
    const settings = resolveSettings({ 'newsclean.rules.halfwidth-punctuation': 'off', 'newsclean.script.target': 'zh-TW' });
    const edited = text.replace('。', '。。');
    const result = analyzeIncremental(first.state, edited, { settings });
    assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(edited), { settings })));
  });

  it('reports a rule that fails as a full analysis does', () => {
    const failing = { meta: { id: 'fails', description: '', family: 'other' as const, docs: 'rule-fails', defaultSeverity: 'warning' as const, fixable: false, safeToClean: false }, check: () => { throw new Error('no'); } };
    const errors: string[] = [];
    const first = analyzeIncremental(undefined, 'a\nb', { ruleSet: [failing], onRuleError: (id) => errors.push(id) });
    analyzeIncremental(first.state, 'a\nbc', { ruleSet: [failing], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['fails', 'fails']);
  });

  it('finds what a full analysis finds after edits anywhere in a long damaged document', () => {
    const start = mixedDocument(420);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = start;
        let state: IncrementalState | undefined = analyzeIncremental(undefined, text).state;
        for (const e of edits) {
          text = applyEdit(text, e);
          const result = analyzeIncremental(state, text);
          assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(text))));
          state = result.state;
        }
      }),
      { ...options, numRuns: Math.max(5, Math.round(RUNS / 4)) },
    );
  });

  it('keeps the findings before an edit: the same objects, for the rules that reuse them', () => {
    const text = mixedDocument(420);
    const at = text.indexOf('\n', text.length >> 1);
    const [before, after] = sequence([text, splice(text, at, 0, '。')]);
    const kept = after.findings.filter((f) => f.range.end < at);
    assert.ok(kept.length > 1000, `${kept.length} findings before the edit`);
    const previous = new Set(before.findings);
    const same = new Set(kept.filter((f) => previous.has(f)).map((f) => f.ruleId));
    // flattened-pinyin's findings share one fix, which removes all annotations: it is made again.
    assert.deepEqual([...same].sort(), ['boilerplate', 'halfwidth-punctuation', 'lost-characters', 'mixed-script', 'mojibake', 'stray-line-break']);
  });

  it('follows a document-wide verdict that an edit changes, and changes back', () => {
    const messages = (r: { findings: readonly Finding[] }, rule: string) => r.findings.filter((f) => f.ruleId === rule).map((f) => f.message);
    // lost-characters: a folded comma between Han characters says `?` is a question mark.
    const clean = `${seed('000', '.fixed.txt')}\n他问：这是真的吗？\n南?阳的消息。\n${seed('004', '.fixed.txt')}`;
    const mid = clean.indexOf('\n', clean.length >> 1) + 1;
    const lost = sequence([clean, splice(clean, mid, 0, '中,文\n'), clean]);
    assert.equal(messages(lost[0], 'lost-characters').length, 1);
    assert.deepEqual(messages(lost[1], 'lost-characters'), []);
    // mixed-script: enough Traditional text to make it the majority.
    const text = mixedDocument(300);
    const at = text.indexOf('\n', text.length >> 1) + 1;
    const traditional = seed('003');
    const script = sequence([text, splice(text, at, 0, `${traditional}\n${traditional}\n${traditional}\n`), text]);
    assert.ok(messages(script[0], 'mixed-script').some((m) => m.includes('the document is Simplified')));
    assert.ok(messages(script[1], 'mixed-script').some((m) => m.includes('the document is Traditional')));
    // flattened-pinyin: fewer than three annotations in the document are no longer all dense.
    const pinyin = '书法作品龘(dá)展出。\n其他的内容在这里。\n龘(dá)字。\n中(zhōng)国。\n';
    const dense = sequence([pinyin, pinyin.replace('(zhōng)', ''), pinyin, pinyin.replace('龘(dá)字', '字')]);
    assert.deepEqual(
      dense.map((r) => r.findings.filter((f) => f.ruleId === 'flattened-pinyin').map((f) => f.severity)),
      [['warning', 'warning', 'warning'], ['hint', 'hint'], ['warning', 'warning', 'warning'], ['hint', 'warning']],
    );
    // mojibake: most of the document mojibake, then not.
    const garbled = iconv.decode(Buffer.from(seed('000'), 'utf8'), 'gbk');
    const whole = sequence([garbled, `${garbled}\n${seed('001')}\n${seed('004')}`, garbled, splice(garbled, garbled.length >> 1, 0, '\n')]);
    assert.deepEqual(
      whole.map((r) => messages(r, 'mojibake').some((m) => m.startsWith('Most of this document'))),
      [true, false, true, true],
    );
  });

  it('adds and removes lines, in LF, CRLF and CR documents', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = mixedDocument(200, eol);
      const mid = text.indexOf(eol, text.length >> 1);
      sequence([
        text,
        splice(text, mid, 0, eol),
        splice(text, mid, 0, `${eol}${eol}新的一段。${eol}`),
        splice(text, mid, eol.length, ''), // two lines joined
        splice(text, mid + eol.length, 0, '，'),
        text,
      ]);
    }
    // A CR and an LF that become one line break, and one that is split again.
    const crlf = mixedDocument(60, '\r\n');
    const cr = crlf.indexOf('\r\n', crlf.length >> 1);
    sequence([crlf, splice(crlf, cr + 1, 1, ''), crlf, splice(crlf, cr + 1, 0, '中'), crlf, splice(crlf, cr, 0, '\n')]);
  });

  it('edits at the start and at the end of a document', () => {
    const text = mixedDocument(150);
    sequence([text, `。${text}`, text.slice(1), text, `${text}\n`, `${text}\n版权所有 ?2020`, text.slice(0, -5), '', text, 'x']);
  });

  it('creates and breaks a repeated paragraph', () => {
    const repeats = (results: readonly { findings: readonly Finding[] }[]) => results.map((r) => r.findings.filter((f) => f.ruleId === 'duplicate-block').length);
    const text = mixedDocument(120); // no line comes round again: nothing repeated
    const paragraph = text.split('\n')[2]; // a long line, undamaged
    const added = sequence([
      text,
      `${text}\n${paragraph}`, // a repeat at the end
      `${text}\n${paragraph}\n。`, // and a punctuation-only line after it
      `${text}\n${paragraph.slice(0, 30)}\n${paragraph.slice(30)}`, // broken across lines, still a repeat
      `${text}\n${paragraph.slice(0, 30)}中${paragraph.slice(30)}`, // a character inside: no longer whole lines of repeat
      `${text}\n${paragraph}`,
    ]);
    assert.deepEqual(repeats(added), [0, 1, 1, 1, 0, 1]);
    const doubled = `${text}\n${text}`; // every line repeated: runs, cut where page chrome repeats chrome (the boilerplate rule's)
    const at = doubled.indexOf(paragraph, text.length);
    const other = '完全不同的一段新闻内容写在这里';
    const split = sequence([
      doubled,
      splice(doubled, at + 10, 0, '，'),
      splice(doubled, at + 10, 0, '\n'),
      splice(doubled, at, paragraph.length, other), // the run broken in two
      doubled,
      splice(doubled, at, 0, `${other}\n`),
      doubled,
    ]);
    assert.deepEqual(repeats(split), [4, 4, 4, 5, 4, 5, 4]);
  });

  it('moves the earlier copy of a repeat when punctuation is typed into it, edit after edit', () => {
    // Punctuation leaves the repeats as they were but moves the characters after it on its line: the
    // related information (where the earlier copy ends) must follow, over more edits than are patched
    // onto the stream's columns before they are made afresh.
    const lines = mixedDocument(120).split('\n');
    const chosen = lines.slice(0, 60).filter((l) => l.length > 30 && !/\ufffd/.test(l)).slice(0, 14);
    const others = lines.slice(60).filter((l) => l.length > 30);
    const text = `${lines.slice(0, 60).join('\n')}\n${chosen.map((l, i) => `${l}\n${others[i]}`).join('\n')}`;
    const texts = [text];
    for (const line of [...chosen].reverse()) {
      const last = texts[texts.length - 1];
      texts.push(splice(last, last.indexOf(line) + line.length - 2, 0, '，'));
    }
    const results = sequence(texts);
    const ends = (r: { findings: readonly Finding[] }) =>
      r.findings.filter((f) => f.ruleId === 'duplicate-block').map((f) => f.related?.[0]?.range.end);
    // Each edit moved the end of an earlier copy (and those after it) by one.
    assert.notDeepEqual(ends(results[results.length - 1]), ends(results[0]));
    assert.ok(ends(results[0]).length >= 10);
  });

  it('keeps no earlier version of the document or its text alive, edit after edit', async () => {
    // Memory, not time: after each keystroke the earlier documents must be free to go. A closure kept by a
    // finding's fix once held the whole previous analysis (and so every one before it), and the lines an edit
    // split kept a view into that version's whole text.
    v8.setFlagsFromString('--expose_gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let text = mixedDocument(2000);
    let { state } = analyzeIncremental(undefined, text);
    const type = (k: number) => {
      const nl = text.indexOf('\n', Math.floor(text.length * (0.25 + ((k * 0.618) % 1) * 0.5)));
      text = `${text.slice(0, nl)}，${text.slice(nl)}`;
      ({ state } = analyzeIncremental(state, text));
    };
    const earlier: WeakRef<NewsDocument>[] = [];
    for (let k = 1; k <= 20; k++) {
      type(k);
      earlier.push(new WeakRef(state.document));
    }
    // A WeakRef's target lives until the job that made it ends (deref keeps it so again), and a compile
    // job still running on V8's background thread holds the closure it optimises, with its context (an
    // analysis's document and change), until the main thread installs the code: each look is in a new
    // job after a turn of the event loop, and a version still held after many turns is a leak.
    let held = 0;
    for (let turn = 0; turn < 200; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      held = earlier.slice(0, -1).filter((d) => d.deref() !== undefined).length;
      if (held === 0) break;
    }
    assert.equal(held, 0);
    const before = process.memoryUsage().heapUsed;
    for (let k = 21; k <= 60; k++) type(k);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    // Forty more versions of the text, kept, would be 40 × 2 bytes a character; five is a generous margin.
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(grown < 5 * 2 * text.length, `${(grown / 1e6).toFixed(1)} MB more after 40 edits of a ${(text.length / 1e3).toFixed(0)} k-character text`);
  });

  it('follows a chain of broken lines through an edit', () => {
    const chain = '这是一个很长的句子\n，被分成了\n，好几行\n，一直到这里\n，才结束。\n下一段落。\n';
    const text = `${seed('000')}\n${chain}${seed('002')}`;
    const at = text.indexOf('\n，被分成了');
    // A paragraph that begins with a comma: each of its lines goes on the sentence, until the edit takes the comma away.
    const fragment = `${seed('000')}\n\n，这一行以逗号开头，但是句子还没有结束\n接着这一行，也还没有结束句子的意思\n还有这一行，也在继续说下去的内容\n最后这一行，才结束了整个句子。\n${seed('002')}`;
    const comma = fragment.indexOf('\n，') + 1;
    const chained = sequence([fragment, splice(fragment, comma, 1, ''), fragment]);
    // The breaks of one paragraph are one finding listing each break.
    const breaksOf = (f: Finding) => (f.data?.parts ? (f.related?.length ?? 0) : 1);
    const near = (r: { findings: readonly Finding[] }, from: number, to: number) =>
      r.findings.filter((f) => f.ruleId === 'stray-line-break' && f.range.start > from && f.range.start < to);
    assert.deepEqual(
      chained.map((r) => near(r, comma, comma + 80).reduce((n, f) => n + breaksOf(f), 0)),
      [3, 0, 3],
    );
    assert.deepEqual(
      chained.map((r) => near(r, comma, comma + 80).length),
      [1, 0, 1],
    );
    const breaks = sequence([text, splice(text, at + 1, 1, ''), text, splice(text, at, 0, '。'), text, splice(text, at, 0, '\n\n'), text]);
    const chainBreaks = (r: { findings: readonly Finding[] }) => near(r, at - 20, at + 60).reduce((n, f) => n + breaksOf(f), 0);
    assert.deepEqual(breaks.map(chainBreaks), [4, 3, 4, 4, 4, 3, 4]);
  });

  it('boilerplate: lines at the end of the document, and the neighbours of an edit', () => {
    const text = `${seed('002')}\n责任编辑：张三\n版权所有 ©2020 南阳日报社\n豫ICP备20017668号-1`;
    const last = text.lastIndexOf('\n');
    const results = sequence([text, `${text}\n`, `${text}\n正文又开始了。`, text, splice(text, last, 0, '\n'), splice(text, last + 1, 0, '正文'), text]);
    // A removal at the end takes the line break before it when the last line is not empty.
    const footer = `${seed('002')}\n版权所有 ©2020 南阳日报社\n豫ICP备20017668号-1\n\n`;
    const ends = sequence([footer, `${footer} `, footer]).map((r) => r.findings.find((f) => f.message.includes('版权所有'))!.fix!.edits[0].range);
    assert.notDeepEqual(ends[0], ends[1]);
    // Removing a line must not bring a lone CR and an LF together: it depends on the line after it.
    const cr = `${seed('002')}\r版权所有 ©2020 南阳日报社\n\n正文。`;
    const blank = cr.indexOf('\n\n') + 1;
    const fused = sequence([cr, splice(cr, blank, 0, '文'), cr]).map((r) => r.findings.find((f) => f.message.includes('版权所有'))!.fix!.edits[0].range);
    assert.notDeepEqual(fused[0], fused[1]);
    // Removing the last lines takes the line break before them, unless the document ends with one.
    const removals = results.map((r) => r.findings.filter((f) => f.ruleId === 'boilerplate' && f.fix).map((f) => f.fix!.edits[0].range));
    assert.deepEqual(removals[0].slice(-2), [
      { start: last - '版权所有 ©2020 南阳日报社'.length - 1, end: last },
      { start: last, end: text.length },
    ]);
    assert.deepEqual(removals[1].slice(-2), [
      { start: last - '版权所有 ©2020 南阳日报社'.length, end: last + 1 },
      { start: last + 1, end: text.length + 1 },
    ]);
  });

  it('mojibake: a line break typed into a stretch that settle joins across lines', () => {
    // Found by random edits: settle made one repair of the stretch on both sides of the new line break.
    const texts = ['南阳发展机遇鍗冭浇闅鹃€€€\ufffd如皋：收心鼓劲，加油干抓寮€灞€如何借助資源優勢政策優勢鎷涘ぇ寮曞挤锛屽\ue1db鐝锯€滅珛鍦掓豢鍦掆€濓紝鍩硅偛涓€澶ф壒鈥滈幃鍦掍箣瀵讹紵大抓发展，开阔思路视野。城市更新提质王凱率簡陽市黨政代表團前往肥西調研'];
    const edit = (from: string, to: string) => texts.push(texts[texts.length - 1].replace(from, to));
    edit('調研', '調\n');
    edit('', ''); // analysed again, unchanged
    edit('加油干抓', '加油干\n');
    edit('王凱率', '王凱\ufffd');
    edit('如何借', '如何借，');
    edit('寮曞挤锛屽', '寮曞挤\r\n');
    edit('寮曞挤\r\n', '寮曞挤\n');
    sequence(texts);
  });

  it('mojibake: edits that join, split and change the windows around suspicious characters', () => {
    const garbled = iconv.decode(Buffer.from('南阳市委书记朱是西在北京拜会国家有关部委负责同志', 'utf8'), 'gbk');
    const latin = iconv.decode(Buffer.from('南阳市委书记', 'utf8'), 'latin1');
    const clean = seed('004').split('\n').filter(Boolean).slice(0, 8).join('');
    const text = `${clean}\n${garbled}${clean.slice(0, 50)}${garbled}\n${clean}\n${garbled}\n${clean}`;
    const gap = text.indexOf(clean.slice(0, 50));
    const results = sequence([
      text,
      splice(text, gap + 20, 0, '鍗'), // a suspicious character in the clean gap: the windows join
      text,
      splice(text, gap + 20, 0, clean), // a longer gap: the windows part
      splice(text, gap + 20, 0, latin), // other kinds of damage in the window
      splice(text, gap + 20, 0, '\n'),
      text,
    ]);
    for (const r of results) assert.ok(r.findings.filter((f) => f.ruleId === 'mojibake').length >= 3);
  });
});
