/**
 * `newsclean check|fix|outline`: the same engine as the extension, for many
 * files. `main` takes its world as arguments and returns the exit code
 * (0 clean, 1 findings, 2 usage or I/O error), so tests run it in-process.
 */
import * as l10n from '@vscode/l10n';
import { NewsDocument, RULES, parseOutline, parseSettingValue, type OutlineEntry, type Settings } from '../core';
import { decode, inProcess, settingsOf, type BatchRunner, type BatchSpec, type CheckResult, type FileResult, type FixResult, type StartPool } from './batch';
import { ConfigError, resolveConfigs } from './config';
import { expandInputs, type ListingFs } from './files';
import { readBundle, pickLocale } from './locale';
import { toSarif } from './sarif';

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

class UsageError extends Error {}

const USAGE = `Usage:
  newsclean check [--format text|json|sarif] [--rules a,b] [--quiet] [--jobs N] [options] FILE...
  newsclean fix [--rules a,b] (--stdout | --write) [--jobs N] [options] FILE...
  newsclean outline [--format text|json] [options] FILE
Options:
  --config FILE      a config file applied on top of the .newsclean.jsonc files
                     found from each file up to the repository root
  --no-config        do not read .newsclean.jsonc / .newsclean.json files
  --no-ignore        do not honour .newscleanignore files
  --set key=value    one setting (repeatable)
  --locale LOCALE    en, zh-cn or zh-tw (default: from LC_ALL / LANG)
  --quiet            report errors only
  --jobs N           files checked or fixed at once, in worker threads
                     (default: the number of CPUs; --jobs 1, or fewer than
                     32 files, runs in one thread; the output is the same)
  FILE               a file, a directory (its .txt and .news files) or a glob
                     such as 'articles/**/*.txt'; - reads standard input
Exit codes: 0 clean, 1 findings, 2 usage or I/O error.`;

