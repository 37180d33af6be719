import { parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { runProperty, type PropertyName } from './properties';

/** A chunk of a property's documents, run in a worker thread. */
export interface Job {
  readonly id: number;
  readonly property: PropertyName;
  readonly seed: number;
  readonly numRuns: number;
  readonly withExamples: boolean;
}

export interface Outcome {
  readonly id: number;
  /** Generated documents checked (up to the failure, if one), the fixed examples not counted. */
  readonly numRuns: number;
  /** fast-check's report of the shrunk counterexample, when the property failed. */
  readonly failure?: string;
}

parentPort!.on('message', (job: Job) => {
  const { details, examples } = runProperty(job.property, job.seed, job.numRuns, job.withExamples);
  const outcome: Outcome = {
    id: job.id,
    numRuns: Math.max(0, details.numRuns - examples),
    ...(details.failed
      ? {
          failure: [
            fc.defaultReportMessage(details) ?? 'failed',
            `Counterexample, every character outside printable ASCII escaped: ${exact(details.counterexample)}`,
            details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance),
          ].join('\n'),
        }
      : {}),
  };
  parentPort!.postMessage(outcome);
});

/** JSON with every character outside printable ASCII as \uXXXX, so that a copied counterexample loses nothing. */
function exact(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
