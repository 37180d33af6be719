// @ts-check
// Installs the offline editor for the integration tests and `npm start`:
//   - Node 24 (npm package node-linux-<arch>), which code-server requires
//   - code-server (VS Code in the browser) built against that Node
//   - Debian packages: build-essential and libkrb5-dev to build code-server's
//     native modules, chromium (and a CJK font) to drive the workbench
// into ${XDG_CACHE_HOME:-$HOME/.cache}/news-transcript-cleaner/. Idempotent:
// each step writes a marker when it completed, so a second run is instant.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import {
  cacheDir,
  chromiumPath,
  codeServer,
  codeServerReady,
  editorEnv,
  node24,
  node24Ready,
  nodePackage,
  NODE_MAJOR,
  CODE_SERVER_VERSION,
} from './paths.mjs';

const t0 = Date.now();
const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`setup-editor: ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) fail(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

async function step(name, fn) {
  const start = Date.now();
  console.log(`setup-editor: ${name} ...`);
  await fn();
  console.log(`setup-editor: ${name} took ${seconds(start)}`);
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

// What is missing?
const needNode = !node24Ready();
const needCodeServer = !codeServerReady();
const aptPackages = [];
if (needCodeServer) {
  for (const pkg of ['build-essential', 'libkrb5-dev']) if (!dpkgInstalled(pkg)) aptPackages.push(pkg);
}
// A CJK font with it, so that screenshots of Chinese text are readable.
if (!chromiumPath()) aptPackages.push('chromium', 'fonts-wqy-zenhei');

if (!needNode && !needCodeServer && aptPackages.length === 0) {
  console.log(`setup-editor: editor ready in ${cacheDir} (code-server ${CODE_SERVER_VERSION}, Node ${NODE_MAJOR}, ${chromiumPath()})`);
  process.exit(0);
}

if (aptPackages.length) {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    fail(`missing ${aptPackages.join(', ')} and no apt-get here: install them yourself (or set NEWSCLEAN_CHROMIUM)`);
  }
  if (process.getuid?.() !== 0) {
    fail(`missing Debian packages; run as root or first: sudo apt-get update && sudo apt-get install -y ${aptPackages.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await step('apt-get update', () => run('apt-get', ['update', '-q'], { env }));
  await step(`apt-get install ${aptPackages.join(' ')}`, () =>
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...aptPackages], { env }),
  );
  if (!chromiumPath()) fail('Chromium is still missing after apt-get install chromium');
}

mkdirSync(cacheDir, { recursive: true });

// When this script runs under `npm test` or `npm start`, the outer npm leaves
// its own facts in the environment, and the inner npm would take them for
// config: npm_config_user_agent names the outer Node (v20), and code-server's
// postinstall reads the Node version from exactly that variable. The inner
// install gets an environment without them.
function withoutOuterNpm(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    const key = k.toLowerCase();
    if (key === 'npm_config_user_agent' || key === 'npm_node_execpath' || key === 'npm_execpath' || key === 'node') continue;
    if (key.startsWith('npm_lifecycle_') || key.startsWith('npm_package_') || key === 'npm_config_local_prefix') continue;
    out[k] = v;
  }
  return out;
}

// npm install into a fresh prefix, run from inside it so that no project's
// .npmrc or package.json applies.
function npmInstall(prefix, spec, env) {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(`${prefix}/package.json`, '{ "private": true }\n');
  run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: prefix,
    env: withoutOuterNpm(env),
  });
}

if (needNode) {
  await step(`install Node ${NODE_MAJOR} (${nodePackage})`, () => {
    npmInstall(node24.prefix, `${nodePackage}@${NODE_MAJOR}`, process.env);
    if (!existsSync(node24.bin)) fail(`${node24.bin} missing after npm install`);
    const v = spawnSync(node24.bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (!v.startsWith(`v${NODE_MAJOR}.`)) fail(`${node24.bin} reports ${v || 'nothing'}, expected v${NODE_MAJOR}`);
    writeFileSync(node24.marker, `${JSON.stringify({ version: v, installedAt: new Date().toISOString() })}\n`);
  });
}

if (needCodeServer) {
  await step(`install code-server ${CODE_SERVER_VERSION} (builds native modules, takes minutes)`, () => {
    // code-server's postinstall and its native modules (argon2, ...) must run:
    // npm 11 blocks dependency install scripts unless told otherwise.
    const env = editorEnv({
      npm_config_nodedir: node24.packageDir,
      npm_config_dangerously_allow_all_scripts: 'true',
    });
    npmInstall(codeServer.prefix, `code-server@${CODE_SERVER_VERSION}`, env);
    // On its first run code-server may print a line about its default config first.
    const r = spawnSync(codeServer.bin, ['--version'], { encoding: 'utf8', env });
    const build = (r.stdout ?? '').split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
    if (r.status !== 0 || !build) {
      fail(`code-server --version failed: ${((r.stdout ?? '') + (r.stderr ?? '')).trim().split('\n').slice(-1)[0]}`);
    }
    writeFileSync(
      codeServer.marker,
      `${JSON.stringify({ version: CODE_SERVER_VERSION, build: build.trim(), installedAt: new Date().toISOString() })}\n`,
    );
  });
}

console.log(`setup-editor: editor ready in ${cacheDir} after ${seconds(t0)}`);
