// The analyst's query language over GraphQL on the API fixture (in-process, embedded store):
// where trees, sort keys, Relay pages both ways, relation filters, global ids, the offline IDE
// page and CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { loadConfig } from '../../api/config.js';
import { createLogger } from '../../api/log.js';
import { mountGraphQL } from '../../api/graphql/mount.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import { writeFixture } from './fixture.js';

type Conn = { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { startCursor: string; endCursor: string; hasNextPage: boolean; hasPreviousPage: boolean } };
type Body = { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[] };

describe('query language', () => {
  let store: GraphStore;
  let app: Hono;
  let corsApp: Hono;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    await writeFixture(store);
    const make = async (env: Record<string, string>) => {
      const a = new Hono();
      const deps = { store, snapshots: new SnapshotCache(store), config: loadConfig({ LOG_LEVEL: 'silent', ...env }), logger: createLogger('silent') };
      closers.push(await mountGraphQL(a, deps, { responseCache: false }));
      return a;
    };
    app = await make({});
    corsApp = await make({ CORS_ORIGINS: 'https://news.example.org' });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await store.close();
  });

  async function gql(query: string, variables?: Record<string, unknown>): Promise<Body> {
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as Body;
  }
  const ids = (c: unknown) => (c as Conn).edges.map((e) => e.node.id);

  describe('where', () => {
    it.for([
      ['equality without case', `chips(where: {kind: {eq: "GPU"}})`, ['chip:nvidia-h100', 'chip:nvidia-h20']],
      ['IN', `models(where: {license: {in: ["mit", "apache-2.0"]}})`, ['model:deepseek-v3']],
      ['contains on names', `chips(where: {name: {contains: "ascend"}})`, ['chip:huawei-ascend-910b']],
      ['startsWith on aliases', `chips(where: {aliases: {startsWith: "h1"}})`, ['chip:nvidia-h100']],
      ['name or alias', `organizations(where: {nameOrAlias: {contains: "semiconductor"}})`, ['org:tsmc']],
      ['a number range', `chips(where: {memoryGb: {gte: 90, lt: 100}})`, ['chip:nvidia-h20']],
      ['a date range', `deals(where: {date: {gte: "2025-01-01", lte: "2025-12-31"}})`, ['deal:eu-ai-gigafactory']],
      ['exists', `chips(where: {memoryGb: {exists: false}})`, ['chip:huawei-ascend-910b', 'chip:nvidia-h100']],
      ['OR', `models(where: {OR: [{license: {eq: "MIT"}}, {family: {eq: "mistral"}}]})`, ['model:deepseek-v3', 'model:mistral-large']],
      ['NOT', `chips(where: {NOT: {kind: {eq: "gpu"}}})`, ['chip:huawei-ascend-910b']],
      ['one relation hop, then another', `models(where: {developer: {nation: {id: {eq: "nation:cn"}}}})`, ['model:deepseek-v3']],
      ['a bloc stands for its members', `deployments(where: {location: {id: {within: "nation:eu"}}})`, ['deployment:fr-gov-assistant']],
      ['an outgoing relation', `nations(where: {partyTo: {kind: {eq: "investment"}}})`, ['nation:fr']],
      ['an incoming relation', `deals(where: {parties: {id: {eq: "nation:fr"}}})`, ['deal:eu-ai-gigafactory']],
      ['the nation an entity falls under', `clouds(where: {operator: {nation: {id: {eq: "nation:us"}}}})`, ['cloud:aws']],
      ['a relation with its properties', `chips(where: {relation: {type: [TRAINED_ON], direction: IN, count: {gte: 5000}}})`, ['chip:nvidia-h20']],
      ['export control from the rules in force', `chips(where: {exportControlled: true})`, ['chip:nvidia-h20']],
    ] as const)('%s', async ([, list, expected]) => {
      const r = await gql(`{ list: ${list} { totalCount edges { node { id } } } }`);
      expect(r.errors).toBeUndefined();
      expect(ids(r.data!.list)).toEqual(expected);
      expect((r.data!.list as Conn).totalCount).toBe(expected.length);
    });

    it('combines where with the shorthand arguments (AND)', async () => {
      const r = await gql(`{ list: models(openWeights: true, where: {family: {eq: "mistral"}}) { totalCount } }`);
      expect((r.data!.list as Conn).totalCount).toBe(0);
    });

    it('refuses an empty filter and a filter the type does not have, naming the field', async () => {
      const empty = await gql(`{ chips(where: {kind: {}}) { totalCount } }`);
      expect(empty.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(empty.errors![0]!.message).toMatch(/^where\.kind: an empty filter/);
      const unknown = await gql(`{ chips(where: {license: {eq: "MIT"}}) { totalCount } }`);
      expect(unknown.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const sources = await gql(`{ chips(where: {relation: {source: {extractor: {eq: "seed"}}}}) { totalCount } }`);
      expect(sources.errors![0]!.message).toMatch(/^where\.relation\.source: sources can be filtered in a list of relations/);
    });
  });

  describe('orderBy and pages', () => {
    it('orders by a property with absent values last and the id as tie-break, either way', async () => {
      const r = await gql(`{ asc: chips(orderBy: [{field: MEMORY_GB}]) { edges { node { id } } }
        desc: chips(orderBy: [{field: MEMORY_GB, direction: DESC}]) { edges { node { id } } }
        byKind: chips(orderBy: [{field: KIND, direction: DESC}, {field: NAME}]) { edges { node { id } } }
        byName: organizations(orderBy: [{field: NAME, direction: DESC}]) { edges { node { id } } } }`);
      expect(r.errors).toBeUndefined();
      expect(ids(r.data!.asc)).toEqual(['chip:nvidia-h20', 'chip:huawei-ascend-910b', 'chip:nvidia-h100']);
      expect(ids(r.data!.desc)).toEqual(['chip:nvidia-h20', 'chip:huawei-ascend-910b', 'chip:nvidia-h100']);
      expect(ids(r.data!.byKind)).toEqual(['chip:huawei-ascend-910b', 'chip:nvidia-h100', 'chip:nvidia-h20']);
      expect(ids(r.data!.byName)).toEqual(['org:us-department-of-commerce', 'org:tsmc', 'org:nvidia', 'org:amazon']);
    });

    it('pages forward with first/after and back with last/before over the same order', async () => {
      const order = `orderBy: [{field: NAME}]`;
      const all = ids((await gql(`{ l: nations(${order}) { edges { node { id } } } }`)).data!.l);
      expect(all).toEqual(['nation:cn', 'nation:eu', 'nation:fr', 'nation:tw', 'nation:us']);
      const p1 = (await gql(`{ l: nations(${order}, first: 2) { edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`)).data!.l as Conn;
      expect(ids(p1)).toEqual(all.slice(0, 2));
      expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const p2 = (
        await gql(`query($c: String) { l: nations(${order}, first: 2, after: $c) { edges { node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`, {
          c: p1.pageInfo.endCursor,
        })
      ).data!.l as Conn;
      expect(ids(p2)).toEqual(all.slice(2, 4));
      expect(p2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const back = (await gql(`query($c: String) { l: nations(${order}, last: 2, before: $c) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }`, { c: p2.pageInfo.endCursor })).data!
        .l as Conn;
      expect(ids(back)).toEqual(all.slice(1, 3));
      const tail = (await gql(`{ l: nations(${order}, last: 2) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }`)).data!.l as Conn;
      expect(ids(tail)).toEqual(all.slice(3));
      expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it('refuses a cursor of another order, naming the argument', async () => {
      const p1 = (await gql(`{ l: nations(orderBy: [{field: NAME}], first: 1) { pageInfo { endCursor } } }`)).data!.l as Conn;
      const r = await gql(`query($c: String) { nations(first: 1, after: $c) { totalCount } }`, { c: p1.pageInfo.endCursor });
      expect(r.errors![0]!.message).toMatch(/^after: .* is not a cursor of this list in this order/);
    });
  });

  describe('the budget', () => {
    it('caps last like first, and counts filters and sort keys in the cost', async () => {
      const over = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ chips(last: 501) { totalCount } }' }) });
      expect(over.status).toBe(400);
      expect(((await over.json()) as Body).errors![0]!.message).toBe('chips(last): at most 500, got 501');
      const cost = async (args: string) =>
        (
          (await (await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ chips${args} { totalCount } }` }) })).json()) as {
            extensions: { cost: { requested: number } };
          }
        ).extensions.cost.requested;
      const plain = await cost('');
      const filtered = await cost('(where: {kind: {eq: "gpu"}, designer: {nation: {id: {eq: "nation:us"}}}}, orderBy: [{field: NAME}])');
      // two conditions (10 each), two relations walked (100 each), one sort key (10)
      expect(filtered - plain).toBe(230);
    });
  });

  describe('relations', () => {
    it('filters an entity relations by source document and confidence and orders them', async () => {
      const r = await gql(`{ entity(id: "chip:nvidia-h20") {
        byDoc: relations(where: {source: {document: {publisher: {eq: "Other Wire"}}}}) { type from { id } }
        confident: relations(where: {confidence: {gte: 0.7}, direction: IN}, orderBy: [{field: OTHER_NAME}]) { type from { id } confidence }
        page: relationsConnection(orderBy: [{field: TYPE}], first: 2) { totalCount edges { node { type } } pageInfo { hasNextPage } }
        last: relationsConnection(orderBy: [{field: TYPE}], last: 1) { edges { node { type } } pageInfo { hasPreviousPage } } } }`);
      expect(r.errors).toBeUndefined();
      const e = r.data!.entity as Record<string, unknown>;
      expect(e.byDoc).toEqual([{ type: 'TRAINED_ON', from: { id: 'model:deepseek-v3' } }]);
      // confidences as stated (0.7), never float32 noise
      expect(e.confident).toEqual([
        { type: 'TRAINED_ON', from: { id: 'model:deepseek-v3' }, confidence: 0.7 },
        { type: 'APPLIES_TO', from: { id: 'reg:h20-license-rule' }, confidence: 0.9 },
      ]);
      const page = e.page as { totalCount: number; edges: { node: { type: string } }[]; pageInfo: { hasNextPage: boolean } };
      expect(page.totalCount).toBe(4);
      expect(page.edges.map((x) => x.node.type)).toEqual(['APPLIES_TO', 'DESIGNED_BY']);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect((e.last as { edges: { node: { type: string } }[] }).edges.map((x) => x.node.type)).toEqual(['TRAINED_ON']);
    });
  });

  describe('one evaluator for relations and their sources', () => {
    it('nests AND, OR and NOT alike in a relation filter and in the source filter inside it', async () => {
      const r = await gql(`{ entity(id: "chip:nvidia-h20") {
        weakOnly: relations(where: {source: {AND: [{extractor: {eq: "fixture"}}, {NOT: {confidence: {gte: 0.65}}}]}}) { type }
        either: relations(where: {source: {OR: [{confidence: {eq: 0.6}}, {quote: {contains: "licence"}}]}}, orderBy: [{field: TYPE}]) { type }
        outer: relations(where: {OR: [{type: [APPLIES_TO]}, {NOT: {OR: [{direction: IN}, {confidence: {lt: 2}}]}}]}) { type } } }`);
      expect(r.errors).toBeUndefined();
      const e = r.data!.entity as Record<string, { type: string }[]>;
      expect(e.weakOnly!.map((x) => x.type)).toEqual(['TRAINED_ON']);
      expect(e.either!.map((x) => x.type)).toEqual(['APPLIES_TO', 'TRAINED_ON']);
      expect(e.outer!.map((x) => x.type)).toEqual(['APPLIES_TO']);
      const bad = await gql(`{ entity(id: "chip:nvidia-h20") { relations(where: {source: {OR: [{NOT: {confidence: {}}}]}}) { type } } }`);
      expect(bad.errors![0]!.message).toMatch(/^where\.source\.OR\.0\.NOT\.confidence: an empty filter/);
    });
  });

  describe('node(id)', () => {
    it('fetches entities, documents, relations and claims by their global id', async () => {
      const rel = (await gql(`{ entity(id: "model:deepseek-v3") { relations(types: [TRAINED_ON]) { id sources { id document { id } } } } }`)).data!.entity as {
        relations: { id: string; sources: { id: string; document: { id: string } }[] }[];
      };
      const relation = rel.relations[0]!;
      const claim = relation.sources[0]!;
      const r = await gql(
        `query($r: ID!, $c: ID!, $d: ID!) {
          e: node(id: "chip:nvidia-h20") { __typename id ... on Chip { name } }
          d: node(id: $d) { __typename id }
          r: node(id: $r) { __typename id ... on Relation { type from { id } } }
          c: node(id: $c) { __typename id ... on Source { quote } }
          none: node(id: "rel:0000") { id } }`,
        { r: relation.id, c: claim.id, d: claim.document.id },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.e).toEqual({ __typename: 'Chip', id: 'chip:nvidia-h20', name: 'NVIDIA H20' });
      expect(r.data!.d).toEqual({ __typename: 'Document', id: claim.document.id });
      expect(r.data!.r).toEqual({ __typename: 'Relation', id: relation.id, type: 'TRAINED_ON', from: { id: 'model:deepseek-v3' } });
      expect(r.data!.c).toMatchObject({ __typename: 'Source', id: claim.id });
      expect(r.data!.none).toBeNull();
    });
  });

  describe('the IDE page and CORS', () => {
    it('serves the GraphQL IDE from the package itself, with no CDN', async () => {
      const page = await app.request('/graphql', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('/graphql/ide/graphiql.js');
      expect(html).not.toMatch(/https?:\/\//);
      for (const file of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'start.js']) {
        const res = await app.request(`/graphql/ide/${file}`);
        expect(res.status, file).toBe(200);
        expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
      }
      expect((await app.request('/graphql/ide/..%2Fpackage.json')).status).toBe(404);
      // a GET with a query is still the API
      const q = await app.request('/graphql?query=%7BgraphVersion%7D', { headers: { accept: 'text/html, application/json' } });
      expect(q.headers.get('content-type')).toMatch(/json/);
    });

    it('sends no CORS headers by default, and the configured origins when CORS_ORIGINS is set', async () => {
      const headers = { origin: 'https://news.example.org', 'content-type': 'application/json' };
      const off = await app.request('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: '{ graphVersion }' }) });
      expect(off.headers.get('access-control-allow-origin')).toBeNull();
      const on = await corsApp.request('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: '{ graphVersion }' }) });
      expect(on.headers.get('access-control-allow-origin')).toBe('https://news.example.org');
      const preflight = await corsApp.request('/graphql', { method: 'OPTIONS', headers: { origin: 'https://news.example.org', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBeLessThan(300);
      const other = await corsApp.request('/graphql', { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: JSON.stringify({ query: '{ graphVersion }' }) });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a CORS_ORIGINS entry that is not an origin, naming the variable', () => {
      expect(() => loadConfig({ CORS_ORIGINS: 'news.example.org/path' })).toThrow(/^CORS_ORIGINS: "news.example.org\/path" is not an origin/);
    });
  });
});
