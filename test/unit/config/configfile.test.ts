import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import {
  ConfigResolver,
  FileCache,
  NewsDocument,
  RULES,
  SETTINGS,
  analyze,
  changeConfigText,
  configSchema,
  mergeLayers,
  parseConfigFile,
  resolveLoading,
  resolveSettings,
} from '../../../src/core';
import { main } from '../../../src/cli/main';
import { ROOT } from '../helpers';

/** A resolver over an in-memory tree: every path not listed does not exist. */
function tree(files: Record<string, string>): ConfigResolver {
  return new ConfigResolver(new FileCache((p) => (p in files ? files[p] : null)));
}

describe('config files', () => {
  describe('parsing and validation', () => {
    it('reads JSON with comments and trailing commas, keeping valid settings', () => {
      const d = parseConfigFile('/r/.newsclean.jsonc', '// c\n{ "newsclean.script.target": "zh-TW", /* x */ "newsclean.rules.mojibake": "off", }\n');
      assert.deepEqual(d.issues, []);
      assert.deepEqual(d.values, { 'newsclean.script.target': 'zh-TW', 'newsclean.rules.mojibake': 'off' });
    });

    it('flags unknown keys, unknown rules and bad values where they are, and leaves them out', () => {
      const text = '{\n  "script.target": "zh-TW",\n  "newsclean.rules.nope": "off",\n  "newsclean.duplicates.minLength": 2,\n  "newsclean.punctuation.quotes": "round"\n}';
      const d = parseConfigFile('/r/.newsclean.jsonc', text);
      assert.deepEqual(d.values, {});
      const at = (i: number) => text.slice(d.issues[i].start, d.issues[i].end);
      assert.equal(d.issues.length, 4);
      assert.equal(at(0), '"script.target"');
      assert.match(d.issues[0].message, /did you mean “newsclean\.script\.target”/);
      assert.match(d.issues[1].message, /Unknown rule “nope”/);
      assert.equal(at(2), '2');
      assert.match(d.issues[2].message, /at least 4/);
      assert.equal(at(3), '"round"');
      assert.match(d.issues[3].message, /one of: auto, curly, corner/);
    });

    it('reports syntax errors, a file that is not an object, and malformed overrides', () => {
      assert.match(parseConfigFile('/a', '{ "newsclean.run": }').issues[0].message, /Syntax error/);
      assert.match(parseConfigFile('/a', '[1]').issues[0].message, /one JSON object/);
      const o = parseConfigFile('/a', '{ "overrides": [{ "settings": {} }, { "files": "x", "extra": 1 }], "root": 1 }');
      assert.deepEqual(
        o.issues.map((i) => i.message),
        ['An override needs “files”.', 'An override has only “files” and “settings”, not “extra”.', '“root” must be true or false.'],
      );
    });
  });

  describe('resolution', () => {
    it('walks up from the file: nearer files win, a root file or the root option ends the walk', () => {
      const r = tree({
        '/.newsclean.json': '{ "newsclean.rules.boilerplate": "off", "newsclean.script.target": "zh-HK" }',
        '/ws/.newsclean.jsonc': '{ "newsclean.script.target": "zh-Hans", "newsclean.duplicates.minLength": 20 }',
        '/ws/a/.newsclean.json': '{ "newsclean.script.target": "zh-TW" }',
      });
      const deep = r.resolve('/ws/a/b/x.txt');
      assert.deepEqual(deep.files, ['/.newsclean.json', '/ws/.newsclean.jsonc', '/ws/a/.newsclean.json']);
      assert.equal(deep.nearest, '/ws/a/.newsclean.json');
      assert.deepEqual(deep.values, { 'newsclean.rules.boilerplate': 'off', 'newsclean.script.target': 'zh-TW', 'newsclean.duplicates.minLength': 20 });
      assert.deepEqual(r.resolve('/ws/x.txt', { root: '/ws' }).files, ['/ws/.newsclean.jsonc']);
      const rooted = tree({ '/.newsclean.json': '{ "newsclean.rules.boilerplate": "off" }', '/ws/.newsclean.json': '{ "root": true }' });
      assert.deepEqual(rooted.resolve('/ws/x.txt').values, {});
      assert.deepEqual(r.resolve('/ws/x.txt', { useConfigFiles: false }).files, []);
    });

    it('prefers .newsclean.jsonc to .newsclean.json in one directory', () => {
      const r = tree({ '/w/.newsclean.jsonc': '{ "newsclean.run": "onSave" }', '/w/.newsclean.json': '{ "newsclean.run": "manual" }' });
      assert.deepEqual(r.resolve('/w/x.txt').values, { 'newsclean.run': 'onSave' });
    });

    it('extends: the base first, the file own values over it, paths relative to the file; cycles and missing bases are issues', () => {
      const r = tree({
        '/newsroom/newsroom.jsonc': '{ "newsclean.script.target": "zh-TW", "newsclean.rules.mojibake": "hint", "extends": "./base.json" }',
        '/newsroom/base.json': '{ "newsclean.rules.mojibake": "error", "newsclean.rules.boilerplate": "off" }',
        '/w/.newsclean.jsonc': '{ "extends": ["../newsroom/newsroom.jsonc"], "newsclean.script.target": "zh-HK" }',
      });
      const res = r.resolve('/w/x.txt', { root: '/w' });
      assert.deepEqual(res.files, ['/newsroom/base.json', '/newsroom/newsroom.jsonc', '/w/.newsclean.jsonc']);
      assert.deepEqual(res.values, { 'newsclean.rules.mojibake': 'hint', 'newsclean.rules.boilerplate': 'off', 'newsclean.script.target': 'zh-HK' });
      const bad = tree({ '/w/.newsclean.json': '{ "extends": ["./a.json", "./none.json"] }', '/w/a.json': '{ "extends": "./.newsclean.json" }' });
      const issues = bad.resolve('/w/x.txt').issues.map((i) => i.message);
      assert.ok(issues.some((m) => /cycle/.test(m)), issues.join('\n'));
      assert.ok(issues.some((m) => /there is no file \/w\/none\.json/.test(m)), issues.join('\n'));
    });

    it('overrides apply by glob relative to the config file found, in order, a glob without / at any depth', () => {
      const r = tree({
        '/w/.newsclean.jsonc': JSON.stringify({
          'newsclean.script.target': 'zh-Hans',
          overrides: [
            { files: ['tw/**'], settings: { 'newsclean.script.target': 'zh-TW' } },
            { files: '*.news', settings: { 'newsclean.rules.boilerplate': 'off' } },
            { files: ['tw/hk-*.txt'], settings: { 'newsclean.script.target': 'zh-HK' } },
          ],
        }),
      });
      assert.equal(r.resolve('/w/tw/a/x.txt').values['newsclean.script.target'], 'zh-TW');
      assert.equal(r.resolve('/w/tw/hk-1.txt').values['newsclean.script.target'], 'zh-HK');
      assert.equal(r.resolve('/w/x.txt').values['newsclean.script.target'], 'zh-Hans');
      assert.equal(r.resolve('/w/deep/y.news').values['newsclean.rules.boilerplate'], 'off');
      assert.equal(r.resolve('/w/deep/y.txt').values['newsclean.rules.boilerplate'], undefined);
    });

    it('precedence: defaults < user/workspace settings < config files (nearest wins) < --config; term lists add up', () => {
      const r = tree({
        '/w/.newsclean.json': '{ "newsclean.script.protectedTerms": ["任京暘"], "newsclean.duplicates.minLength": 30 }',
        '/w/d/.newsclean.json': '{ "newsclean.script.protectedTerms": ["簡陽"], "newsclean.duplicates.minLength": 40 }',
        '/extra.json': '{ "newsclean.duplicates.minLength": 50 }',
      });
      const workspace = { 'newsclean.duplicates.minLength': 20, 'newsclean.script.protectedTerms': ['南阳'], 'newsclean.run': 'onSave' };
      const res = r.resolve('/w/d/x.txt', { root: '/w' });
      const settings = resolveSettings(mergeLayers(workspace, res.values));
      assert.equal(settings.get('newsclean.duplicates.minLength'), 40);
      assert.equal(settings.get('newsclean.run'), 'onSave');
      assert.deepEqual(settings.get('newsclean.script.protectedTerms'), ['南阳', '任京暘', '簡陽']);
      assert.equal(resolveSettings(r.resolve('/w/d/x.txt', { root: '/w', extra: ['/extra.json'] }).values).get('newsclean.duplicates.minLength'), 50);
      assert.equal(resolveSettings({}).get('newsclean.duplicates.minLength'), SETTINGS['newsclean.duplicates.minLength'].default);
    });

    it('.newscleanignore: gitignore syntax, relative to its own directory, nested files too', () => {
      const r = tree({ '/w/.newscleanignore': 'drafts/\n*.bak.txt\n!keep.bak.txt\n', '/w/desk/.newscleanignore': '/old.txt\n' });
      const ignored = (p: string) => r.resolve(p, { root: '/w' }).ignored;
      assert.equal(ignored('/w/drafts/a.txt'), true);
      assert.equal(ignored('/w/x/drafts/a.txt'), true);
      assert.equal(ignored('/w/x.bak.txt'), true);
      assert.equal(ignored('/w/keep.bak.txt'), false);
      assert.equal(ignored('/w/desk/old.txt'), true);
      assert.equal(ignored('/w/old.txt'), false);
      assert.equal(ignored('/w/a.txt'), false);
      assert.equal(r.resolve('/w/drafts/a.txt', { root: '/w', useIgnoreFiles: false }).ignored, false);
    });

    it('asks for what it does not know yet, and resolveLoading loads it', async () => {
      const disk: Record<string, string> = { '/w/.newsclean.json': '{ "extends": "./b.json" }', '/w/b.json': '{ "newsclean.rules.mojibake": "off" }' };
      const cache = new FileCache();
      const r = new ConfigResolver(cache);
      assert.ok(r.resolve('/w/x.txt', { root: '/w' }).missing.includes('/w/.newsclean.jsonc'));
      const loaded: string[] = [];
      const res = await resolveLoading(r, cache, '/w/x.txt', { root: '/w' }, async (p) => {
        loaded.push(p);
        return disk[p] ?? null;
      });
      assert.deepEqual(res.missing, []);
      assert.deepEqual(res.values, { 'newsclean.rules.mojibake': 'off' });
      assert.ok(loaded.includes('/w/b.json'));
    });
  });

  describe('edits from the light bulb', () => {
    it('protects a term: creates the file, appends to the list once, keeps comments and CRLF', () => {
      const created = changeConfigText(undefined, { kind: 'protect', term: '任京暘' });
      assert.deepEqual(JSON.parse(created), { 'newsclean.script.protectedTerms': ['任京暘'] });
      const text = '// ours\r\n{\r\n  "newsclean.script.protectedTerms": ["簡陽"]\r\n}\r\n';
      const after = changeConfigText(text, { kind: 'protect', term: '任京暘' });
      assert.ok(after.startsWith('// ours\r\n'));
      assert.ok(!/[^\r]\n/.test(after), after);
      assert.deepEqual(parseConfigFile('/a', after).values, { 'newsclean.script.protectedTerms': ['簡陽', '任京暘'] });
      assert.equal(changeConfigText(after, { kind: 'protect', term: '任京暘' }), after);
    });

    it('turns a rule off for the workspace, and for one file through one override per path', () => {
      const off = changeConfigText('{}', { kind: 'rule-off', rule: 'mixed-script' });
      assert.deepEqual(parseConfigFile('/a', off).values, { 'newsclean.rules.mixed-script': 'off' });
      const one = changeConfigText(off, { kind: 'rule-off-for', rule: 'boilerplate', file: 'desk/a.txt' });
      const two = changeConfigText(one, { kind: 'rule-off-for', rule: 'mojibake', file: 'desk/a.txt' });
      const three = changeConfigText(two, { kind: 'rule-off-for', rule: 'mojibake', file: 'b.txt' });
      const d = parseConfigFile('/w/.newsclean.jsonc', three);
      assert.deepEqual(d.issues, []);
      assert.deepEqual(d.overrides, [
        { files: ['desk/a.txt'], values: { 'newsclean.rules.boilerplate': 'off', 'newsclean.rules.mojibake': 'off' } },
        { files: ['b.txt'], values: { 'newsclean.rules.mojibake': 'off' } },
      ]);
      const r = tree({ '/w/.newsclean.jsonc': three });
      assert.equal(r.resolve('/w/desk/a.txt').values['newsclean.rules.boilerplate'], 'off');
      assert.equal(r.resolve('/w/a.txt').values['newsclean.rules.boilerplate'], undefined);
    });
  });

  describe('schema', () => {
    const schemaPath = path.join(ROOT, 'schemas', 'newsclean.schema.json');

    it('schemas/newsclean.schema.json is generated from the settings source (no drift) and contributed for both names', () => {
      assert.deepEqual(JSON.parse(fs.readFileSync(schemaPath, 'utf8')), configSchema(RULES), 'run `npm run gen-config`');
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
      assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['.newsclean.jsonc', '.newsclean.json'], url: './schemas/newsclean.schema.json' }]);
    });

    it('accepts what the parser accepts and rejects a wrong key, as the parser does', () => {
      const validate = new Ajv({ allErrors: true }).compile(configSchema(RULES));
      const good = { extends: './shared.jsonc', 'newsclean.rules.mojibake': 'off', overrides: [{ files: ['tw/**'], settings: { 'newsclean.script.target': 'zh-TW' } }] };
      assert.equal(validate(good), true, JSON.stringify(validate.errors));
      assert.deepEqual(parseConfigFile('/a', JSON.stringify(good)).issues, []);
      for (const bad of [{ 'newsclean.rulez.mojibake': 'off' }, { overrides: [{ files: ['x'], settings: { 'newsclean.script.target': 'zh-XX' } }] }]) {
        assert.equal(validate(bad), false);
        assert.equal(parseConfigFile('/a', JSON.stringify(bad)).issues.length, 1);
      }
    });
  });

  describe('the CLI and the extension agree on one tree', () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'config-tree');
    const files = ['a.txt', 'desk/b.txt', 'tw/c.txt', 'drafts/d.txt'];

    async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
      let out = '';
      let err = '';
      const code = await main({
        argv,
        cwd: dir,
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
        fs: {
          readFile: async (p) => fs.promises.readFile(path.resolve(dir, p)),
          writeFile: async () => assert.fail('no writes'),
          kind: async (p) => fs.promises.stat(path.resolve(dir, p)).then((s) => (s.isDirectory() ? 'dir' : 'file'), () => undefined),
          readdir: async (p) => (await fs.promises.readdir(path.resolve(dir, p), { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() })),
        },
      });
      return { code, out, err };
    }

    /** As the extension resolves a document of a workspace whose folder is the tree: VS Code's defaults, the config files over them. */
    function extension(file: string): { rule: string; severity: string; line: number; column: number }[] | 'ignored' {
      const disk = (p: string) => (fs.existsSync(p) && fs.statSync(p).isFile() ? fs.readFileSync(p, 'utf8') : null);
      const resolver = new ConfigResolver(new FileCache(disk));
      const r = resolver.resolve(path.join(dir, file), { root: dir });
      if (r.ignored) return 'ignored';
      const defaults = Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.default]));
      const doc = new NewsDocument(fs.readFileSync(path.join(dir, file), 'utf8'));
      return analyze(doc, { settings: resolveSettings(mergeLayers(defaults, r.values)) }).map((f) => {
        const p = doc.positionAt(f.range.start);
        return { rule: f.ruleId, severity: f.severity, line: p.line + 1, column: p.character + 1 };
      });
    }

    it('gives the same findings for every file, and each layer of the tree shows in them', async () => {
      const r = await cli(['check', '--format', 'json', '.']);
      assert.equal(r.err, '');
      assert.equal(r.code, 1);
      const byFile = new Map((JSON.parse(r.out) as { file: string; findings: { rule: string; severity: string; line: number; column: number }[] }[]).map((e) => [e.file, e.findings]));
      for (const file of files) {
        const ext = extension(file);
        if (ext === 'ignored') {
          assert.equal(byFile.has(file), false, file);
          continue;
        }
        assert.deepEqual(byFile.get(file)?.map(({ rule, severity, line, column }) => ({ rule, severity, line, column })), ext, file);
      }
      assert.equal(extension('drafts/d.txt'), 'ignored');
      const a = byFile.get('a.txt')!;
      const c = byFile.get('tw/c.txt')!;
      const b = byFile.get('desk/b.txt')!;
      assert.ok(a.some((f) => f.rule === 'halfwidth-punctuation' && f.severity === 'error'), 'the root file sets the severity');
      assert.ok(a.some((f) => f.rule === 'stray-line-break' && f.severity === 'info'), 'extends: the newsroom file sets the severity');
      assert.deepEqual(a.filter((f) => f.rule === 'mixed-script').length, 1, 'the shared protected term 發展 is not flagged, 產業 is');
      assert.ok(!b.some((f) => f.rule === 'stray-line-break'), 'the desk turns the rule off');
      assert.ok(!b.some((f) => f.rule === 'mixed-script'), 'the desk protects 產業 on top of the shared terms');
      assert.ok(c.some((f) => f.rule === 'mixed-script' && f.line === 1), 'the Taiwan override makes Simplified text stray');
    });

    it('fix follows the same settings: the desk keeps its line break, an ignored file passes through --stdout unchanged', async () => {
      const desk = await cli(['fix', '--stdout', 'desk/b.txt']);
      const original = fs.readFileSync(path.join(dir, 'desk/b.txt'), 'utf8');
      assert.equal(desk.out.split('\n').length, original.split('\n').length, 'stray-line-break is off in desk/: the lines stay apart');
      assert.ok(!desk.out.includes(','), 'halfwidth-punctuation is still fixed');
      const root = await cli(['fix', '--stdout', 'a.txt']);
      assert.ok(root.out.split('\n').length < original.split('\n').length, 'at the root the broken line is joined');
      const ignored = await cli(['fix', '--stdout', 'drafts/d.txt']);
      assert.equal(ignored.code, 0);
      assert.equal(ignored.out, original);
      assert.match(ignored.err, /drafts\/d\.txt: ignored by a \.newscleanignore file/);
    });

    it('--no-config and --no-ignore leave the files out; a broken --config file is an error with its position', async () => {
      const plain = await cli(['check', '--format', 'json', '--no-config', '--no-ignore', '.']);
      const entries = JSON.parse(plain.out) as { file: string; findings: { severity: string }[] }[];
      assert.deepEqual(entries.map((e) => e.file), ['a.txt', 'desk/b.txt', 'drafts/d.txt', 'tw/c.txt']);
      assert.ok(entries.every((e) => e.findings.every((f) => f.severity === 'warning')));
      const bad = await cli(['check', '--config', 'a.txt', 'a.txt']);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /^a\.txt:1:1 error config Syntax error in the config file: /);
    });
  });
});
