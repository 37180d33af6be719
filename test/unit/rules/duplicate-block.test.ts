import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsDocument, analyze, analyzeIncremental, fixAll, resolveSettings, type Finding, type IncrementalState } from '../../../src/core';
import type { RepeatScan } from '../../../src/core/rules/duplicate-block/rule';
import { plain } from '../rule-tester';
import { duplicateBlock } from '../../../src/core/rules/duplicate-block';
import { boilerplate } from '../../../src/core/rules/boilerplate';
import { strayLineBreak } from '../../../src/core/rules/stray-line-break';
import { normalize } from '../../../src/core/text/normalize';
import { findRepeats, findRepeatsTraced, fingerprints, kgramHashes, spliceFingerprints, winnow, type RepeatTrail } from '../../../src/core/text/winnow';
import { ROOT, seed, seedNames } from '../helpers';

const ANATOMY = path.join(ROOT, 'test', 'fixtures', 'anatomy');

function check(text: string, settings: Record<string, unknown> = {}): { doc: NewsDocument; findings: Finding[] } {
  const doc = new NewsDocument(text);
  return { doc, findings: analyze(doc, { ruleSet: [duplicateBlock], settings: resolveSettings(settings) }) };
}

/** 1-based first and last line of a range. */
function lines(doc: NewsDocument, r: { start: number; end: number }): [number, number] {
  return [doc.positionAt(r.start).line + 1, doc.positionAt(r.end).line + 1];
}

const PARA =
  '王智慧指出，南阳要实现高质量跨越发展，根基在产业，支撑在项目，关键在招商。市委、市政府将每月28日定为项目签约推进日，旨在倒逼各级各部门千方百计抓招商、引项目。';

