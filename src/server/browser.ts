/**
 * The language server in a web worker (dist/web/server.js), for the web
 * extension: messages through the worker's postMessage. No file system here:
 * the extension resolves the config files and gives the translations.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
startServer(createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope)), { pathOf: () => undefined });
