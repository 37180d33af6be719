// @ts-check
// Builds the extension and the CLI with esbuild.
//   node scripts/build.mjs               development build (source maps)
//   node scripts/build.mjs --production  minified, for packaging
//   node scripts/build.mjs --gen-config  also rewrites the manifest's settings
//                                        and schemas/newsclean.schema.json
//                                        from src/core/config/
import * as esbuild from 'esbuild';
import { ALIAS, APART, apartPlugin, builtTablesPlugin, enginePlugin, lazyPlugin } from './bundle-options.mjs';
import { readFileSync, writeFileSync, mkdirSync, chmodSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const L10N_WITHOUT_READER = './node_modules/@vscode/l10n/dist/browser.js';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const genConfig = process.argv.includes('--gen-config');

/** @satisfies {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: /** @type {const} */ ('node'),
  format: /** @type {const} */ ('cjs'),
  target: 'node18',
  sourcemap: !production,
  minify: production,
  // Keep the character tables as UTF-8 (half the size of \u escapes).
  charset: /** @type {const} */ ('utf8'),
  logLevel: /** @type {const} */ ('warning'),
  absWorkingDir: root,
  alias: ALIAS,
};

// Node bundles load OpenCC's dictionaries, pinyin-pro and iconv-lite from
// files of their own, on first use (see APART). The web bundle is one file.
const builtTables = await builtTablesPlugin(root);
const tables = builtTables();

mkdirSync(join(root, 'dist'), { recursive: true });
// And the modules and tables that a short check never reads, from files of their own (see LAZY).
const lazy = await lazyPlugin(root, join(root, 'dist'), common);
const nodeTables = builtTables(join(root, 'dist'));
await Promise.all([
  // The desktop extension loads the engine from a bundle of its own on first use (see enginePlugin).
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [enginePlugin] }),
  esbuild.build({
    ...common,
    // With its own @vscode/l10n, which src/extension/engine.ts configures.
    stdin: { contents: "export * from './src/core'; export { config as configureMessages } from '@vscode/l10n';", resolveDir: root, sourcefile: 'engine.ts', loader: 'ts' },
    outfile: 'dist/engine.js',
    plugins: [apartPlugin, lazy, nodeTables],
  }),
  ...Object.entries(APART).map(([pkg, file]) => esbuild.build({ ...common, entryPoints: [pkg], outfile: `dist/${file}`, sourcemap: false })),
  // The web extension (vscode.dev, github.dev): same code, browser platform, no Node built-ins.
  esbuild.build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    entryPoints: ['src/extension/web.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    plugins: [tables],
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  }),
  // Its language server, in a web worker.
  esbuild.build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    entryPoints: ['src/server/browser.ts'],
    outfile: 'dist/web/server.js',
    plugins: [tables],
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  }),
  // The CLI gives @vscode/l10n its messages as contents, never as a file or
  // URI: its browser build is the same code without the Node reader, which
  // loads node:fs/promises (several milliseconds) when the bundle starts.
  esbuild.build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/newsclean.js', plugins: [apartPlugin, lazy, nodeTables], alias: { ...ALIAS, '@vscode/l10n': L10N_WITHOUT_READER } }),
  // The language server (`newsclean lsp`), loaded by the CLI only for that command.
  esbuild.build({ ...common, entryPoints: ['src/server/node.ts'], outfile: 'dist/server.js', plugins: [apartPlugin, lazy, nodeTables] }),
]);
// The bin (src/cli/bin.cjs): loads the CLI bundle through a compile cache, so
// later runs read the compiled bundle instead of compiling it.
copyFileSync(join(root, 'src/cli/bin.cjs'), join(root, 'dist/cli.js'));
// The server's process as the extension starts it (node dist/server-main.js --node-ipc).
copyFileSync(join(root, 'src/server/main.cjs'), join(root, 'dist/server-main.js'));
// The language client kills a server that outlives its stop with this script, which it runs from beside its code (the bundle).
copyFileSync(join(root, 'node_modules/vscode-languageclient/lib/node/terminateProcess.sh'), join(root, 'dist/terminateProcess.sh'));
chmodSync(join(root, 'dist/terminateProcess.sh'), 0o755);
chmodSync(join(root, 'dist/cli.js'), 0o755);

if (genConfig) {
  // Bundle the core to memory and ask it for the manifest's configuration.
  const out = await esbuild.build({ ...common, entryPoints: ['src/core/index.ts'], write: false, sourcemap: false, minify: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  const core = mod.exports;
  const pkgPath = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.contributes.configuration = core.manifestConfiguration(core.RULES);
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const nlsPath = join(root, 'package.nls.json');
  const nls = JSON.parse(readFileSync(nlsPath, 'utf8'));
  Object.assign(nls, core.manifestDescriptions(core.RULES));
  writeFileSync(nlsPath, `${JSON.stringify(nls, null, 2)}\n`);
  // The JSON schema of .newsclean.jsonc, from the same source (contributes.jsonValidation points at it).
  mkdirSync(join(root, 'schemas'), { recursive: true });
  writeFileSync(join(root, 'schemas/newsclean.schema.json'), `${JSON.stringify(core.configSchema(core.RULES), null, 2)}\n`);
  console.log('package.json contributes.configuration, package.nls.json and schemas/newsclean.schema.json updated');
}
