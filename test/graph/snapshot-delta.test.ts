// Replicas follow the change log: a snapshot patched with what changed equals a whole-graph read,
// requests are answered from the previous snapshot while a rebuild runs, a replica too far behind
// reads the graph again, and the log keeps a bounded number of versions. Against the embedded store
// (a real database), with unordered rows shuffled so nothing depends on row order.
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { loadSnapshot, readSnapshot, SnapshotCache } from '../../graph/snapshot-cache.js';
import { CanonicalBuilder, Snapshot } from '../../graph/snapshot.js';
import type { GraphStore } from '../../graph/store.js';
import { claimId, documentId, relationId, type ClaimRecord, type EntityRecord, type RelationRecord } from '../../schema/records.js';
import { rng } from '../../bench/scenarios-world.js';
import { embeddedStores, snapshotContents as contents } from './snapshot-helpers.js';

const store = embeddedStores();

const LABEL_PROPS: Record<string, () => EntityRecord['props']> = {
  Chip: () => ({ kind: 'gpu' }),
  Deployment: () => ({ dataClasses: ['public'] }),
  Organization: () => ({ kind: 'chip_designer' }),
  Nation: () => ({ kind: 'country' }),
};
const PREFIX: Record<string, string> = { Chip: 'chip', Deployment: 'deployment', Organization: 'org', Nation: 'nation' };
/** relation types between the labels above, with their endpoints */
const RELS = [
  { rel: 'RUNS_ON', from: 'Deployment', to: 'Chip' },
  { rel: 'FABRICATED_BY', from: 'Chip', to: 'Organization' },
  { rel: 'LOCATED_IN', from: 'Deployment', to: 'Nation' },
  { rel: 'LOCATED_IN', from: 'Organization', to: 'Nation' },
] as const;

function entity(label: string, n: number, version = 0): EntityRecord {
  return {
    id: `${PREFIX[label]}:e${n}`,
    label: label as EntityRecord['label'],
    name: `${label} ${n}${version ? ` v${version}` : ''}`,
    aliases: version % 2 ? [`alias ${version}`] : [],
    props: LABEL_PROPS[label]!(),
  };
}

function claim(subject: string, rel: ClaimRecord['rel'], object: string, doc: string, n: number, confidence: number): ClaimRecord {
  const base = { subject, rel, object, props: {}, documentId: doc, quote: `${subject} ${rel} ${object} #${n}`, extractor: 'test', validFrom: n % 3 ? undefined : '2025-01-01' };
  return { ...base, id: claimId(base), confidence, observedAt: `2026-0${1 + (n % 9)}-01` };
}

/** One random write: new entities, renamed entities, new claims, retracted claims or a superseded document. */
async function randomWrite(s: GraphStore, next: () => number, state: { entities: EntityRecord[]; claims: ClaimRecord[]; step: number }): Promise<void> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const step = ++state.step;
  const kind = next();
  if (kind < 0.25 || state.entities.length < 8) {
    const fresh = Array.from({ length: 1 + Math.floor(next() * 4) }, () => entity(pick(Object.keys(LABEL_PROPS)), Math.floor(next() * 1000)));
    const doc = { id: documentId(`https://example.org/${step}`), url: `https://example.org/${step}`, kind: 'news' as const, title: `Doc ${step}` };
    await s.write({ entities: fresh, documents: [doc] });
    for (const e of fresh) if (!state.entities.some((x) => x.id === e.id)) state.entities.push(e);
  } else if (kind < 0.35) {
    const e = pick(state.entities);
    await s.write({ entities: [entity(e.label, Number(e.id.split(':e')[1]), step)] });
  } else if (kind < 0.75) {
    const claims: ClaimRecord[] = [];
    const doc = documentId(`https://example.org/doc${Math.floor(next() * 5)}`);
    for (let k = 0; k < 1 + Math.floor(next() * 6); k++) {
      const r = pick(RELS);
      const from = state.entities.filter((e) => e.label === r.from);
      const to = state.entities.filter((e) => e.label === r.to);
      if (!from.length || !to.length) continue;
      claims.push(claim(pick(from).id, r.rel, pick(to).id, doc, step * 10 + k, Math.round(next() * 100) / 100));
    }
    await s.write({ documents: [{ id: doc, url: doc, kind: 'news' }], claims });
    state.claims.push(...claims);
  } else if (kind < 0.92 && state.claims.length) {
    await s.write({ retractClaims: Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(state.claims).id) });
  } else {
    await s.write({ retractDocumentClaims: [documentId(`https://example.org/doc${Math.floor(next() * 5)}`)] });
  }
}

