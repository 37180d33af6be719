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
 * Modules the Node bundles load from a file of their own (dist/<file>) when
 * one of their exports is first used, not when the bundle starts: data
 * tables and packages that a check of a short, clean file never reads
 * (html entities, config-file parsing and globbing, the mojibake scorer's
 * word lists, the code pages, the kana model). The importing code does not
 * change: it is handed an object whose exports are getters, and esbuild's
 * output reads an import's export where it is used. A module used when the
 * bundle starts would simply be loaded then. Keys are package names or paths
 * from the repository root; the web bundle stays one file.
 */
export const LAZY = {
  entities: 'lazy-entities.js',
  'jsonc-parser': 'lazy-jsonc-parser.js',
  minimatch: 'lazy-minimatch.js',
  ignore: 'lazy-ignore.js',
  'src/core/encodings/words.ts': 'lazy-words.js',
  'src/core/encodings/frequency.ts': 'lazy-frequency.js',
  'src/core/encodings/codepage-data.ts': 'lazy-codepage-data.js',
  'src/core/encodings/han-levels.ts': 'lazy-han-levels.js',
  'src/core/text/kana-model.ts': 'lazy-kana-model.js',
};

/**
 * Builds the LAZY modules into `outdir` and returns the plugin that makes the
 * Node bundles load them from there on first use.
 * @param {string} root the repository root
 * @param {string} outdir where the bundles are written
 * @param {import('esbuild').BuildOptions} options the bundles' common options
 * @returns {Promise<import('esbuild').Plugin>}
 */
export async function lazyPlugin(root, outdir, options) {
  const esbuild = await import('esbuild');
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  const requireHere = createRequire(path.join(root, 'package.json'));
  /** @type {Map<string, { file: string, names: string[], esModule: boolean }>} */
  const chunks = new Map();
  await Promise.all(
    Object.entries(LAZY).map(async ([key, file]) => {
      const outfile = path.join(outdir, file);
      const entry = key.startsWith('src/') ? key : (ALIAS[/** @type {keyof typeof ALIAS} */ (key)] ?? key);
      await esbuild.build({ ...options, entryPoints: [entry], outfile, sourcemap: false, plugins: [] });
      delete requireHere.cache[outfile];
      const exported = requireHere(outfile);
      chunks.set(key.startsWith('src/') ? path.join(root, key) : key, { file, names: Object.keys(exported), esModule: Boolean(exported.__esModule) });
    }),
  );
  const packages = Object.keys(LAZY).filter((k) => !k.startsWith('src/'));
  const modules = Object.keys(LAZY).filter((k) => k.startsWith('src/')).map((k) => path.basename(k, '.ts'));
  const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return {
    name: 'lazy',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${packages.map(escape).join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy' }));
      build.onResolve({ filter: new RegExp(`/(${modules.map(escape).join('|')})(\\.ts)?$`) }, (args) => {
        const resolved = path.resolve(args.resolveDir, args.path).replace(/(\.ts)?$/, '.ts');
        return chunks.has(resolved) ? { path: resolved, namespace: 'lazy' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
        const chunk = /** @type {{ file: string, names: string[], esModule: boolean }} */ (chunks.get(args.path));
        const getters = chunk.names
          .filter((n) => n !== 'default' && n !== '__esModule')
          .map((n) => `${JSON.stringify(n)}: { enumerable: true, get: () => load()[${JSON.stringify(n)}] }`);
        // A CommonJS package's default import is its module.exports.
        getters.push(`default: { enumerable: true, get: () => ${chunk.esModule ? 'load().default' : 'load()'} }`);
        return {
          contents: [
            'let loaded;',
            `const load = () => loaded || (loaded = require(require('path').join(__dirname, ${JSON.stringify(chunk.file)})));`,
            `module.exports = Object.defineProperties({}, { __esModule: { value: true }, ${getters.join(', ')} });`,
          ].join('\n'),
          loader: 'js',
        };
      });
    },
  };
}

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
 * Given `lazyDir` (the Node bundles' folder), the cost table, which only a
 * text that looks like mojibake needs, is written to a file of its own there
 * (LAZY_COST_TABLE) and read on first use.
 * @param {string} root the repository root
 * @returns {Promise<(lazyDir?: string) => import('esbuild').Plugin>}
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
  const cost = JSON.stringify(core.packFloatTable(core.costTable16()));
  const suspicious = JSON.stringify(core.packTable(core.suspiciousTable(), 2));
  return (lazyDir) => {
    const { writeFileSync } = createRequire(`${root}/`)('node:fs');
    if (lazyDir) writeFileSync(`${lazyDir}/${LAZY_COST_TABLE}`, `module.exports = ${cost};\n`);
    const contents = lazyDir
      ? // CommonJS, so that the bundle reads BUILT_COST_TABLE where it is used (as with LAZY).
        [
          'let cost;',
          'module.exports = {',
          `  BUILT_SUSPICIOUS_TABLE: ${suspicious},`,
          `  get BUILT_COST_TABLE() { return cost || (cost = require(require('path').join(__dirname, ${JSON.stringify(LAZY_COST_TABLE)}))); },`,
          '};',
        ].join('\n')
      : `export const BUILT_COST_TABLE = ${cost};\nexport const BUILT_SUSPICIOUS_TABLE = ${suspicious};`;
    return {
      name: 'built-tables',
      setup(build) {
        build.onLoad({ filter: /[\\/]src[\\/]core[\\/]encodings[\\/]built-tables\.ts$/ }, () => ({
          contents,
          loader: lazyDir ? 'js' : 'ts',
        }));
      },
    };
  };
}

/** The cost table's file beside the Node bundles (see builtTablesPlugin). */
export const LAZY_COST_TABLE = 'lazy-cost-table.js';
