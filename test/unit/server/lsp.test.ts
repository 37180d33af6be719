import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, fixAll, resolveSettings, type Edit } from '../../../src/core';
import { ROOT, seed } from '../helpers';
import { RpcClient } from './rpc';

/**
 * The bundled CLI's language server (`newsclean lsp --stdio`) driven as an
 * editor drives it, over raw JSON-RPC, on a seed in a repository with a
 * config file: its diagnostics, outline and folds equal what the CLI prints
 * for the same file, before and after an incremental edit.
 */
const CLI = path.join(ROOT, 'dist', 'cli.js');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** A diagnostic as `check --format json` prints a finding (without `fixable`). */
function row(d: Json) {
  return {
    rule: d.code,
    severity: SEVERITY[d.severity],
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

function cliJson(cwd: string, ...args: string[]): Json {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LANG: 'C' } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout);
}

function cliFindings(cwd: string, file: string): Json[] {
  return cliJson(cwd, 'check', '--format', 'json', file)[0].findings.map(({ rule, severity, message, line, column, endLine, endColumn }: Json) => ({ rule, severity, message, line, column, endLine, endColumn }));
}

/** The offset of an LSP position in `text` (lines split as the protocol splits them). */
function offsetAt(text: string, p: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = offset;
    const found = m.exec(text);
    offset = found ? found.index + found[0].length : text.length;
  }
  return offset + p.character;
}

function applyTextEdits(text: string, edits: Json[]): string {
  const plain: Edit[] = edits.map((e) => ({ range: { start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end) }, text: e.newText }));
  return applyEdits(text, plain);
}

function foldsOf(rows: Json[]): { startLine: number; endLine: number }[] {
  return rows.flatMap((r: Json) => [...(r.endLine > r.line ? [{ startLine: r.line - 1, endLine: r.endLine - 1 }] : []), ...foldsOf(r.children)]);
}

function symbolRows(symbols: Json[]): Json[] {
  return symbols.map((s) => ({ name: s.name, line: s.range.start.line + 1, endLine: s.range.end.line + 1, children: symbolRows(s.children ?? []) }));
}

function outlineRows(rows: Json[]): Json[] {
  return rows.map((r) => ({ name: r.name || '·', line: r.line, endLine: r.endLine, children: outlineRows(r.children) }));
}

