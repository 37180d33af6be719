// @ts-check
// `npm start`: serves VS Code (code-server, installed by setup-editor.mjs) on
// 127.0.0.1 with this extension loaded from the working tree and the sample
// articles in samples/ as the workspace. Prints the URL; runs until Ctrl-C.
//   PORT=8080 npm start     fixed port (default: a free one)
// The extension is "installed" as a symlink to the working tree in a private
// extensions folder (a released workbench ignores the URL's
// extensionDevelopmentPath unless started as a test driver), so rebuilding
// (node scripts/build.mjs) and reloading the browser window picks up changes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startCodeServer } from './code-server.mjs';
import { onShutdown, root } from './lifecycle.mjs';
import { editorOrExit } from './paths.mjs';

const samples = join(root, 'samples');

const paths = editorOrExit('start-editor', [join(root, 'dist', 'extension.js')], 'node scripts/build.mjs');

const stateDir = mkdtempSync(join(tmpdir(), 'newsclean-editor-'));
let server;
onShutdown(() => {
  server?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionsDir = join(stateDir, 'extensions');
mkdirSync(extensionsDir, { recursive: true });
symlinkSync(root, join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');

const port = Number(process.env.PORT) || (await freePort());
try {
  server = await startCodeServer({
    codeServerBin: paths.codeServer,
    port,
    stateDir,
    settings: { 'workbench.colorTheme': 'Default Light Modern' },
  });
} catch (error) {
  console.error(`start-editor: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const { logFile } = server;
server.child.on('exit', (code, signal) => {
  console.error(`start-editor: code-server exited (${code ?? signal}); log was ${logFile}`);
  process.exit(1);
});

const url = `${server.url}?folder=${encodeURIComponent(samples)}`;
console.log(`News Transcript Cleaner in VS Code (code-server) is running. Open:\n\n  ${url}\n`);
console.log('Press Ctrl-C to stop.');
