// Every paged list pages both ways (first/after, last/before) with stable cursors, the cost limit
// counts the page arguments, node(id) finds a claim by the store's claim-by-id read, and the
// command line's `show` answers from the same lookup.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.js';
import { createLogger } from '../../api/log.js';
import { mountGraphQL } from '../../api/graphql/mount.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { historyCursor, parseHistoryCursor } from '../../graph/history.js';
import { decodeKeyCursor, encodeKeyCursor } from '../../graph/query-page.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import { recordRun, type RunReport } from '../../ingest/pipeline/run-log.js';
import { documentId } from '../../schema/records.js';
import { countingStore, type CountingStore } from './counting-store.js';
import { fixtureClaims, writeFixture } from './fixture.js';

type Body = { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[]; extensions?: { cost?: { requested: number } } };
type PageInfo = { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
type Conn = { edges: { cursor: string; node: Record<string, unknown> }[]; pageInfo: PageInfo; totalCount?: number };

const READER = { authorization: 'Bearer rd' };

function run(i: number): RunReport {
  const at = `2026-05-0${1 + (i % 3)}T10:00:0${i}Z`;
  const failures = [{ job: 'feeds', url: `https://example.org/broken-${i}`, reason: 'http', message: `HTTP 500 on try ${i}`, at }];
  const documents = { added: i, changed: 0, unchanged: 0, notModified: 0, fromFeedText: 0 };
  return {
    id: `run:${i}`,
    job: 'feeds',
    owner: 'test',
    startedAt: at,
    finishedAt: at,
    documents,
    claimsAdded: i,
    claimsRetracted: 0,
    entitiesWritten: 0,
    ambiguous: [],
    skippedEntities: [],
    failures,
  };
}

describe('paging both ways', () => {
  let counting: CountingStore;
  let app: Hono;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    await writeFixture(store);
    // a second write retracts a claim: history on both sides of it, and a retracted claim to look up
    await store.write({ retractClaims: [fixtureClaims().find((c) => c.rel === 'TRAINED_ON')!.id] });
    for (let i = 0; i < 5; i++) await recordRun(store, run(i));
    counting = countingStore(store);
    app = new Hono();
    const deps = { store: counting.store, snapshots: new SnapshotCache(counting.store), config: loadConfig({ LOG_LEVEL: 'silent', API_KEYS: 'rd:reader' }), logger: createLogger('silent') };
    close = await mountGraphQL(app, deps, { responseCache: false });
  });
  afterAll(async () => {
    await close();
    await counting.store.close();
  });

  async function gql(query: string, variables?: Record<string, unknown>): Promise<Body> {
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...READER }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as Body;
  }

  /** The connection at `path` of a query taking $first, $after, $last and $before. */
  async function page(query: string, path: string[], vars: Record<string, unknown>): Promise<Conn> {
    const r = await gql(query, vars);
    expect(r.errors).toBeUndefined();
    return path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r.data) as Conn;
  }

  /**
   * Reads a list whole in one page, then forward in pages of 2 and backward in pages of 2: the
   * three agree, every page's info is right, and the cursors resume where they should.
   */
  async function checkBothWays(query: string, path: string[], key: (n: Record<string, unknown>) => unknown, extra: Record<string, unknown> = {}): Promise<unknown[]> {
    const whole = (await page(query, path, { ...extra, first: 100 })).edges.map((e) => key(e.node));
    expect(whole.length).toBeGreaterThan(2);
    const forward: unknown[] = [];
    let after: string | null = null;
    for (let k = 0; k < 50; k++) {
      const c = await page(query, path, { ...extra, first: 2, after });
      forward.push(...c.edges.map((e) => key(e.node)));
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const backward: unknown[] = [];
    let before: string | null = null;
    for (let k = 0; k < 50; k++) {
      const c = await page(query, path, { ...extra, last: 2, before });
      backward.unshift(...c.edges.map((e) => key(e.node)));
      expect(c.pageInfo.hasNextPage).toBe(before !== null);
      expect(c.pageInfo.startCursor).toBe(c.edges[0]?.cursor ?? null);
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    expect(forward).toEqual(whole);
    expect(backward).toEqual(whole);
    // between two cursors: what lies strictly between them
    const all = await page(query, path, { ...extra, first: 100 });
    const between = await page(query, path, { ...extra, after: all.edges[0]!.cursor, before: all.edges.at(-1)!.cursor, first: 100 });
    expect(between.edges.map((e) => key(e.node))).toEqual(whole.slice(1, -1));
    return whole;
  }

  const PAGE = '$first: Int, $after: String, $last: Int, $before: String';
  const ARGS = 'first: $first, after: $after, last: $last, before: $before';

  it('relations: the plain list takes after, last and before with relationsConnection cursors', async () => {
    const q = `query(${PAGE}) { entity(id: "chip:nvidia-h20") { relationsConnection(orderBy: [{field: TYPE}], ${ARGS}) { edges { cursor node { id type } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } } }`;
    const whole = await checkBothWays(q, ['entity', 'relationsConnection'], (n) => n.id);
    const conn = await page(q, ['entity', 'relationsConnection'], { first: 100 });
    const r = await gql(
      `query($after: String, $before: String) { entity(id: "chip:nvidia-h20") {
        tail: relations(orderBy: [{field: TYPE}], last: 2) { id }
        rest: relations(orderBy: [{field: TYPE}], after: $after) { id }
        head: relations(orderBy: [{field: TYPE}], before: $before, last: 1) { id } } }`,
      { after: conn.edges[0]!.cursor, before: conn.edges[1]!.cursor },
    );
    expect(r.errors).toBeUndefined();
    const e = r.data!.entity as Record<string, { id: string }[]>;
    expect(e.tail!.map((x) => x.id)).toEqual(whole.slice(-2));
    expect(e.rest!.map((x) => x.id)).toEqual(whole.slice(1));
    expect(e.head!.map((x) => x.id)).toEqual(whole.slice(0, 1));
    // a cursor of another order (here: by type) is refused, naming the argument
    const bad = await gql(`query($after: String) { entity(id: "chip:nvidia-h20") { relations(after: $after) { id } } }`, { after: conn.edges[0]!.cursor });
    expect(bad.errors![0]!.message).toMatch(/^after: .* is not a cursor of this list in this order/);
  });

  it('searchConnection pages through the ranked hits, best first, as searchHits ranks them', async () => {
    const q = `query(${PAGE}) { searchConnection(query: "nvidia", ${ARGS}) { totalCount edges { cursor node { score entity { id } } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`;
    const whole = await checkBothWays(q, ['searchConnection'], (n) => (n.entity as { id: string }).id);
    const hits = await gql(`{ searchHits(query: "nvidia", first: 100) { entity { id } } }`);
    expect(whole).toEqual((hits.data!.searchHits as { entity: { id: string } }[]).map((h) => h.entity.id));
    expect((await page(q, ['searchConnection'], { first: 1 })).totalCount).toBe(whole.length);
  });

  it('timelineConnection pages through the claims about an entity, oldest first, as timeline lists them', async () => {
    const q = `query(${PAGE}) { timelineConnection(id: "chip:nvidia-h20", ${ARGS}) { totalCount edges { cursor node { id observedAt } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`;
    const whole = await checkBothWays(q, ['timelineConnection'], (n) => n.id);
    const list = await gql(`{ timeline(id: "chip:nvidia-h20") { id } }`);
    expect(whole).toEqual((list.data!.timeline as { id: string }[]).map((c) => c.id));
    const missing = await gql(`{ timelineConnection(id: "chip:none") { totalCount } }`);
    expect(missing.errors![0]!.message).toBe('id: no entity with id "chip:none"');
  });

  it('the ingest log pages both ways, newest first, and still needs a key', async () => {
    const runs = `query(${PAGE}) { ingestRunsConnection(${ARGS}) { totalCount edges { cursor node { id finishedAt } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`;
    expect(await checkBothWays(runs, ['ingestRunsConnection'], (n) => n.id)).toEqual(['run:2', 'run:4', 'run:1', 'run:3', 'run:0']);
    const letters = `query(${PAGE}) { deadLettersConnection(${ARGS}) { totalCount edges { cursor node { url } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`;
    const urls = await checkBothWays(letters, ['deadLettersConnection'], (n) => n.url);
    expect(urls).toEqual([2, 4, 1, 3, 0].map((i) => `https://example.org/broken-${i}`));
    const anonymous = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ingestRunsConnection { totalCount } }' }) });
    expect(((await anonymous.json()) as Body).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('changes, a relation history and a document claims page both ways', async () => {
    const changes = `query(${PAGE}) { changes(${ARGS}) { edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`;
    const all = await checkBothWays(changes, ['changes'], (n) => n.id);
    // newest first: the retraction's version leads
    expect(String(all[0])).toMatch(/@2$/);
    const trained = fixtureClaims().find((c) => c.rel === 'TRAINED_ON')!;
    const history = `query(${PAGE}) { entity(id: "model:deepseek-v3") { relationsConnection(types: [TRAINED_ON], first: 1) { edges { node { historyConnection(${ARGS}) { edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } } } } } }`;
    const events = await checkBothWays(history, ['entity', 'relationsConnection', 'edges', '0', 'node', 'historyConnection'], (n) => n.id);
    expect(events.filter((id) => String(id).startsWith(trained.id))).toHaveLength(2);
    const claims = `query(${PAGE}) { documents(where: {id: {eq: "${documentId('https://example.org/h20-export-rule')}"}}) { edges { node { ... on Document { claimsConnection(${ARGS}) { totalCount edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } } } } } }`;
    await checkBothWays(claims, ['documents', 'edges', '0', 'node', 'claimsConnection'], (n) => n.id);
  });

  it('chokepointsConnection pages through the ranking, most broken first', async () => {
    const q = `query(${PAGE}) { chokepointsConnection(${ARGS}) { totalCount edges { cursor node { broken entity { id } } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`;
    const r = await gql(`{ chokepoints(first: 500) { entity { id } } }`);
    const ranked = (r.data!.chokepoints as { entity: { id: string } }[]).map((c) => c.entity.id);
    expect(ranked.length).toBeGreaterThan(2);
    expect(await checkBothWays(q, ['chokepointsConnection'], (n) => (n.entity as { id: string }).id)).toEqual(ranked);
    expect((await page(q, ['chokepointsConnection'], { last: 1 })).edges.map((e) => (e.node.entity as { id: string }).id)).toEqual(ranked.slice(-1));
  });

  it('the cost limit counts last as it counts first, and caps both per field', async () => {
    const cost = async (args: string) => (await gql(`{ searchConnection(query: "nvidia"${args}) { edges { node { score } } } }`)).extensions!.cost!.requested;
    expect(await cost(', last: 5')).toBeLessThan(await cost(', last: 50'));
    expect(await cost(', last: 5')).toBe(await cost(', first: 5'));
    // relations: last counts even though first has its default page
    const rel = async (args: string) => (await gql(`{ entity(id: "chip:nvidia-h20") { relations${args} { id } } }`)).extensions!.cost!.requested;
    expect(await rel('(last: 3)')).toBeLessThan(await rel(''));
    for (const [query, message] of [
      ['{ entity(id: "chip:nvidia-h20") { relations(last: 1001) { id } } }', 'relations(last): at most 1000, got 1001'],
      ['{ searchConnection(query: "x", last: 101) { totalCount } }', 'searchConnection(last): at most 100, got 101'],
      ['{ timelineConnection(id: "chip:nvidia-h20", first: 501) { totalCount } }', 'timelineConnection(first): at most 500, got 501'],
      ['{ ingestRunsConnection(last: 201) { totalCount } }', 'ingestRunsConnection(last): at most 200, got 201'],
      ['{ changes(last: 501) { nodes { id } } }', 'changes(last): at most 500, got 501'],
    ] as const) {
      const r = await gql(query);
      expect(r.errors![0]!.message).toBe(message);
      expect(r.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('one cursor encoding: a history cursor is the list cursor of its (version, id) key', () => {
    const e = { version: 12, id: 'claim:abc@12' };
    expect(historyCursor(e)).toBe(encodeKeyCursor([12, 'claim:abc@12']));
    expect(decodeKeyCursor(historyCursor(e), 1, 'after')).toEqual([12, 'claim:abc@12']);
    expect(parseHistoryCursor(encodeKeyCursor([12, 'claim:abc@12']))).toEqual(e);
    expect(() => parseHistoryCursor(encodeKeyCursor(['twelve', 'x']), 'before')).toThrow(/^before: /);
  });

  it('node(id) reads a claim by id (no pass over every claim), live or retracted', async () => {
    const claims = fixtureClaims();
    const live = claims.find((c) => c.rel === 'APPLIES_TO')!;
    const retracted = claims.find((c) => c.rel === 'TRAINED_ON')!;
    counting.reset();
    const r = await gql(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Source { quote retracted } } b: node(id: $b) { ... on Source { id retracted retraction } } none: node(id: "claim:none") { id } }`,
      {
        a: live.id,
        b: retracted.id,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.a).toEqual({ __typename: 'Source', id: live.id, quote: live.quote, retracted: false });
    expect(r.data!.b).toEqual({ id: retracted.id, retracted: true, retraction: 'RETRACTED' });
    expect(r.data!.none).toBeNull();
    expect(counting.calls.get('allClaims') ?? 0).toBe(0);
    // the three ids in one batched read
    expect(counting.calls.get('claimsById')).toBe(1);
  });
});
