// @ts-check
// Where scripts/editor/setup.mjs installs the offline editor used by the
// integration tests and `npm start`: a Node 24 runtime, code-server (VS Code
// in the browser, with a Node remote extension host) and Chromium.
//
// The cache lives outside the repository so fresh clones on the same machine
// reuse it: ${XDG_CACHE_HOME:-$HOME/.cache}/news-transcript-cleaner/
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

export const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'news-transcript-cleaner');

const nodeArch = { x64: 'x64', arm64: 'arm64' }[process.arch] ?? process.arch;
/** npm package that ships a prebuilt Node binary for this machine. */
export const nodePackage = `node-${process.platform}-${nodeArch}`;

export const node24 = {
  prefix: join(cacheDir, 'node24'),
  /** Package folder: bin/node plus the headers node-gyp needs (npm_config_nodedir). */
  packageDir: join(cacheDir, 'node24', 'node_modules', nodePackage),
  bin: join(cacheDir, 'node24', 'node_modules', nodePackage, 'bin', 'node'),
  binDir: join(cacheDir, 'node24', 'node_modules', nodePackage, 'bin'),
  marker: join(cacheDir, 'node24', '.complete'),
};

export const codeServer = {
  prefix: join(cacheDir, 'code-server'),
  bin: join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server'),
  marker: join(cacheDir, 'code-server', '.complete'),
  version: CODE_SERVER_VERSION,
};

/** Chromium: $NEWSCLEAN_CHROMIUM, else Debian's package, else the first one on PATH. */
export function chromiumPath() {
  const candidates = [process.env.NEWSCLEAN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir) candidates.push(join(dir, 'chromium'), join(dir, 'chromium-browser'));
  }
  return candidates.find((p) => p && existsSync(p));
}

/** Contents of a completion marker, or undefined when the step is not done. */
export function readMarker(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function node24Ready() {
  return readMarker(node24.marker) !== undefined && existsSync(node24.bin);
}

export function codeServerReady() {
  return readMarker(codeServer.marker)?.version === CODE_SERVER_VERSION && existsSync(codeServer.bin);
}

/** Environment for running code-server: Node 24 first on PATH. */
export function editorEnv(extra = {}) {
  return { ...process.env, PATH: `${node24.binDir}${delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/** Throws a one-line message unless setup-editor.mjs has completed. */
export function requireEditor() {
  const missing = [];
  if (!node24Ready()) missing.push('Node 24');
  if (!codeServerReady()) missing.push(`code-server ${CODE_SERVER_VERSION}`);
  const chromium = chromiumPath();
  if (!chromium) missing.push('Chromium');
  if (missing.length) throw new Error(`${missing.join(', ')} not installed: run "node scripts/editor/setup.mjs" first`);
  return { node: node24.bin, codeServer: codeServer.bin, chromium };
}

/**
 * For the scripts that open the editor: the installed editor's paths, once
 * every file in `built` exists; otherwise says what to run first, prefixed
 * with `script`, and exits 1.
 */
export function editorOrExit(script, built, buildCommand) {
  try {
    const paths = requireEditor();
    const missing = built.find((f) => !existsSync(f));
    if (missing) throw new Error(`${missing} missing: run "${buildCommand}" first`);
    return paths;
  } catch (error) {
    console.error(`${script}: ${error.message}`);
    process.exit(1);
  }
}
