// Answers shared between requests (api/graphql/mount.ts, response-cache.ts), in-process (Hono's
// app.request): identical concurrent reads executed once, a read that would be refused a work slot
// or wait for one answered from the version before (marked with its version), but never for a request that asked
// for a fresh answer (Cache-Control: no-cache) and never past the staleness bound. Requests are held
// at a gate the test opens, not timed. A large body (over 32 KB, parsed in a worker) is answered
// from the cache without reaching that worker, and from the version before when the worker pool is full.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { loadConfig } from '../../api/config.js';
import { createLogger } from '../../api/log.js';
import { mountGraphQL, type MountOptions } from '../../api/graphql/mount.js';
import { BodyGatePool, BodyPoolBusy } from '../../api/graphql/body-pool.js';
import { ResponseCache } from '../../api/graphql/response-cache.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import { writeFixture } from './fixture.js';

const TIMELINE = (id: string) => `{ timeline(id: "${id}") { id } }`;
/** An answer sent from the version before a write, marked with both versions. */
function expectFromVersionBefore(res: Response, before: string | null, now: number | string): void {
  expect(res.status).toBe(200);
  expect(res.headers.get('x-graph-version')).toBe(before);
  expect(res.headers.get('x-graph-current-version')).toBe(String(now));
}
const HELD = 'chip:nvidia-h100';
const ASKED = 'chip:nvidia-h20';
/** A real query document over 32 KB (a long comment before it): its body is parsed in the body pool, not on the serving thread. */
const LARGE = (id: string) => `# ${'a long comment that only makes the document large '.repeat(800)}\n${TIMELINE(id)}`;

/** The pool that parses large bodies, counting the bodies sent to it; while `full` it refuses them as a full pool does. */
class CountingBodyPool extends BodyGatePool {
  calls = 0;
  full = false;

  override async gate(bytes: Uint8Array) {
    this.calls++;
    if (this.full) throw new BodyPoolBusy('33 large request bodies are being read; send again shortly', 1);
    return super.gate(bytes);
  }
}

/** A store whose claimsAbout reads of `held` wait until the test opens the gate; counts every claimsAbout read. */
class GatedStore {
  calls = new Map<string, number>();
  private open: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  private entered: (() => void)[] = [];
  readonly store: GraphStore;

  constructor(inner: GraphStore, held: string) {
    this.store = new Proxy(inner, {
      get: (t, p, r) => {
        if (p !== 'claimsAbout') return Reflect.get(t, p, r);
        return async (id: string) => {
          this.calls.set(id, (this.calls.get(id) ?? 0) + 1);
          if (id === held) {
            for (const f of this.entered.splice(0)) f();
            await this.open;
          }
          return t.claimsAbout(id);
        };
      },
    });
  }

  /** Closes the gate; resolves once a read of the held id is waiting at it. */
  close(): Promise<void> {
    this.open = new Promise((resolve) => (this.release = resolve));
    return new Promise((resolve) => this.entered.push(resolve));
  }

  openGate(): void {
    this.release();
  }
}

