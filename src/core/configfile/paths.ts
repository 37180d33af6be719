/**
 * POSIX path arithmetic for the config resolver: the core has no `path`
 * module (it runs in browsers too). Callers hand in absolute paths with `/`
 * separators (the CLI converts Windows paths, the extension uses `Uri.path`).
 */

/** The directory of `p` (`/a/b.txt` → `/a`; `/a` → `/`). */
export function dirname(p: string): string {
  const at = p.lastIndexOf('/');
  return at <= 0 ? '/' : p.slice(0, at);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `dir` joined with `rel` and normalised (`.` and `..` resolved); an absolute `rel` stands alone. */
export function joinPath(dir: string, rel: string): string {
  const parts: string[] = [];
  for (const part of (rel.startsWith('/') ? rel : `${dir}/${rel}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** `p` relative to the directory `dir`, or undefined when `p` is not inside it. */
export function relativeTo(dir: string, p: string): string | undefined {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  return p.startsWith(base) ? p.slice(base.length) : undefined;
}

/** `dir` and its ancestors, nearest first, as far as `root` (inclusive) or the file-system root. */
export function ancestors(dir: string, root?: string): string[] {
  const out: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    out.push(d);
    if (d === root || d === '/') return out;
    if (root !== undefined && relativeTo(root, d) === undefined) return out;
  }
}
