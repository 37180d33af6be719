/**
 * Large buffers given back as soon as a scan is done with them. A typed
 * array that lives through a long scan is moved to the old generation, and
 * its memory (outside the heap) is freed only by the next full collection,
 * which may come after several more scans have allocated theirs: a large
 * document's peak memory is then the sum of them. Transferring the buffer
 * detaches it (the arrays read as empty from then on) and hands its memory
 * to a copy that nothing holds, which the next young collection frees.
 */

/** Buffers under this many bytes are left to the collector. */
const LARGE = 1 << 20;

/** Detaches the buffers of `arrays` that are large; nothing may read them afterwards. */
export function release(...arrays: ArrayBufferView[]): void {
  if (typeof structuredClone !== 'function') return;
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer && a.buffer.byteLength >= LARGE) buffers.add(a.buffer);
  if (buffers.size === 0) return;
  const list = [...buffers];
  structuredClone(list, { transfer: list });
}
