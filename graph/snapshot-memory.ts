// Shared memory for the arrays of a snapshot's next patch, written once, page by page, in a thread of
// its own before the patch asks for it. Measured on this project's 2-core machine: the first write to
// each page of a new buffer is what a patch at 1M edges mostly spent its time on (8 MB copied into a
// new SharedArrayBuffer took 30-40 ms, into one already written 0.6 ms; a patch makes about 51 bytes
// per edge of new arrays). The snapshot cache keeps one reserve: a patch takes from it buffers of the
// sizes it asks for (each new, never used by a snapshot, so zero-filled as a new one is), and after the
// patch the reserve is refilled for the sizes that patch asked for, which the next one asks for again
// give or take its few new nodes and edges. The pages are written off the serving thread, while requests
// are answered; the reserve costs about what one patch's arrays take (51 bytes per edge at 1M edges).
import { Worker } from 'node:worker_threads';

const PAGE = 4096;

/**
 * Writes a zero into each page of the buffers it is sent (already zero: only the page is made), and says which. It runs at
 * the lowest CPU priority (on Linux a thread's own: setPriority in a thread sets that thread's), so the serving thread and
 * the analysis workers go first when the cores are busy.
 */
const WARMER = `const { parentPort } = require('node:worker_threads');
try { require('node:os').setPriority(19); } catch {}
parentPort.on('message', ({ id, buffer }) => {
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += ${PAGE}) bytes[i] = 0;
  parentPort.postMessage(id);
});`;

/** Buffers smaller than this are taken new: their pages cost little (and most patches ask for many small ones). */
const SMALLEST = 256 * 1024;

/** A reserve buffer serves a request of `bytes` when it is at least that large and not much larger (the rest is unused). */
const fits = (have: number, bytes: number): boolean => have >= bytes && have <= bytes * 1.05 + 2 * SMALLEST;

/** How much larger than the size asked for last time a buffer of the reserve is made (the next patch adds a few nodes and edges). */
const withSlack = (bytes: number): number => Math.ceil((bytes * 1.01 + SMALLEST) / PAGE) * PAGE;

/** Where a patch takes the shared buffers of its arrays. */
export interface SharedMemory {
  /** a zero-filled shared buffer of at least `bytes` */
  buffer(bytes: number): SharedArrayBuffer;
}

/** New buffers, as `new SharedArrayBuffer` makes them (whose pages are made on first write). */
export const FRESH_MEMORY: SharedMemory = { buffer: (bytes) => new SharedArrayBuffer(bytes) };

/** A reserve of buffers whose pages are already made, refilled after each patch (see the top of this file). */
export class WarmMemory implements SharedMemory {
  /** buffers written in the warmer thread, not yet taken */
  private ready: SharedArrayBuffer[] = [];
  /** sizes asked for since the last refill */
  private asked: number[] = [];
  private warmer: Worker | null = null;
  private readonly writing = new Map<number, SharedArrayBuffer>();
  private next = 1;
  /** buffers taken from the reserve and made new (asked for, not found), since the start */
  taken = 0;
  made = 0;

  buffer(bytes: number): SharedArrayBuffer {
    if (bytes < SMALLEST) return new SharedArrayBuffer(bytes);
    this.asked.push(bytes);
    const k = this.ready.findIndex((b) => fits(b.byteLength, bytes));
    if (k < 0) {
      this.made++;
      return new SharedArrayBuffer(bytes);
    }
    this.taken++;
    return this.ready.splice(k, 1)[0]!;
  }

  /**
   * After a patch: keeps the buffers that serve one of the sizes it asked for, lets the others go, and has the rest made
   * and written in the warmer thread (they join the reserve as each is written).
   */
  refill(): void {
    const wanted = this.asked.sort((a, b) => b - a);
    this.asked = [];
    const kept: SharedArrayBuffer[] = [];
    const missing: number[] = [];
    const spare = [...this.ready, ...this.writing.values()];
    for (const bytes of wanted) {
      const k = spare.findIndex((b) => fits(b.byteLength, withSlack(bytes)) || fits(b.byteLength, bytes));
      if (k >= 0) kept.push(spare.splice(k, 1)[0]!);
      else missing.push(withSlack(bytes));
    }
    // (those still being written stay there and join the reserve when written, unless let go here)
    this.ready = this.ready.filter((b) => kept.includes(b));
    for (const [id, b] of this.writing) if (!kept.includes(b)) this.writing.delete(id);
    for (const bytes of missing) this.write(new SharedArrayBuffer(bytes));
  }

  /** Buffers of the reserve still being written in the warmer thread. */
  get writingCount(): number {
    return this.writing.size;
  }

  /** Bytes the reserve holds (written and being written). */
  get bytes(): number {
    return [...this.ready, ...this.writing.values()].reduce((n, b) => n + b.byteLength, 0);
  }

  /** Lets the reserve go and ends the warmer thread. */
  async close(): Promise<void> {
    this.ready = [];
    this.writing.clear();
    const warmer = this.warmer;
    this.warmer = null;
    await warmer?.terminate();
  }

  private write(buffer: SharedArrayBuffer): void {
    if (!this.warmer) {
      const warmer = new Worker(WARMER, { eval: true });
      // it keeps no process alive, and a warmer that fails only leaves the next patch its new buffers
      warmer.unref();
      warmer.on('message', (id: number) => {
        const written = this.writing.get(id);
        this.writing.delete(id);
        if (written) this.ready.push(written);
      });
      warmer.on('error', () => undefined);
      warmer.on('exit', () => {
        if (this.warmer === warmer) this.warmer = null;
        this.writing.clear();
      });
      this.warmer = warmer;
    }
    const id = this.next++;
    this.writing.set(id, buffer);
    this.warmer.postMessage({ id, buffer });
  }
}