describe('change log', () => {
  it('records what each write changed, as ids, under the version it produced', async () => {
    const s = await store();
    const chip = entity('Chip', 1);
    const dep = entity('Deployment', 2);
    const c1 = claim(dep.id, 'RUNS_ON', chip.id, documentId('a'), 1, 0.8);
    await s.write({ entities: [chip, dep] });
    await s.write({ documents: [{ id: documentId('a'), url: 'a', kind: 'news' }], claims: [c1] });
    const w3 = await s.write({ retractDocumentClaims: [documentId('a')] });
    // a repeated write changes nothing and logs nothing
    await s.write({ entities: [chip] });
    expect(w3.version).toBe(3);
    const log = await s.changeLog(0);
    expect(log.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(log[0]).toMatchObject({ entities: [chip.id, dep.id].sort(), relations: [], claimsAdded: [], overflow: false });
    expect(log[1]).toMatchObject({ entities: [documentId('a')], claimsAdded: [c1.id], relations: [expect.stringMatching(/^rel:/)] });
    expect(log[2]).toMatchObject({ entities: [], claimsSuperseded: [c1.id], claimsRetracted: [], relations: log[1]!.relations });
    expect(Date.parse(log[2]!.at)).not.toBeNaN();

    const since1 = await s.changesSince(1);
    expect(since1.kind).toBe('changes');
    if (since1.kind !== 'changes') return;
    expect(since1.version).toBe(3);
    expect(since1.relations).toEqual([]);
    expect(since1.removed).toEqual([{ id: log[1]!.relations[0], type: 'RUNS_ON', from: dep.id, to: chip.id }]);
    expect(since1.entities.map((e) => e.id)).toEqual([documentId('a')]);
    expect(await s.changesSince(3)).toMatchObject({ kind: 'changes', version: 3, entities: [], relations: [], removed: [] });
  });

  it('keeps only the newest versions, and says when it no longer reaches back', async () => {
    const s = await store(3);
    for (let i = 0; i < 10; i++) await s.write({ entities: [entity('Chip', i)] });
    expect((await s.changeLog(0)).map((r) => r.version)).toEqual([8, 9, 10]);
    expect(await s.changesSince(7)).toMatchObject({ kind: 'changes', version: 10 });
    const behind = await s.changesSince(6);
    expect(behind).toMatchObject({ kind: 'too-far-behind', since: 6, version: 10 });
    if (behind.kind === 'too-far-behind') expect(behind.reason).toMatch(/keeps 3 versions/);
  });

  it('sends a reader back to the whole graph after the store is cleared', async () => {
    const s = await store();
    await s.write({ entities: [entity('Chip', 1)] });
    await s.clear();
    await s.write({ entities: [entity('Chip', 2)] });
    const after = await s.changesSince(1);
    expect(after).toMatchObject({ kind: 'too-far-behind', reason: 'the change log no longer holds version 2' });
    expect(await s.changesSince(5)).toMatchObject({ kind: 'too-far-behind', reason: expect.stringMatching(/replaced/) });
  });

  it('refuses a retention that is not a whole number of versions', async () => {
    await expect(openEmbeddedStore({ dataDir: ':memory:', changeLogVersions: 0 })).rejects.toThrow(/changeLogVersions: expected a whole number of versions, at least 1, got 0/);
  });
});

describe('snapshot patched from the change log', () => {
  it.each([1, 2, 3])('equals a whole-graph read after a random sequence of writes and retractions (seed %i)', async (seed) => {
    const s = await store();
    // a seeded generator, so a failing sequence can be replayed
    const next = rng(seed);
    const state = { entities: [] as EntityRecord[], claims: [] as ClaimRecord[], step: 0 };
    for (let i = 0; i < 5; i++) await randomWrite(s, next, state);
    let patched = await readSnapshot(s, 3);
    // a thread that follows the patched versions as they cross to it (an analysis worker): it starts from the snapshot sent
    // whole, then takes each version from the one it holds, sent as its buffers and the values the patch added
    let follower = Snapshot.fromWire(structuredClone(patched.toWire()));
    for (let round = 0; round < 25; round++) {
      // one to three writes between catch-ups, as a replica polling meets them
      const writes = 1 + Math.floor(next() * 3);
      for (let i = 0; i < writes; i++) await randomWrite(s, next, state);
      const changes = await s.changesSince(Number(patched.version));
      expect(changes.kind).toBe('changes');
      if (changes.kind !== 'changes') return;
      const before = contents(patched);
      const old = patched;
      patched = patched.applyChanges(changes, changes.version);
      // the snapshot a request still holds does not move
      expect(contents(old)).toEqual(before);
      const sent = structuredClone(patched.toFollow()!);
      const columns = ['ids', 'names', 'nodeProps', 'aliases', 'edgeProps', 'edgeIds'] as const;
      // of the values patches added, only this patch's cross
      expect(columns.map((c) => sent.wire[c].extra.length)).toEqual(columns.map((c) => patched[c].table.extra.length - old[c].table.extra.length));
      follower = Snapshot.follow(follower, sent)!;
      expect(contents(follower)).toEqual(contents(patched));
      const full = await readSnapshot(s, 4);
      expect(contents(patched)).toEqual(contents(full));
      // the same read built where the store can build it (the embedded store's thread) is the same snapshot
      expect(contents(await loadSnapshot(s, 4))).toEqual(contents(full));
    }
    // and both equal the canonical build of readAll()
    const all = await s.readAll();
    expect(contents(patched)).toEqual(contents(Snapshot.canonical(all.entities, all.relations, all.version)));
    expect(patched.edgeCount).toBeGreaterThan(5);
  });

  it('places a node added between existing ids in id order and keeps its edges', async () => {
    const s = await store();
    const [a, c] = [entity('Deployment', 1), entity('Deployment', 3)];
    const chip = entity('Chip', 9);
    await s.write({
      entities: [a, c, chip],
      documents: [{ id: documentId('d'), url: 'd', kind: 'news' }],
      claims: [claim(a.id, 'RUNS_ON', chip.id, documentId('d'), 1, 0.5), claim(c.id, 'RUNS_ON', chip.id, documentId('d'), 2, 0.7)],
    });
    const before = await readSnapshot(s);
    const b = entity('Deployment', 2);
    await s.write({ entities: [b], claims: [claim(b.id, 'RUNS_ON', chip.id, documentId('d'), 3, 0.6)] });
    const changes = await s.changesSince(Number(before.version));
    if (changes.kind !== 'changes') throw new Error(changes.reason);
    const after = before.applyChanges(changes, changes.version);
    expect(after.ids.toArray().filter((id) => id.startsWith('deployment:'))).toEqual([a.id, b.id, c.id]);
    expect(contents(after)).toEqual(contents(await readSnapshot(s)));
    const chipIndex = after.indexOf(chip.id)!;
    expect([...after.inOf(chipIndex)].map((e) => after.ids.at(after.edgeFrom[e]!))).toEqual([a.id, b.id, c.id]);
  });

  it('packs pages that arrive out of order into the same canonical snapshot', () => {
    const nodes = [entity('Deployment', 2), entity('Chip', 1), entity('Deployment', 1), entity('Nation', 1)];
    const rel = (from: string, type: RelationRecord['type'], to: string): RelationRecord => ({ id: relationId(from, type, to), type, from, to, props: {}, confidence: 0.5, claimCount: 1 });
    const rels = [
      rel('deployment:e2', 'RUNS_ON', 'chip:e1'),
      rel('deployment:e1', 'RUNS_ON', 'chip:e1'),
      rel('deployment:e1', 'LOCATED_IN', 'nation:e1'),
      rel('deployment:e2', 'LOCATED_IN', 'nation:e1'),
    ];
    const b = new CanonicalBuilder();
    b.addEntities(nodes.slice(0, 2));
    b.addEntities(nodes.slice(2));
    b.addRelations(rels.slice(0, 1));
    b.addRelations(rels.slice(1));
    const paged = b.build(3);
    expect(paged.ids.toArray()).toEqual(['chip:e1', 'deployment:e1', 'deployment:e2', 'nation:e1']);
    expect(contents(paged)).toEqual(contents(Snapshot.canonical([...nodes].reverse(), [...rels].reverse(), 3)));
  });

  it('packs a read of more relations than one chunk holds, in order and out of order, as the canonical snapshot of the same records', () => {
    // 40 chips, 2,000 deployments on 20 chips each: 40,000 relations, more than one chunk of the builder's lists (32,768)
    const chips = Array.from({ length: 40 }, (_, i) => entity('Chip', i));
    const deployments = Array.from({ length: 2000 }, (_, i) => entity('Deployment', i));
    const rels: RelationRecord[] = deployments.flatMap((d, i) =>
      Array.from({ length: 20 }, (_, k) => {
        const to = `chip:e${(i + k * 7) % 40}`;
        return { id: relationId(d.id, 'RUNS_ON', to), type: 'RUNS_ON' as const, from: d.id, to, props: {}, confidence: 0.5, claimCount: 1 };
      }),
    );
    const canonical = Snapshot.canonical([...chips, ...deployments], rels, 1);
    // edges grouped by source in id order, relation ids in code-point order within a source
    for (let e = 1; e < canonical.edgeCount; e++) {
      const [a, b] = [canonical.edgeFrom[e - 1]!, canonical.edgeFrom[e]!];
      expect(a < b || (a === b && canonical.edgeIds.at(e - 1) < canonical.edgeIds.at(e))).toBe(true);
    }
    const expected = contents(canonical);
    for (const order of [rels, [...rels].reverse()]) {
      const b = new CanonicalBuilder();
      b.addEntities([...chips, ...deployments]);
      for (let i = 0; i < order.length; i += 1000) b.addRelations(order.slice(i, i + 1000));
      const built = b.build(1);
      expect(built.edgeCount).toBe(40_000);
      expect(contents(built)).toEqual(expected);
    }
  });

  it('is taken in another thread only from the version it was patched from, in the same packed columns', () => {
    const chip = entity('Chip', 1);
    const base = Snapshot.canonical([chip], [], 1);
    const next = base.applyChanges({ entities: [entity('Deployment', 1)], relations: [], removed: [] }, 2);
    const sent = structuredClone(next.toFollow()!);
    expect(contents(Snapshot.follow(Snapshot.fromWire(structuredClone(base.toWire())), sent)!)).toEqual(contents(next));
    // another version, the same version read whole afresh (other packed columns), a snapshot not canonical: the whole is sent
    expect(Snapshot.follow(next, sent)).toBeNull();
    expect(Snapshot.follow(Snapshot.canonical([chip, entity('Chip', 2)], [], 1), sent)).toBeNull();
    expect(Snapshot.follow(Snapshot.fromRecords([chip], [], 1), sent)).toBeNull();
    // a snapshot not made by a patch has nothing to send that way
    expect(base.toFollow()).toBeUndefined();
  });

  it('refuses to patch a snapshot not in canonical order', () => {
    const s = Snapshot.fromRecords([entity('Chip', 1)], [], 1);
    expect(() => s.applyChanges({ entities: [], relations: [], removed: [] }, 2)).toThrow(/canonical/);
  });
});

/** A store whose whole-graph reads wait until released: a rebuild that takes as long as the test likes. */
function gated(s: GraphStore): { store: GraphStore; hold(): void; release(): void; reads: () => number } {
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  let reads = 0;
  const store = new Proxy(s, {
    get(target, key, receiver) {
      // (the read on this thread, readSnapshot: not built in the store's thread, where the gate cannot reach)
      if (key === 'buildSnapshot') return undefined;
      if (key === 'entityIdList')
        return async () => {
          reads++;
          if (gate) await gate;
          return target.entityIdList();
        };
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    store,
    hold: () => (gate = new Promise((resolve) => (open = resolve))),
    release: () => {
      gate = null;
      open();
    },
    reads: () => reads,
  };
}

describe('SnapshotCache', () => {
  it('fills the reserve of patch buffers before the first snapshot is served, so the first patch takes its arrays from it', async () => {
    const s = await store();
    // 33,000 edges: the edge arrays of 8 bytes an edge are over the smallest size the reserve keeps (256 KB)
    const chips = Array.from({ length: 30 }, (_, i) => entity('Chip', i));
    const deployments = Array.from({ length: 11_000 }, (_, i) => entity('Deployment', 100 + i));
    const doc = documentId('bulk');
    const claims = deployments.flatMap((d, i) => [0, 1, 2].map((j) => claim(d.id, 'RUNS_ON', chips[(i + j * 7) % chips.length]!.id, doc, i * 3 + j, 0.8)));
    await s.write({ entities: [...chips, ...deployments], documents: [{ id: doc, url: doc, kind: 'news' }], claims });
    const cache = new SnapshotCache(s, 60_000);
    try {
      const first = await cache.get();
      expect(first.edgeCount).toBe(33_000);
      // the probe patch that sized the reserve is not what is served (the nodes: chips, deployments and the document)
      expect(first.nodeCount).toBe(11_031);
      expect(first.indexOf('~reserve-probe')).toBeUndefined();
      expect(cache.status().reserve.bytes).toBeGreaterThan(33_000 * 8);
      // the reserve's pages are written in its own thread; then a write is patched in on its buffers
      while (cache.status().reserve.writing > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const doc2 = documentId('next');
      await s.write({ entities: [entity('Deployment', 99_999)], documents: [{ id: doc2, url: doc2, kind: 'news' }], claims: [claim('deployment:e99999', 'RUNS_ON', 'chip:e1', doc2, 1, 0.9)] });
      cache.invalidate();
      const next = await cache.get();
      expect(next.edgeCount).toBe(33_001);
      expect(cache.status()).toMatchObject({ patched: 1, rebuilt: 1 });
      expect(cache.status().reserve.taken).toBeGreaterThan(0);
      expect(contents(next)).toEqual(contents(await readSnapshot(s)));
    } finally {
      await cache.close();
    }
  }, 60_000);

  it('patches its snapshot after a write instead of reading the graph again', async () => {
    const s = await store();
    await s.write({ entities: [entity('Chip', 1), entity('Deployment', 2)] });
    const g = gated(s);
    const cache = new SnapshotCache(g.store, 60_000);
    expect(Number((await cache.get()).version)).toBe(1);
    const readsAfterFirst = g.reads();
    await s.write({ documents: [{ id: documentId('d'), url: 'd', kind: 'news' }], claims: [claim('deployment:e2', 'RUNS_ON', 'chip:e1', documentId('d'), 1, 0.9)] });
    // trusted until the recheck interval passes or a local write invalidates it
    expect(Number((await cache.get()).version)).toBe(1);
    cache.invalidate();
    const next = await cache.get();
    expect(Number(next.version)).toBe(2);
    expect(next.edgeCount).toBe(1);
    expect(g.reads()).toBe(readsAfterFirst);
    expect(cache.status()).toMatchObject({ version: 2, rebuilding: false, patched: 1, rebuilt: 1 });
  });

  it('sees a local write even when a catch-up started before it is still running', async () => {
    const s = await store();
    await s.write({ entities: [entity('Chip', 1)] });
    let gate: Promise<void> | null = null;
    let open: () => void = () => undefined;
    const slow = new Proxy(s as GraphStore, {
      get(target, key, receiver) {
        if (key === 'changesSince')
          return async (since: number) => {
            const answer = await target.changesSince(since);
            if (gate) await gate;
            return answer;
          };
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const cache = new SnapshotCache(slow, 60_000);
    await cache.get();
    await s.write({ entities: [entity('Chip', 2)] });
    gate = new Promise((resolve) => (open = resolve));
    cache.invalidate();
    const early = cache.get();
    // the early catch-up has read the log (version 2) and waits; a write lands, then a request asks
    await new Promise((resolve) => setTimeout(resolve, 20));
    await s.write({ entities: [entity('Chip', 3)] });
    cache.invalidate();
    const late = cache.get();
    gate = null;
    open();
    expect(Number((await early).version)).toBe(2);
    expect(Number((await late).version)).toBe(3);
    expect((await late).indexOf('chip:e3')).toBeDefined();
  });

  it('answers from the previous snapshot while a replica too far behind reads the graph again', async () => {
    const s = await store(2);
    await s.write({ entities: [entity('Chip', 1)] });
    const g = gated(s);
    const cache = new SnapshotCache(g.store, 0, { pageSize: 1 });
    const first = await cache.get();
    expect(Number(first.version)).toBe(1);
    for (let i = 2; i <= 5; i++) await s.write({ entities: [entity('Chip', i)] });
    g.hold();
    // the log keeps 2 versions and the snapshot is 4 behind: a rebuild starts, and requests do not wait for it
    const during = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(during.every((snap) => snap === first)).toBe(true);
    expect(cache.status()).toMatchObject({ version: 1, rebuilding: true });
    expect(await cache.get()).toBe(first);
    g.release();
    await cache.settled();
    const rebuilt = await cache.get();
    expect(Number(rebuilt.version)).toBe(5);
    expect(contents(rebuilt)).toEqual(contents(await readSnapshot(s)));
    expect(cache.status()).toMatchObject({ version: 5, rebuilding: false, rebuilt: 2 });
  });

  it('catches up with writes that land while the graph is being read', async () => {
    const s = await store();
    for (let i = 0; i < 6; i++) await s.write({ entities: [entity('Deployment', i)] });
    const g = gated(s);
    g.hold();
    const cache = new SnapshotCache(g.store, 0, { pageSize: 2 });
    const building = cache.get();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await s.write({ entities: [entity('Deployment', 0, 7), entity('Deployment', 99)] });
    g.release();
    const snap = await building;
    expect(Number(snap.version)).toBe(7);
    expect(contents(snap)).toEqual(contents(await readSnapshot(s)));
  });

  it('a snapshot read whole is the graph read afresh, handed over whole (no patch from the one served before)', async () => {
    const s = await store(1);
    await s.write({ entities: [entity('Chip', 1), entity('Deployment', 2)] });
    const cache = new SnapshotCache(s, 0);
    const first = await cache.get();
    const reads = cache.status().rebuilt;
    // two writes: past the change log of one version, so the cache reads the whole graph
    await s.write({ entities: [entity('Chip', 3)] });
    await s.write({ entities: [entity('Deployment', 4), entity('Chip', 1, 9)] });
    expect(await cache.get()).toBe(first);
    await cache.settled();
    const rebuilt = await cache.get();
    expect(cache.status().rebuilt).toBe(reads + 1);
    // the analysis workers take it whole (its shared buffers): it carries no lineage for them to patch from
    expect(rebuilt.patchedFrom).toBeUndefined();
    const all = await s.readAll();
    expect(contents(rebuilt)).toEqual(contents(Snapshot.canonical(all.entities, all.relations, all.version)));
  });

  it('serves the previous snapshot until what must hold a snapshot read whole has taken it, and after a failed hand-over serves the new one', async () => {
    const s = await store(1);
    await s.write({ entities: [entity('Chip', 1)] });
    const errors: unknown[] = [];
    const cache = new SnapshotCache(s, 0, { onError: (err) => errors.push(err) });
    const first = await cache.get();
    const handed: Snapshot[] = [];
    let release: () => void = () => undefined;
    cache.setHandOver((next) => {
      handed.push(next);
      return new Promise<void>((resolve) => (release = resolve));
    });
    await s.write({ entities: [entity('Chip', 2)] });
    await s.write({ entities: [entity('Chip', 3)] });
    expect(await cache.get()).toBe(first);
    // the read is done and handed over: requests still get the previous snapshot while the hand-over runs
    for (let k = 0; k < 50 && !handed.length; k++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(handed).toHaveLength(1);
    expect(await cache.get()).toBe(first);
    expect(cache.status().rebuilding).toBe(true);
    release();
    await cache.settled();
    expect(await cache.get()).toBe(handed[0]);
    expect(Number(handed[0]!.version)).toBe(3);
    // a hand-over that fails is reported; the snapshot read is served all the same
    cache.setHandOver(() => Promise.reject(new Error('workers went away')));
    await s.write({ entities: [entity('Chip', 4)] });
    await s.write({ entities: [entity('Chip', 5)] });
    await cache.get();
    await cache.settled();
    expect(Number((await cache.get()).version)).toBe(5);
    expect(errors).toEqual([expect.objectContaining({ message: 'workers went away' })]);
  });

  it('keeps serving the previous snapshot when a background rebuild fails, and says so', async () => {
    const s = await store(1);
    await s.write({ entities: [entity('Chip', 1)] });
    const errors: unknown[] = [];
    let fail = false;
    const flaky = new Proxy(s as GraphStore, {
      get(target, key, receiver) {
        if (key === 'entityIdList' && fail) return () => Promise.reject(new Error('store went away'));
        // (the read on this thread, where the failure is made; a failure of the store thread's build: store-thread-snapshot.test.ts)
        if (key === 'buildSnapshot') return undefined;
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const cache = new SnapshotCache(flaky, 0, { onError: (err) => errors.push(err) });
    const first = await cache.get();
    await s.write({ entities: [entity('Chip', 2)] });
    await s.write({ entities: [entity('Chip', 3)] });
    fail = true;
    expect(await cache.get()).toBe(first);
    await cache.settled();
    expect(errors.map((e) => (e as Error).message)).toEqual(['store went away']);
    expect(await cache.get()).toBe(first);
    fail = false;
    await cache.settled();
    await cache.get();
    await cache.settled();
    expect(Number((await cache.get()).version)).toBe(3);
  });
});
