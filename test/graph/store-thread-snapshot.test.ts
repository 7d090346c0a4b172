// The whole-graph snapshot built in the embedded store's thread and taken by the serving thread as
// shared buffers: it answers every question as the snapshot read and packed on the serving thread,
// and as one built from the records; its columns decode on demand; a background rebuild that fails
// in the thread (the store closing under it) leaves the previous snapshot served; closing the store
// during a build stops the build instead of waiting for it.
import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import type { CypherGraphStore } from '../../graph/cypher/cypher-store.js';
import { loadSnapshot, readSnapshot, SnapshotCache } from '../../graph/snapshot-cache.js';
import { Snapshot, type SnapshotWire } from '../../graph/snapshot.js';
import { Column, ColumnBuilder } from '../../graph/snapshot-columns.js';
import { reach } from '../../graph/traverse.js';
import { runNow } from '../../graph/snapshot-pacing.js';
import { StoreUnavailable } from '../../schema/errors.js';
import { embeddedStores, snapshotContents as contents } from './snapshot-helpers.js';
import { claimId, documentId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';

const store = embeddedStores();

const chip = (n: number, name = `Chip ${n}`): EntityRecord => ({ id: `chip:c${n}`, label: 'Chip', name, aliases: n % 2 ? [`c${n}`, `Çhip ${n}`] : [], props: { kind: 'gpu', memoryGb: 80 + n } });
const deployment = (n: number): EntityRecord => ({
  id: `deployment:d${n}`,
  label: 'Deployment',
  name: `Déploiement ${n} 東京`,
  aliases: [],
  props: { dataClasses: n % 3 ? ['public'] : ['personal', 'health'] },
});
const nation = (code: string): EntityRecord => ({ id: `nation:${code}`, label: 'Nation', name: code.toUpperCase(), aliases: [], props: { kind: 'country' } });

function claim(subject: string, rel: ClaimRecord['rel'], object: string, n: number, props: ClaimRecord['props'] = {}): ClaimRecord {
  const base = { subject, rel, object, props, documentId: documentId('d'), quote: `${subject} ${rel} ${object} #${n}`, extractor: 'test', validFrom: n % 3 ? undefined : '2025-01-01' };
  return { ...base, id: claimId(base), confidence: 0.5 + (n % 5) / 10, observedAt: '2026-01-01' };
}

/** A small graph: chips, deployments on them (some with props on the relation, some dated), nations. */
async function smallGraph(s: CypherGraphStore, deployments = 40): Promise<void> {
  const chips = Array.from({ length: 6 }, (_, i) => chip(i));
  const deps = Array.from({ length: deployments }, (_, i) => deployment(i));
  const claims = deps.flatMap((d, i) => [
    claim(d.id, 'RUNS_ON', chips[i % 6]!.id, i),
    claim(d.id, 'RUNS_ON', chips[(i + 2) % 6]!.id, i + 1, i % 4 ? {} : { share: 0.5 }),
    claim(d.id, 'LOCATED_IN', i % 2 ? 'nation:fr' : 'nation:jp', i + 2),
  ]);
  await s.write({ entities: [...chips, ...deps, nation('fr'), nation('jp')], documents: [{ id: documentId('d'), url: 'd', kind: 'news' }], claims });
}

/** What the questions a request asks of a snapshot answer: every entity and relation record, lookups by id, 2-hop reaches. */
function answers(s: Snapshot) {
  const ids = [...s.ids];
  return {
    entities: ids.map((_, i) => s.entity(i)),
    relations: Array.from({ length: s.edgeCount }, (_, e) => s.relation(e)),
    lookups: [...ids, 'chip:none', 'deployment:d', ''].map((id) => s.indexOf(id)),
    reaches: ids.map((_, i) => {
      const r = reach(s, i, 'downstream', 2);
      return [...r.nodes].map((n) => s.ids.at(n));
    }),
  };
}

describe('the snapshot built in the store thread', () => {
  it('answers exactly as the snapshot read on the serving thread, and as one built from the records', async () => {
    const s = await store();
    await smallGraph(s);
    const built = await loadSnapshot(s, 7);
    const here = await readSnapshot(s, 7);
    const all = await s.readAll();
    const records = Snapshot.canonical(all.entities, all.relations, all.version);
    expect(contents(built)).toEqual(contents(here));
    expect(contents(built)).toEqual(contents(records));
    expect(answers(built)).toEqual(answers(records));
    // the old, record-based build (not canonical: found through its own index) answers the same of every entity and relation
    const old = Snapshot.fromRecords(all.entities, all.relations, all.version);
    const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(answers(built).entities)).toEqual(byId(answers(old).entities));
    expect(byId(answers(built).relations)).toEqual(byId(answers(old).relations));
    // every array and packed column is in shared memory: it crosses to another thread without a copy
    for (const a of [built.labelOf, built.edgeFrom, built.outEdges, built.inOffsets, built.ids.table.bytes, built.edgeProps.table.starts]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('is patched with a write as one read afresh after it', async () => {
    const s = await store();
    await smallGraph(s, 20);
    const built = await loadSnapshot(s);
    await s.write({ entities: [deployment(3), chip(9, 'Chip nine'), { ...chip(1), name: 'Renamed', aliases: ['r'] }], claims: [claim('deployment:d3', 'RUNS_ON', 'chip:c9', 7, { share: 1 })] });
    const changes = await s.changesSince(Number(built.version));
    if (changes.kind !== 'changes') throw new Error(changes.reason);
    const patched = built.applyChanges(changes, changes.version);
    expect(contents(patched)).toEqual(contents(await loadSnapshot(s)));
    expect(answers(patched)).toEqual(answers(await loadSnapshot(s)));
    // the snapshot patched from is left as it was
    expect(built.names.at(built.indexOf('chip:c1')!)).toBe('Chip 1');
    expect(built.indexOf('chip:c9')).toBeUndefined();
  });

  it('crosses a message port as its buffers and answers the same there', async () => {
    const s = await store();
    await smallGraph(s, 10);
    const built = await loadSnapshot(s);
    await s.write({ entities: [chip(7)] });
    const changes = await s.changesSince(Number(built.version));
    if (changes.kind !== 'changes') throw new Error(changes.reason);
    // a patched one: the values its patch added go with the buffers
    const patched = built.applyChanges(changes, changes.version);
    const { port1, port2 } = new MessageChannel();
    try {
      const received = new Promise<SnapshotWire>((resolve) => port2.once('message', resolve));
      port1.postMessage(patched.toWire());
      const copy = Snapshot.fromWire(await received);
      expect(contents(copy)).toEqual(contents(patched));
      expect(answers(copy)).toEqual(answers(patched));
      // the same memory, not a copy: the packed ids are one buffer on both sides
      expect(copy.ids.table.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    } finally {
      port1.close();
      port2.close();
    }
  });

  it("answers a request's read while a whole-graph read runs in the thread, between the read's pages, before that read ends", async () => {
    const s = await store();
    await smallGraph(s, 600);
    const order: string[] = [];
    // pages of at most 2 entities: the read takes hundreds of store calls in the thread
    const building = s.buildSnapshot!(2).then((built) => {
      order.push('whole read');
      return built;
    });
    // reads as a request makes them (an entity by id), one after another while the whole read runs: the first is sent
    // as the read starts (its listing of every entity id), each next one once the one before is answered
    let answered = 0;
    let done = false;
    void building.finally(() => (done = true));
    for (let k = 0; !done; k++) {
      const found = await s.getEntities([`deployment:d${k % 600}`]);
      expect(found.get(`deployment:d${k % 600}`)?.name).toBe(`Déploiement ${k % 600} 東京`);
      if (!done) {
        answered++;
        order.push('request');
      }
    }
    const built = await building;
    expect(built.nodeCount).toBe((await s.readAll()).entities.length);
    // the requests did not wait for the whole read: several were answered while it ran, the first among them
    expect(order[0]).toBe('request');
    expect(answered).toBeGreaterThanOrEqual(3);
    expect(order.at(-1)).toBe('whole read');
  });

  it('keeps serving the previous snapshot when the build in the thread fails (the store closing under it), and says why', async () => {
    const s = await store(1);
    await smallGraph(s, 400);
    const errors: unknown[] = [];
    const cache = new SnapshotCache(s, 0, { onError: (err) => errors.push(err), pageSize: 2 });
    const first = await cache.get();
    // two writes: past the change log of one version, so the next get() starts a whole-graph read in the thread
    await s.write({ entities: [chip(20)] });
    await s.write({ entities: [chip(21)] });
    expect(await cache.get()).toBe(first);
    expect(cache.status().rebuilding).toBe(true);
    await s.close();
    await cache.settled();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StoreUnavailable);
    expect(cache.peek()).toBe(first);
    expect(cache.status()).toMatchObject({ version: Number(first.version), rebuilding: false, rebuilt: 1 });
  });

  it('stops a build when the store is closed during it: close does not wait for the whole read, and the build fails as the store closed', async () => {
    const s = await store();
    await smallGraph(s, 400);
    const building = s.buildSnapshot!(2);
    const outcome = building.then(
      () => 'built',
      (err: unknown) => err,
    );
    await s.close();
    const err = await outcome;
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect((err as Error).message).toMatch(/closed/);
    await expect(s.buildSnapshot!(2)).rejects.toBeInstanceOf(StoreUnavailable);
  });
});

describe('packed columns', () => {
  it('intern equal values, decode each once, and give the edges without props one shared object', () => {
    const props = new ColumnBuilder<Record<string, unknown>>('json', true, Object.freeze({}));
    for (const p of [{ a: 1 }, {}, { a: 1 }, { b: ['x', 'é'] }, {}]) props.push(p);
    const column = runNow(props.buildSteps());
    expect(column.toArray()).toEqual([{ a: 1 }, {}, { a: 1 }, { b: ['x', 'é'] }, {}]);
    // three distinct values packed; rows with one value answer one object, decoded once
    expect(column.table.packed).toBe(3);
    expect(column.at(0)).toBe(column.at(2));
    expect(column.at(1)).toBe(column.at(4));
    expect(Object.isFrozen(column.at(1))).toBe(true);
    const texts = new ColumnBuilder<string>('text', false);
    for (const t of ['b', 'a', '', 'ü東']) texts.push(t);
    const ordered = runNow(texts.buildSteps([1, 0, 3, 2]));
    expect(ordered.toArray()).toEqual(['a', 'b', 'ü東', '']);
    // values a patch adds come after the packed ones, the packed ones shared
    const more = new Column(ordered.table.with(['z']), Int32Array.from([4, 0]), 2);
    expect(more.toArray()).toEqual(['z', 'b']);
    expect(more.table.bytes).toBe(ordered.table.bytes);
  });
});
