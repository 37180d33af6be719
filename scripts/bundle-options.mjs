// @ts-check
// What every esbuild bundle of the core needs, shared by the build and the benchmarks.

/**
 * jsonc-parser's `main` is a UMD module whose requires esbuild cannot follow;
 * its ES module can be bundled. Paths are relative to the repository root
 * (esbuild's absWorkingDir).
 */
export const ALIAS = { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' };

/**
 * Packages the Node bundles load from a file of their own (dist/<file>), on
 * their first `require`, so a check that needs none of them neither reads
 * nor compiles them: OpenCC's dictionaries (2 MB), pinyin-pro's (370 KB)
 * and iconv-lite's code pages (330 KB). The web bundle stays one file.
 */
export const APART = { 'opencc-js': 'opencc.js', 'pinyin-pro': 'pinyin.js', 'iconv-lite': 'iconv.js' };

/** @type {import('esbuild').Plugin} */
export const apartPlugin = {
  name: 'apart',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(APART).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'apart' }));
    build.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => ({
      contents: `module.exports = require(require('path').join(__dirname, ${JSON.stringify(APART[/** @type {keyof typeof APART} */ (args.path)])}));`,
      loader: 'js',
    }));
  },
};

/**
 * The desktop extension's engine apart: src/extension/engine.ts requires the
 * core (`../core`) on its first use, and in the desktop extension's bundle
 * that require loads dist/engine.js (the core bundled on its own), so that
 * loading the extension neither reads nor compiles the engine.
 * @type {import('esbuild').Plugin}
 */
export const enginePlugin = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/core$/ }, (args) =>
      /[\\/]src[\\/]extension[\\/]engine\.ts$/.test(args.importer) ? { path: 'engine', namespace: 'engine-apart' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'engine-apart' }, () => ({
      contents: "module.exports = require(require('path').join(__dirname, 'engine.js'));",
      loader: 'js',
    }));
  },
};

/**
 * Fills in src/core/encodings/built-tables.ts with the tables as the core
 * computes them, evaluated here once per build (so the bundles carry the
 * tables of the code they bundle, whatever edits score.ts and windows.ts get).
 * @param {string} root the repository root
 * @returns {Promise<import('esbuild').Plugin>}
 */
export async function builtTablesPlugin(root) {
  const esbuild = await import('esbuild');
  const { createRequire } = await import('node:module');
  const out = await esbuild.build({
    stdin: {
      contents:
        "export { costTable16 } from './src/core/encodings/score'; export { suspiciousTable } from './src/core/encodings/windows'; export { packFloatTable, packTable } from './src/core/encodings/packed';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    absWorkingDir: root,
    alias: ALIAS,
    logLevel: 'warning',
  });
  const mod = { exports: /** @type {Record<string, Function>} */ ({}) };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(`${root}/`));
  const core = mod.exports;
  const contents = [
    `export const BUILT_COST_TABLE = ${JSON.stringify(core.packFloatTable(core.costTable16()))};`,
    `export const BUILT_SUSPICIOUS_TABLE = ${JSON.stringify(core.packTable(core.suspiciousTable(), 2))};`,
  ].join('\n');
  return {
    name: 'built-tables',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/]encodings[\\/]built-tables\.ts$/ }, () => ({
        contents,
        loader: 'ts',
      }));
    },
  };
}