describe('duplicate-block', () => {
  it('a line repeated exactly is found even after its near twin (…（上） after …（下）)', () => {
    const text = [
      '一些正文内容在这里开头。',
      '专访：薄案疑点与中共高层内幕（上）',
      '专访：薄案疑点与中共高层内幕（下）',
      '音频：黄文广谈薄案疑点与中共高层内幕（下）收听06:46',
      '音频：黄文广谈薄案疑点与中共高层内幕（上）收听05:49',
      '最多人阅读',
      '专访：薄案疑点与中共高层内幕（上）',
      '中国宣布动用一切资源抗击禽流感',
    ].join('\n');
    const { doc, findings } = check(text);
    assert.deepEqual(
      findings.map((f) => [lines(doc, f.range), f.related?.map((r) => lines(doc, r.range))]),
      [[[7, 7], [[2, 2]]]],
    );
  });

  describe('seed 002', () => {
    const text = seed('002');
    const { doc, findings } = check(text);

    it('reports the second copy once and the repeated title line, not the footer printed twice (boilerplate)', () => {
      assert.deepEqual(
        findings.map((f) => lines(doc, f.range)),
        [
          [54, 54],
          [56, 117],
        ],
      );
      assert.ok(findings.every((f) => f.ruleId === 'duplicate-block' && f.severity === 'warning' && f.fix));
    });

    it('points at the first copy through related information', () => {
      const [title, copy] = findings;
      assert.deepEqual(title.related!.map((r) => lines(doc, r.range)), [[2, 2]]);
      assert.equal(copy.related!.length, 1);
      assert.equal(copy.related![0].range.start, 0, 'the first copy starts at the title');
      assert.deepEqual(lines(doc, copy.related![0].range), [1, 52]);
      // The same, as data for code actions: the kept copy, and how to keep this one instead.
      assert.deepEqual(copy.data?.duplicate?.kept, copy.related!.map((r) => r.range));
      assert.equal(copy.data?.duplicate?.keptIsEarlier, true);
      assert.deepEqual(title.data?.duplicate?.keepThisInstead, { start: doc.lines[1].start, end: doc.lines[2].start });
      assert.match(copy.message, /56–117/);
    });

    it('with stray-line-break and boilerplate, cleans to one article (golden)', () => {
      const result = fixAll(text, { ruleSet: [strayLineBreak, duplicateBlock, boilerplate] });
      const golden = fs.readFileSync(path.join(ANATOMY, '002_7e5994b88d4897fc.clean.txt'), 'utf8');
      assert.equal(result.text, golden);
      // One article: each paragraph once, nothing left to fix.
      const paras = result.text.split('\n');
      assert.equal(paras.filter((l) => l.startsWith('王智慧指出')).length, 1);
      assert.equal(paras.filter((l) => l.includes('樹牢項目為王理念')).length, 1);
      assert.ok(!/版權所有|ICP/.test(result.text));
      const again = analyze(new NewsDocument(result.text), { ruleSet: [strayLineBreak, duplicateBlock, boilerplate] });
      assert.deepEqual(again.filter((f) => f.fix), []);
    });

    it('removes only the repeats by itself, keeping line endings', () => {
      const result = fixAll(text, { ruleSet: [duplicateBlock] });
      const out = result.text.split('\n');
      assert.equal(out.length, 120 - 1 - 62);
      assert.equal(out[out.length - 1], '南陽投資集團有限公司 版權所有 ?2020 備案序號: 豫ICP備20017668號-1');
      assert.ok(out[53].startsWith('來源:南陽日報'));
    });
  });

  it('finds a paragraph printed twice in a row (any rotation of the repeat is slid back to the line start)', () => {
    const { doc, findings } = check(`标题\n会议开始。\n${PARA}\n${PARA}\n会议要求，各地落实。\n`);
    assert.deepEqual(findings.map((f) => lines(doc, f.range)), [[4, 4]]);
  });

  describe('page chrome', () => {
    const body = ['第一段正文，内容很长，说明了事情的经过和各方的看法，并且引用了多位专家的意见。', PARA, '第三段正文，继续介绍后续安排，并说明下一步的工作重点和时间表。'];

    it('a menu or a footer printed twice is boilerplate, not a repeat', () => {
      const menu = '首页 新闻 体育 财经 科技 娱乐';
      const footer = '版权所有 某某网络科技有限公司 未经授权禁止转载';
      const text = [menu, '某市召开项目推进会', ...body, footer, menu, footer].join('\n');
      assert.deepEqual(check(text).findings, []);
      // The same lines in prose are still repeats.
      assert.equal(check([menu, ...body, body[1]].join('\n')).findings.length, 1);
    });

    it('a headline quoted after a label (`正在阅读：`, `[摘要：…]`) is not the repeat: the article text stays', () => {
      const title = '某市召开项目推进会强调狠抓落实';
      const text = [`正在阅读：${title}`, title, `[摘要：${PARA}]`, PARA, ...body.slice(2)].join('\n');
      assert.deepEqual(check(text).findings, []);
    });

    it('the headline repeated by a breadcrumb: the breadcrumb copy is the one removed', () => {
      const title = '呼和浩特对生育二孩三孩的家庭发放一次性育儿津贴';
      const nav = ['首页> 新闻中心>', title, '分享到：'];
      const page = [...nav, '热点 | 国内 | 国际 | 财经 | 体育', '首页> 新闻中心>', title, '2024-05-13 13:48 来源：某某网', ...body, '关于我们 | 联系我们 | 网站地图', '版权所有 某某网'];
      const { doc, findings } = check(page.join('\n'));
      assert.deepEqual(findings.map((f) => lines(doc, f.range)), [[2, 2]]);
      assert.deepEqual(findings[0].related!.map((r) => lines(doc, r.range)), [[6, 6]]);
      assert.equal(findings[0].data?.duplicate?.keptIsEarlier, false);
    });
  });

  it('finds nothing in the other seeds (a speaker label said twice is not a duplicate)', () => {
    for (const name of seedNames().filter((n) => !n.startsWith('002'))) {
      assert.deepEqual(check(seed(name.slice(0, 3))).findings, [], name);
    }
  });

  it('finds a copy whatever its line breaks, spaces and punctuation width', () => {
    const broken = PARA.replace(/，/g, ',\n').replace(/。/g, ' 。\n');
    const { doc, findings } = check(`标题行\n${PARA}\n其他内容在这里，不重复。\n${broken}\n结尾。`);
    assert.equal(findings.length, 1);
    const [first, last] = lines(doc, findings[0].range);
    assert.equal(first, 4);
    assert.equal(doc.lines[last - 1].text, '旨在倒逼各级各部门千方百计抓招商、引项目 。');
    assert.deepEqual(lines(doc, findings[0].related![0].range), [2, 2]);
  });

  it('ignores short formulaic repeats below the minimum length', () => {
    const text = `记者 | 胡禹\n${PARA}\n。\n记者 | 胡禹\n。\n市经科信局主要负责同志:\n另一段话完全不同。\n市经科信局主要负责同志:\n`;
    assert.deepEqual(check(text).findings, []);
    // With a minimum of 4 the credit line is still not a duplicate (formulaic), but a short repeated line is.
    const short = '南阳市召开大会\n正文第一段，内容。\n南阳市召开大会\n';
    assert.equal(check(short).findings.length, 0);
    assert.equal(check(short, { 'newsclean.duplicates.minLength': 6 }).findings.length, 1);
  });

  it('keep: best removes the copy with more layout defects', () => {
    const messy = PARA.replace(/，/g, '\n，');
    const text = `${messy}\n中间一段不同的文字。\n${PARA}\n`;
    const first = check(text);
    assert.equal(first.findings.length, 1);
    assert.equal(first.doc.positionAt(first.findings[0].range.start).line, messy.split('\n').length + 1);
    const best = check(text, { 'newsclean.duplicates.keep': 'best' });
    assert.equal(best.findings.length, 1);
    assert.equal(best.findings[0].range.start, 0, 'the messy first copy is the one removed');
    const fixed = fixAll(text, { ruleSet: [duplicateBlock], settings: resolveSettings({ 'newsclean.duplicates.keep': 'best' }) }).text;
    assert.equal(fixed, `中间一段不同的文字。\n${PARA}\n`);
  });

  it('a third copy points at the first', () => {
    const { doc, findings } = check(`${PARA}\n甲。\n${PARA}\n乙。\n${PARA}`);
    assert.deepEqual(findings.map((f) => lines(doc, f.range)), [[3, 3], [5, 5]]);
    assert.ok(findings.every((f) => f.related![0].range.start === 0));
    assert.equal(fixAll(doc.text, { ruleSet: [duplicateBlock] }).text, `${PARA}\n甲。\n乙。`);
  });

  it('keeps CRLF line endings when removing', () => {
    const text = `${PARA}\r\n中间。\r\n${PARA}\r\n结尾。\r\n`;
    assert.equal(fixAll(text, { ruleSet: [duplicateBlock] }).text, `${PARA}\r\n中间。\r\n结尾。\r\n`);
  });

  it('never throws on hostile input', () => {
    const inputs = [
      '\0\0\0' + PARA + '\0' + PARA,
      '\ud800\udc00\ud800' + PARA + '\udfff' + PARA,
      Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
      'a'.repeat(200_000),
      '哈'.repeat(100_000) + '\n' + '哈'.repeat(100_000),
    ];
    for (const text of inputs) {
      const errors: unknown[] = [];
      analyze(new NewsDocument(text), { ruleSet: [duplicateBlock], onRuleError: (_, e) => errors.push(e) });
      assert.deepEqual(errors, []);
    }
  });

  it('handles 200,000 short lines and a 5 MB line', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => `第${i}行`).join('\n');
    assert.deepEqual(analyze(new NewsDocument(many), { ruleSet: [duplicateBlock] }), []);
    const big = '南阳发展机遇千载难逢，'.repeat(500_000);
    assert.ok(Array.isArray(analyze(new NewsDocument(big), { ruleSet: [duplicateBlock] })));
  });

  describe('after an edit', () => {
    // Paragraphs, page chrome and credits, repeated in blocks: runs of covered lines, some of them chrome.
    const pool = [
      ...seed('002').split('\n').filter((l) => l.length > 20).slice(0, 6),
      '首页 新闻 体育 财经 科技 视频',
      '版权所有 © 2023 某某日报社 豫ICP备05012345号-1',
      '责任编辑：王明',
      '（记者 张三 摄）',
      '相关阅读：南阳召开重点项目推进会',
      '',
    ];
    const rules = ['duplicate-block', 'boilerplate'];
    const scanOf = (state: IncrementalState) => (state as unknown as { states: unknown[] }).states[0] as RepeatScan;

    it('finds after every edit what a whole analysis finds, runs away from the edit taken over', () => {
      let seed = 7;
      const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
      const inserts = ['，', '。', '的', 'a', '\n', '\n\n', '\r\n', ...pool.map((l) => `${l}\n`)];
      let carried = 0;
      for (let run = 0; run < 300; run++) {
        const lines: string[] = [];
        const block = Array.from({ length: 3 + next(6) }, () => pool[next(pool.length)]);
        while (lines.length < 20 + next(50)) lines.push(...(next(3) === 0 ? [pool[next(pool.length)]] : block.slice(next(block.length))));
        let text = lines.join(next(4) === 0 ? '\r\n' : '\n');
        let state = analyzeIncremental(undefined, text, { rules }).state;
        for (let edit = 0; edit < 6; edit++) {
          const at = next(text.length + 1);
          const remove = next(3) === 0 ? next(Math.min(30, text.length - at) + 1) : 0;
          text = text.slice(0, at) + (remove > 0 && next(2) === 0 ? '' : inserts[next(inserts.length)]) + text.slice(at + remove);
          const before = scanOf(state);
          const result = analyzeIncremental(state, text, { rules });
          assert.deepEqual(plain(result.findings), plain(analyze(new NewsDocument(text), { rules })), `run ${run}, edit ${edit}`);
          const after = scanOf(result.state);
          const olds = new Set([...before.runs.byFirst.values()].map((w) => w.parts));
          for (const w of after.runs.byFirst.values()) if (w.parts.length > 0 && olds.has(w.parts)) carried++;
          state = result.state;
        }
      }
      // Runs before an edit are the same objects: taken over, not found again.
      assert.ok(carried > 1000, `${carried} runs taken over`);
    });
  });

  describe('text layer', () => {
    it('normalises to CJK, letters and digits with offsets, skipping flattened pinyin', () => {
      const s = normalize('簡(jiǎn)陽, Ａb 1。\n市');
      assert.equal(String.fromCodePoint(...s.codes), '簡陽ab1市');
      assert.deepEqual([...s.starts], [0, 7, 10, 11, 13, 16]);
    });

    it('winnowing keeps one fingerprint per window and finds every long enough repeat', () => {
      const codes = normalize(`${PARA}另外的话${PARA.slice(10, 40)}`).codes;
      const prints = winnow(kgramHashes(codes, 5), 8);
      for (let i = 0; i + 8 <= codes.length - 4; i++) assert.ok(prints.some((p) => p >= i && p < i + 8));
      const repeats = findRepeats(codes, { minLength: 12 });
      assert.equal(repeats.length, 1);
      assert.equal(repeats[0].length, normalize(PARA.slice(10, 40)).length);
    });

    it('winnowing chooses the rightmost minimum of every window, as by its definition', () => {
      let seed = 7;
      const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
      for (const w of [1, 2, 3, 4, 7, 8, 9, 16, 33]) {
        // Random hashes, and rising ones (the minimum leaves every window: past its budget, the deque takes over).
        const kinds: [string, (i: number) => number][] = [
          ['2 values', () => next(2)],
          ['5 values', () => next(5)],
          ['any', () => next(1 << 30)],
          ['rising', (i) => i],
          ['rising, then 2 values', (i) => (i < 200 ? i : next(2))],
        ];
        for (const [alphabet, hash] of kinds) {
          const hashes = Uint32Array.from({ length: 300 }, (_, i) => hash(i));
          const expected: number[] = [];
          for (let end = Math.min(w, hashes.length) - 1; end < hashes.length; end++) {
            let min = end;
            for (let i = end; i > end - w && i >= 0; i--) if (hashes[i] < hashes[min]) min = i;
            if (expected[expected.length - 1] !== min) expected.push(min);
          }
          assert.deepEqual([...winnow(hashes, w)], expected, `w=${w}, alphabet=${alphabet}`);
        }
      }
    });

    it('the fingerprints after an edit, kept away from it, are those of the edited stream', () => {
      let seed = 11;
      const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
      for (let run = 0; run < 3000; run++) {
        const alphabet = 1 + next(4);
        const letters = (n: number) => Int32Array.from({ length: n }, () => 0x4e00 + next(alphabet));
        const codes = letters(next(160));
        const k = 1 + next(5);
        const w = 1 + next(8);
        const a = next(codes.length + 1);
        const b = a + next(Math.min(10, codes.length - a + 1));
        const part = letters(next(10));
        const edited = new Int32Array(codes.length - (b - a) + part.length);
        edited.set(codes.subarray(0, a));
        edited.set(part, a);
        edited.set(codes.subarray(b), a + part.length);
        const kept = spliceFingerprints(fingerprints(codes, k, w), codes.length, edited, a, b, part.length - (b - a), k, w);
        const fresh = fingerprints(edited, k, w);
        const where = `run ${run}: k=${k} w=${w} [${a}, ${b}) -> ${part.length}`;
        assert.deepEqual([...kept.prints], [...fresh.prints], where);
        assert.deepEqual([...kept.hashes], [...fresh.hashes], where);
        assert.deepEqual([...kept.earlier], [...fresh.earlier], where);
      }
    });

    it('the scan for repeats after an edit, started where the scan before first read the edit, finds what a whole scan finds', () => {
      let seed = 5;
      const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
      let resumed = 0;
      let edits = 0;
      for (let run = 0; run < 1500; run++) {
        const alphabet = 1 + next(5);
        const letters = (n: number) => Int32Array.from({ length: n }, () => 0x4e00 + next(alphabet));
        // Repeated blocks, so that there are repeats to find, replay and take over.
        const block = letters(4 + next(30));
        const parts: number[] = [];
        while (parts.length < 60 + next(200)) parts.push(...(next(3) === 0 ? letters(1 + next(20)) : block.subarray(next(block.length))));
        let codes = Int32Array.from(parts);
        const minLength = 4 + next(9);
        const { k, w } = { k: Math.min(5, minLength), w: minLength - Math.min(5, minLength) + 1 };
        let prints = fingerprints(codes, k, w);
        let trail: RepeatTrail | undefined = findRepeatsTraced(codes, { minLength }, prints).trail;
        for (let edit = 0; edit < 4; edit++) {
          const a = next(codes.length + 1);
          const b = a + next(Math.min(8, codes.length - a + 1));
          const part = next(2) === 0 ? letters(next(6)) : block.subarray(0, next(block.length));
          const edited = new Int32Array(codes.length - (b - a) + part.length);
          edited.set(codes.subarray(0, a));
          edited.set(part, a);
          edited.set(codes.subarray(b), a + part.length);
          prints = spliceFingerprints(prints, codes.length, edited, a, b, part.length - (b - a), k, w);
          const scan = findRepeatsTraced(edited, { minLength }, prints, trail && { trail, from: a });
          const where = `run ${run}, edit ${edit}: minLength=${minLength} [${a}, ${b}) -> ${part.length}`;
          assert.deepEqual(scan.repeats, findRepeats(edited, { minLength }), where);
          edits++;
          if (scan.start > 0) resumed++;
          codes = edited;
          trail = scan.trail;
        }
      }
      // Most scans start after the first fingerprint (the edit is not at the start).
      assert.ok(resumed > edits / 2, `${resumed} of ${edits} scans resumed`);
    });

    it('a repeat is found among many fingerprints with the same hashes', () => {
      // A text made of few k-grams: long chains of equal hashes in the fingerprint table.
      const filler = '甲乙'.repeat(3000);
      const codes = normalize(`${filler}${PARA}${filler}${PARA}`).codes;
      const repeats = findRepeats(codes, { minLength: 12 });
      const para = normalize(PARA).length;
      assert.ok(repeats.some((r) => r.length >= para && r.dst >= 6000 + para), JSON.stringify(repeats.slice(-3)));
    });
  });

  it('finds every repeat in a 1 MB document', () => {
    const paras: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const p = `第${i}段：${PARA.slice(i % 40)}编号${i * 7919}。`;
      paras.push(i % 10 === 9 ? paras[i - 5] : p);
      size += Buffer.byteLength(p) + 1;
    }
    const count = analyze(new NewsDocument(paras.join('\n')), { ruleSet: [duplicateBlock] }).length;
    assert.ok(count >= Math.floor(paras.length / 10) * 0.9, `${count} of ${Math.floor(paras.length / 10)}`);
  });
});
