// Per-host politeness: at most N requests in flight to one host, and a minimum delay between
// the starts of two requests to it.

interface HostState {
  active: number;
  lastStart: number;
  waiting: (() => void)[];
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs fn when the host has a free slot and its delay has passed. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const state = this.hosts.get(host) ?? { active: 0, lastStart: 0, waiting: [] };
    this.hosts.set(host, state);
    while (state.active >= this.concurrency) await new Promise<void>((r) => state.waiting.push(r));
    state.active++;
    const wait = state.lastStart + this.delayMs - this.now();
    state.lastStart = Math.max(this.now(), state.lastStart + this.delayMs);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      return await fn();
    } finally {
      state.active--;
      state.waiting.shift()?.();
    }
  }
}