describe('answers shared between requests', () => {
  let store: GraphStore;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    await writeFixture(store);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await store.close();
  });

  async function app(s: GraphStore, env: Record<string, string>, timeoutMs = 30_000, opts: MountOptions = {}) {
    const a = new Hono();
    const snapshots = new SnapshotCache(s);
    const deps = { store: s, snapshots, config: loadConfig({ LOG_LEVEL: 'silent', ...env }), logger: createLogger('silent') };
    closers.push(await mountGraphQL(a, deps, { timeoutMs, ...opts }));
    return { app: a, snapshots };
  }

  /** A server whose large bodies go through a counting pool (closed after the server, since the caller owns it). */
  async function withCountingPool() {
    const pool = new CountingBodyPool();
    const served = await app(store, { HEAVY_CONCURRENCY: '4', HEAVY_QUEUE: '4' }, 30_000, { bodyPool: pool });
    closers.push(() => pool.close());
    return { ...served, pool };
  }

  const post = (a: Hono, query: string, headers: Record<string, string> = {}) =>
    a.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const get = (a: Hono, query: string, headers: Record<string, string> = {}) =>
    a.request(`/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });

  /** Moves the graph version: a new entity written, the snapshot told, as a write through the server does. */
  let step = 0;
  async function write(snapshots: SnapshotCache): Promise<number> {
    step++;
    await store.write({ entities: [{ id: `nation:sharing-${step}`, label: 'Nation', name: `Sharing ${step}`, aliases: [], props: { kind: 'country' } }] });
    snapshots.invalidate();
    return (await snapshots.get()).version as number;
  }

  it('executes identical concurrent reads once and gives each the same answer', async () => {
    const gated = new GatedStore(store, HELD);
    // room for every copy to run at once: without sharing, each would reach the store
    const { app: a } = await app(gated.store, { HEAVY_CONCURRENCY: '8', HEAVY_QUEUE: '8' });
    const waiting = gated.close();
    const copies = Array.from({ length: 5 }, () => post(a, TIMELINE(HELD)));
    await waiting;
    // the other copies have had every chance to reach the store: they wait for the first instead
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(gated.calls.get(HELD)).toBe(1);
    gated.openGate();
    const answers = await Promise.all(copies);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ data: { timeline: expect.any(Array) } });
    expect(gated.calls.get(HELD)).toBe(1);
    // a different request is not shared with them
    expect((await post(a, `query Other ${TIMELINE(HELD)}`)).status).toBe(200);
    expect(gated.calls.get(HELD)).toBe(2);
  });

  it('answers a read refused a work slot from the version before, naming that version, with Age and an ETag of that version', async () => {
    const gated = new GatedStore(store, HELD);
    const { app: a, snapshots } = await app(gated.store, { HEAVY_CONCURRENCY: '1', HEAVY_QUEUE: '0' });
    const fresh = await get(a, TIMELINE(ASKED));
    expect(fresh.status).toBe(200);
    const before = fresh.headers.get('x-graph-version')!;
    expect(before).toBe(String((await snapshots.get()).version));
    expect(fresh.headers.get('etag')).toContain(`v${before}-`);
    const freshBody = await fresh.text();
    expect((await post(a, TIMELINE(ASKED))).status).toBe(200);

    const now = await write(snapshots);
    expect(String(now)).not.toBe(before);
    // the one slot held by another expensive read
    const waiting = gated.close();
    const holder = post(a, TIMELINE(HELD));
    await waiting;

    const older = await get(a, TIMELINE(ASKED));
    expectFromVersionBefore(older, before, now);
    expect(await older.text()).toBe(freshBody);
    expect(Number(older.headers.get('age'))).toBeGreaterThanOrEqual(0);
    // the ETag names the version of the answer sent, and caches must ask again before reusing it
    expect(older.headers.get('etag')).toBe(fresh.headers.get('etag'));
    expect(older.headers.get('cache-control')).toBe('no-cache');
    // a client holding that answer is told it still has what would be sent
    const revalidated = await get(a, TIMELINE(ASKED), { 'if-none-match': fresh.headers.get('etag')! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-graph-version')).toBe(before);
    // a POST is marked the same way
    const posted = await post(a, TIMELINE(ASKED));
    expectFromVersionBefore(posted, before, now);
    expect(posted.headers.get('cache-control')).toBe('no-store');

    // asked with no-cache, the same read is refused as before
    const refused = await post(a, TIMELINE(ASKED), { 'cache-control': 'no-cache' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OVERLOADED');
    expect((await post(a, TIMELINE(ASKED), { 'cache-control': 'no-store' })).status).toBe(503);
    // a read never answered before has no older answer: refused
    expect((await post(a, TIMELINE('chip:huawei-ascend-910b'))).status).toBe(503);

    gated.openGate();
    expect((await holder).status).toBe(200);
    // with the slot free the read is answered at the new version, and that answer is the one cached
    const current = await get(a, TIMELINE(ASKED));
    expect(current.status).toBe(200);
    expect(current.headers.get('x-graph-version')).toBe(String(now));
    expect(current.headers.get('x-graph-current-version')).toBeNull();
    expect(current.headers.get('age')).toBeNull();
    expect(current.headers.get('etag')).toContain(`v${now}-`);
  });

  it('answers a read that would wait for a busy slot from the version before at once, and caches its own answer at the new version', async () => {
    const gated = new GatedStore(store, HELD);
    const { app: a, snapshots } = await app(gated.store, { HEAVY_CONCURRENCY: '1', HEAVY_QUEUE: '4' });
    const before = (await post(a, TIMELINE(ASKED))).headers.get('x-graph-version');
    const now = await write(snapshots);
    const waiting = gated.close();
    const holder = post(a, TIMELINE(HELD));
    await waiting;
    const asked = gated.calls.get(ASKED) ?? 0;
    // the one slot is held: the read is answered from the version before without waiting for it
    const older = await post(a, TIMELINE(ASKED));
    expectFromVersionBefore(older, before, now);
    // ... and has not run yet: it waits for the slot in the background
    expect(gated.calls.get(ASKED) ?? 0).toBe(asked);
    gated.openGate();
    expect((await holder).status).toBe(200);
    // once it has run, its answer at the new version is the one sent, from the cache
    await vi.waitFor(() => expect(gated.calls.get(ASKED)).toBe(asked + 1), { timeout: 20_000, interval: 50 });
    await vi.waitFor(async () => expect((await post(a, TIMELINE(ASKED))).headers.get('x-graph-version')).toBe(String(now)), { timeout: 20_000, interval: 50 });
    expect(gated.calls.get(ASKED)).toBe(asked + 1);
    // asked with no-cache, a read waits for its own turn instead
    const waitingAgain = gated.close();
    const holderAgain = post(a, `query Again ${TIMELINE(HELD)}`);
    await waitingAgain;
    const own = post(a, TIMELINE(ASKED), { 'cache-control': 'no-cache' });
    gated.openGate();
    const [ownAnswer] = await Promise.all([own, holderAgain]);
    expect(ownAnswer.headers.get('x-graph-version')).toBe(String(now));
    expect(ownAnswer.headers.get('x-graph-current-version')).toBeNull();
  });

  it('answers a read stopped at its deadline from the version before, and a no-cache one with TIMEOUT', async () => {
    const gated = new GatedStore(store, HELD);
    const { app: a, snapshots } = await app(gated.store, { HEAVY_CONCURRENCY: '4', HEAVY_QUEUE: '4' }, 300);
    // (on a loaded machine the first, cold read may itself pass the 300 ms deadline: asked again until one is answered and cached)
    const first = await vi.waitFor(
      async () => {
        const answer = await post(a, TIMELINE(HELD));
        expect(answer.status).toBe(200);
        return answer;
      },
      { timeout: 20_000, interval: 50 },
    );
    const before = first.headers.get('x-graph-version');
    const now = await write(snapshots);
    // the read is held at the gate past its deadline
    gated.close();
    const older = await post(a, TIMELINE(HELD));
    expectFromVersionBefore(older, before, now);
    const fresh = await post(a, TIMELINE(HELD), { 'cache-control': 'no-cache' });
    expect(fresh.status).toBe(503);
    expect(await fresh.text()).toContain('TIMEOUT');
    gated.openGate();
  });

  it('answers identical reads from the version before while the new answer is computed', async () => {
    const gated = new GatedStore(store, HELD);
    const { app: a, snapshots } = await app(gated.store, { HEAVY_CONCURRENCY: '4', HEAVY_QUEUE: '4' });
    const before = (await post(a, TIMELINE(HELD))).headers.get('x-graph-version');
    const now = await write(snapshots);
    const waiting = gated.close();
    const first = post(a, TIMELINE(HELD));
    await waiting;
    const second = await post(a, TIMELINE(HELD));
    expectFromVersionBefore(second, before, now);
    // asked with no-cache it is not given the older answer: it waits for its own
    const own = post(a, TIMELINE(HELD), { 'cache-control': 'no-cache' });
    gated.openGate();
    const [one, two] = await Promise.all([first, own]);
    expect(one.headers.get('x-graph-version')).toBe(String(now));
    expect(two.headers.get('x-graph-version')).toBe(String(now));
    expect(two.headers.get('x-graph-current-version')).toBeNull();
  });

  it('answers a large body asked again at one version from the cache, without parsing it again', async () => {
    const { app: a, pool } = await withCountingPool();
    const body = JSON.stringify({ query: LARGE(ASKED) });
    expect(body.length).toBeGreaterThan(32 * 1024);
    const first = await post(a, LARGE(ASKED));
    expect(first.status).toBe(200);
    const text = await first.text();
    expect(JSON.parse(text)).toMatchObject({ data: { timeline: expect.any(Array) } });
    expect(pool.calls).toBe(1);
    const second = await post(a, LARGE(ASKED));
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(text);
    expect(second.headers.get('x-graph-version')).toBe(first.headers.get('x-graph-version'));
    expect(pool.calls).toBe(1);
    // asked with no-cache it is parsed and executed again
    const fresh = await post(a, LARGE(ASKED), { 'cache-control': 'no-cache' });
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toBe(text);
    expect(pool.calls).toBe(2);
  });

  it('answers a large body refused by a full body pool from the version before, marked; no-cache, or no older answer: 503 OVERLOADED', async () => {
    const { app: a, snapshots, pool } = await withCountingPool();
    const first = await post(a, LARGE(ASKED));
    expect(first.status).toBe(200);
    const before = first.headers.get('x-graph-version')!;
    const text = await first.text();
    const now = await write(snapshots);
    expect(String(now)).not.toBe(before);

    pool.full = true;
    const older = await post(a, LARGE(ASKED));
    expectFromVersionBefore(older, before, now);
    expect(await older.text()).toBe(text);
    expect(Number(older.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(older.headers.get('cache-control')).toBe('no-store');

    // asked with no-cache, the same body is refused as before
    const refused = await post(a, LARGE(ASKED), { 'cache-control': 'no-cache' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const errors = ((await refused.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors;
    expect(errors[0]!.extensions.code).toBe('OVERLOADED');
    expect(errors[0]!.message).toBe('33 large request bodies are being read; send again shortly');
    // a large body never answered before has no older answer: refused
    const unknown = await post(a, LARGE('chip:huawei-ascend-910b'));
    expect(unknown.status).toBe(503);
    expect(unknown.headers.get('retry-after')).toBe('1');

    // once the pool has room, the body is answered at the new version
    pool.full = false;
    const current = await post(a, LARGE(ASKED));
    expect(current.status).toBe(200);
    expect(current.headers.get('x-graph-version')).toBe(String(now));
    expect(current.headers.get('x-graph-current-version')).toBeNull();
  });

  it('refuses with 503 when the older answer is past the bound (STALE_ANSWER_MS=0: never sent)', async () => {
    const gated = new GatedStore(store, HELD);
    const { app: a, snapshots } = await app(gated.store, { HEAVY_CONCURRENCY: '1', HEAVY_QUEUE: '0', STALE_ANSWER_MS: '0' });
    expect((await post(a, TIMELINE(ASKED))).status).toBe(200);
    await write(snapshots);
    const waiting = gated.close();
    const holder = post(a, TIMELINE(HELD));
    await waiting;
    const refused = await post(a, TIMELINE(ASKED));
    expect(refused.status).toBe(503);
    gated.openGate();
    expect((await holder).status).toBe(200);
  });
});

describe('ResponseCache', () => {
  const answer = (body: string) => ({ status: 200, headers: [['content-type', 'application/json']] as [string, string][], body });

  it('sends an answer from an older version only within the bound after that version was last served', () => {
    let clock = 1_000;
    const cache = new ResponseCache({ staleMs: 5_000, now: () => clock });
    cache.observe(1);
    cache.set(1, 'q', answer('one'));
    expect(cache.get(1, 'q')?.body).toBe('one');
    // still current: nothing stale to send
    clock += 60_000;
    expect(cache.stale(1, 'q')).toBeUndefined();
    // a request answered at version 1 at 61 s, then the graph moves
    cache.observe(1);
    clock += 10;
    cache.observe(2);
    expect(cache.get(2, 'q')).toBeUndefined();
    clock += 4_990;
    expect(cache.stale(2, 'q')).toMatchObject({ body: 'one', version: 1, staleForMs: 5_000 });
    clock += 1;
    expect(cache.stale(2, 'q')).toBeUndefined();
    // past the bound it is dropped, not kept
    expect(cache.size).toBe(0);
  });

  it('counts staleness from when the older version was last served, not from when the newer one was first seen', () => {
    let clock = 0;
    const cache = new ResponseCache({ staleMs: 5_000, now: () => clock });
    cache.set(1, 'q', answer('one'));
    // nothing asked for a minute: when in it the graph moved is not known, so the answer is a minute old
    clock = 60_000;
    cache.observe(2);
    expect(cache.stale(2, 'q')).toBeUndefined();
  });

  it('keeps per request the newest answer from an older version, and drops answers of versions last served past the bound', () => {
    let clock = 0;
    const cache = new ResponseCache({ staleMs: 1_000, now: () => clock });
    cache.set(1, 'a', answer('a1'));
    cache.set(1, 'b', answer('b1'));
    clock = 100;
    cache.observe(2);
    cache.set(2, 'a', answer('a2'));
    clock = 200;
    cache.observe(3);
    expect(cache.stale(3, 'a')).toMatchObject({ body: 'a2', version: 2, staleForMs: 100 });
    expect(cache.stale(3, 'b')).toMatchObject({ body: 'b1', version: 1, staleForMs: 200 });
    // version 1 was last served at 0 and version 2 at 100: at 1 050 only version 2's answers are kept
    clock = 1_050;
    cache.observe(4);
    expect(cache.stale(4, 'b')).toBeUndefined();
    expect(cache.stale(4, 'a')).toMatchObject({ body: 'a2', version: 2, staleForMs: 950 });
    expect(cache.size).toBe(1);
  });

  it('sends nothing stale with staleMs 0, and never an answer as stale to a request at its own version', () => {
    const cache = new ResponseCache({ staleMs: 0 });
    cache.set(1, 'q', answer('one'));
    cache.observe(2);
    expect(cache.stale(2, 'q')).toBeUndefined();
    const bounded = new ResponseCache({ staleMs: 10_000 });
    bounded.set(1, 'q', answer('one'));
    expect(bounded.stale(1, 'q')).toBeUndefined();
  });
});
