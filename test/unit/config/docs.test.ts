import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../src/core';

const root = path.resolve(__dirname, '../../../..');

describe('rules documentation', () => {
  for (const file of ['README.md', 'docs/rules.zh-cn.md', 'docs/rules.zh-tw.md']) {
    it(`${file} has a section at every rule's anchor`, () => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const rule of RULES) {
        assert.ok(text.includes(`<a id="${rule.meta.docs}"></a>`), `${file}: no anchor ${rule.meta.docs}`);
      }
    });
  }

  it('docs/rules.zh-tw.md is the conversion of docs/rules.zh-cn.md', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/generate/make-docs-zh-tw.mjs'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
  });

  it('the package ships the translated documentation', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    for (const file of ['docs/rules.zh-cn.md', 'docs/rules.zh-tw.md']) assert.ok(ignore.includes(`!${file}`), file);
  });
});
