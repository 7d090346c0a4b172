// Mount options checked in-process (Hono's app.request, no sockets): the per-request timeout and
// introspection switched off by configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { loadConfig } from '../../api/config.js';
import { createLogger } from '../../api/log.js';
import { mountGraphQL } from '../../api/graphql/mount.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import { writeFixture } from './fixture.js';

const post = (app: Hono, query: string) => app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

describe('GraphQL mount options', () => {
  let store: GraphStore;
  let slow: GraphStore;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    await writeFixture(store);
    // a store whose timeline query hangs for longer than the request may take
    slow = new Proxy(store, {
      get: (t, p, r) => (p === 'claimsAbout' ? () => new Promise((resolve) => setTimeout(() => resolve([]), 3000)) : Reflect.get(t, p, r)),
    });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await store.close();
  });

  async function app(s: GraphStore, env: Record<string, string>, timeoutMs?: number): Promise<Hono> {
    const a = new Hono();
    const deps = { store: s, snapshots: new SnapshotCache(s), config: loadConfig({ LOG_LEVEL: 'silent', ...env }), logger: createLogger('silent') };
    closers.push(await mountGraphQL(a, deps, { timeoutMs }));
    return a;
  }

  it('stops a request that takes longer than the timeout with a 503 and code TIMEOUT', async () => {
    // a timeout far below the slow store's 3 s, and far above what a plain read takes on a busy machine
    const a = await app(slow, {}, 500);
    const res = await post(a, '{ timeline(id: "chip:nvidia-h20") { id } }');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('TIMEOUT');
    const fast = await post(a, '{ entity(id: "nation:fr") { id } }');
    expect(fast.status).toBe(200);
  });

  it('stops the work of a timed-out request, not only its answer: no store read starts after the deadline', async () => {
    let calls = 0;
    // every relations read takes 300 ms, so each level of a nested query starts after the 150 ms deadline
    const sluggish = new Proxy(store, {
      get: (t, p, r) => {
        if (p !== 'relationsOf') return Reflect.get(t, p, r);
        return async (ids: string[]) => {
          calls++;
          await new Promise((resolve) => setTimeout(resolve, 300));
          return t.relationsOf(ids);
        };
      },
    });
    const a = await app(sluggish, {}, 150);
    const nested = '{ entity(id: "chip:nvidia-h20") { relations(first: 5) { to { relations(first: 5) { to { relations(first: 5) { id } } } } } } }';
    const res = await post(a, nested);
    expect(res.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // the first level's read at most; the deeper levels check the deadline before reading
    expect(calls).toBeLessThanOrEqual(1);
  });

  it('refuses introspection when INTROSPECTION=false and allows it by default', async () => {
    const off = await app(store, { INTROSPECTION: 'false' });
    const refused = (await (await post(off, '{ __schema { queryType { name } } }')).json()) as { errors?: { message: string }[] };
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    const on = await app(store, {});
    const allowed = (await (await post(on, '{ __schema { queryType { name } } }')).json()) as { data?: unknown };
    expect(allowed.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('runs HEAVY_CONCURRENCY expensive queries at once and, with no room to wait, answers the next 503 OVERLOADED with Retry-After', async () => {
    // the slow store holds the one slot for 3 s, far longer than the second request takes to arrive
    const a = await app(slow, { HEAVY_CONCURRENCY: '1', HEAVY_QUEUE: '0' }, 5_000);
    // two different requests: identical ones would share one execution (response-sharing.test.ts)
    const [one, two] = await Promise.all([post(a, '{ timeline(id: "chip:nvidia-h20") { id } }'), post(a, 'query Second { timeline(id: "chip:nvidia-h20") { id } }')]);
    const statuses = [one.status, two.status].sort();
    expect(statuses).toEqual([200, 503]);
    const refused = one.status === 503 ? one : two;
    expect(refused.headers.get('retry-after')).toBe('2');
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('OVERLOADED');
    // a light query never waits for a slot
    expect((await post(a, '{ entity(id: "nation:fr") { id } }')).status).toBe(200);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const a = await app(store, {});
    const res = await a.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });
});