interface Options {
  command: 'check' | 'fix' | 'outline';
  format: 'text' | 'json' | 'sarif';
  quiet: boolean;
  rules?: string[];
  mode?: 'stdout' | 'write';
  configFile?: string;
  noConfig?: boolean;
  noIgnore?: boolean;
  sets: [string, string][];
  locale?: string;
  jobs?: number;
  files: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'fix' && command !== 'outline') {
    throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  }
  const o: Options = { command, format: 'text', quiet: false, sets: [], files: [] };
  const value = (i: number, flag: string) => {
    const v = rest[i + 1];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--format': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${f}'`);
        o.format = f;
        break;
      }
      case '--rules':
        o.rules = take().split(',').map((r) => r.trim()).filter(Boolean);
        break;
      case '--stdout':
      case '--write':
        if (o.mode) throw new UsageError('give one of --stdout and --write');
        o.mode = flag === '--stdout' ? 'stdout' : 'write';
        break;
      case '--config':
        o.configFile = take();
        break;
      case '--no-config':
        o.noConfig = true;
        break;
      case '--no-ignore':
        o.noIgnore = true;
        break;
      case '--set': {
        const kv = take();
        const at = kv.indexOf('=');
        if (at <= 0) throw new UsageError(`--set takes key=value, not '${kv}'`);
        o.sets.push([kv.slice(0, at), kv.slice(at + 1)]);
        break;
      }
      case '--locale':
        o.locale = take();
        break;
      case '--jobs': {
        const n = take();
        if (!/^[1-9]\d*$/.test(n)) throw new UsageError(`--jobs takes a whole number from 1, not '${n}'`);
        o.jobs = Number(n);
        break;
      }
      case '--quiet':
      case '-q':
        o.quiet = true;
        break;
      case '-h':
      case '--help':
        throw new UsageError('');
      default:
        if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) throw new UsageError(`unknown option '${a}'`);
        o.files.push(a);
    }
  }
  if (o.files.length === 0) throw new UsageError('no file given');
  if (o.command === 'fix' && !o.mode) throw new UsageError('fix needs --stdout or --write');
  if (o.command === 'fix' && o.mode === 'stdout' && o.files.length !== 1) throw new UsageError('--stdout takes one file');
  if (o.command === 'fix' && o.mode === 'write' && o.files.includes('-')) throw new UsageError('--write cannot write standard input');
  if (o.command === 'outline' && o.files.length !== 1) throw new UsageError('outline takes one file');
  if (o.format === 'sarif' && o.command !== 'check') throw new UsageError('--format sarif goes with check');
  if (o.rules) {
    const unknown = o.rules.filter((r) => !RULES.some((rule) => rule.id === r));
    if (unknown.length) throw new UsageError(`unknown rule '${unknown[0]}'`);
  }
  return o;
}

export async function main(world: CliWorld): Promise<number> {
  const env = world.env ?? {};
  if (world.argv.length === 1 && ['--help', '-h', 'help'].includes(world.argv[0])) {
    world.stdout(`${USAGE}\n`);
    return 0;
  }
  let options: Options;
  let locale: string;
  try {
    const localeArg = world.argv.find((a, i) => world.argv[i - 1] === '--locale') ?? world.argv.find((a) => a.startsWith('--locale='))?.slice(9);
    locale = pickLocale(localeArg, env);
    configureLocale(locale);
    options = parseArgs(world.argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) world.stderr(`newsclean: ${e.message}\n`);
      world.stderr(`${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const settings = await loadSettings(options);
    const given = new Set(options.files);
    if (world.fs.kind && world.fs.readdir) {
      options.files = await expandInputs(options.files, { kind: world.fs.kind, readdir: world.fs.readdir });
      if (options.command === 'fix' && options.mode === 'stdout' && options.files.length !== 1) throw new UsageError('--stdout takes one file');
    }
    let perFile: Map<string, Record<string, unknown>> | undefined;
    if (options.command !== 'outline') {
      const configs = await resolveConfigs(
        { cwd: world.cwd, readFile: (p) => world.fs.readFile(p), kind: world.fs.kind?.bind(world.fs) },
        options.files,
        { configFiles: options.configFile ? [options.configFile] : [], sets: settings.values, useConfig: !options.noConfig, useIgnore: !options.noIgnore, explicit: given },
        (m) => world.stderr(`newsclean: ${m}\n`),
      );
      if (options.command === 'fix' && options.mode === 'stdout' && configs.files.length === 0) {
        // An ignored file piped through `fix --stdout` comes out as it went in.
        const file = decode(options.files[0], await readBytes(options.files[0], world));
        world.stdout((file.bom ? '\ufeff' : '') + file.text);
        return 0;
      }
      options.files = configs.files;
      perFile = configs.values;
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
    world.stderr(e instanceof ConfigError && e.message.includes(' error config ') ? `${e.message}\n` : `newsclean: ${e instanceof Error ? e.message : String(e)}\n`);
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

async function loadSettings(o: Options): Promise<UserSettings> {
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
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
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
  const results: { file: string; findings: Record<string, unknown>[] }[] = [];
  // The text and JSON formats come written file by file (see checkResult), the JSON's bytes
  // those of JSON.stringify(results, null, 2).
  const json: string[] = [];
  let total = 0;
  await eachInOrder(o.files, b, world, (path, r) => {
    const c = r as CheckResult;
    total += c.count;
    if (o.format === 'text') {
      if (c.out) world.stdout(c.out);
    } else if (o.format === 'json') {
      json.push(c.out!);
    } else {
      results.push({ file: path, findings: c.findings! });
    }
  });
  if (o.format === 'json') world.stdout(json.length ? `[\n${json.join(',\n')}\n]\n` : '[]\n');
  if (o.format === 'sarif') world.stdout(`${JSON.stringify(toSarif(results), null, 2)}\n`);
  return total > 0 ? 1 : 0;
}

async function fix(o: Options, b: Batch, world: CliWorld): Promise<number> {
  let remaining = 0;
  await eachInOrder(o.files, b, world, async (path, r) => {
    const f = r as FixResult;
    if (f.notUtf8) world.stderr(`newsclean: ${path}: ${l10n.t('not valid UTF-8; left unchanged')}\n`);
    if (f.out !== undefined) {
      if (o.mode === 'stdout') world.stdout(f.out);
      else await world.fs.writeFile(path, f.out);
    }
    remaining += f.remaining;
  });
  return remaining > 0 ? 1 : 0;
}

interface OutlineJson {
  name: string;
  kind: string;
  line: number;
  endLine: number;
  children: OutlineJson[];
}

function outlineJson(e: OutlineEntry): OutlineJson {
  return { name: e.name, kind: e.kind, line: e.line + 1, endLine: e.endLine + 1, children: e.children.map(outlineJson) };
}

async function outline(o: Options, world: CliWorld): Promise<number> {
  const file = decode(o.files[0], await readBytes(o.files[0], world));
  const entries = parseOutline(new NewsDocument(file.text, o.files[0])).map(outlineJson);
  if (o.format === 'json') {
    world.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  } else {
    const walk = (es: OutlineJson[], depth: number) => {
      for (const e of es) {
        world.stdout(`${'  '.repeat(depth)}${e.kind} ${e.line}-${e.endLine} ${e.name}\n`);
        walk(e.children, depth + 1);
      }
    };
    walk(entries, 0);
  }
  return 0;
}
