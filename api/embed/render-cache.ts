// An in-process cache of rendered bytes, bounded by entries and bytes, with in-flight sharing:
// during a spike, concurrent misses for one key wait on one render instead of starting many.
// It is a segmented LRU: a new render enters a probation segment (a fifth of the budget) and moves
// to the protected segment when it is asked for again, so a flood of one-off variants (a new
// `asOf` on every request) churns probation only and cannot push the maps people read out.

export interface Rendered {
  body: Uint8Array;
  contentType: string;
  etag: string;
}

/** One LRU segment: insertion order is recency order. */
class Segment {
  readonly entries = new Map<string, Rendered>();
  bytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  take(key: string): Rendered | undefined {
    const v = this.entries.get(key);
    if (v) {
      this.entries.delete(key);
      this.bytes -= v.body.byteLength;
    }
    return v;
  }

  put(key: string, v: Rendered): void {
    this.take(key);
    this.entries.set(key, v);
    this.bytes += v.body.byteLength;
  }

  /** Removes least recently used entries until within bounds; returns them, oldest first. */
  trim(): [string, Rendered][] {
    const out: [string, Rendered][] = [];
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      out.push([oldest, this.take(oldest)!]);
    }
    return out;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

export class RenderCache {
  private readonly probation: Segment;
  private readonly protected: Segment;
  private readonly pending = new Map<string, Promise<Rendered>>();
  hits = 0;
  misses = 0;

  constructor(maxEntries = 500, maxBytes = 64 * 1024 * 1024) {
    const probationEntries = Math.max(1, Math.floor(maxEntries / 5));
    const probationBytes = Math.floor(maxBytes / 5);
    this.probation = new Segment(probationEntries, probationBytes);
    this.protected = new Segment(Math.max(1, maxEntries - probationEntries), maxBytes - probationBytes);
  }

  /** The cached value, refreshed as most recently used; a second request promotes it to the protected segment. */
  get(key: string): Rendered | undefined {
    const kept = this.protected.take(key);
    if (kept) {
      this.protected.put(key, kept);
      return kept;
    }
    const trial = this.probation.take(key);
    if (!trial) return undefined;
    this.protected.put(key, trial);
    // what the protected segment lets go gets one more chance in probation
    for (const [k, v] of this.protected.trim()) this.probation.put(k, v);
    this.probation.trim();
    return trial;
  }

  /** Whether the key is cached (without refreshing it). */
  has(key: string): boolean {
    return this.protected.entries.has(key) || this.probation.entries.has(key);
  }

  /** Entries and bytes held, by segment. */
  size(): { entries: number; bytes: number; protectedEntries: number } {
    return { entries: this.probation.entries.size + this.protected.entries.size, bytes: this.probation.bytes + this.protected.bytes, protectedEntries: this.protected.entries.size };
  }

  /** The cached value, or the result of `render` (shared by concurrent callers) stored under key. */
  async getOrRender(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
    const hit = this.get(key);
    if (hit) {
      this.hits++;
      return hit;
    }
    const running = this.pending.get(key);
    if (running) return running;
    this.misses++;
    const p = render().then(
      (v) => {
        this.pending.delete(key);
        this.set(key, v);
        return v;
      },
      (err: unknown) => {
        this.pending.delete(key);
        throw err;
      },
    );
    this.pending.set(key, p);
    return p;
  }

  private set(key: string, v: Rendered): void {
    if (v.body.byteLength > this.probation.maxBytes) return;
    if (this.protected.take(key)) {
      this.protected.put(key, v);
      return;
    }
    this.probation.put(key, v);
    this.probation.trim();
  }

  /** Drops everything (tests, benchmarks). */
  clear(): void {
    this.probation.clear();
    this.protected.clear();
  }
}
