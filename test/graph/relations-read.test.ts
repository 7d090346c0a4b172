// An entity's `relations` in GraphQL, read two ways over one fake Neo4j server (a Grafeo graph
// behind the driver interface): page by page from the store, typed and directed in Cypher under
// the request's remaining time (the Neo4j path), and all at once through the request's batched
// loader (the embedded store's path, and any store when orderBy needs every relation). Both must
// give the same answer.
import { afterEach, describe, expect, it } from 'vitest';
import { Q } from '../../graph/cypher/catalogue.js';
import { CypherGraphStore } from '../../graph/cypher/cypher-store.js';
import { Neo4jExecutor, type DriverLike } from '../../graph/neo4j/neo4j-executor.js';
import { Snapshot } from '../../graph/snapshot.js';
import type { GraphStore } from '../../graph/store.js';
import { relationsOf } from '../../api/graphql/resolvers/entity-fields.js';
import { createLoaders } from '../../api/graphql/loaders.js';
import { WorkMeter } from '../../api/graphql/budget.js';
import type { GraphContext } from '../../api/graphql/context.js';
import { claimId, documentId, type ClaimRecord, type EntityRecord, type RelationRecord } from '../../schema/records.js';
import type { RelationType } from '../../schema/generated/model.js';
import { LockingFakeDriver, orderPick } from './locking-fake-driver.js';

const CTX = { uri: 'neo4j://db.example:7687', user: 'chokepoint', password: 'secret', database: 'neo4j' };
const DOC = documentId('https://example.org/relations');

const chips = Array.from({ length: 6 }, (_, i): EntityRecord => ({ id: `chip:c${i}`, label: 'Chip', name: `Chip ${i}`, aliases: [], props: { kind: 'gpu' } }));
const ENTITIES: EntityRecord[] = [
  ...chips,
  { id: 'org:nvidia', label: 'Organization', name: 'NVIDIA', aliases: [], props: { kind: 'chip_designer' } },
  { id: 'org:amd', label: 'Organization', name: 'AMD', aliases: [], props: { kind: 'chip_designer' } },
  { id: 'nation:us', label: 'Nation', name: 'United States', aliases: [], props: { kind: 'country', iso: 'US' } },
];

function claim(subject: string, rel: RelationType, object: string, extra: { validTo?: string; confidence?: number } = {}): ClaimRecord {
  const base = { subject, rel, object, props: {}, documentId: DOC, quote: `${subject} ${rel} ${object}`, extractor: 'test', validTo: extra.validTo };
  return { ...base, id: claimId(base), confidence: extra.confidence ?? 0.9, observedAt: '2026-05-01' };
}

/** NVIDIA designs six chips (in), one of them only until 2020, is headquartered in the US and competes with AMD (out). */
const CLAIMS: ClaimRecord[] = [
  ...chips.map((c, i) => claim(c.id, 'DESIGNED_BY', 'org:nvidia', i === 2 ? { validTo: '2020-01-01' } : { confidence: 0.5 + i / 20 })),
  claim('org:nvidia', 'HEADQUARTERED_IN', 'nation:us'),
  claim('org:nvidia', 'COMPETES_WITH', 'org:amd'),
];

let driver: LockingFakeDriver | null = null;
afterEach(async () => {
  await driver?.close();
  driver = null;
});

/** One fake server; stores over it that call themselves Neo4j or embedded; the transaction configs of its reads. */
async function server() {
  driver = new LockingFakeDriver(orderPick(['w']));
  const txConfigs: unknown[] = [];
  const inner = driver.as('w');
  const recording: DriverLike = {
    ...inner,
    session: (config) => {
      const s = inner.session(config);
      return { ...s, executeRead: (work, txConfig) => (txConfigs.push(txConfig), s.executeRead(work)) };
    },
  };
  const neo4jStore = new CypherGraphStore(new Neo4jExecutor(recording, CTX, { kind: 'neo4j', location: CTX.uri }));
  await neo4jStore.write({ entities: ENTITIES, documents: [{ id: DOC, url: DOC, kind: 'news' }], claims: CLAIMS });
  const embeddedStore = new CypherGraphStore(new Neo4jExecutor(recording, CTX, { kind: 'embedded', location: ':memory:' }));
  const all = await neo4jStore.readAll();
  const snapshot = Snapshot.fromRecords(all.entities, all.relations, all.version);
  const queries = () => driver!.log.map((l) => l.query);
  return { neo4jStore, embeddedStore, snapshot, txConfigs, queries, all };
}

