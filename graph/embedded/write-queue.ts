// One write at a time: colliding Grafeo transactions fail at once instead of waiting, so the
// embedded store orders its writes itself (the serving thread's executor, and the thread's own).

/** Runs one write at a time, in order; a failed write does not block the next. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
