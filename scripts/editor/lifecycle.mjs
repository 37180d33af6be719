// @ts-check
// The life of one run of an editor driver, written once: a temporary folder
// (kept with NEWSCLEAN_TEST_KEEP=1), a workspace of the seed articles, the
// code-server and browser it starts stopped on exit, Ctrl-C, SIGTERM or an
// uncaught error, an overall time limit, and the last lines of code-server's
// log when it fails.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The seed articles and their golden files. */
export const seeds = join(root, 'test', 'fixtures', 'seeds');

/**
 * Runs `cleanup` once on exit, Ctrl-C, SIGTERM/SIGHUP and uncaught errors;
 * on a signal, first awaits `beforeSignalExit` (bounded to 5 s), e.g. to
 * close the browser properly.
 * @param {() => void} cleanup
 * @param {() => Promise<unknown> | void} [beforeSignalExit]
 */
export function onShutdown(cleanup, beforeSignalExit = async () => {}) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    try {
      cleanup();
    } catch (error) {
      console.error(error);
    }
  };
  process.on('exit', once);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      const code = 128 + { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal];
      let bound;
      Promise.race([beforeSignalExit(), new Promise((resolve) => (bound = setTimeout(resolve, 5000)))])
        .catch(() => {})
        .finally(() => {
          clearTimeout(bound);
          once();
          process.exit(code);
        });
    });
  }
  return once;
}

/**
 * Copies the seed articles (those `keep` accepts) into a new folder `dir`,
 * writable: the fixtures may be read-only, and the tests edit the copies.
 * @param {string} dir
 * @param {(name: string) => boolean} [keep]
 */
export function seedWorkspace(dir, keep = () => true) {
  mkdirSync(dir);
  for (const f of readdirSync(seeds).filter(keep)) {
    copyFileSync(join(seeds, f), join(dir, f));
    chmodSync(join(dir, f), 0o644);
  }
  return dir;
}

/**
 * @typedef {Awaited<ReturnType<typeof import('./code-server.mjs').startCodeServer>>} CodeServer
 * @typedef {import('playwright-core').Browser} Browser
 */

/**
 * Starts the run of the driver `name`: its temporary folder, its clean-up and
 * its time limit (after `timeoutMin` minutes, `onTimeout` is called). The
 * driver puts the code-server and the browser it starts in `server` and
 * `browser`, and ends with `finish(code)`.
 * @param {{ name: string, timeoutMin: number, onTimeout: () => void }} options
 */
export function editorRun({ name, timeoutMin, onTimeout }) {
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), `newsclean-${name}-`));
  let finishing = false;
  const run = {
    tmp,
    /** @type {CodeServer | undefined} */
    server: undefined,
    /** @type {Browser | undefined} */
    browser: undefined,
    /** Seconds since the run started, as text. */
    elapsed: () => `${((Date.now() - started) / 1000).toFixed(1)} s`,
    /** Closes the browser and stops code-server, e.g. between two passes. */
    async stopEditor() {
      await run.browser?.close().catch(() => {});
      run.browser = undefined;
      run.server?.stop();
      run.server = undefined;
    },
    /**
     * Ends the run with exit code `code`: on failure the last lines of
     * code-server's log first, then the browser closed, everything stopped and
     * removed, and `report()` (the driver's last words) before exiting.
     * @param {number} code
     * @param {() => void} [report]
     */
    async finish(code, report = () => {}) {
      if (finishing) return;
      finishing = true;
      clearTimeout(overall);
      if (code !== 0 && run.server) {
        const log = readFileSync(run.server.logFile, 'utf8').trim().split('\n').slice(-20).join('\n');
        if (log) console.error(`${name}: last lines of code-server's log:\n${log}`);
      }
      await run.browser?.close().catch(() => {});
      cleanup();
      report();
      process.exit(code);
    },
  };
  const cleanup = onShutdown(
    () => {
      run.server?.stop();
      if (process.env.NEWSCLEAN_TEST_KEEP !== '1') rmSync(tmp, { recursive: true, force: true });
      else console.log(`${name}: kept ${tmp}`);
    },
    () => run.browser?.close(),
  );
  const overall = setTimeout(onTimeout, timeoutMin * 60_000);
  return run;
}
