import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsDocument, analyze, analyzeIncremental, fixAll, parseOutline, type OutlineEntry } from '../../../src/core';
import { ROOT } from '../helpers';

/** A pasted page composed for the repository (test/fixtures/pages/README.md): anatomy, outline and Clean Document. */
const DIR = path.join(ROOT, 'test', 'fixtures', 'pages');
const text = fs.readFileSync(path.join(DIR, 'composed-page.txt'), 'utf8');
const lines = text.split('\n');
const json = (e: OutlineEntry): unknown => ({ name: e.name, kind: e.kind, line: e.line + 1, endLine: e.endLine + 1, children: e.children.map(json) });
/** 1-based lines of the page's chrome: navigation, breadcrumb, source line, share bar, related list, comments, footer. */
const CHROME = [1, 2, 4, 5, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26];
/** The headline and the article (sub-headings, paragraphs, the caption and the credits). */
const ARTICLE = [3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

describe('a composed pasted page', () => {
  it('matches its golden outline: the headline as the title, two sections in the body, the chrome as blocks', () => {
    const outline = parseOutline(new NewsDocument(text));
    assert.deepEqual(outline.map(json), JSON.parse(fs.readFileSync(path.join(DIR, 'composed-page.outline.json'), 'utf8')));
    const title = outline.find((e) => e.kind === 'title');
    assert.equal(title?.name, lines[2]);
  });

  it('flags every line of the chrome and no line of the article but its credits', () => {
    const doc = new NewsDocument(text);
    const flagged = new Map<number, string>();
    for (const f of analyze(doc, { rules: ['boilerplate'] })) flagged.set(doc.positionAt(f.range.start).line + 1, f.severity);
    for (const l of CHROME) assert.equal(flagged.get(l), 'info', `line ${l}: ${lines[l - 1]}`);
    assert.deepEqual(
      ARTICLE.filter((l) => flagged.has(l)),
      [14, 16],
      'only the photo credit and the staff credit, as hints',
    );
    assert.equal(flagged.get(14), 'hint');
    assert.equal(flagged.get(16), 'hint');
  });

  it('Clean Document removes the chrome and leaves the article byte for byte (golden)', () => {
    const fixed = fixAll(text).text;
    assert.equal(fixed, fs.readFileSync(path.join(DIR, 'composed-page.fixed.txt'), 'utf8'));
    assert.equal(fixed, ARTICLE.map((l) => lines[l - 1] + '\n').join(''));
  });

  it('is analysed after edits as from scratch (the anatomy carried over an edit)', () => {
    let state = analyzeIncremental(undefined, text).state;
    let current = text;
    for (const [at, insert] of [
      [text.indexOf('乘客多是'), '夜间'],
      [text.indexOf('相关阅读'), '更多'],
      [0, '网站导航\n'],
    ] as const) {
      current = current.slice(0, at) + insert + current.slice(at);
      const r = analyzeIncremental(state, current);
      state = r.state;
      assert.deepEqual(
        r.findings.map((f) => [f.ruleId, f.message, f.range.start]),
        analyze(new NewsDocument(current)).map((f) => [f.ruleId, f.message, f.range.start]),
      );
    }
  });
});