function context(store: GraphStore, snapshot: Snapshot, deadline = Date.now() + 5_000): GraphContext {
  return {
    store,
    snapshots: { get: async () => snapshot, peek: () => snapshot, invalidate: () => undefined },
    loaders: createLoaders(store),
    role: null,
    logger: console as unknown as GraphContext['logger'],
    deadline,
    meter: new WorkMeter(deadline),
    seen: {},
  };
}

const nvidia = ENTITIES.find((e) => e.id === 'org:nvidia')!;
const ids = (rows: RelationRecord[]) => rows.map((r) => r.id);
const sorted = (rows: RelationRecord[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('GraphQL relations of a node', () => {
  it('reads page by page from Neo4j, typed and directed in Cypher, with the request deadline as the transaction timeout', async () => {
    const { neo4jStore, snapshot, txConfigs, queries, all } = await server();
    const mark = queries().length;
    const deadline = Date.now() + 4_000;
    const rows = await relationsOf(nvidia, { types: ['DESIGNED_BY'], direction: 'IN', first: 3 }, context(neo4jStore, snapshot, deadline));
    const designed = sorted(all.relations.filter((r) => r.type === 'DESIGNED_BY'));
    expect(ids(rows)).toEqual(ids(designed).slice(0, 3));
    const sent = queries().slice(mark);
    // one page of 3 (and one row more, to know there is a next page), not every relation of the node
    expect(sent).toEqual([Q.relationPage]);
    expect(sent).not.toContain(Q.outRelations);
    const timeout = (txConfigs.at(-1) as { timeout: number }).timeout;
    expect(timeout).toBeGreaterThan(3_000);
    expect(timeout).toBeLessThanOrEqual(4_000);
  });

  it('gives the same relations as the batched loader (the embedded path), for each direction, type, asOf and where', async () => {
    const { neo4jStore, embeddedStore, snapshot, queries } = await server();
    const cases = [
      {},
      { direction: 'OUT' as const },
      { direction: 'IN' as const, first: 2 },
      { types: ['COMPETES_WITH', 'DESIGNED_BY'] as RelationType[] },
      { asOf: '2024-06-30' },
      { where: { confidence: { gte: 0.7 } }, first: 2 },
      { where: { confidence: { gte: 0.7 } }, asOf: '2024-06-30', direction: 'IN' as const },
      { first: 0 },
    ];
    for (const args of cases) {
      const mark = queries().length;
      const paged = await relationsOf(nvidia, args, context(neo4jStore, snapshot));
      expect(
        queries()
          .slice(mark)
          .every((q) => q === Q.relationPage || q === Q.liveClaimsFor),
      ).toBe(true);
      const loaded = await relationsOf(nvidia, args, context(embeddedStore, snapshot));
      expect(ids(paged), JSON.stringify(args)).toEqual(ids(loaded));
      expect(paged).toEqual(loaded);
    }
    // the expired design is left out as of 2024
    expect(await relationsOf(nvidia, { asOf: '2024-06-30' }, context(neo4jStore, snapshot))).toHaveLength(7);
    expect(await relationsOf(nvidia, {}, context(neo4jStore, snapshot))).toHaveLength(8);
  });

  it('reads more pages when validity leaves a page short, and stops once enough are kept', async () => {
    const { neo4jStore, snapshot, queries } = await server();
    const mark = queries().length;
    const rows = await relationsOf(nvidia, { direction: 'IN', asOf: '2024-06-30', first: 5 }, context(neo4jStore, snapshot));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.validTo === undefined)).toBe(true);
    // c2's design expired: whether it falls in the first page decides if a second page is read, never more
    expect(queries().slice(mark).length).toBeLessThanOrEqual(2);
  });

  it('sorts through the loader when orderBy needs every relation, on Neo4j too', async () => {
    const { neo4jStore, embeddedStore, snapshot, queries } = await server();
    const mark = queries().length;
    const args = { direction: 'IN' as const, orderBy: [{ field: 'CONFIDENCE' as const, direction: 'DESC' as const }], first: 3 };
    const rows = await relationsOf(nvidia, args, context(neo4jStore, snapshot));
    expect(queries().slice(mark)).not.toContain(Q.relationPage);
    expect(rows.map((r) => r.confidence)).toEqual([...rows.map((r) => r.confidence)].sort((a, b) => b - a));
    expect(rows).toEqual(await relationsOf(nvidia, args, context(embeddedStore, snapshot)));
  });

  it('stops at the request deadline before asking the store', async () => {
    const { neo4jStore, snapshot, queries } = await server();
    const mark = queries().length;
    await expect(relationsOf(nvidia, {}, context(neo4jStore, snapshot, Date.now() - 1))).rejects.toThrow(/ran out of time/);
    expect(queries().slice(mark)).toEqual([]);
  });
});
