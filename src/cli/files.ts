/**
 * Expands the CLI's file arguments: plain files, directories (walked for
 * transcripts) and globs (`articles/**\/*.txt`), in a stable order.
 */

export interface DirEntry {
  name: string;
  dir: boolean;
}

export interface ListingFs {
  /** Undefined when the path does not exist. */
  kind(path: string): Promise<'file' | 'dir' | undefined>;
  readdir(path: string): Promise<DirEntry[]>;
}

const TRANSCRIPT = /\.(txt|news)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function isGlob(arg: string): boolean {
  return /[*?[\]{}]/.test(arg);
}

/** A glob as a regular expression: `**` any depth, `*` and `?` within a name, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map(escape).join('|')})`;
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

function join(dir: string, name: string): string {
  return dir === '.' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

async function walk(fs: ListingFs, dir: string, out: string[], accept: (p: string) => boolean): Promise<void> {
  const entries = (await fs.readdir(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.dir) {
      if (!SKIPPED_DIRS.has(e.name)) await walk(fs, p, out, accept);
    } else if (accept(p)) out.push(p);
  }
}

export async function expandInputs(args: readonly string[], fs: ListingFs): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
    } else if (isGlob(arg)) {
      const parts = arg.split('/');
      const firstGlob = parts.findIndex(isGlob);
      const base = parts.slice(0, firstGlob).join('/') || (arg.startsWith('/') ? '/' : '.');
      const re = globToRegExp(arg);
      if ((await fs.kind(base)) !== 'dir') throw new Error(`${arg}: no such directory ${base}`);
      const matched: string[] = [];
      await walk(fs, base, matched, (p) => re.test(p));
      if (matched.length === 0) throw new Error(`${arg}: no file matches`);
      for (const p of matched) out.push(p);
    } else if ((await fs.kind(arg)) === 'dir') {
      await walk(fs, arg.replace(/\/+$/, '') || '/', out, (p) => TRANSCRIPT.test(p));
    } else {
      out.push(arg);
    }
  }
  return [...new Set(out)];
}
