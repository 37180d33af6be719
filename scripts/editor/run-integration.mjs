// @ts-check
// Runs the integration suite (out/test/integration) in a real VS Code without
// downloading anything: code-server (installed by scripts/editor/setup.mjs)
// serves the workbench, a headless Chromium opens it with a test payload, and
// the suite runs in code-server's Node extension host. The suite's output is
// streamed here; the exit code is the suite's (non-zero on failure, timeout
// or crash). Compile first: `node scripts/build.mjs && tsc -p tsconfig.json`
// (npm's pretest does both).
//
// Four passes, each with a fresh editor and workspace: every test in a
// trusted workspace; the workspace-trust suite (restricted.test.ts) in a
// workspace that is not trusted (Restricted Mode); the display-language
// suite (locale.test.ts) with the workbench in Simplified Chinese; the web
// bundle in the web worker extension host (test/web). The test editor
// has files.autoSave off (the web default saves after 1 s, which would
// write a test's unfinished edits to the workspace's files).
//
// Environment: NEWSCLEAN_TEST_BREAK=1 reaches the extension host (one test
// then fails on purpose); NEWSCLEAN_TEST_TIMEOUT_MIN (default 15);
// NEWSCLEAN_TEST_VERBOSE=1 also prints the browser console;
// NEWSCLEAN_TEST_KEEP=1 keeps the temporary folder; NEWSCLEAN_TEST_GREP=<text>
// runs only the tests whose titles contain it (mocha's grep), and
// NEWSCLEAN_TEST_PASSES=trusted,zh-cn only those passes, while iterating.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from './chromium.mjs';
import { freePort, payload, startCodeServer } from './code-server.mjs';
import { editorRun, root, seeds, seedWorkspace } from './lifecycle.mjs';
import { editorOrExit } from './paths.mjs';

const verbose = process.env.NEWSCLEAN_TEST_VERBOSE === '1';
const say = (m) => console.log(`run-integration: ${m}`);

const suiteIndex = join(root, 'out', 'test', 'integration', 'index.js');
const paths = editorOrExit('run-integration', [suiteIndex, join(root, 'dist', 'extension.js')], 'node scripts/build.mjs && npx tsc -p tsconfig.json');

const timeoutMin = Number(process.env.NEWSCLEAN_TEST_TIMEOUT_MIN || 15);
const run = editorRun({
  name: 'run-integration',
  timeoutMin,
  onTimeout: () => {
    console.error(`run-integration: FAILED: no result after ${timeoutMin} min`);
    finish(1);
  },
});
const { tmp, elapsed } = run;

/** Ends the run: the suite's exit code. */
const finish = (/** @type {number} */ code) => run.finish(code, () => say(`${code === 0 ? 'passed' : 'FAILED'} after ${elapsed()}`));

// --- temporary workspaces ------------------------------------------------
/** @param {string} name */
function makeWorkspace(name) {
  const workspace = seedWorkspace(join(tmp, name));
  writeExtraFiles(workspace);
  return workspace;
}

