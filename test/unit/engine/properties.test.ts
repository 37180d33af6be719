import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROPERTIES, type PropertyName } from './fuzz/properties';
import type { Job, Outcome } from './fuzz/worker';

/**
 * Property tests of the engine over generated documents (test/unit/fuzz):
 * NEWSCLEAN_FUZZ_RUNS documents in all (100,000 by default), shared among
 * the properties, run in worker threads (one per core, at most CHUNKS). A
 * fixed seed keeps `npm test` reproducible; `npm run fuzz` runs many more
 * documents from a random seed, printed so a failure can be run again with
 * NEWSCLEAN_FUZZ_SEED.
 */
const TOTAL = Number(process.env.NEWSCLEAN_FUZZ_RUNS ?? 100_000);
const SEED = Number(process.env.NEWSCLEAN_FUZZ_SEED ?? 20261123);
/**
 * Each property's documents come in this many chunks, each from its own seed
 * derived from SEED (different for every property and chunk, so no two
 * chunks generate the same documents), so the documents do not depend on
 * how many workers run them.
 */
const CHUNKS = 8;
const WORKERS = Math.max(1, Math.min(CHUNKS, Number(process.env.NEWSCLEAN_FUZZ_WORKERS ?? os.availableParallelism())));

function chunkSeed(property: number, chunk: number): number {
  return (SEED ^ Math.imul(property * CHUNKS + chunk + 1, 0x9e3779b1)) | 0;
}

/** Runs jobs on a few long-lived workers, each job on the first free one. */
class Pool {
  private readonly idle: Worker[] = [];
  private readonly queue: { job: Job; done: (o: Outcome) => void; fail: (e: unknown) => void }[] = [];
  private readonly busy = new Map<Worker, { done: (o: Outcome) => void; fail: (e: unknown) => void }>();
  private alive: number;

  constructor(size: number) {
    this.alive = size;
    for (let i = 0; i < size; i++) {
      const w = new Worker(path.join(__dirname, 'fuzz', 'worker.js'));
      w.on('message', (o: Outcome) => {
        const waiting = this.busy.get(w)!;
        this.busy.delete(w);
        this.idle.push(w);
        this.next();
        waiting.done(o);
      });
      // A worker that dies fails its job and every job still waiting (nothing hangs).
      w.on('error', (e) => {
        this.alive--;
        if (this.idle.includes(w)) this.idle.splice(this.idle.indexOf(w), 1);
        this.busy.get(w)?.fail(e);
        this.busy.delete(w);
        for (const waiting of this.queue.splice(0)) waiting.fail(e);
      });
      this.idle.push(w);
    }
  }

  run(job: Job): Promise<Outcome> {
    return new Promise((done, fail) => {
      if (this.alive === 0) return fail(new Error('every fuzz worker died'));
      this.queue.push({ job, done, fail });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const { job, done, fail } = this.queue.shift()!;
      this.busy.set(w, { done, fail });
      w.postMessage(job);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }
}

describe('properties of the engine over generated documents', function () {
  // A hang guard, not a measurement: a long `npm run fuzz` sets no limit.
  this.timeout(process.env.NEWSCLEAN_FUZZ_RUNS ? 0 : 600_000);
  let pool: Pool;
  const generated = new Map<PropertyName, number>();
  before(() => {
    pool = new Pool(WORKERS);
  });
  after(async () => {
    await pool.close();
    const total = [...generated.values()].reduce((a, b) => a + b, 0);
    const each = [...generated].map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`).join(', ');
    console.log(`      generated documents: ${each}; ${total.toLocaleString('en-US')} in all (seed ${SEED}, ${WORKERS} worker(s))`);
  });

  for (const [p, [name, { title, share }]] of (Object.entries(PROPERTIES) as [PropertyName, (typeof PROPERTIES)[PropertyName]][]).entries()) {
    const runs = Math.round(TOTAL * share);
    it(`${title} (${runs.toLocaleString('en-US')} documents)`, async () => {
      const outcomes = await Promise.all(
        Array.from({ length: CHUNKS }, (_, k) =>
          pool.run({
            id: k,
            property: name,
            seed: chunkSeed(p, k),
            numRuns: Math.floor(runs / CHUNKS) + (k < runs % CHUNKS ? 1 : 0),
            withExamples: k === 0,
          }),
        ),
      );
      generated.set(name, outcomes.reduce((n, o) => n + o.numRuns, 0));
      const failed = outcomes.filter((o) => o.failure);
      assert.ok(
        failed.length === 0,
        `${failed.length} of ${CHUNKS} chunks failed; run them again with NEWSCLEAN_FUZZ_SEED=${SEED} NEWSCLEAN_FUZZ_RUNS=${TOTAL}\n` +
          failed.map((o) => `chunk ${o.id} (seed ${chunkSeed(p, o.id)}):\n${o.failure}`).join('\n\n'),
      );
    });
  }
});
