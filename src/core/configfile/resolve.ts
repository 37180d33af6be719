/**
 * Which config files apply to a document, and the settings and ignore
 * verdict they give it. Pure: files are read through a host that answers
 * synchronously with what it knows (text, `null` for no such file,
 * `undefined` for not known yet); what is not known yet is returned as
 * `missing`, the caller loads it and asks again (`resolveLoading`). The CLI
 * and the extension both resolve through this, so they agree.
 *
 * Precedence, lowest first: the layers under the files (defaults, VS Code's
 * user and workspace settings), then the config files from the farthest to
 * the nearest — each one's `extends` first, then its own keys, then its
 * matching overrides in order — then the files given with `--config`.
 * A nearer value replaces a farther one, except the lists that add up
 * (`ADDITIVE_KEYS`: protected terms and phrase pairs are gathered).
 */
import { t } from '@vscode/l10n';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { parseConfigFile, type ConfigFileData, type ConfigIssue } from './parse';
import { CONFIG_NAMES, IGNORE_NAME } from './names';
import { ancestors, basename, dirname, joinPath, relativeTo } from './paths';

export { CONFIG_NAMES, IGNORE_NAME };

/** Settings whose lists add up across layers instead of replacing each other. */
export const ADDITIVE_KEYS: ReadonlySet<string> = new Set(['newsclean.script.protectedTerms', 'newsclean.script.customPhrases']);

/** A file's text; `null`: there is no such file; `undefined`: not known yet. */
export type ReadResult = string | null | undefined;

export interface ConfigHost {
  read(path: string): ReadResult;
}

export interface ResolveOptions {
  /** The last directory looked in (the workspace folder or the repository root); the file-system root when absent. */
  readonly root?: string;
  /** False: config files found by walking up are not read (`--no-config`). */
  readonly useConfigFiles?: boolean;
  /** False: `.newscleanignore` files are not read. */
  readonly useIgnoreFiles?: boolean;
  /** Config files applied on top of those found (`--config`), absolute paths. */
  readonly extra?: readonly string[];
}

export interface Resolution {
  /** The settings the config files give the document (flat keys), to lay over the lower layers with `mergeLayers`. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Every config file read for the document, including those reached through `extends`, farthest first. */
  readonly files: readonly string[];
  /** The nearest config file found by walking up, if any. */
  readonly nearest?: string;
  /** True when a `.newscleanignore` excludes the document. */
  readonly ignored: boolean;
  /** Problems of the files read (syntax, unknown keys, bad values, `extends` not found). */
  readonly issues: readonly ConfigIssue[];
  /** Paths the host did not know yet; the resolution is incomplete while this is not empty. */
  readonly missing: readonly string[];
}

/** `upper` laid over `lower`: its values replace, but additive lists are gathered (first seen first). */
export function mergeLayers(lower: Readonly<Record<string, unknown>>, upper: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...lower };
  for (const [key, value] of Object.entries(upper)) {
    if (value === undefined || value === null) continue;
    const before = out[key];
    out[key] = ADDITIVE_KEYS.has(key) && Array.isArray(before) && Array.isArray(value) ? [...new Set([...before, ...value])] : value;
  }
  return out;
}

