import * as assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { NewsDocument, RULES, analyze, applyEdits, applyFixes, fixAll, minimalEdits, type Edit, type Finding, type Fix, type Rule } from '../../../src/core';
import { seed, seedNames } from '../helpers';

const finding = (start: number, end: number, text: string, ruleId = 'r'): Finding => ({
  ruleId,
  severity: 'warning',
  message: 'm',
  range: { start, end },
  fix: { title: 't', edits: [{ range: { start, end }, text }] },
});

describe('applyEdits / applyFixes', () => {
  it('applies edits in document order whatever order they come in', () => {
    const out = applyEdits('abcdef', [
      { range: { start: 4, end: 5 }, text: 'E' },
      { range: { start: 0, end: 1 }, text: 'A' },
    ]);
    assert.equal(out, 'AbcdEf');
  });

  it('drops an edit that overlaps an earlier one', () => {
    const out = applyEdits('abcdef', [
      { range: { start: 1, end: 4 }, text: 'X' },
      { range: { start: 2, end: 5 }, text: 'Y' },
    ]);
    assert.equal(out, 'aXef');
  });

  it('never half-applies a fix whose edits collide with another fix', () => {
    const a = finding(1, 3, '');
    const b: Finding = { ...a, fix: { title: 't', edits: [{ range: { start: 2, end: 4 }, text: 'Z' }, { range: { start: 5, end: 6 }, text: 'Q' }] } };
    const { text, applied } = applyFixes('abcdef', [a, b]);
    assert.equal(text, 'adef');
    assert.deepEqual(applied, [a]);
  });

  it('keeps CRLF endings it does not touch', () => {
    const text = '一\r\n，二\r\n三';
    const { text: out } = applyFixes(text, [finding(1, 3, '')]);
    assert.equal(out, '一，二\r\n三');
  });

  it('never lets fixes that touch bring a CR and an LF together (found by the property tests)', () => {
    // Line 2 is a metadata line (boilerplate), line 3 repeats it (duplicate-block):
    // each removal alone is safe, the two together joined the CR before them and the LF after.
    const text =
      '8:30\r发布机构 | 唐河县政府办公室 | 发布日期 | 2022-02-23 09:03:40 |员干部，持续推动中国式现代化苏）‘\n' +
      ' 发布机构 | 唐河县政府办公室 | 发布日期 | 2022-02-23 09:03:40 |员干部, 持续推动中国式现代化苏）‘ \n\n';
    const { text: once, applied } = applyFixes(text, analyze(new NewsDocument(text)));
    assert.deepEqual(applied.map((f) => f.ruleId), ['boilerplate']);
    assert.ok(once.startsWith('8:30\r 发布机构'), JSON.stringify(once));
    assert.equal(fixAll(text).text, '8:30\n\n');
    // Three touching removals, and a replacement that would end in a CR before an LF.
    const three = [finding(2, 4, ''), finding(4, 6, ''), finding(6, 8, '')];
    const out = applyFixes('a\rb\nc\nd\n\nz', three);
    assert.deepEqual(out.applied, three.slice(0, 2));
    assert.equal(out.text, 'a\rd\n\nz');
    assert.equal(applyFixes('ab\nc', [finding(1, 2, '\r')]).text, 'ab\nc');
  });

  it('judges a fix shared by many findings once (a "remove them all" fix is not read again for each)', () => {
    let reads = 0;
    const edits: Edit[] = Array.from({ length: 3000 }, (_, i) => ({ range: { start: 2 * i, end: 2 * i + 1 }, text: '' }));
    const shared: Fix = {
      title: 'all',
      get edits() {
        reads++;
        return edits;
      },
    };
    const findings: Finding[] = edits.map((e) => ({ ruleId: 'r', severity: 'warning', message: 'm', range: e.range, fix: shared }));
    const { text, applied } = applyFixes('ab'.repeat(3000), findings);
    assert.equal(text, 'b'.repeat(3000));
    assert.deepEqual(applied, [findings[0]]);
    // Without the sharing seen, each of the 3,000 findings reads the fix (and sorts its 3,000 edits) again.
    assert.ok(reads < 20, `the shared fix was read ${reads} times`);
  });

  it('minimalEdits turns one text into the other with small edits', () => {
    const before = '第一行\n，第二行\n第三行\n第四行\n';
    const after = '第一行，第二行\n第三行\n第四行\n';
    const edits = minimalEdits(before, after);
    assert.equal(applyEdits(before, edits), after);
    assert.ok(edits.every((e) => e.range.end - e.range.start <= 2), JSON.stringify(edits));
  });
});

