// Concurrent writers and workers against the Neo4j adapter, through a fake driver that models
// Neo4j's write locks and lets the test choose the interleaving of two transactions statement by
// statement (test/graph/locking-fake-driver.ts): two writers adding claims to one relation leave
// one edge with both claims counted; relations are locked in key order, so two writers of the same
// relations in opposite order never deadlock; two workers reaching for one lapsed lease get one
// grant; a stale lease holder's writes are refused. The same checks against a real server are in
// neo4j-concurrency-live.test.ts (NEO4J_URI).
import { describe, expect, it } from 'vitest';
import { Q } from '../../graph/cypher/catalogue.js';
import { CypherGraphStore } from '../../graph/cypher/cypher-store.js';
import { Neo4jExecutor } from '../../graph/neo4j/neo4j-executor.js';
import { LeaseLost } from '../../graph/store.js';
import { claimId, documentId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';
import { LockingFakeDriver, orderPick, seededPick, type Pick } from './locking-fake-driver.js';

const CTX = { uri: 'neo4j://fake:7687', user: 'neo4j', password: 'x' };
const INFO = { kind: 'neo4j' as const, location: CTX.uri };

const ENTITIES: EntityRecord[] = [
  { id: 'chip:nvidia-h20', label: 'Chip', name: 'NVIDIA H20', aliases: [], props: { kind: 'gpu' } },
  { id: 'chip:nvidia-h100', label: 'Chip', name: 'NVIDIA H100', aliases: [], props: { kind: 'gpu' } },
  { id: 'org:nvidia', label: 'Organization', name: 'NVIDIA', aliases: [], props: { kind: 'chip_designer' } },
];

function claim(subject: string, object: string, source: string): ClaimRecord {
  const base = { subject, rel: 'DESIGNED_BY' as const, object, props: {}, documentId: documentId(source), quote: `${subject} by ${object} (${source})`, extractor: 'test' };
  return { ...base, id: claimId(base), confidence: 0.9, observedAt: '2026-05-01' };
}

/** Two stores (workers A and B) over one fake server, its graph seeded with the entities. */
async function twoWorkers(pick: Pick, locking = true) {
  const driver = new LockingFakeDriver(orderPick(['seed']), locking);
  const seed = new CypherGraphStore(new Neo4jExecutor(driver.as('seed'), CTX, INFO));
  await seed.write({ entities: ENTITIES, documents: ['a', 'b'].map((s) => ({ id: documentId(s), url: s, kind: 'record' as const })) });
  driver.schedule(pick);
  const store = (name: string) => new CypherGraphStore(new Neo4jExecutor(driver.as(name), CTX, INFO));
  return { driver, a: store('A'), b: store('B') };
}

async function edges(driver: LockingFakeDriver, from: string, to: string): Promise<{ claimCount: number }[]> {
  const rows = (await driver.db.executeCypher(`MATCH (a:Entity {id: $from})-[e:DESIGNED_BY]->(b:Entity {id: $to}) RETURN e.claimCount AS claimCount`, { from, to })).toArray();
  return rows.map((r) => ({ claimCount: Number(r.claimCount) }));
}

/** Every schedule the tests walk: each worker first, then 40 seeded random interleavings. */
const SCHEDULES: [string, () => Pick][] = [
  ['A first', () => orderPick(['A', 'B'])],
  ['B first', () => orderPick(['B', 'A'])],
  ...Array.from({ length: 40 }, (_, i): [string, () => Pick] => [`seed ${i + 1}`, () => seededPick(i + 1)]),
];

describe('two writers adding claims to one relation (fake driver with Neo4j locks)', () => {
  it.each(SCHEDULES)('leave one edge that counts both claims (%s)', async (_name, pick) => {
    const { driver, a, b } = await twoWorkers(pick());
    await Promise.all([a.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'a')] }), b.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'b')] })]);
    expect(await edges(driver, 'chip:nvidia-h20', 'org:nvidia')).toEqual([{ claimCount: 2 }]);
    expect(driver.deadlocks).toBe(0);
  });

  it('the schedules do interleave the two write transactions, and the relation lock orders their claim reads', async () => {
    let interleaved = 0;
    for (const [, pick] of SCHEDULES) {
      const { driver, a, b } = await twoWorkers(pick());
      await Promise.all([a.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'a')] }), b.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'b')] })]);
      const writers = [...new Set(driver.log.filter((l) => l.query === Q.lockRelations).map((l) => l.tx))];
      const span = (tx: string) => [driver.log.findIndex((l) => l.tx === tx), driver.log.findLastIndex((l) => l.tx === tx)] as const;
      const [a0, a1] = span(writers[0]!);
      const [b0] = span(writers[1]!);
      if (b0 < a1 && driver.log.slice(a0, a1).some((l) => l.tx === writers[1])) interleaved++;
      // whoever locked second read the claims only after the first writer's transaction had ended
      const secondRead = driver.log.findIndex((l) => l.tx === writers[1] && l.query === Q.allClaimsFor);
      expect(secondRead).toBeGreaterThan(a1);
    }
    expect(interleaved).toBeGreaterThan(SCHEDULES.length / 4);
  });

  it('without the relation lock, some interleaving loses a claim from the aggregate (what the lock prevents)', async () => {
    const counts = [];
    for (const [, pick] of SCHEDULES) {
      const { driver, a, b } = await twoWorkers(pick(), false);
      await Promise.all([a.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'a')] }), b.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'b')] })]);
      counts.push((await edges(driver, 'chip:nvidia-h20', 'org:nvidia')).map((e) => e.claimCount).join(','));
    }
    expect(counts).toContain('1');
  });

  it.each(SCHEDULES.slice(0, 12))('writing the same two relations in opposite order never deadlocks: locks go in key order (%s)', async (_name, pick) => {
    const { driver, a, b } = await twoWorkers(pick());
    await Promise.all([
      a.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'a'), claim('chip:nvidia-h100', 'org:nvidia', 'a')] }),
      b.write({ claims: [claim('chip:nvidia-h100', 'org:nvidia', 'b'), claim('chip:nvidia-h20', 'org:nvidia', 'b')] }),
    ]);
    expect(driver.deadlocks).toBe(0);
    expect(driver.retries).toBe(0);
    expect(await edges(driver, 'chip:nvidia-h20', 'org:nvidia')).toEqual([{ claimCount: 2 }]);
    expect(await edges(driver, 'chip:nvidia-h100', 'org:nvidia')).toEqual([{ claimCount: 2 }]);
  });
});

