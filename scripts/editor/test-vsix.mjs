// @ts-check
// The artifact users get, in the real editor: packages the extension as a
// .vsix (`npm run package`, production build and vsce, as the README tells),
// installs it with `code-server --install-extension` into a throw-away
// extensions folder, starts the editor on a workspace of the seed articles
// with nothing loaded from this working tree, opens seed 002 and waits for
// the installed copy to activate and report the seed's golden count of
// problems in the status bar. Afterwards dist/ is built again for
// development (the package step leaves a minified build there).
// Every wait is on a condition with a timeout; nothing sleeps. Exit code 0
// when it passes, 1 on any failure.
//   node scripts/editor/setup.mjs && node scripts/editor/test-vsix.mjs
// Environment: NEWSCLEAN_VSIX_TIMEOUT_MIN (default 5); NEWSCLEAN_TEST_KEEP=1
// keeps the temporary folder (with the .vsix).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from './chromium.mjs';
import { freePort, startCodeServer } from './code-server.mjs';
import { editorRun, root, seeds, seedWorkspace } from './lifecycle.mjs';
import { editorEnv, requireEditor } from './paths.mjs';
import { problemsInStatusBar, waitForProblems } from './workbench.mjs';

const SEED = '002_7e5994b88d4897fc';
const FILE = `${SEED}.txt`;
const STEP_MS = 120_000;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionId = `${pkg.publisher}.${pkg.name}`;
const expected = JSON.parse(readFileSync(join(seeds, `${SEED}.findings.json`), 'utf8')).filter((f) => f.severity !== 'hint').length;

const paths = requireEditor();
const timeoutMin = Number(process.env.NEWSCLEAN_VSIX_TIMEOUT_MIN || 5);
const run = editorRun({
  name: 'test-vsix',
  timeoutMin,
  onTimeout: () => {
    console.error(`test-vsix: FAILED: no result after ${timeoutMin} min`);
    void finish(1);
  },
});
const say = (/** @type {string} */ m) => console.log(`test-vsix: ${m} (${run.elapsed()})`);
let built = false;
const finish = (/** @type {number} */ code) =>
  run.finish(code, () => {
    // Leave a development build behind, as before the package step.
    if (built) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    say(code === 0 ? 'passed' : 'FAILED');
  });

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function runOrThrow(command, args, env) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n')}`);
  return r.stdout;
}

async function main() {
  // 1. The package, as a user makes it.
  const vsix = join(run.tmp, `${pkg.name}-${pkg.version}.vsix`);
  built = true;
  runOrThrow(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package', '--', '--out', vsix]);
  if (!existsSync(vsix)) throw new Error(`npm run package wrote no ${vsix}`);
  say(`1. packaged ${pkg.name}-${pkg.version}.vsix`);

  // 2. Installed into a throw-away profile, as `code --install-extension` does.
  const stateDir = join(run.tmp, 'editor');
  const dirs = { userData: join(stateDir, 'user-data'), extensions: join(stateDir, 'extensions'), xdg: join(stateDir, 'xdg') };
  const env = editorEnv({ XDG_CONFIG_HOME: join(dirs.xdg, 'config'), XDG_DATA_HOME: join(dirs.xdg, 'data'), XDG_CACHE_HOME: join(dirs.xdg, 'cache') });
  const out = runOrThrow(paths.codeServer, ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], env);
  const installed = readdirSync(dirs.extensions).filter((d) => d.toLowerCase().startsWith(extensionId.toLowerCase()));
  if (installed.length !== 1) throw new Error(`no ${extensionId} in the extensions folder after installing: ${readdirSync(dirs.extensions).join(', ')}\n${out}`);
  // The bundles load others on first use (the engine, OpenCC's dictionaries…) and the language client runs a
  // script beside itself: each must be in the package.
  const dist = join(dirs.extensions, installed[0], 'dist');
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    for (const [, wanted] of readFileSync(join(dist, file), 'utf8').matchAll(/join\)?\(__dirname, ?"([\w.-]+\.(?:js|sh))"\)/g)) {
      if (!existsSync(join(dist, wanted))) throw new Error(`the package has no dist/${wanted}, which dist/${file} loads (see .vscodeignore)`);
    }
  }
  say(`2. installed: ${installed[0]}`);

  // 3. The editor with the installed copy only (no extensionDevelopmentPath): seed 002's problems.
  const port = await freePort();
  run.server = await startCodeServer({
    codeServerBin: paths.codeServer,
    port,
    stateDir,
    settings: { 'files.autoSave': 'off' },
    timeoutMs: STEP_MS,
  });
  run.server.child.on('exit', (code, signal) => {
    console.error(`test-vsix: FAILED: code-server exited (${code ?? signal})`);
    void finish(1);
  });
  const workspace = seedWorkspace(join(run.tmp, 'workspace'), (n) => n === FILE);
  const opened = await openPage({
    chromiumPath: paths.chromium,
    editorUrl: run.server.url,
    viewport: { width: 1200, height: 800 },
    onPageError: () => {},
    onCrash: () => {
      console.error('test-vsix: FAILED: the browser page crashed');
      void finish(1);
    },
  });
  run.browser = opened.browser;
  const page = opened.page;
  await page.goto(`${run.server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE });
  await row.waitFor({ state: 'visible', timeout: STEP_MS });
  await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${FILE}"]`).waitFor({ timeout: STEP_MS });
  await waitForProblems(page, expected, `${expected} (${SEED}.findings.json's non-hint findings)`, STEP_MS);
  say(`3. the installed extension reports “${(await page.evaluate(problemsInStatusBar))?.label}” on ${FILE}, as its golden findings say`);
}

try {
  await main();
  await finish(0);
} catch (error) {
  console.error(`test-vsix: FAILED: ${error instanceof Error ? error.message : error}`);
  await finish(1);
}
