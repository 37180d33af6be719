import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewsDocument, analyze, fixAll } from '../../../src/core';
import { main } from '../../../src/cli/main';
import { SEEDS, seedNames } from '../helpers';

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main({
    argv,
    stdout: (t) => (out += t),
    stderr: () => undefined,
    fs: { readFile: async (p) => fs.readFileSync(path.join(SEEDS, p)), writeFile: async () => undefined },
  });
  return { code, out };
}

describe('golden fixtures (the five real seeds)', () => {
  for (const name of seedNames()) {
    describe(name, () => {
      const text = fs.readFileSync(path.join(SEEDS, `${name}.txt`), 'utf8');
      const golden = (suffix: string) => fs.readFileSync(path.join(SEEDS, name + suffix), 'utf8');

      it('reports the expected findings', async () => {
        const { out } = await cli(['check', '--format', 'json', `${name}.txt`]);
        assert.deepEqual(JSON.parse(out)[0].findings, JSON.parse(golden('.findings.json')));
      });

      it('fixes to the expected text', async () => {
        const { out } = await cli(['fix', '--stdout', `${name}.txt`]);
        assert.equal(out, golden('.fixed.txt'));
      });

      it('outlines as expected', async () => {
        const { out } = await cli(['outline', '--format', 'json', `${name}.txt`]);
        assert.deepEqual(JSON.parse(out), JSON.parse(golden('.outline.json')));
      });

      it('is idempotent: after fix-all nothing fixable remains', () => {
        const fixed = fixAll(text).text;
        assert.deepEqual(
          analyze(new NewsDocument(fixed)).filter((f) => f.fix),
          [],
        );
      });

      it('stray-line-break alone changes nothing but line breaks and the white space at joins', () => {
        const fixed = fixAll(text, { rules: ['stray-line-break'] }).text;
        assert.equal(fixed.replace(/\s/g, ''), text.replace(/\s/g, ''));
      });
    });
  }

  it('seed 002: every break inside both copies is found', () => {
    const fixed = golden002();
    const lines = fixed.split('\n');
    // No line of the fixed text starts with continuing punctuation, and both
    // copies of the article now have their paragraphs on single lines.
    assert.ok(lines.every((l) => !/^[，、。,;!?]/.test(l)));
    const paragraphs = lines.filter((l) => l.startsWith('王智慧指出'));
    assert.equal(paragraphs.length, 2);
    assert.equal(paragraphs[0].replace(/\s/g, ''), paragraphs[1].replace(/\s/g, ''));
    assert.equal(lines.length, 23);
  });
});

function golden002(): string {
  const name = seedNames().find((n) => n.startsWith('002'))!;
  return fixAll(fs.readFileSync(path.join(SEEDS, `${name}.txt`), 'utf8'), { rules: ['stray-line-break'] }).text;
}
