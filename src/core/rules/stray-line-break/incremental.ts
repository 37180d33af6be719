import type { Check } from '../../rule';
import { made } from '../../engine/incremental/line-local';
import { splicedAt } from '../../engine/incremental/carry';
import type { IncrementalStrategy } from '../../engine/incremental/types';
import { CHAIN_BITS, JOINED, checkBreak, firstChain, type Chain } from './rule';
import { ALONE, BreakGroup, UNREPORTED } from './group';

/** Per line, the chain it leaves for the next, with ALONE or UNREPORTED when the break before it is not grouped. */
export type BreakStates = Uint8Array;

/** Whether the break before line i is in a group (reported, with its paragraph's other breaks). */
const grouped = (states: Uint8Array, i: number) => i >= 1 && (states[i] & (JOINED | ALONE | UNREPORTED)) === JOINED;
/** Whether a finding starts at the break before line i. */
const starts = (states: Uint8Array, i: number) =>
  (states[i] & (JOINED | UNREPORTED)) === JOINED && (states[i] & ALONE || !grouped(states, i - 1));

/**
 * The breaks after the edit are checked again until the chain a line
 * leaves for the next (see checkBreak) is as it was and no paragraph's
 * group of breaks goes on there; the findings of the other breaks are kept.
 * The check starts again where the group of breaks the edit is in starts.
 * Per line, the chain after it and how the break before it was reported are
 * carried over.
 */
export const breaks: IncrementalStrategy<BreakStates> = (ctx) => {
  const { document, change, previous } = ctx;
  const lines = document.lines;
  const old = change.old && previous?.state;
  const states = new Uint8Array(lines.length);
  const reuse = old && previous && change.old;
  let from = reuse ? Math.max(1, change.first) : 1;
  if (reuse) while (from > 1 && grouped(old, from - 1)) from--;
  // Where the old breaks go on as they were (lines.length: none do).
  let resume = lines.length;
  const check: Check = (_, report) => {
    let chain: Chain;
    if (reuse && change.first > 0) {
      states.set(old.subarray(0, from));
      chain = states[from - 1] & CHAIN_BITS;
    } else chain = states[0] = firstChain(lines[0]);
    const group = new BreakGroup(document, report);
    for (let i = from; i < lines.length; i++) {
      // Line numbers in messages: after an edit that adds or removes lines, every later break is made again.
      if (reuse && change.lineDelta === 0 && i > change.last + 1 && chain === (old[i - 1] & CHAIN_BITS) && !grouped(old, i)) {
        resume = i;
        states.set(old.subarray(i), i);
        break;
      }
      chain = checkBreak(document, i, chain, group);
      states[i] = chain;
      chain &= CHAIN_BITS;
    }
    group.flush();
    ctx.save(states); // only when the check went through
  };
  if (!reuse) return made(ctx.run({ check }));
  const fresh = ctx.checkPart({ check });
  if (!fresh) return made(ctx.fallback());
  const startsBefore = (states: Uint8Array, end: number) => {
    let n = 0;
    for (let i = 1; i < end; i++) if (starts(states, i)) n++;
    return n;
  };
  const kept = previous.findings;
  // One finding per group of breaks, in order — unless the engine dropped some (breaks in Japanese or
  // Korean text are not reported): then the counts say nothing.
  if (startsBefore(old, old.length) !== kept.length) return made(ctx.fallback());
  return splicedAt(kept, fresh, startsBefore(old, from), resume < lines.length ? startsBefore(old, resume) : kept.length, change.delta);
};
