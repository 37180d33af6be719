import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateWith, type NewsCleanApi } from './activate';

export type { NewsCleanApi } from './activate';
export { deactivate } from './activate';

/**
 * The desktop and code-server extension: the language server runs in a Node
 * process of its own (dist/server-main.js, over IPC), so that an analysis
 * never holds up the extension host.
 */
export function activate(context: vscode.ExtensionContext): NewsCleanApi {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-main.js').fsPath;
  const server = { module, transport: TransportKind.ipc };
  return activateWith(context, (id, name, options) => new LanguageClient(id, name, { run: server, debug: server }, options));
}
