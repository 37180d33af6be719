import type { Check } from '../../rule';
import { made } from '../../engine/incremental/line-local';
import { splicedAt } from '../../engine/incremental/carry';
import type { IncrementalStrategy } from '../../engine/incremental/types';
import { CHAIN_BITS, REPORTED, checkBreak, firstChain, type Chain } from './rule';

/** Per line, the chain it leaves for the next, and REPORTED when the break before it was reported. */
export type BreakStates = Uint8Array;

/**
 * The breaks after the edit are checked again until the chain a line
 * leaves for the next (see checkBreak) is as it was; the findings of the
 * other breaks are kept. Per line, the chain after it and whether the break
 * before it was reported are carried over.
 */
export const breaks: IncrementalStrategy<BreakStates> = (ctx) => {
  const { document, change, previous } = ctx;
  const lines = document.lines;
  const old = change.old && previous?.state;
  const states = new Uint8Array(lines.length);
  const reuse = old && previous && change.old;
  const from = reuse ? Math.max(1, change.first) : 1;
  // Where the old breaks go on as they were (lines.length: none do).
  let resume = lines.length;
  const check: Check = (_, report) => {
    let chain: Chain;
    if (reuse && change.first > 0) {
      states.set(old.subarray(0, from));
      chain = states[from - 1] & CHAIN_BITS;
    } else chain = states[0] = firstChain(lines[0]);
    let reported = false;
    const note: typeof report = (r) => {
      reported = true;
      report(r);
    };
    for (let i = from; i < lines.length; i++) {
      // Line numbers in messages: after an edit that adds or removes lines, every later break is made again.
      if (reuse && change.lineDelta === 0 && i > change.last + 1 && chain === (old[i - 1] & CHAIN_BITS)) {
        resume = i;
        states.set(old.subarray(i), i);
        break;
      }
      reported = false;
      chain = checkBreak(document, i, chain, note);
      states[i] = chain | (reported ? REPORTED : 0);
    }
    ctx.save(states); // only when the check went through
  };
  if (!reuse) return made(ctx.run({ check }));
  const fresh = ctx.checkPart({ check });
  if (!fresh) return made(ctx.fallback());
  const reportedBefore = (states: Uint8Array, end: number) => {
    let n = 0;
    for (let i = 1; i < end; i++) if (states[i] & REPORTED) n++;
    return n;
  };
  const kept = previous.findings;
  return splicedAt(kept, fresh, reportedBefore(old, from), resume < lines.length ? reportedBefore(old, resume) : kept.length, change.delta);
};
