#!/usr/bin/env node
'use strict';
// The `newsclean` bin. It loads the CLI bundle (newsclean.js beside it) from
// V8's code cache when it can, so that a run reads compiled code instead of
// compiling half a megabyte of JavaScript. The cache lives in the user's
// cache folder ($XDG_CACHE_HOME or ~/.cache, then newsclean/).
// - Node 22.1 and later keep such a cache themselves
//   (module.enableCompileCache), in newsclean/node/ there.
// - On Node 20.15 to 22.0 it is kept here: one file per installed bundle (by
//   its path, size and time) and Node version, written once, atomically,
//   when a run ends (so the functions the run compiled lazily are in it too).
//   The file starts with the CRC-32 of the rest (zlib.crc32): V8 rejects a
//   cache made for another source, but a damaged one can crash it, so a
//   cache whose digest does not match is not used (and is written again).
//   Writing one removes those of earlier builds of the same bundle and any
//   left unwritten for a month, so the folder does not grow with every build.
// - Older Node (no zlib.crc32) loads the bundle plainly.
// NEWSCLEAN_NO_COMPILE_CACHE=1 turns the cache off; any failure falls back to
// a plain require.
const Module = require('node:module');
const path = require('node:path');
const bundle = path.join(__dirname, 'newsclean.js');

/** A month, in milliseconds: cache files older than this are removed when one is written. */
const STALE_MS = 30 * 24 * 3600 * 1000;

function cacheDir() {
  return path.join(process.env.XDG_CACHE_HOME || path.join(process.env.HOME || require('node:os').homedir(), '.cache'), 'newsclean');
}

/** The CRC-32 of `data`, as 4 bytes. */
function digest(crc32, data) {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(crc32(data));
  return out;
}

/**
 * Removes the cache files of earlier builds of this bundle (`prefix`, another
 * size or time), those named as before the path was in the name (`cli-v…`),
 * and any cache or unfinished file not written for a month.
 */
function prune(fs, dir, prefix, keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(dir)) {
    if (name === keep || !/^cli-.*\.v8(\.\d+\.tmp)?$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if ((name.startsWith(prefix) && name.endsWith('.v8')) || /^cli-v\d/.test(name) || now - fs.statSync(file).mtimeMs > STALE_MS) fs.unlinkSync(file);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Compiles the bundle (from the cache when there is one); returns what runs it, or undefined without a cache. */
function compileCached(crc32) {
  const fs = require('node:fs');
  const vm = require('node:vm');
  const stat = fs.statSync(bundle);
  const dir = cacheDir();
  // One prefix per installed bundle and Node: the path's CRC-32 (a global and a project's install keep a cache each).
  const prefix = `cli-${crc32(bundle).toString(16)}-${process.version}-${process.arch}-`;
  const name = `${prefix}${stat.size}-${Math.trunc(stat.mtimeMs)}.v8`;
  const file = path.join(dir, name);
  let cachedData;
  try {
    const stored = fs.readFileSync(file);
    const data = stored.subarray(4);
    if (stored.length > 4 && digest(crc32, data).equals(stored.subarray(0, 4))) cachedData = data;
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At the end of the run the functions it compiled lazily are in the cache too.
    process.once('exit', () => {
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        const data = script.createCachedData();
        fs.writeFileSync(tmp, Buffer.concat([digest(crc32, data), data]), { mode: 0o600 });
        fs.renameSync(tmp, file);
        prune(fs, dir, prefix, name);
      } catch {
        // No cache this time: the next run compiles again.
      }
    });
  }
  const wrapper = script.runInThisContext();
  return () => {
    const mod = new Module(bundle, module);
    mod.filename = bundle;
    mod.paths = Module._nodeModulePaths(__dirname);
    require.cache[bundle] = mod;
    wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
    mod.loaded = true;
  };
}

let run;
if (!process.env.NEWSCLEAN_NO_COMPILE_CACHE) {
  try {
    if (typeof Module.enableCompileCache === 'function') Module.enableCompileCache(path.join(cacheDir(), 'node'));
    else {
      const { crc32 } = require('node:zlib');
      if (typeof crc32 === 'function') run = compileCached(crc32);
    }
  } catch {
    // No cache folder, an odd file system: load the bundle plainly.
    run = undefined;
  }
}
if (run) run();
else require(bundle);
