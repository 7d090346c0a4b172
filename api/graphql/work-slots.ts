// A bound on the expensive GraphQL operations running at once: a few run, a bounded number wait
// their turn in arrival order, and past that the caller is told to come back later (503 with
// Retry-After) instead of piling work onto the event loop.

/** Gives out `slots` permits; at most `queue` callers wait for one. */
export class WorkSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly slots: number,
    readonly queue: number,
  ) {}

  /** Resolves to a release function once a slot is free; null at once when the queue is full. */
  acquire(): Promise<() => void> | null {
    if (this.running < this.slots) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return null;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  /** Operations running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      // the slot passes straight to the next in line
      if (next) next();
      else this.running--;
    };
  }
}
