// Long snapshot work (packing a whole-graph read, patching a snapshot of a million edges,
// building its adjacency) written once as a generator that yields at regular checkpoints, and
// driven either to the end in one go (applyChanges, the CLI, tests) or in slices of a few
// milliseconds with the event loop served between them (the server's snapshot cache). Measured on
// 1M edges before: the pack and the catch-up patch each held the event loop for most of a second.
import { performance } from 'node:perf_hooks';

/** Work that yields (void) at checkpoints and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** How many loop iterations pass between checkpoints in the hot loops (a power of two, minus one, for a mask). */
export const CHECKPOINT_MASK = 4095;

/** Runs steps to the end without yielding to anything. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Lets waiting I/O callbacks (requests) run. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The time slice the paced work holds the event loop for, at most (ms), unless told otherwise. A
 * request that comes due during a slice waits for its end. Measured at 100k edges: 1 ms slices
 * with a 2 MB young generation (node --max-semi-space-size=2) gave a request p99 during a
 * whole-graph read 2.8-4.1× idle, against 6.1-7.1× for these defaults; but at 1M edges that pair
 * did not finish the benchmark in 25 minutes (about 5 with the defaults), so the defaults stay.
 */
export const SLICE_MS = 2;

/** Runs steps in slices of about `sliceMs`, serving the event loop between slices. */
export async function runPaced<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let started = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - started >= sliceMs) {
      await yieldToLoop();
      started = performance.now();
    }
  }
}

/**
 * Sizes the pages of a long read by what each held the event loop: a page of one entity's
 * relations can be a few rows or a hub's thousands, and the same page costs a loaded machine
 * several times what it costs an idle one, so no fixed size keeps every page short. Each page's
 * busy time (event-loop utilisation while it was read and packed: a synchronous store call counts,
 * waiting on the network does not) scales the next page towards `targetMs`, at most doubling.
 */
export class PageSizer {
  constructor(
    private size: number,
    private readonly max: number,
    private readonly targetMs = SLICE_MS,
    private readonly min = 10,
  ) {}

  /** The size of the next page. */
  get next(): number {
    return this.size;
  }

  /** Runs one page's read and packing, then lets waiting requests run; the next page is sized by what this one took. */
  async page<T>(read: () => Promise<T>): Promise<T> {
    const before = performance.eventLoopUtilization();
    const value = await read();
    const busyMs = performance.eventLoopUtilization(before).active;
    const scaled = Math.floor((this.size * this.targetMs) / Math.max(busyMs, 0.05));
    this.size = Math.max(this.min, Math.min(this.max, this.size * 2, scaled));
    await yieldToLoop();
    return value;
  }
}

/**
 * Sorts in place by merging runs (runs of RUN items sorted by the engine's sort, then merged in
 * passes), yielding at checkpoints: Array.prototype.sort on a few million ids holds the event loop
 * for seconds, this in slices of SLICE_MS when driven by runPaced.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const RUN = 2048;
  const n = items.length;
  for (let i = 0; i < n; i += RUN) {
    const run = items.slice(i, i + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) items[i + k] = run[k]!;
    yield;
  }
  let from = items;
  let to: T[] = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = b >= hi || (a < mid && compare(from[a]!, from[b]!) <= 0) ? from[a++]! : from[b++]!;
        if ((k & CHECKPOINT_MASK) === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let k = 0; k < n; k++) items[k] = from[k]!;
  return items;
}
