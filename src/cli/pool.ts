/**
 * Worker threads for the CLI: the bundle re-entered in each worker (see
 * `serveBatch`), files handed to whichever worker is free, results returned
 * as plain data. The CLI puts them back in input order.
 */
import * as l10n from '@vscode/l10n';
import type * as WorkerThreads from 'node:worker_threads';
import { runFile, settingsOf, type BatchRunner, type BatchSpec, type FileResult, type FileTask, type StartPool } from './batch';
import { readBundle } from './locale';

interface Request {
  id: number;
  task: FileTask;
}

interface Reply {
  id: number;
  /** The FileResult: a few strings and numbers. */
  result?: FileResult;
  /** The message of an error the engine threw on this file. */
  error?: string;
}

/**
 * Tasks handed to a worker at once: with a second one waiting, a worker goes
 * on as soon as it replies, without waiting for this thread to hear it.
 */
const SLOTS = 2;

/** Set in the workers' environment: a process that has no worker never loads worker_threads. */
const ENV = 'NEWSCLEAN_BATCH_WORKER';

function workerThreads(): typeof WorkerThreads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof WorkerThreads;
}

/** Marks the workers' `workerData`, so the bundle knows to serve files rather than run the CLI. */
const KEY = 'newscleanBatch';

/** A pool of `jobs` workers, each running `script` (the CLI bundle). */
export function workerPool(script: string): StartPool {
  return (spec: BatchSpec, jobs: number): BatchRunner => {
    const waiting = new Map<number, { resolve: (r: FileResult) => void; reject: (e: Error) => void }>();
    const queue: Request[] = [];
    /** A worker once for each task it may take now (SLOTS at most). */
    const idle: WorkerThreads.Worker[] = [];
    let nextId = 0;
    let failure: Error | undefined;
    let closing = false;

    const pump = () => {
      while (idle.length && queue.length) idle.pop()!.postMessage(queue.shift()!);
    };
    const fail = (e: Error) => {
      if (closing || failure) return;
      failure = e;
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
    };
    const workers = Array.from({ length: jobs }, () => {
      const w = new (workerThreads().Worker)(script, { workerData: { [KEY]: spec }, env: { ...process.env, [ENV]: '1' } });
      w.on('message', (m: Reply) => {
        const job = waiting.get(m.id);
        waiting.delete(m.id);
        idle.push(w);
        if (m.error !== undefined) job?.reject(new Error(m.error));
        else job?.resolve(m.result!);
        pump();
      });
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(l10n.t('a worker thread stopped unexpectedly (exit code {0})', code))));
      for (let k = 0; k < SLOTS; k++) idle.push(w);
      return w;
    });

    return {
      run: (task) =>
        new Promise((resolve, reject) => {
          if (failure) return reject(failure);
          const id = nextId++;
          waiting.set(id, { resolve, reject });
          queue.push({ id, task });
          pump();
        }),
      close: async () => {
        closing = true;
        await Promise.all(workers.map((w) => w.terminate()));
      },
    };
  };
}

/** In a worker started by `workerPool`: serves files until terminated, and returns true. Elsewhere returns false. */
export function serveBatch(): boolean {
  if (process.env[ENV] !== '1') return false;
  const { isMainThread, parentPort, workerData } = workerThreads();
  const spec = isMainThread ? undefined : (workerData as Record<string, BatchSpec> | null)?.[KEY];
  if (!spec || !parentPort) return false;
  const port = parentPort;
  l10n.config({ contents: readBundle(spec.locale) ?? {} });
  const settings = settingsOf(spec.values);
  port.on('message', ({ id, task }: Request) => {
    let reply: Reply;
    try {
      const result = runFile(spec, settings, task);
      // A part made lazily in pieces crosses threads as an array.
      if (result.kind === 'check' && result.chunks) result.chunks = [...result.chunks];
      reply = { id, result };
    } catch (e) {
      reply = { id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
  return true;
}
