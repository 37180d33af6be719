import { createReadStream, readFile, readdir, stat, writeFile } from 'node:fs';
import { join } from 'node:path';
import type * as Readline from 'node:readline';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import type { DirEntry } from './files';
import { main } from './main';
import { serveBatch, workerPool } from './pool';

// node:fs's callbacks, promised: node:fs/promises is a module of its own, which
// a run would load (several milliseconds) for these four calls.
const fs = { readFile: promisify(readFile), writeFile: promisify(writeFile), stat: promisify(stat), readdir: promisify(readdir) };

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Runs `main` with the real process, file system and streams, and worker
 * threads that re-enter this bundle; in such a worker, serves its files instead.
 */
export async function runFromProcess(): Promise<void> {
  if (serveBatch()) return;
  if (process.argv[2] === 'lsp') return languageServer(process.argv.slice(3));
  const code = await main({
    argv: process.argv.slice(2),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    fs: {
      readFile: (p) => fs.readFile(p),
      writeFile: (p, d) => fs.writeFile(p, d, 'utf8'),
      kind: (p) =>
        fs.stat(p).then(
          (s) => (s.isDirectory() ? 'dir' : 'file'),
          () => undefined,
        ),
      readdir: async (p): Promise<DirEntry[]> =>
        (await fs.readdir(p, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() })),
    },
    readStdin,
    // node:readline (and the streams it loads) only for --jsonl.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    readLines: (p) => (require('node:readline') as typeof Readline).createInterface({ input: p === '-' ? process.stdin : createReadStream(p), crlfDelay: Infinity }),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
    cpus: availableParallelism(),
    cwd: process.cwd(),
    startPool: workerPool(__filename), // once bundled, dist/cli.js: its bin re-enters runFromProcess
  });
  process.exitCode = code;
}

/** `newsclean lsp --stdio`: the language server, a bundle of its own (dist/server.js) loaded only for this command. */
function languageServer(argv: string[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const server = require(join(__dirname, 'server.js')) as typeof import('../server/node');
  if (server.runServer(argv)) return;
  process.stderr.write('newsclean: lsp needs a transport: newsclean lsp --stdio\n');
  process.exitCode = 2;
}

// A closed pipe (`newsclean check … | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
