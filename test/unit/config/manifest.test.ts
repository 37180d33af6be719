import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, manifestConfiguration, manifestDescriptions } from '../../../src/core';
import { ROOT } from '../helpers';

const json = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every string literal given to l10n.t / vscode.l10n.t / t( in the sources. */
function l10nStrings(): Set<string> {
  const out = new Set<string>();
  const call = /\bt\(\s*'((?:[^'\\]|\\.)*)'/g;
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) out.add(m[1].replace(/\\'/g, "'"));
  }
  return out;
}

describe('manifest and localisation', () => {
  it('contributes.configuration is generated from src/core/config.ts (no drift)', () => {
    const pkg = json('package.json') as { contributes: { configuration: unknown } };
    assert.deepEqual(pkg.contributes.configuration, manifestConfiguration(RULES), 'run `npm run gen-config`');
  });

  it('package.nls.json holds the English of every placeholder, and both Chinese files translate each', () => {
    const en = json('package.nls.json');
    for (const [k, v] of Object.entries(manifestDescriptions(RULES))) assert.equal(en[k], v, k);
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    for (const m of manifest.matchAll(/"%([^%"]+)%"/g)) assert.ok(m[1] in en, `package.nls.json lacks ${m[1]}`);
    for (const locale of ['zh-cn', 'zh-tw']) {
      const zh = json(`package.nls.${locale}.json`);
      assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), locale);
    }
  });

  it('every message in the sources has a zh-cn and a zh-tw translation', () => {
    const strings = l10nStrings();
    assert.ok(strings.size > 5);
    for (const locale of ['zh-cn', 'zh-tw']) {
      const bundle = json(`l10n/bundle.l10n.${locale}.json`);
      const missing = [...strings].filter((s) => !(s in bundle));
      assert.deepEqual(missing, [], `l10n/bundle.l10n.${locale}.json lacks these`);
    }
  });
});
