// @ts-check
// What every esbuild bundle of the core needs, shared by the build and the benchmarks.

/**
 * jsonc-parser's `main` is a UMD module whose requires esbuild cannot follow;
 * its ES module can be bundled. Paths are relative to the repository root
 * (esbuild's absWorkingDir).
 */
export const ALIAS = { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' };
