// A response cache for read queries, keyed by the exact request (query text or persisted-query
// hash, variables, operation name) and holding, per request, the newest answer and the graph
// version it was computed at. Only an answer at the version served is a hit; `Cache-Control:
// no-cache` on a request bypasses it. An answer from a version the graph has since moved past is
// kept for `staleMs` after that version was last served, and the server may send it, marked, instead of refusing a read
// or while that read is computed afresh (mount.ts): after a write every question would otherwise be
// re-answered at once, and the expensive ones overflow the work slots' queue (503). Bounded in
// entries and bytes; least recently used entries go first.

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/** An answer from an older graph version: the version it is from, and how long since that version was last served. */
export interface StaleResponse extends CachedResponse {
  version: string | number;
  /** ms since a request was last answered at the answer's version (when it was last known current here) */
  staleForMs: number;
}

export interface ResponseCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  maxEntryBytes?: number;
  /** how long after a version was last served its answers may still be sent as stale (ms); 0: never */
  staleMs?: number;
  /** the clock (ms); tests pass their own so the bound is checked without waiting */
  now?: () => number;
}

type Version = string | number;

export class ResponseCache {
  private readonly entries = new Map<string, { version: Version; response: CachedResponse }>();
  private bytes = 0;
  /**
   * The versions seen, in the order first seen (the graph only moves forward), with when a request
   * was last answered at each: the last moment this server knew it current. A version with a newer
   * one after it is retired; its answers are stale from that last moment on (not from when the newer
   * one was first seen: a server that answered nothing for a minute does not know when in that minute
   * the graph moved). Versions retired more than staleMs ago are dropped with their answers.
   */
  private readonly versions = new Map<Version, { last: number }>();
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

  /** Records that a request is answered at `version` (the snapshot served): a new version retires the ones before. */
  observe(version: Version): void {
    const now = this.now();
    const known = this.versions.get(version);
    if (known) {
      known.last = Math.max(known.last, now);
      return;
    }
    this.versions.set(version, { last: now });
    // a retired version last served more than staleMs ago serves nobody any more
    for (const [v, { last }] of this.versions) {
      if (v === version || now - last <= this.staleMs) continue;
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
   * The answer to a request from an older version than `version`, if that version was last served at
   * most staleMs ago; else undefined (an answer past the bound is dropped).
   */
  stale(version: Version, key: string): StaleResponse | undefined {
    if (this.staleMs <= 0) return undefined;
    const entry = this.entries.get(key);
    if (!entry || entry.version === version) return undefined;
    const known = this.versions.get(entry.version);
    if (!known) {
      this.drop(key);
      return undefined;
    }
    // an answer at the newest version seen, newer than the request's (one that started before the graph moved): not sent
    if (this.newest() === entry.version) return undefined;
    const staleForMs = Math.max(0, this.now() - known.last);
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

  /** The version seen last for the first time: the one served now. */
  private newest(): Version | undefined {
    let newest: Version | undefined;
    for (const [v] of this.versions) newest = v;
    return newest;
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.response.body.length;
    this.entries.delete(key);
  }
}
