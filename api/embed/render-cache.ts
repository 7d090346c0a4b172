// An in-process LRU of rendered bytes, bounded by entries and bytes, with in-flight sharing:
// during a spike, concurrent misses for one key wait on one render instead of starting many.

export interface Rendered {
  body: Uint8Array;
  contentType: string;
  etag: string;
}

export class RenderCache {
  private readonly entries = new Map<string, Rendered>();
  private readonly pending = new Map<string, Promise<Rendered>>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** The cached value, refreshed as most recently used. */
  get(key: string): Rendered | undefined {
    const v = this.entries.get(key);
    if (v) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
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
    if (v.body.byteLength > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.entries.delete(key);
    this.entries.set(key, v);
    this.bytes += v.body.byteLength;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.bytes -= this.entries.get(oldest)!.body.byteLength;
      this.entries.delete(oldest);
    }
  }

  /** Drops everything (tests, benchmarks). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