describe('two workers on one lease (fake driver with Neo4j locks)', () => {
  it.each(SCHEDULES)('one of them gets a lapsed lease (%s)', async (_name, pick) => {
    const { a, b } = await twoWorkers(pick());
    expect(await a.acquireLease('ingest:feeds', 'worker-old', 1)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    const grants = await Promise.all([a.acquireLease('ingest:feeds', 'worker-a', 60_000), b.acquireLease('ingest:feeds', 'worker-b', 60_000)]);
    expect(grants.filter((g) => g !== null)).toHaveLength(1);
  });

  it.each(SCHEDULES.slice(0, 12))('fencing refuses the stale holder and keeps the new one (%s)', async (_name, pick) => {
    const { driver, a, b } = await twoWorkers(pick());
    const stale = (await a.acquireLease('ingest:feeds', 'worker-a', 20))!;
    await new Promise((r) => setTimeout(r, 30));
    const fresh = (await b.acquireLease('ingest:feeds', 'worker-b', 60_000))!;
    expect(fresh.token).toBe(stale.token + 1);
    const [late, current] = await Promise.allSettled([
      a.write({ claims: [claim('chip:nvidia-h20', 'org:nvidia', 'a')], fence: { job: stale.job, token: stale.token } }),
      b.write({ claims: [claim('chip:nvidia-h100', 'org:nvidia', 'b')], fence: { job: fresh.job, token: fresh.token } }),
    ]);
    expect(late.status).toBe('rejected');
    expect((late as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLost);
    expect(current.status).toBe('fulfilled');
    expect(await edges(driver, 'chip:nvidia-h20', 'org:nvidia')).toEqual([]);
    expect(await edges(driver, 'chip:nvidia-h100', 'org:nvidia')).toEqual([{ claimCount: 1 }]);
    // a renewal by the stale holder is refused too
    expect(await a.renewLease(stale, 60_000)).toBeNull();
  });
});
