// Entry point of the web-extension check, loaded by code-server's web worker
// extension host (scripts/editor/run-integration.mjs, pass 'web', which loads a
// copy of the extension whose manifest has only its `browser` entry,
// dist/web/extension.js, as vscode.dev would). No mocha and no Node module
// here: a web worker has neither. It opens seed 002, waits for the
// extension's diagnostics and compares their number with the seed's golden
// findings, then opens a Japanese page and waits for the status bar to say
// it is left unchanged; a rejected promise fails the run.
import * as vscode from 'vscode';

const SEED = '002_7e5994b88d4897fc';
const EXTENSION_ID = 'news-transcript-cleaner.news-transcript-cleaner';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'newsclean');
}

export async function run(): Promise<void> {
  const g = globalThis as { process?: { versions?: { node?: string } }; importScripts?: unknown };
  if (g.process?.versions?.node !== undefined || typeof g.importScripts !== 'function') {
    throw new Error('this check must run in a web worker extension host, not in Node');
  }
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = (await extension.activate()) as {
    onDidAnalyze: vscode.Event<{ uri: vscode.Uri; version: number }>;
    statusBar(): { text: string; tooltip: string } | undefined;
  };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, `${SEED}.txt`);
  const golden = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, `${SEED}.findings.json`)))) as unknown[];
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const found = await new Promise<number>((resolve, reject) => {
    const check = () => {
      if (ours(uri).length !== golden.length) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(ours(uri).length);
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`expected ${golden.length} diagnostics on seed 002, got ${ours(uri).length} after 60 s`));
    }, 60_000);
    check();
  });
  console.log(`web extension host: seed 002 has its ${found} golden diagnostics`);

  // A page that reads as Japanese as a whole: no rule checks it, and the status bar says so.
  const page = vscode.Uri.joinPath(folder.uri, 'japanese-page.txt');
  await vscode.workspace.fs.writeFile(page, new TextEncoder().encode('このプログラムは、指定されたファイルを読み込んで結果を表示する。\n'.repeat(8)));
  const doc = await vscode.workspace.openTextDocument(page);
  const analysed = new Promise<void>((resolve, reject) => {
    const sub = api.onDidAnalyze((e) => {
      if (e.uri.toString() !== page.toString() || e.version !== doc.version) return;
      sub.dispose();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('no analysis of the Japanese page after 60 s'));
    }, 60_000);
  });
  await vscode.window.showTextDocument(doc);
  await analysed;
  const shown = api.statusBar();
  if (!shown?.text.includes('Japanese/Korean')) throw new Error(`the status bar does not say the Japanese page is left unchanged: ${JSON.stringify(shown)}`);
  console.log(`web extension host: the Japanese page is left unchanged (${shown.text})`);
}
