import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A raw JSON-RPC client of a language server over stdio, as an editor is:
 * `Content-Length` framed messages, requests matched to responses by id,
 * notifications kept and awaited by a predicate, and the server's own
 * requests answered by handlers.
 */
export class RpcClient {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  readonly notifications: { method: string; params: Json }[] = [];
  private readonly waiters: { method: string; test: (p: Json) => boolean; resolve: (p: Json) => void }[] = [];
  readonly serverRequests: { method: string; params: Json }[] = [];
  stderr = '';

  constructor(
    command: string,
    args: string[],
    cwd: string,
    private readonly handlers: Record<string, (params: Json) => Json> = {},
  ) {
    this.child = spawn(command, args, { cwd, env: { ...process.env, LANG: 'C' } });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Json;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: Json): void {
    if (m.id !== undefined && m.method === undefined) {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.reject(new Error(`${m.error.code}: ${m.error.message}`));
      else p?.resolve(m.result);
    } else if (m.id !== undefined) {
      this.serverRequests.push({ method: m.method, params: m.params });
      const handler = this.handlers[m.method];
      this.write({ jsonrpc: '2.0', id: m.id, result: handler ? handler(m.params) : null });
    } else {
      this.notifications.push({ method: m.method, params: m.params });
      for (const w of [...this.waiters]) {
        if (w.method === m.method && w.test(m.params)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(m.params);
        }
      }
    }
  }

  private write(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method: string, params: Json): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The first notification of `method` (from now on, or already received and not yet taken) whose params pass `test`. */
  next(method: string, test: (params: Json) => boolean = () => true): Promise<Json> {
    const i = this.notifications.findIndex((n) => n.method === method && test(n.params));
    if (i >= 0) return Promise.resolve(this.notifications.splice(i, 1)[0].params);
    return new Promise((resolve) => this.waiters.push({ method, test, resolve }));
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }
}
