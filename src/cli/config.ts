/**
 * The CLI's side of config files: every file is resolved as the extension
 * resolves it (the core's ConfigResolver), walking up from the file to the
 * repository root (the nearest directory holding `.git`), `--config` files on
 * top, `.newscleanignore` honoured. Problems in a config file are errors
 * (exit code 2), printed as `file:line:col error config message`.
 */
import * as l10n from '@vscode/l10n';
import { ConfigResolver, FileCache, joinPath, dirname, mergeLayers, resolveLoading, type ConfigIssue, type Resolution } from '../core';

export interface ConfigWorld {
  /** The working directory; file arguments are relative to it. */
  cwd?: string;
  readFile(path: string): Promise<Uint8Array>;
  kind?(path: string): Promise<'file' | 'dir' | undefined>;
}

export interface ConfigRun {
  /** The files to run, those a `.newscleanignore` excludes left out, in the order given. */
  files: string[];
  /** Each file's setting values (config files, then `--set`), when config files gave it any. */
  values: Map<string, Record<string, unknown>>;
}

/** A path with `/` separators and a leading `/` (`C:\a` → `/C:/a`), as the core's resolver takes them. */
export function toPosix(path: string): string {
  const p = path.replace(/\\/g, '/');
  return /^[A-Za-z]:\//.test(p) ? `/${p}` : p;
}

function fromPosix(path: string): string {
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

export class ConfigError extends Error {}

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

export async function resolveConfigs(
  world: ConfigWorld,
  files: readonly string[],
  options: { configFiles: readonly string[]; sets: Record<string, unknown>; useConfig: boolean; useIgnore: boolean; explicit: ReadonlySet<string> },
  note: (message: string) => void,
): Promise<ConfigRun> {
  const cwd = toPosix(world.cwd ?? '/');
  const abs = (p: string) => joinPath(cwd, toPosix(p));
  const cache = new FileCache();
  const resolver = new ConfigResolver(cache);
  const load = async (path: string): Promise<string | null> => {
    try {
      return decoder.decode(await world.readFile(fromPosix(path)));
    } catch {
      return null;
    }
  };
  // --config files are read as given, so a missing one is an error of its own.
  const extra: string[] = [];
  for (const f of options.configFiles) {
    let bytes: Uint8Array;
    try {
      bytes = await world.readFile(f);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(`${f}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    cache.set(abs(f), decoder.decode(bytes));
    extra.push(abs(f));
  }
  const roots = new Map<string, Promise<string | undefined>>();
  const repositoryRoot = (dir: string): Promise<string | undefined> => {
    let r = roots.get(dir);
    if (!r) {
      r = (async () => {
        if (!world.kind) return undefined;
        if ((await world.kind(fromPosix(joinPath(dir, '.git')))) !== undefined) return dir;
        return dir === '/' ? undefined : repositoryRoot(dirname(dir));
      })();
      roots.set(dir, r);
    }
    return r;
  };

  const run: ConfigRun = { files: [], values: new Map() };
  const issues: ConfigIssue[] = [];
  for (const file of files) {
    const path = file === '-' ? joinPath(cwd, '-') : abs(file);
    const r: Resolution = await resolveLoading(
      resolver,
      cache,
      path,
      { root: await repositoryRoot(dirname(path)), useConfigFiles: options.useConfig, useIgnoreFiles: options.useIgnore && file !== '-', extra },
      load,
    );
    for (const i of r.issues) if (!issues.some((j) => j.path === i.path && j.start === i.start && j.message === i.message)) issues.push(i);
    if (r.ignored) {
      if (options.explicit.has(file)) note(l10n.t('{0}: ignored by a .newscleanignore file', file));
      continue;
    }
    run.files.push(file);
    if (r.files.length) run.values.set(file, mergeLayers(r.values, options.sets));
  }
  if (issues.length) {
    const shown = issues.map((i) => {
      const text = cache.read(i.path) ?? '';
      const before = text.slice(0, i.start);
      const line = before.split('\n').length;
      const column = i.start - (before.lastIndexOf('\n') + 1) + 1;
      const rel = i.path.startsWith(`${cwd.replace(/\/$/, '')}/`) ? i.path.slice(cwd.replace(/\/$/, '').length + 1) : fromPosix(i.path);
      return `${rel}:${line}:${column} error config ${i.message}`;
    });
    throw new ConfigError(shown.join('\n'));
  }
  return run;
}