/** Fix-all as a loop of whole analyses, each pass's repairs first: what fixAll must equal. */
function fixAllByWholeAnalyses(text: string, safeOnly: boolean): { text: string; applied: Finding[]; remaining: Finding[]; passes: number } {
  const applied: Finding[] = [];
  let current = text;
  let passes = 0;
  let found: Finding[] | undefined;
  for (; passes < 6; passes++) {
    found = analyze(new NewsDocument(current));
    let findings = found.filter((f) => f.fix && (!safeOnly || RULES.find((r) => r.meta.id === f.ruleId)!.meta.safeToClean));
    if (findings.length === 0) break;
    const repairs = findings.filter((f) => RULES.find((r) => r.meta.id === f.ruleId)!.meta.restoresText);
    if (repairs.length > 0) findings = repairs;
    const result = applyFixes(current, findings);
    if (result.applied.length === 0 || result.text === current) break;
    applied.push(...result.applied);
    current = result.text;
    found = undefined;
  }
  return { text: current, applied, remaining: found ?? analyze(new NewsDocument(current)), passes };
}

describe('fixAll', () => {
  it('equals whole analyses pass after pass (its analyses are incremental, its repairs found by the repairing rules alone)', () => {
    // The seeds, with what takes several passes: mojibake (repaired first), half-width marks,
    // broken lines and a repeated block (found once the others are fixed), in CRLF and LF.
    const lines = seedNames().flatMap((n) => seed(n.slice(0, 3)).split('\n'));
    const damaged = lines.map((line, i) =>
      i % 9 === 1 ? iconv.decode(Buffer.from(line, 'utf8'), 'gbk') : i % 7 === 2 ? line.replace(/，/g, ',') : i % 5 === 3 ? line.replace(/，/g, '\n，') : line,
    );
    const text = [...damaged, ...damaged.slice(10, 30)].join('\n');
    const plain = (r: { text: string; applied: Finding[]; remaining: Finding[]; passes: number }) => ({
      text: r.text,
      passes: r.passes,
      applied: r.applied.map((f) => [f.ruleId, f.range.start, f.range.end, f.message, f.fix!.edits]),
      remaining: r.remaining.map((f) => [f.ruleId, f.range.start, f.range.end, f.message, f.severity]),
    });
    for (const input of [text, text.replace(/\n/g, '\r\n')]) {
      for (const safeOnly of [false, true]) {
        const ours = fixAll(input, { safeOnly });
        assert.ok(ours.passes >= 3, `only ${ours.passes} passes`);
        assert.deepEqual(plain(ours), plain(fixAllByWholeAnalyses(input, safeOnly)));
      }
    }
  });
});

describe('analyze', () => {
  it('runs rules with large buffers first, and gives every finding in the rules’ order', () => {
    const ran: string[] = [];
    const rule = (id: string, largeBuffers: boolean): Rule => ({
      meta: { id, description: id, family: 'other', docs: `rule-${id}`, defaultSeverity: 'warning', fixable: false, safeToClean: false, largeBuffers },
      check(_ctx, report) {
        ran.push(id);
        report({ message: id, range: { start: 0, end: 1 } });
        report({ message: id, range: { start: 2, end: 3 } });
      },
    });
    const ruleSet = [rule('a', false), rule('big', true), rule('c', false)];
    const found = analyze(new NewsDocument('abcd'), { ruleSet });
    assert.deepEqual(ran, ['big', 'a', 'c']);
    assert.deepEqual(
      found.map((f) => `${f.range.start}:${f.ruleId}`),
      ['0:a', '0:big', '0:c', '2:a', '2:big', '2:c'],
    );
  });
});
