// Long snapshot work (packing a whole-graph read, patching a snapshot of a million edges,
// building its adjacency) written once as a generator that yields at regular checkpoints, and
// driven either to the end in one go (applyChanges, the CLI, tests) or in slices of a few
// milliseconds with the event loop served between them (the server's snapshot cache). Measured on
// 1M edges before: the pack and the catch-up patch each held the event loop for most of a second.

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
 * request that comes due during a slice waits for its end: at 100k edges, 1 ms slices with the
 * server's 2 MB semi-space gave a request p99 during a whole-graph read 3.0-3.5× that of an idle
 * replica, against 6.1-7.1× for 2 ms slices and the V8 default (bench/results/snapshot.md); the read
 * takes about a third longer.
 */
export const SLICE_MS = 1;

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
