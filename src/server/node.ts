/**
 * `newsclean lsp --stdio` in Node: the language server over standard input
 * and output (or `--node-ipc`, `--socket=PORT`, as vscode-languageserver
 * reads them from the command line), with Node's file system for the
 * repository's config files. Bundled apart (dist/server.js) and loaded by the
 * CLI only for this command, so `check` and `fix` do not load it.
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { pickLocale, readBundle } from '../cli/locale';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

/** Starts the server; false (and nothing started) when no transport is given. */
export function runServer(argv: readonly string[]): boolean {
  if (!argv.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) return false;
  const connection = createConnection(ProposedFeatures.all);
  // The server's output is the protocol: what the engine might log goes to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  startServer(connection, {
    pathOf: (uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined),
    files: {
      readFile: (p) => fs.readFile(p),
      kind: (p) =>
        fs.stat(p).then(
          (s) => (s.isDirectory() ? 'dir' : 'file'),
          () => undefined,
        ),
    },
    bundle: (locale) => readBundle(pickLocale(locale, {})),
    docsUrl: pathToFileURL(join(__dirname, '..', 'README.md')).href,
  });
  return true;
}