/** @param {string} dir */
function writeExtraFiles(dir) {
  const seed = readFileSync(join(seeds, '002_7e5994b88d4897fc.txt'), 'utf8');
  writeFileSync(join(dir, 'crlf.txt'), seed.replace(/\r?\n/g, '\r\n'));
  writeFileSync(join(dir, 'empty.txt'), '');
  // Deterministic junk: invalid UTF-8 without NUL bytes (VS Code opens it as
  // text), and real binary with NULs (VS Code may refuse it).
  let x = 0x2545f491;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
  writeFileSync(join(dir, 'junk.txt'), Buffer.from(Array.from({ length: 65536 }, () => next() || 0xff)));
  writeFileSync(join(dir, 'junk.bin'), Buffer.from(Array.from({ length: 16384 }, next)));
  // 5 MB on one line: the seed's text without its line breaks, repeated.
  const line = Buffer.from(seed.replace(/\r?\n/g, ''), 'utf8');
  const size = 5 * 1024 * 1024;
  const big = Buffer.alloc(size);
  for (let off = 0; off < size; off += line.length) line.copy(big, off, 0, Math.min(line.length, size - off));
  // Do not cut a UTF-8 sequence at the end.
  let end = size;
  while (end > 0 && (big[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && big[end - 1] >= 0xc0) end--;
  writeFileSync(join(dir, 'one-line-5mb.txt'), big.subarray(0, end));
}

/**
 * The trusted pass and the untrusted one: settings and arguments that differ.
 * @typedef {{ name: string, workspaceTrust: boolean, settings: Record<string, unknown>, extraArgs?: string[],
 *   languagePack?: string, browserOnly?: boolean, tests?: string }} Pass
 * @type {Pass[]}
 */
const PASSES = [
  { name: 'trusted', workspaceTrust: false, settings: {} },
  {
    name: 'untrusted',
    workspaceTrust: true,
    // A folder never trusted before opens in Restricted Mode, without asking.
    settings: {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'security.workspace.trust.emptyWindow': false,
    },
  },
  // The workbench in Simplified Chinese: the extension's messages must follow.
  { name: 'zh-cn', workspaceTrust: false, settings: {}, extraArgs: ['--locale', 'zh-cn'], languagePack: 'zh-cn' },
  // The web bundle in the web worker extension host: a copy of the extension
  // with only its `browser` entry, checked by test/web (no mocha there).
  // The tests run in the host of the extension whose folder holds them.
  { name: 'web', workspaceTrust: false, settings: {}, browserOnly: true, tests: join('out', 'test', 'web', 'index') },
];

/**
 * The extension as VS Code for the Web sees it: a folder whose manifest has
 * the `browser` entry and no `main`, so it can only run in the web worker
 * extension host; everything else is linked to this working tree.
 */
function browserOnlyCopy() {
  const dir = join(tmp, 'extension-web');
  mkdirSync(dir);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const name of readdirSync(root)) {
    if (name === 'package.json' || name === 'node_modules' || name.startsWith('.')) continue;
    symlinkSync(join(root, name), join(dir, name));
  }
  return dir;
}

/**
 * Registers an empty language pack for `locale` in the editor's user data,
 * where code-server looks for installed ones (languagepacks.json). The real
 * pack (MS-CEINTL.vscode-language-pack-zh-hans) comes from a marketplace
 * these machines cannot reach; without any pack `--locale` falls back to
 * English. With this one the workbench runs in `locale` (its own texts stay
 * English, none are translated) and extensions get their l10n bundles.
 */
/**
 * @param {string} stateDir
 * @param {string} locale
 */
function registerLanguagePack(stateDir, locale) {
  const userData = join(stateDir, 'user-data');
  mkdirSync(userData, { recursive: true });
  const translations = join(stateDir, `language-pack-${locale}.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `newsclean-test-${locale}`,
    extensions: [{ extensionIdentifier: { id: `newsclean-test.language-pack-${locale}` }, version: '1.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/**
 * Runs one pass in its own editor, browser and workspace; resolves to the suite's exit code.
 * @param {Pass} pass
 * @returns {Promise<number>}
 */
async function runPass(pass) {
  const workspace = makeWorkspace(`workspace-${pass.name}`);
  const port = Number(process.env.PORT) || (await freePort());
  const stateDir = join(tmp, `editor-${pass.name}`);
  if (pass.languagePack) registerLanguagePack(stateDir, pass.languagePack);
  const server = (run.server = await startCodeServer({
    codeServerBin: paths.codeServer,
    port,
    stateDir,
    workspaceTrust: pass.workspaceTrust,
    settings: { 'files.autoSave': 'off', ...pass.settings },
    // Without the smoke-test driver the workbench ignores extensionTestsPath.
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver', ...(pass.extraArgs ?? [])],
    env: { NEWSCLEAN_TEST_BREAK: process.env.NEWSCLEAN_TEST_BREAK ?? '', NEWSCLEAN_TEST_PASS: pass.name, NEWSCLEAN_TEST_GREP: process.env.NEWSCLEAN_TEST_GREP ?? '' },
  }));
  let stopping = false;
  server.child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`run-integration: FAILED: code-server exited (${code ?? signal}) during the ${pass.name} pass`);
    finish(1);
  });
  say(`${pass.name} pass: code-server listening on ${server.url} (${elapsed()})`);

  const { browser, page } = await openPage({
    chromiumPath: paths.chromium,
    editorUrl: server.url,
    viewport: { width: 1280, height: 800 },
    verbose,
    onPageError: (e) => console.error(`[page error] ${e.message}`),
    onCrash: () => {
      console.error('run-integration: FAILED: the browser page crashed');
      finish(1);
    },
  });
  run.browser = browser;

  /** @type {(code: number) => void} */
  let exitCode = () => {};
  /** @type {Promise<number>} */
  const result = new Promise((resolve) => (exitCode = resolve));
  await page.exposeFunction('codeAutomationExit', (/** @type {unknown} */ code) => exitCode(Number(code)));
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    // The workbench cannot reach the extension gallery offline: not our concern.
    if (verbose === false && /open-vsx\.org|ENOTFOUND/.test(text)) return;
    (type === 'error' ? console.error : console.log)(text);
  });

  const extensionPath = pass.browserOnly ? browserOnlyCopy() : root;
  const url =
    `${server.url}?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(
      payload(port, {
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath: pass.tests ? join(extensionPath, pass.tests) : suiteIndex.replace(/\.js$/, ''),
      }),
    )}`;
  say(`${pass.name} pass: opening the workbench (${elapsed()})`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const code = await result;
  say(`${pass.name} pass: suite exit code ${code}`);
  if (code !== 0) return code;
  // Passed: stop this editor before the next pass starts its own.
  stopping = true;
  await run.stopEditor();
  return code;
}

try {
  let code = 0;
  const only = process.env.NEWSCLEAN_TEST_PASSES?.split(',');
  for (const pass of PASSES.filter((p) => !only || only.includes(p.name))) {
    code = await runPass(pass);
    if (code !== 0) break;
  }
  await finish(code === 0 ? 0 : 1);
} catch (error) {
  console.error(`run-integration: FAILED: ${error instanceof Error ? error.stack : error}`);
  await finish(1);
}
