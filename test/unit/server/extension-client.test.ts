import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, seed } from '../helpers';
import { RpcClient } from './rpc';

/**
 * The language server as the VS Code extension drives it (src/extension/
 * client.ts, the options of src/server/custom.ts): the client resolves the
 * config files (the server reads none), the diagnostics are budgeted and
 * follow the visible ranges, a summary of each analysis comes before its
 * diagnostics, the code actions call the client's commands.
 */
const CLI = path.join(ROOT, 'dist', 'cli.js');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const MAX = 400;

/** How many findings a diagnostic stands for: a grouped one says so in its message ("N × rule here"). */
function findingsIn(d: Json): number {
  const m = /^(\d+) × /.exec(d.message);
  return m ? Number(m[1]) : 1;
}

describe('language server with the VS Code extension as its client', function () {
  this.timeout(120_000);
  let dir: string;
  let uri: string;
  let text: string;
  let client: RpcClient;
  /** What the client answers to workspace/configuration (the config files already laid over). */
  let answer: Json = { debounceMs: 0 };
  /** The diagnostics published before the client said what is visible. */
  let earlier: Json = undefined;

  before(async function () {
    if (!fs.existsSync(CLI)) this.skip(); // built by `npm test`'s pretest (node scripts/build.mjs)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsclean-lsp-client-'));
    fs.mkdirSync(path.join(dir, '.git'));
    // The client resolves config files itself: the server must not read this one.
    fs.writeFileSync(path.join(dir, '.newsclean.jsonc'), '{ "newsclean.rules.stray-line-break": "off" }\n');
    const file = path.join(dir, 'article.txt');
    // Ten copies of seed 002, each a little different (duplicate-block would take the whole document otherwise).
    text = Array.from({ length: 10 }, (_, i) => `第${i}篇\n\n${seed('002')}`).join('');
    fs.writeFileSync(file, text);
    uri = pathToFileURL(file).href;
    client = new RpcClient(process.execPath, [CLI, 'lsp', '--stdio'], dir, {
      'workspace/configuration': (p: Json) => p.items.map(() => answer),
      'client/registerCapability': () => null,
    });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } } },
      initializationOptions: {
        locale: 'en',
        docsUrl: 'https://example.org/docs/rules.md',
        configFilesByClient: true,
        maxDiagnostics: MAX,
        analyzedNotifications: true,
        commands: { reopenWithEncoding: 'client.reopen', showDocumentation: 'client.docs' },
      },
    });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  });

  after(() => {
    if (client && client.child.exitCode === null) client.child.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the summary of an analysis before its diagnostics, budgeted: every finding in exactly one diagnostic', async () => {
    const published = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    const i = client.notifications.findIndex((n) => n.method === 'newsclean/didAnalyze');
    assert.ok(i >= 0, 'a newsclean/didAnalyze notification');
    const summary = client.notifications.splice(i, 1)[0].params;
    // The config file was not read: stray-line-break is reported.
    assert.ok(summary.perRule.some(([rule]: [string, number]) => rule === 'stray-line-break'));
    assert.equal(summary.version, 1);
    assert.ok(summary.count > MAX, `${summary.count} findings`);
    assert.ok(published.diagnostics.length <= MAX, `${published.diagnostics.length} diagnostics`);
    assert.equal(published.diagnostics.reduce((n: number, d: Json) => n + findingsIn(d), 0), summary.count);
    earlier = published;
    assert.ok(published.diagnostics.some((d: Json) => findingsIn(d) > 1), 'some are grouped');
    for (const d of published.diagnostics) assert.match(d.codeDescription.href, /^https:\/\/example\.org\/docs\/rules\.md#rule-/);
  });

  it('shows the findings in the visible ranges one by one, and offers to fix a group', async () => {
    const last = text.split('\n').length - 1;
    const ranges = [{ start: { line: last - 5, character: 0 }, end: { line: last, character: 0 } }];
    client.notify('newsclean/visibleRanges', { uri, ranges });
    // (The client keeps the notifications it received: the one before is still there.)
    const published = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p !== earlier);
    // The visible lines and a hundred around them: grouped before, (up to half the budget) one by one now.
    const inView = (d: Json) => d.range.start.line >= last - 5 - 100;
    const singlesInView = (ds: Json[]) => ds.filter((d) => inView(d) && findingsIn(d) === 1).length;
    assert.ok(earlier.diagnostics.some((d: Json) => inView(d) && findingsIn(d) > 1), 'grouped diagnostics there before');
    const now = singlesInView(published.diagnostics);
    assert.ok(now > singlesInView(earlier.diagnostics) && now >= Math.min(MAX / 2, 50), `${singlesInView(earlier.diagnostics)} then ${now} one by one in view`);
    const group = published.diagnostics.find((d: Json) => findingsIn(d) > 1 && /halfwidth-punctuation|stray-line-break/.test(d.code));
    assert.ok(group, 'a grouped diagnostic of a fixable rule');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: group.range, context: { diagnostics: [group] } });
    const fixGroup = actions.find((a: Json) => /^Fix the \d+ .* problems of this group$/.test(a.title));
    assert.ok(fixGroup?.edit, `a "fix this group" action among: ${actions.map((a: Json) => a.title).join(' | ')}`);
    const docs = actions.find((a: Json) => a.command?.command === 'client.docs');
    assert.ok(docs, 'Show documentation calls the client\'s command');
    assert.equal(docs.command.arguments.length, 1);
  });

  it('leaves a document the client says is ignored unchecked', async () => {
    answer = { debounceMs: 0, $ignored: true };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const published = await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    assert.deepEqual(published.diagnostics, []);
    const summary = await client.next('newsclean/didAnalyze', (p) => p.skipped === 'ignored');
    assert.equal(summary.count, 0);
  });
});
