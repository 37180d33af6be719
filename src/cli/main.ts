/**
 * `newsclean check|fix|outline`: the same engine as the extension, for many
 * files. `main` takes its world as arguments and returns the exit code
 * (0 clean, 1 findings, 2 usage or I/O error), so tests run it in-process.
 */
import * as l10n from '@vscode/l10n';
import { NewsDocument, parseOutline, parseSettingValue, type Settings } from '../core';
import { UsageError, USAGE, checkFiles, isHelp, parseCommandLine, type Options } from './args';
import { ConfigError, resolveConfigs } from './config';
import { decode, inProcess, settingsOf, type BatchRunner, type BatchSpec, type CheckResult, type FileResult, type FixResult, type StartPool } from './batch';
import { expandInputs, type ListingFs } from './files';
import { CHECK_FORMATS, FramedOutput, formatOutline, outlineRow } from './formatters';
import { runJsonl } from './jsonl';
import { readBundle, pickLocale } from './locale';

export interface CliFs extends Partial<ListingFs> {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string): Promise<void>;
}

export interface CliWorld {
  argv: readonly string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fs: CliFs;
  readStdin?: () => Promise<Uint8Array>;
  /** The lines of a file or of standard input (`-`), streamed (--jsonl); without it, the whole input is read first. */
  readLines?: (path: string) => AsyncIterable<string>;
  env?: Record<string, string | undefined>;
  /** True when stderr is a terminal: a progress line is shown for many files. */
  stderrIsTTY?: boolean;
  /** The default of --jobs (the number of CPUs); 1 when absent. */
  cpus?: number;
  /** Worker threads for check and fix over many files; without it every file runs in this thread. */
  startPool?: StartPool;
  /** The working directory, where config files are looked for from relative file arguments ('/' when absent). */
  cwd?: string;
}

