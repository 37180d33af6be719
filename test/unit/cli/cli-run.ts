import { main } from '../../../src/cli/main';

/** What a run of the CLI in-process printed and left. */
export interface Run {
  code: number;
  out: string;
  err: string;
  files: Map<string, Uint8Array | string>;
}

/** Runs `main` in-process over an in-memory file system; `stdin` is what `-` reads. */
export async function runCli(argv: string[], files: Record<string, Uint8Array | string> = {}, stdin?: string, env = {}): Promise<Run> {
  const fsMap = new Map<string, Uint8Array | string>(Object.entries(files));
  let out = '';
  let err = '';
  const code = await main({
    argv,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env,
    readStdin: async () => new TextEncoder().encode(stdin ?? ''),
    fs: {
      readFile: async (p) => {
        const v = fsMap.get(p);
        if (v === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
        return typeof v === 'string' ? new TextEncoder().encode(v) : v;
      },
      writeFile: async (p, d) => {
        fsMap.set(p, d);
      },
    },
  });
  return { code, out, err, files: fsMap };
}
