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
