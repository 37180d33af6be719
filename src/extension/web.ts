import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, type NewsCleanApi } from './activate';

export type { NewsCleanApi } from './activate';
export { deactivate } from './activate';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
/** The browser's globals used here (this project compiles without the DOM's types). */
declare const Worker: new (url: string) => ServerWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/**
 * The server's worker. A web extension served by a remote (code-server, a
 * Codespace) may not start a worker from its own URL: VS Code refuses
 * `vscode-remote:` scripts. The script is then read through the file
 * system and started from a blob URL, which it allows.
 */
async function serverWorker(main: vscode.Uri): Promise<ServerWorker> {
  try {
    return new Worker(main.toString(true));
  } catch {
    const script = await vscode.workspace.fs.readFile(main);
    return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
  }
}

/**
 * The web extension (vscode.dev, github.dev, code-server's web worker host):
 * the same language server in a web worker of its own (dist/web/server.js).
 */
export function activate(context: vscode.ExtensionContext): NewsCleanApi {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  return activateWith(context, async (id, name, options) => new LanguageClient(id, name, options, await serverWorker(main)));
}
