// A response cache for read queries, keyed by the exact request (query text or persisted-query
// hash, variables, operation name) and holding, per request, the newest answer and the graph
// version it was computed at. Only an answer at the version served is a hit; `Cache-Control:
// no-cache` on a request bypasses it. An answer from a version the graph has since moved past is
// kept for `staleMs` after the move, and the server may send it, marked, instead of refusing a read
// or while that read is computed afresh (mount.ts): after a write every question would otherwise be
// re-answered at once, and the expensive ones overflow the work slots' queue (503). Bounded in
// entries and bytes; least recently used entries go first.

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/** An answer from an older graph version: the version it is from, and how long ago the graph moved past it. */
export interface StaleResponse extends CachedResponse {
  version: string | number;
  /** ms since this cache first saw a newer version than the answer's */
  staleForMs: number;
}

export interface ResponseCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  maxEntryBytes?: number;
  /** how long after the graph moved past a version its answers may still be sent as stale (ms); 0: never */
  staleMs?: number;
  /** the clock (ms); tests pass their own so the bound is checked without waiting */
  now?: () => number;
}

type Version = string | number;

export class ResponseCache {
  private readonly entries = new Map<string, { version: Version; response: CachedResponse }>();
  private bytes = 0;
  /**
   * The versions seen, in the order first seen, with when: a version stopped being current when the
   * next one was first seen (the graph only moves forward, and a request that started before the move
   * is never the first to present the newer version). Versions retired more than staleMs ago are
   * dropped with their answers.
   */
  private readonly versions = new Map<Version, number>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  readonly staleMs: number;
  private readonly now: () => number;

  constructor(opts: ResponseCacheOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 2000;
    this.maxBytes = opts.maxBytes ?? 64 * 2 ** 20;
    this.maxEntryBytes = opts.maxEntryBytes ?? 512 * 2 ** 10;
    this.staleMs = opts.staleMs ?? 5000;
    this.now = opts.now ?? Date.now;
  }

  /** Records that a request is answered at `version` (the snapshot served): a new version retires the one before. */
  observe(version: Version): void {
    if (this.versions.has(version)) return;
    const now = this.now();
    this.versions.set(version, now);
    // a version whose successor appeared more than staleMs ago serves nobody any more
    let retiredAt: number | undefined;
    for (const [v] of this.versions) {
      retiredAt = this.retiredAt(v);
      if (retiredAt === undefined || now - retiredAt <= this.staleMs) break;
      this.versions.delete(v);
    }
    for (const [key, entry] of this.entries) if (!this.versions.has(entry.version)) this.drop(key);
  }

  /** The cached response for a request at a graph version, if any. */
  get(version: Version, key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.response;
  }

  /**
   * The answer to a request from an older version than `version`, if the graph moved past that
   * version at most staleMs ago; else undefined (an answer past the bound is dropped).
   */
  stale(version: Version, key: string): StaleResponse | undefined {
    if (this.staleMs <= 0) return undefined;
    const entry = this.entries.get(key);
    if (!entry || entry.version === version) return undefined;
    const retiredAt = this.versions.has(entry.version) ? this.retiredAt(entry.version) : undefined;
    // an answer newer than the request's version (a request that started before the graph moved) is not stale: not sent either
    if (retiredAt === undefined) {
      if (!this.versions.has(entry.version)) this.drop(key);
      return undefined;
    }
    const staleForMs = this.now() - retiredAt;
    if (staleForMs > this.staleMs) {
      this.drop(key);
      return undefined;
    }
    return { ...entry.response, version: entry.version, staleForMs };
  }

  /**
   * Stores a response computed at `version`, which must be the version served now (mount.ts checks
   * the snapshot before storing); it replaces the request's answer from any older version.
   */
  set(version: Version, key: string, response: CachedResponse): void {
    if (response.body.length > this.maxEntryBytes) return;
    this.observe(version);
    this.drop(key);
    this.entries.set(key, { version, response });
    this.bytes += response.body.length;
    for (const [k] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(k);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** When the version after `version` was first seen; undefined while `version` is the newest. */
  private retiredAt(version: Version): number | undefined {
    let found = false;
    for (const [v, seenAt] of this.versions) {
      if (found) return seenAt;
      if (v === version) found = true;
    }
    return undefined;
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.response.body.length;
    this.entries.delete(key);
  }
}