export async function main(world: CliWorld): Promise<number> {
  if (isHelp(world.argv)) {
    world.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    const options = parseCommandLine(world.argv);
    const locale = pickLocale(options.locale, world.env ?? {});
    configureLocale(locale);
    const settings = loadSettings(options);
    const given = new Set(options.files);
    const configs = (files: readonly string[]) =>
      resolveConfigs(
        { cwd: world.cwd, readFile: (p) => world.fs.readFile(p), kind: world.fs.kind?.bind(world.fs) },
        files,
        { configFiles: options.configFile ? [options.configFile] : [], sets: settings.values, useConfig: !options.noConfig, useIgnore: !options.noIgnore, explicit: given },
        (m) => world.stderr(`newsclean: ${m}\n`),
      );
    if (options.jsonl) {
      // Records have no path of their own: the config files are those of the working directory.
      const values = (await configs(['-'])).values.get('-');
      return await jsonl(options, values ? { values, settings: settingsOf(values) } : settings, locale, world);
    }
    if (world.fs.kind && world.fs.readdir) {
      options.files = await expandInputs(options.files, { kind: world.fs.kind, readdir: world.fs.readdir });
    }
    checkFiles(options);
    let perFile: Map<string, Record<string, unknown>> | undefined;
    if (options.command !== 'outline') {
      const run = await configs(options.files);
      if (options.command === 'fix' && options.mode === 'stdout' && run.files.length === 0) {
        // An ignored file piped through `fix --stdout` comes out as it went in.
        const file = decode(options.files[0], await readBytes(options.files[0], world));
        world.stdout((file.bom ? '\ufeff' : '') + file.text);
        return 0;
      }
      options.files = run.files;
      perFile = run.values;
    }
    switch (options.command) {
      case 'check':
        return await check(options, batch(options, 'check', settings, locale, world, perFile), world);
      case 'fix':
        return await fix(options, batch(options, 'fix', settings, locale, world, perFile), world);
      case 'outline':
        return await outline(options, world);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) world.stderr(`newsclean: ${e.message}\n`);
      world.stderr(`${USAGE}\n`);
    } else {
      world.stderr(e instanceof ConfigError && e.message.includes(' error config ') ? `${e.message}\n` : `newsclean: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return 2;
  }
}

/** A one-line progress indicator on a terminal, for runs over many files. */
function progress(world: CliWorld, total: number): (done: number) => void {
  if (!world.stderrIsTTY || total < 2) return () => undefined;
  return (done) => world.stderr(done < total ? `\r${done}/${total} files` : '\r\x1b[K');
}

function configureLocale(locale: string): void {
  l10n.config({ contents: readBundle(locale) ?? {} });
}

/** The user's setting values (as worker threads are given them) and the settings they make. */
interface UserSettings {
  values: Record<string, unknown>;
  settings: Settings;
}

function loadSettings(o: Options): UserSettings {
  // --config and the config files found are per file (see resolveConfigs); --set is laid over them.
  const values: Record<string, unknown> = {};
  for (const [k, v] of o.sets) values[k] = parseSettingValue(k, v);
  return { values, settings: settingsOf(values) };
}

async function readBytes(path: string, world: CliWorld): Promise<Uint8Array> {
  if (path === '-') {
    if (!world.readStdin) throw new Error('standard input is not available');
    return world.readStdin();
  }
  try {
    return await world.fs.readFile(path);
  } catch (e) {
    throw readError(path, e);
  }
}

/** An input that cannot be read, said in one line. */
function readError(path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  return new Error(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
}

/**
 * Fewer files than this run in this thread: a worker costs about as much to
 * start (loading the bundle, building the engine's tables) as checking a few
 * dozen articles, so small batches and single files stay fast.
 */
const POOL_MIN_FILES = 32;

interface Batch {
  runner: BatchRunner;
  /** How many files are read and handed to the runner ahead of the one being reported. */
  ahead: number;
  /** Setting values of the files that config files govern. */
  values?: Map<string, Record<string, unknown>>;
}

function batch(o: Options, command: BatchSpec['command'], settings: UserSettings, locale: string, world: CliWorld, values?: Map<string, Record<string, unknown>>): Batch {
  const spec: BatchSpec = { command, format: o.format, mode: o.mode, rules: o.rules, quiet: o.quiet, locale, values: settings.values };
  const jobs = Math.min(o.jobs ?? world.cpus ?? 1, o.files.length);
  if (jobs > 1 && o.files.length >= POOL_MIN_FILES && world.startPool) return { runner: world.startPool(spec, jobs), ahead: 8 * jobs, values };
  return { runner: inProcess(spec, settings.settings), ahead: 1, values };
}

/** --jsonl: records from the inputs as they are read; worker threads with --jobs > 1 (default 1). */
function jsonl(o: Options, settings: UserSettings, locale: string, world: CliWorld): Promise<number> {
  const spec: BatchSpec = { command: o.command as BatchSpec['command'], format: 'jsonl', mode: o.mode, rules: o.rules, quiet: o.quiet, locale, values: settings.values };
  const jobs = o.jobs ?? 1;
  const pooled = jobs > 1 && world.startPool !== undefined;
  const runner = pooled ? world.startPool!(spec, jobs) : inProcess(spec, settings.settings);
  const streamed = world.readLines;
  const readLines = streamed
    ? async function* (path: string) {
        try {
          yield* streamed(path);
        } catch (e) {
          throw readError(path, e);
        }
      }
    : async function* (path: string) {
        yield* decode(path, await readBytes(path, world)).text.split(/\r?\n/);
      };
  return runJsonl(o, runner, pooled ? 8 * jobs : 1, { readLines, stdout: world.stdout });
}

/**
 * Runs every file through the batch's runner and calls `each` with the results
 * in input order, whatever order they settle in; stops at the first error.
 */
async function eachInOrder(
  files: readonly string[],
  b: Batch,
  world: CliWorld,
  each: (path: string, result: FileResult) => Promise<void> | void,
): Promise<void> {
  const start = (path: string) =>
    readBytes(path, world)
      .then((bytes) => b.runner.run({ path, bytes, values: b.values?.get(path) }))
      .then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
  const pending = files.slice(0, b.ahead).map(start);
  const tick = progress(world, files.length);
  try {
    for (const [n, path] of files.entries()) {
      tick(n);
      const r = await pending.shift()!;
      if ('error' in r) throw r.error;
      await each(path, r.result);
      if (n + b.ahead < files.length) pending.push(start(files[n + b.ahead]));
    }
    tick(files.length);
  } finally {
    await b.runner.close();
  }
}

async function check(o: Options, b: Batch, world: CliWorld): Promise<number> {
  const format = CHECK_FORMATS[o.format];
  const output = new FramedOutput(format.frame?.(), world.stdout);
  let total = 0;
  await eachInOrder(o.files, b, world, (path, r) => {
    const c = r as CheckResult;
    if (c.japaneseKorean) world.stderr(`newsclean: ${path}: ${l10n.t('reads as Japanese or Korean; not checked')}\n`);
    total += c.count;
    output.part(c.chunks ?? [c.out]);
  });
  output.end();
  return total > 0 ? 1 : 0;
}

async function fix(o: Options, b: Batch, world: CliWorld): Promise<number> {
  let remaining = 0;
  await eachInOrder(o.files, b, world, async (path, r) => {
    const f = r as FixResult;
    if (f.notUtf8) world.stderr(`newsclean: ${path}: ${l10n.t('not valid UTF-8; left unchanged')}\n`);
    if (f.japaneseKorean) world.stderr(`newsclean: ${path}: ${l10n.t('reads as Japanese or Korean; left unchanged')}\n`);
    if (f.out !== undefined) {
      if (o.mode === 'stdout') world.stdout(f.out);
      else await world.fs.writeFile(path, f.out);
    }
    remaining += f.remaining;
  });
  return remaining > 0 ? 1 : 0;
}

async function outline(o: Options, world: CliWorld): Promise<number> {
  const file = decode(o.files[0], await readBytes(o.files[0], world));
  world.stdout(formatOutline(o.format, parseOutline(new NewsDocument(file.text, o.files[0])).map(outlineRow)));
  return 0;
}
