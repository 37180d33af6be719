import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { SEEDS } from '../../helpers';

/**
 * Generated transcripts: short documents (a few lines) made of pieces of the
 * real fixture texts and of every kind of damage the rules look for, plus the
 * hostile inputs no rule looks for. Short documents keep each check cheap, so
 * a run can afford many of them.
 */

/** Every line of every fixture seed, damaged and repaired. */
const REAL = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8').split(/\r\n|\r|\n/))
  .filter((l) => l.trim() !== '');

/** A piece of a real line, 1–40 code units long. */
const fragment = fc
  .tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 40 }))
  .map(([i, s, n]) => {
    const line = REAL[i % REAL.length];
    const at = s % line.length;
    return line.slice(at, at + n);
  });

const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** The ways a Chinese text is decoded with the wrong code page, in one layer or two. */
const MISREADS: readonly ((s: string) => string)[] = [
  (s) => iconv.decode(utf8(s), 'gbk'), // 鍗楅槼
  (s) => iconv.decode(utf8(s), 'win1252'), // å—é˜³
  (s) => iconv.decode(iconv.encode(s, 'gbk'), 'latin1'), // ÄÏÑô
  (s) => iconv.decode(iconv.encode(s, 'big5'), 'gbk'),
  (s) => iconv.decode(iconv.encode(s, 'gbk'), 'big5'),
  (s) => iconv.decode(utf8(iconv.decode(utf8(s), 'gbk')), 'win1252'), // two layers
  (s) => iconv.decode(utf8(s).subarray(0, -1), 'gbk'), // the last byte lost
];
const mojibake = fc.tuple(fragment, fc.nat(MISREADS.length - 1)).map(([s, k]) => MISREADS[k](s));

const pinyin = fc.constantFrom('簡(jiǎn)', '陽(yáng)', '南(nán)陽（yang2）', '發(fā)展', '時(shí)間', '國(guó)家', '織(WHO)', '南阳(Nányáng)', '的(de)', '(jiǎn)');
const halfwidth = fc.constantFrom(',', ':', ';', '!', '?', '(', ')', '"', "'", '...', '......', '--', ', ', ' :', '1,000', '8:30', 'http://x.cn/a?b=1,2', 'a@b.cn');
const fullwidth = fc.constantFrom('，', '、', '。', '“', '”', '‘', '（', '）', '——', '……', '：', '！', '？', '「', '」', '·');
const boilerplate = fc.constantFrom(
  '记者 | 胡禹',
  '編輯 | 羅玉蓉',
  '姜明 摄',
  '南陽投資集團有限公司 版權所有 ?2020',
  '備案序號: 豫ICP備20017668號-1',
  '如需轉載請注明出處',
  '责任编辑：张三',
  '来源：新华社',
  '2022-02-23 09:03:40',
  '---|---|---|',
  '发布机构 | 唐河县政府办公室 | 发布日期 | 2022-02-23 09:03:40 |',
  '点击收起详细信息',
  '分享到：',
  '②2',
  '1. 第一条',
  '一、总体要求',
  'Notice: The content above',
  '大抓落实勇担当',
  '主持人：',
);
const lost = fc.constantFrom('\ufffd', '\ufffd\ufffd\ufffd', '锟斤拷', '锟斤拷锟斤拷锟', '烫烫烫', '屯屯屯屯', '中?文', '??', '？');
const hostile = fc.constantFrom(
  '😀',
  '👨‍👩‍👧',
  '🇨🇳',
  '𠀀',
  '𡘙',
  '\u0000',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ufeff',
  '\u200b',
  '\u3000',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u0301',
  'é',
);
const han = fc.string({ unit: fc.constantFrom(...'的一是中国人南阳陽發发展這这會会議议書书長长時时'), maxLength: 6 });

const piece = fc.oneof(
  { arbitrary: fragment, weight: 8 },
  { arbitrary: fc.constantFrom(...REAL), weight: 1 },
  { arbitrary: mojibake, weight: 2 },
  { arbitrary: pinyin, weight: 2 },
  { arbitrary: halfwidth, weight: 3 },
  { arbitrary: fullwidth, weight: 2 },
  { arbitrary: boilerplate, weight: 1 },
  { arbitrary: lost, weight: 1 },
  { arbitrary: hostile, weight: 3 },
  { arbitrary: han, weight: 1 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
);

const line = fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(''));
/** Line endings, mixed freely; '' glues two lines into one. */
const eol = fc.constantFrom('\n', '\n', '\r\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r\n', '');

/** How a repeated line differs from its first copy. */
type Variant = 'same' | 'spaced' | 'widened';
const VARIANTS: Record<Variant, (s: string) => string> = {
  same: (s) => s,
  spaced: (s) => ' ' + s.replace(/，/g, ', ') + ' ',
  widened: (s) => s.replace(/,/g, '，').replace(/:/g, '：'),
};

export const documents = fc
  .record({
    lines: fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 8 }),
    /** Copies of earlier lines: [which line, where after it, how it differs]. */
    copies: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom<Variant>('same', 'spaced', 'widened')), { maxLength: 2 }),
    /** Lines broken in two: [which line, where, with which line ending]. */
    breaks: fc.array(fc.tuple(fc.nat(), fc.nat(), eol), { maxLength: 2 }),
    bom: fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: fc.constant('\ufeff'), weight: 1 }),
  })
  .map(({ lines, copies, breaks, bom }) => {
    const out = lines.map(([text, end]) => ({ text, end }));
    for (const [which, after, variant] of copies) {
      if (out.length === 0) break;
      const i = which % out.length;
      const at = i + 1 + (after % (out.length - i));
      out.splice(at, 0, { text: VARIANTS[variant](out[i].text), end: out[i].end || '\n' });
    }
    for (const [which, where, end] of breaks) {
      if (out.length === 0) break;
      const i = which % out.length;
      const o = where % (out[i].text.length + 1);
      out.splice(i, 1, { text: out[i].text.slice(0, o), end }, { text: out[i].text.slice(o), end: out[i].end });
    }
    return bom + out.map((l) => l.text + l.end).join('');
  });
