// @ts-check
// code-server for every driver of the editor (run-integration, test-workbench,
// start): started in its own process group with a private profile, and
// stopped again with everything it started.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { editorEnv } from './paths.mjs';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
};

/**
 * Starts code-server on 127.0.0.1:port with profile, extensions and XDG
 * folders under `stateDir`. Workspace trust is off unless `workspaceTrust`
 * (then `settings` should enable it too). Resolves when it listens; rejects when it exits
 * first or does not listen within `timeoutMs`.
 */
export async function startCodeServer({ codeServerBin, port, stateDir, settings = {}, extraArgs = [], env = {}, timeoutMs = 120_000, workspaceTrust = false }) {
  const dirs = {
    userData: join(stateDir, 'user-data'),
    extensions: join(stateDir, 'extensions'),
    config: join(stateDir, 'xdg', 'config'),
    data: join(stateDir, 'xdg', 'data'),
    cache: join(stateDir, 'xdg', 'cache'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2)}\n`);

  const logFile = join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...extraArgs,
  ];
  const child = spawn(codeServerBin, args, {
    detached: true, // own process group: stop() kills code-server and its extension hosts
    stdio: ['ignore', 'pipe', 'pipe'],
    env: editorEnv({
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      ...env,
    }),
  });
  const stop = () => {
    if (child.pid === undefined) return;
    // The whole group: code-server, its extension hosts and file watchers.
    // Everything lives in a throw-away folder, so no graceful shutdown needed.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // group already gone
    }
  };

  const url = `http://127.0.0.1:${port}/`;
  await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not listen on ${url} within ${timeoutMs / 1000} s (log: ${logFile})`)), timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      stop();
      reject(error);
    }
    const onData = (chunk) => {
      log.write(chunk);
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(`HTTP server listening on ${url}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`code-server exited (${code ?? signal}) before listening; log: ${logFile}\n${seen}`)));
  });
  return { url, child, stop, logFile, dirs };
}

/** The `payload` query parameter that loads an extension under development. */
export function payload(port, entries) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const list = [];
  if (entries.extensionDevelopmentPath) list.push(['extensionDevelopmentPath', remote(entries.extensionDevelopmentPath)]);
  if (entries.extensionTestsPath) list.push(['extensionTestsPath', remote(entries.extensionTestsPath)]);
  list.push(['skipWelcome', 'true']);
  return JSON.stringify(list);
}