describe('language server (newsclean lsp --stdio)', function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  let uri: string;
  let text: string;
  let client: RpcClient;
  /** What the client answers to workspace/configuration. */
  let clientSettings: Json = { debounceMs: 0 };

  before(async function () {
    if (!fs.existsSync(CLI)) this.skip(); // built by `npm test`'s pretest (node scripts/build.mjs)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsclean-lsp-'));
    fs.mkdirSync(path.join(dir, '.git'));
    // A config file the server must honour as the CLI does: one rule off for the whole repository.
    fs.writeFileSync(path.join(dir, '.newsclean.jsonc'), '{ "newsclean.rules.mojibake": "off" }\n');
    file = path.join(dir, 'article.txt');
    text = seed('002');
    fs.writeFileSync(file, text);
    uri = pathToFileURL(file).href;
    client = new RpcClient(process.execPath, [CLI, 'lsp', '--stdio'], dir, {
      'workspace/configuration': (p: Json) => p.items.map(() => clientSettings),
      'client/registerCapability': () => null,
      'workspace/applyEdit': () => ({ applied: true }),
    });
    const init = await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  });

  after(async function () {
    if (!client) return;
    if (client.child.exitCode === null) client.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the CLI’s findings as diagnostics, with the rule id as code and its docs link', async () => {
    const published = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    const expected = cliFindings(dir, 'article.txt');
    assert.ok(expected.length > 10);
    assert.ok(!expected.some((f) => f.rule === 'mojibake'), 'the config file turned mojibake off');
    assert.deepEqual(published.diagnostics.map(row), expected);
    const d = published.diagnostics[0];
    assert.equal(d.source, 'newsclean');
    assert.match(d.codeDescription.href, /^file:.*README\.md#rule-/);
  });

  it('gives the outline as document symbols and folding ranges, as `outline` does', async () => {
    const outline = cliJson(dir, 'outline', '--format', 'json', 'article.txt');
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    assert.equal(symbols[0].kind, 1, 'the title is a File symbol');
    assert.deepEqual(symbolRows(symbols), outlineRows(outline));
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length > 0);
    assert.deepEqual(
      folds.map((f: Json) => ({ startLine: f.startLine, endLine: f.endLine })),
      foldsOf(outline),
    );
  });

  it('offers the quick fix, the fix-all of its rule (resolved) and source.fixAll.newsclean', async () => {
    const expected = cliFindings(dir, 'article.txt');
    const target = expected.find((f) => f.rule === 'halfwidth-punctuation')!;
    const range = { start: { line: target.line - 1, character: target.column - 1 }, end: { line: target.endLine - 1, character: target.endColumn - 1 } };
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const quick = actions.find((a: Json) => a.isPreferred);
    assert.ok(quick, JSON.stringify(actions));
    const edits = quick.edit.documentChanges[0];
    assert.deepEqual(edits.textDocument, { uri, version: 1 });
    const fixed = applyTextEdits(text, edits.edits);
    assert.notEqual(fixed, text);
    const fixRule = actions.find((a: Json) => a.data?.ruleId === 'halfwidth-punctuation');
    assert.ok(fixRule && !fixRule.edit);
    const resolved = await client.request('codeAction/resolve', fixRule);
    const all = applyTextEdits(text, resolved.edit.documentChanges[0].edits);
    assert.ok(!/[\u4e00-\u9fff],[\u4e00-\u9fff]/.test(all), 'every half-width comma between Han characters fixed');
    const source = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.newsclean'] } });
    assert.equal(source.length, 1);
    assert.equal(source[0].kind, 'source.fixAll.newsclean');
    const settings = resolveSettings({ 'newsclean.rules.mojibake': 'off' });
    assert.equal(applyTextEdits(text, source[0].edit.documentChanges[0].edits), fixAll(text, { settings, safeOnly: true }).text);
  });

  it('checks again after an incremental change of two edits, as the CLI checks the edited file', async () => {
    // Two edits in one notification, applied in order: a half-width comma between Han characters, then a line removed.
    const lines = text.split('\n');
    const changes = [
      { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, text: ',' },
      { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' },
    ];
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
    const edited = [lines[0], `${lines[1].slice(0, 2)},${lines[1].slice(2)}`, ...lines.slice(3)].join('\n');
    const published = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    fs.writeFileSync(file, edited);
    const expected = cliFindings(dir, 'article.txt');
    assert.deepEqual(published.diagnostics.map(row), expected);
    assert.ok(expected.some((f) => f.line === 2 && f.column === 3 && f.rule === 'halfwidth-punctuation'), 'the new comma is flagged');
    text = edited;
  });

  it('cleans the document through workspace/executeCommand, answering and applying a WorkspaceEdit', async () => {
    const edit = await client.request('workspace/executeCommand', { command: 'newsclean.lsp.cleanDocument', arguments: [uri] });
    const applied = client.serverRequests.find((r) => r.method === 'workspace/applyEdit');
    assert.ok(applied);
    assert.deepEqual(applied.params.edit, edit);
    const settings = resolveSettings({ 'newsclean.rules.mojibake': 'off' });
    assert.equal(applyTextEdits(text, edit.documentChanges[0].edits), fixAll(text, { settings, safeOnly: true }).text);
    const converted = await client.request('workspace/executeCommand', { command: 'newsclean.lsp.convertToSimplified', arguments: [uri] });
    assert.match(applyTextEdits(text, converted.documentChanges[0].edits), /南阳市/);
  });

  it('re-reads the client’s settings and the config files when they change; honours .newscleanignore', async () => {
    // Each step waits for a publication made after it: those received before are let go.
    client.notifications.length = 0;
    clientSettings = { debounceMs: 0, rules: { 'halfwidth-punctuation': 'off' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const without = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && !p.diagnostics.some((d: Json) => d.code === 'halfwidth-punctuation'));
    assert.ok(without.diagnostics.length > 0);
    fs.writeFileSync(path.join(dir, '.newscleanignore'), 'article.txt\n');
    client.notifications.length = 0;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.newscleanignore')).href, type: 1 }] });
    await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    fs.rmSync(path.join(dir, '.newscleanignore'));
    client.notifications.length = 0;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.newscleanignore')).href, type: 3 }] });
    const back = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    assert.deepEqual(back.diagnostics, without.diagnostics);
  });

  it('shuts down and exits', async () => {
    assert.equal(await client.request('shutdown', null), null);
    client.notify('exit', null);
    assert.equal(await client.exited(), 0);
  });
});

describe('language server in Chinese', function () {
  this.timeout(120_000);

  it('speaks the locale the client gives in initialize', async function () {
    if (!fs.existsSync(CLI)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsclean-lsp-zh-'));
    const client = new RpcClient(process.execPath, [CLI, 'lsp', '--stdio'], dir, { 'workspace/configuration': (p: Json) => p.items.map(() => null) });
    try {
      await client.request('initialize', { processId: process.pid, rootUri: null, locale: 'zh-cn', capabilities: { workspace: { configuration: true } } });
      client.notify('initialized', {});
      const uri = pathToFileURL(path.join(dir, 'a.txt')).href;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: '北京市,今天开会。\n' } });
      const published = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri);
      assert.equal(published.diagnostics[0].code, 'halfwidth-punctuation');
      assert.match(published.diagnostics[0].message, /[\u4e00-\u9fff]/);
      assert.doesNotMatch(published.diagnostics[0].message, /Half-width/);
    } finally {
      client.child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
