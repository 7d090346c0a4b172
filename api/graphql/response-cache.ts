// A response cache for read queries, keyed by graph version and the exact request (query text or
// persisted-query hash, variables, operation name). A write moves the version, so entries never
// serve stale data beyond the snapshot's own recheck interval; `Cache-Control: no-cache` on a
// request bypasses it. Bounded in entries and bytes; least recently used entries go first.

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

export class ResponseCache {
  private version: string | number | null = null;
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 64 * 2 ** 20,
    private readonly maxEntryBytes = 512 * 2 ** 10,
  ) {}

  /** The cached response for a request at a graph version, if any. */
  get(version: string | number, key: string): CachedResponse | undefined {
    if (version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Stores a response computed at a graph version; a new version drops every older entry. */
  set(version: string | number, key: string, response: CachedResponse): void {
    if (response.body.length > this.maxEntryBytes) return;
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.length;
    this.entries.delete(key);
    this.entries.set(key, response);
    this.bytes += response.body.length;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
