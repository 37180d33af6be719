import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT } from '../helpers';

/** Tokenises lines with the grammar exactly as VS Code does (vscode-textmate + Oniguruma). */
async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(fs.readFileSync(path.join(ROOT, 'syntaxes', 'news-transcript.tmLanguage.json'), 'utf8'), 'grammar.json'),
  });
  const grammar = await registry.loadGrammar('text.news-transcript');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

function scopesOf(grammar: textmate.IGrammar, line: string, fragment: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  const at = line.indexOf(fragment);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  return token ? token.scopes : [];
}

describe('news-transcript grammar', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  const cases: [string, string, string][] = [
    ['大抓落实勇担当', '大抓', 'markup.heading.news-transcript'],
    ['通州:提振精气神,聚力项目建设', '通州', 'entity.name.section.place.news-transcript'],
    ['本报讯(记者 岳建辉)7月28日至30日,市委书记带队。', '本报讯', 'keyword.other.dateline.news-transcript'],
    ['交汇点讯 1月29日,南通召开全市动员大会。', '1月29日', 'constant.numeric.date.news-transcript'],
    ['记者 | 胡禹', '记者', 'entity.name.tag.credit.role.news-transcript'],
    ['记者 | 胡禹', '胡禹', 'string.unquoted.credit.name.news-transcript'],
    ['姜明 摄', '摄', 'entity.name.tag.credit.role.news-transcript'],
    ['簡(jiǎn)陽(yáng)市融媒體中心', '(jiǎn)', 'markup.deleted.pinyin.news-transcript'],
    ['版權所有 \ufffd\ufffd2020', '\ufffd', 'invalid.illegal.lost.news-transcript'],
  ];
  for (const [line, fragment, scope] of cases) {
    it(`colours “${fragment}” in “${line}” as ${scope}`, () => {
      assert.ok(scopesOf(grammar, line, fragment).includes(scope), scopesOf(grammar, line, fragment).join(' '));
    });
  }

  it('leaves prose and parenthesised Latin alone', () => {
    const line = '南阳发展机遇千载难逢,世卫组织(WHO)表示。';
    assert.deepEqual(scopesOf(grammar, line, '(WHO)'), ['text.news-transcript']);
    assert.deepEqual(scopesOf(grammar, line, '南阳'), ['text.news-transcript']);
  });
});
