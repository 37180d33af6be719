// @ts-check
// The language server's latency: from an edit (one character, sent as an
// incremental change) to the diagnostics it publishes, on a 1 MB document,
// through `node dist/cli.js lsp --stdio` (debounce 0), beside the same edit's
// re-analysis in-process. bench.mjs prints its rows (`--lsp`: these alone).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

function median(/** @type {number[]} */ xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Medians (ms) of edit → publishDiagnostics through the server, and of the
 * same edits re-analysed in this process by `core` (the bundled core).
 * @param {{ text: string, runs: number, core: any }} o
 */
export async function serverLatency({ text, runs, core }) {
  const rpc = require('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  /** @type {Map<number, (ms: number) => void>} */
  const waiting = new Map();
  const uri = pathToFileURL(join(root, 'bench-1mb.txt')).href;
  connection.onRequest('workspace/configuration', (/** @type {any} */ p) => p.items.map(() => ({ debounceMs: 0 })));
  connection.onNotification('textDocument/publishDiagnostics', (/** @type {any} */ p) => {
    if (p.uri === uri) waiting.get(p.version)?.(performance.now());
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  connection.sendNotification('initialized', {});
  const published = (/** @type {number} */ version) => new Promise((resolve) => waiting.set(version, resolve));
  const first = published(1);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await first;

  const server = [];
  const inProcess = [];
  let current = text;
  let state = core.analyzeIncremental(undefined, text).state;
  for (let v = 2; v < runs + 2; v++) {
    // One character in a different line each time, as typing moves along.
    const at = current.indexOf('\n', Math.floor((current.length * v) / (runs + 3)));
    const before = current.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - (before.lastIndexOf('\n') + 1);
    const done = published(v);
    const t0 = performance.now();
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '。' }],
    });
    server.push(/** @type {number} */ (await done) - t0);
    current = `${before}。${current.slice(at)}`;
    const t1 = performance.now();
    state = core.analyzeIncremental(state, current, { changes: [{ rangeOffset: at, rangeLength: 0, text: '。' }] }).state;
    inProcess.push(performance.now() - t1);
  }
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  connection.dispose();
  return { server: median(server), inProcess: median(inProcess) };
}

