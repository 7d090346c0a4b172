// Long snapshot work run in slices gives what it gives in one go, and lets the event loop in
// between: packing a whole-graph read, patching a snapshot, and a paged read whose pages never
// exceed the page size asked for. Nothing here times anything (speed is in `npm run bench`).
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { readSnapshot } from '../../graph/snapshot-cache.js';
import { CanonicalBuilder, Snapshot, type SnapshotChanges } from '../../graph/snapshot.js';
import { runNow, runPaced, sortSteps } from '../../graph/snapshot-pacing.js';
import type { GraphStore } from '../../graph/store.js';
import { relationId, type EntityRecord, type RelationRecord } from '../../schema/records.js';

const chip = (i: number): EntityRecord => ({ id: `chip:c${String(i).padStart(5, '0')}`, label: 'Chip', name: `Chip ${i}`, aliases: [], props: { kind: 'gpu' } });
const deployment = (i: number): EntityRecord => ({ id: `deployment:d${String(i).padStart(5, '0')}`, label: 'Deployment', name: `Deployment ${i}`, aliases: [], props: { dataClasses: ['public'] } });
const runsOn = (from: string, to: string): RelationRecord => ({ id: relationId(from, 'RUNS_ON', to), type: 'RUNS_ON', from, to, props: {}, confidence: 0.9, claimCount: 1 });

/** A graph of 3,000 deployments each on 4 of 50 chips: 12,000 edges, past several checkpoints. */
function world(): { entities: EntityRecord[]; relations: RelationRecord[] } {
  const chips = Array.from({ length: 50 }, (_, i) => chip(i));
  const deployments = Array.from({ length: 3000 }, (_, i) => deployment(i * 2));
  const relations = deployments.flatMap((d, i) => [0, 1, 2, 3].map((k) => runsOn(d.id, chips[(i * 7 + k * 13) % 50]!.id)));
  return { entities: [...chips, ...deployments], relations };
}

/** Everything a snapshot holds, array for array. */
function contents(s: Snapshot) {
  const p = s.parts();
  return {
    version: s.version,
    ids: [...p.ids],
    labels: [...p.labelOf],
    names: [...p.names],
    props: [...p.nodeProps],
    aliases: [...p.aliases],
    edges: [...p.edgeIds],
    from: [...p.edgeFrom],
    to: [...p.edgeTo],
    types: [...p.edgeType],
    out: [...s.outOffsets, ...s.outEdges],
    in: [...s.inOffsets, ...s.inEdges],
  };
}

/** Counts the turns the event loop gets while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work();
  running = false;
  return { value, turns };
}

describe('snapshot work in slices', () => {
  it('packs a canonical snapshot in slices that let the event loop run, equal to packing it at once', async () => {
    const w = world();
    const build = () => {
      const b = new CanonicalBuilder();
      b.addEntities(w.entities.slice(0, 1000));
      b.addEntities(w.entities.slice(1000));
      b.addRelations(w.relations);
      return b;
    };
    const atOnce = build().build(7);
    const { value: paced, turns } = await turnsDuring(() => runPaced(build().buildSteps(7), 0));
    expect(contents(paced)).toEqual(contents(atOnce));
    expect(contents(atOnce)).toEqual(contents(Snapshot.canonical(w.entities, w.relations, 7)));
    expect(turns).toBeGreaterThan(5);
  });

  it('patches in slices to the snapshot a patch at once gives, leaving the old one as it was', async () => {
    const w = world();
    const before = Snapshot.canonical(w.entities, w.relations, 1);
    const kept = contents(before);
    // new deployments between existing ids (every node moves), a renamed chip, relations added and gone
    const fresh = [deployment(1), deployment(4001), deployment(5999)];
    const changes: SnapshotChanges = {
      entities: [...fresh, { ...chip(3), name: 'Renamed chip' }],
      relations: fresh.map((d) => runsOn(d.id, chip(3).id)),
      removed: w.relations.slice(0, 40).map((r) => ({ id: r.id, from: r.from, to: r.to, type: r.type })),
    };
    const atOnce = before.applyChanges(changes, 2);
    const { value: paced, turns } = await turnsDuring(() => runPaced(before.applyChangesSteps(changes, 2), 0));
    expect(contents(paced)).toEqual(contents(atOnce));
    expect(contents(before)).toEqual(kept);
    expect(paced.edgeCount).toBe(w.relations.length - 40 + 3);
    expect(paced.names.at(paced.indexOf(chip(3).id)!)).toBe('Renamed chip');
    expect(turns).toBeGreaterThan(5);
    // and run to the end without yielding, as applyChanges does
    expect(contents(runNow(before.applyChangesSteps(changes, 2)))).toEqual(contents(atOnce));
  });

  it('reads the whole graph in pages no larger than the page size, to the same snapshot', async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    try {
      const entities = [...Array.from({ length: 20 }, (_, i) => chip(i)), ...Array.from({ length: 300 }, (_, i) => deployment(i))];
      await store.write({ entities });
      const seen: { entities: number[]; relations: number[] } = { entities: [], relations: [] };
      const counting = new Proxy(store as GraphStore, {
        get(target, key, receiver) {
          if (key === 'getEntities') return (ids: string[]) => (seen.entities.push(ids.length), target.getEntities(ids));
          if (key === 'relationsFrom') return (ids: string[]) => (seen.relations.push(ids.length), target.relationsFrom(ids));
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const paged = await readSnapshot(counting, 40);
      expect(Math.max(...seen.entities, ...seen.relations)).toBeLessThanOrEqual(40);
      expect(seen.entities.reduce((a, b) => a + b, 0)).toBe(entities.length);
      expect(seen.relations.reduce((a, b) => a + b, 0)).toBe(entities.length);
      const all = await store.readAll();
      expect(contents(paged)).toEqual(contents(Snapshot.canonical(all.entities, all.relations, all.version)));
    } finally {
      await store.close();
    }
  });

  it('sorts in slices to the order a sort at once gives, at sizes around its runs', async () => {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const n of [0, 1, 2047, 2048, 2049, 10_000]) {
      // a fixed scramble with repeats, so equal ids meet across runs
      const items = Array.from({ length: n }, (_, i) => `id:${String(((i * 7919) % (n || 1)) >> 1).padStart(6, '0')}`);
      const expected = [...items].sort(cmp);
      const { value, turns } = await turnsDuring(() => runPaced(sortSteps(items, cmp), 0));
      expect(value).toEqual(expected);
      expect(value).toBe(items);
      if (n === 10_000) expect(turns).toBeGreaterThan(5);
    }
  });

  it("lists the embedded store's ids in id order from one unordered read, in slices", async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:', shuffleUnordered: true });
    try {
      const entities = Array.from({ length: 3000 }, (_, i) => deployment((i * 7) % 3001));
      await store.write({ entities });
      const { value: ids, turns } = await turnsDuring(() => store.entityIdList());
      expect(ids).toEqual(entities.map((e) => e.id).sort());
      expect(turns).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  });
});
