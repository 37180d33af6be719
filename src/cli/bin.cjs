#!/usr/bin/env node
'use strict';
// The `newsclean` bin. It loads the CLI bundle (newsclean.js beside it) from
// V8's code cache when it can, so that a run reads compiled code instead of
// compiling a megabyte of JavaScript. Node 22.1 and later keep such a cache
// themselves (module.enableCompileCache). On older Node the cache is kept
// here: one file per bundle (by its size and time) and Node version, in the
// user's cache folder ($XDG_CACHE_HOME or ~/.cache, then newsclean/), written
// once, atomically, when a run ends. The file starts with a digest of the
// rest (zlib's CRC-32 where Node has it, which costs a few milliseconds less
// than loading node:crypto for a SHA-256): V8 rejects a cache made for
// another source, but a damaged one can crash it, so a cache whose digest
// does not match is not used (and is written again). Any failure falls back
// to a plain require.
// NEWSCLEAN_NO_COMPILE_CACHE=1 turns it off.
const Module = require('node:module');
const path = require('node:path');
const bundle = path.join(__dirname, 'newsclean.js');

/**
 * The digest of a cache file's contents, as bytes, with its length in bytes
 * (`size`). One Node version always picks the same one, and the cache file's
 * name holds the version.
 */
function digestFunction() {
  const zlib = require('node:zlib');
  if (typeof zlib.crc32 === 'function') {
    const crc = (data) => {
      const out = Buffer.alloc(4);
      out.writeUInt32LE(zlib.crc32(data));
      return out;
    };
    return Object.assign(crc, { size: 4 });
  }
  const crypto = require('node:crypto');
  return Object.assign((data) => crypto.createHash('sha256').update(data).digest(), { size: 32 });
}

/** Compiles the bundle (from the cache when there is one); returns what runs it. */
function compileCached() {
  const fs = require('node:fs');
  const os = require('node:os');
  const vm = require('node:vm');
  const digest = digestFunction();
  const stat = fs.statSync(bundle);
  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'newsclean');
  const file = path.join(dir, `cli-${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}.v8`);
  let cachedData;
  try {
    const stored = fs.readFileSync(file);
    const data = stored.subarray(digest.size);
    if (stored.length > digest.size && digest(data).equals(stored.subarray(0, digest.size))) cachedData = data;
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
        fs.writeFileSync(tmp, Buffer.concat([digest(data), data]), { mode: 0o600 });
        fs.renameSync(tmp, file);
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
if (typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache();
  } catch {
    // Run without it.
  }
} else if (!process.env.NEWSCLEAN_NO_COMPILE_CACHE) {
  try {
    run = compileCached();
  } catch {
    // No cache folder, an odd file system: load the bundle plainly.
    run = undefined;
  }
}
if (run) run();
else require(bundle);