/** Whether `rel` (a path relative to an override's directory) matches one of the override's globs; a glob without `/` matches a name at any depth. */
function matches(globs: readonly string[], rel: string): boolean {
  return globs.some((g) => minimatch(rel, g.replace(/^\.\//, ''), { dot: true, matchBase: !g.includes('/') }));
}

export class ConfigResolver {
  private readonly parsed = new Map<string, { text: string; data: ConfigFileData }>();
  private readonly ignores = new Map<string, { text: string; ig: Ignore }>();

  constructor(private readonly host: ConfigHost) {}

  /** The parsed file at `path`; `null` when it does not exist, `undefined` when not known yet. */
  file(path: string): ConfigFileData | null | undefined {
    const text = this.host.read(path);
    if (typeof text !== 'string') return text;
    const hit = this.parsed.get(path);
    if (hit && hit.text === text) return hit.data;
    const data = parseConfigFile(path, text);
    this.parsed.set(path, { text, data });
    return data;
  }

  private ignoreOf(path: string, text: string): Ignore {
    const hit = this.ignores.get(path);
    if (hit && hit.text === text) return hit.ig;
    const ig = ignore().add(text);
    this.ignores.set(path, { text, ig });
    return ig;
  }

  /** Resolves the settings and the ignore verdict of the document at the absolute path `file`. */
  resolve(file: string, options: ResolveOptions = {}): Resolution {
    const missing: string[] = [];
    const issues: ConfigIssue[] = [];
    const dirs = ancestors(dirname(file), options.root);

    // The config files found walking up, nearest first; a `root: true` file ends the walk.
    const found: ConfigFileData[] = [];
    if (options.useConfigFiles !== false) {
      for (const dir of dirs) {
        let here: ConfigFileData | null | undefined = null;
        for (const name of CONFIG_NAMES) {
          here = this.file(joinPath(dir, name));
          if (here !== null) break;
        }
        if (here === undefined) {
          for (const name of CONFIG_NAMES) if (this.host.read(joinPath(dir, name)) === undefined) missing.push(joinPath(dir, name));
          continue;
        }
        if (here) {
          found.push(here);
          if (here.root) break;
        }
      }
    }

    let ignored = false;
    if (options.useIgnoreFiles !== false) {
      for (const dir of dirs) {
        const path = joinPath(dir, IGNORE_NAME);
        const text = this.host.read(path);
        if (text === undefined) missing.push(path);
        const rel = relativeTo(dir, file);
        if (typeof text === 'string' && rel !== undefined && this.ignoreOf(path, text).ignores(rel)) ignored = true;
      }
    }

    const files: string[] = [];
    let values: Record<string, unknown> = {};
    const apply = (data: ConfigFileData, baseDir: string, stack: readonly string[]) => {
      if (stack.includes(data.path)) return;
      for (const ext of data.extends) {
        const target = joinPath(dirname(data.path), ext.target);
        if (stack.includes(target) || target === data.path) {
          issues.push({ path: data.path, start: ext.start, end: ext.end, message: t('“extends” makes a cycle through {0}.', basename(target)) });
          continue;
        }
        const base = this.file(target);
        if (base === undefined) missing.push(target);
        else if (base === null) issues.push({ path: data.path, start: ext.start, end: ext.end, message: t('“extends”: there is no file {0}.', target) });
        else apply(base, baseDir, [...stack, data.path]);
      }
      if (!files.includes(data.path)) {
        files.push(data.path);
        issues.push(...data.issues);
      }
      values = mergeLayers(values, data.values);
      const rel = relativeTo(baseDir, file);
      if (rel === undefined) return;
      for (const o of data.overrides) if (matches(o.files, rel)) values = mergeLayers(values, o.values);
    };
    for (const data of [...found].reverse()) apply(data, dirname(data.path), []);
    for (const path of options.extra ?? []) {
      const data = this.file(path);
      if (data === undefined) missing.push(path);
      else if (data === null) issues.push({ path, start: 0, end: 0, message: t('There is no config file {0}.', path) });
      else apply(data, dirname(path), []);
    }
    return { values, files, nearest: found[0]?.path, ignored, issues, missing: [...new Set(missing)] };
  }

  /** The problems of one config file alone, `extends` included (for the editor's diagnostics on it). */
  lint(path: string): { issues: ConfigIssue[]; missing: string[] } {
    const data = this.file(path);
    if (!data) return { issues: [], missing: data === undefined ? [path] : [] };
    const r = this.resolve(`${dirname(path)}/\0`, { useConfigFiles: false, useIgnoreFiles: false, extra: [path] });
    return { issues: r.issues.filter((i) => i.path === path), missing: [...r.missing] };
  }
}

/** A host over a map of known files, falling back to `fallback` for the others (or "not known yet"). */
export class FileCache implements ConfigHost {
  private readonly files = new Map<string, string | null>();

  constructor(private readonly fallback?: (path: string) => ReadResult) {}

  read(path: string): ReadResult {
    return this.files.has(path) ? this.files.get(path) : this.fallback?.(path);
  }

  set(path: string, text: string | null): void {
    this.files.set(path, text);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  clear(): void {
    this.files.clear();
  }
}

/**
 * Resolves `file`, loading what the cache does not know with `load`
 * (text, or null when there is no such file) until nothing is missing.
 */
export async function resolveLoading(
  resolver: ConfigResolver,
  cache: FileCache,
  file: string,
  options: ResolveOptions,
  load: (path: string) => Promise<string | null>,
): Promise<Resolution> {
  for (let round = 0; ; round++) {
    const r = resolver.resolve(file, options);
    if (r.missing.length === 0 || round >= 32) return r;
    await Promise.all(r.missing.map(async (p) => cache.set(p, await load(p).catch(() => null))));
  }
}
