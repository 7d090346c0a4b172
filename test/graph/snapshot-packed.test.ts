// The snapshot's strings and props packed as text columns (graph/snapshot-text.ts) give back what
// the records held: on a generated graph with rich props (unicode, nested values, empty strings)
// larger than one chunk of a column, built canonically and in insertion order, compared with the
// records themselves (what the snapshot held as objects before), and patched as before.
import { describe, expect, it } from 'vitest';
import { CanonicalBuilder, NO_PROPS, Snapshot, compareIds, type SnapshotChanges } from '../../graph/snapshot.js';
import { CHUNK_SHIFT, TextColumnBuilder, textAt, textColumn } from '../../graph/snapshot-text.js';
import { runPaced } from '../../graph/snapshot-pacing.js';
import type { EntityRecord, Props, RelationRecord } from '../../schema/records.js';
import type { Label, RelationType } from '../../schema/generated/model.js';
import { rng } from '../../bench/scenarios-world.js';
import { snapshotLists } from './snapshot-lists.js';

const CHUNK = 1 << CHUNK_SHIFT;
const ODD = ['', 'é', 'Zürich – “quoted” \\ back\\slash', '北京 半导体', '🚀 rocket 𝔘', 'a\u0000b', 'tab\tnew\nline', '\u2028sep\u2029', '"{}[],:'];

/** A graph of n nodes and about 2n edges with props of every shape, ids in shuffled order (some of them unicode). */
function world(n: number, seed: number): { entities: EntityRecord[]; relations: RelationRecord[] } {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const labels: Label[] = ['Chip', 'Deployment', 'Organization', 'Nation', 'Model'];
  const types: RelationType[] = ['RUNS_ON', 'LOCATED_IN', 'DEVELOPED_BY', 'HOSTED_ON'];
  const entities: EntityRecord[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 7;
    const props: Props =
      kind === 0
        ? {}
        : kind === 1
          ? { text: pick(ODD), n: i, flag: i % 2 === 0, list: [pick(ODD), i, false] }
          : kind === 2
            ? ({ nested: { deep: [{ x: pick(ODD) }, null], empty: {} }, '': '' } as unknown as Props)
            : kind === 3
              ? { parametersB: Math.round(next() * 1e4) / 10, license: pick(ODD) }
              : { kind: pick(['gpu', 'cpu', '']) };
    entities.push({
      id: `${pick(['chip', 'deployment', 'org'])}:${i % 11 === 0 ? pick(ODD.slice(1)) : ''}e${Math.floor(next() * 1e9).toString(36)}-${i}`,
      label: pick(labels),
      name: i % 13 === 0 ? '' : `${pick(ODD)} ${i}`,
      aliases: i % 5 === 0 ? [pick(ODD), ''] : i % 5 === 1 ? [`alias ${i}`] : [],
      props,
    });
  }
  const relations: RelationRecord[] = [];
  for (let k = 0; k < 2 * n; k++) {
    const from = pick(entities).id;
    const to = pick(entities).id;
    const type = pick(types);
    const props: Props = k % 4 === 0 ? { note: pick(ODD), share: next() } : {};
    relations.push({
      id: `rel:${k.toString(36)}-${pick(ODD)}`,
      type,
      from,
      to,
      props,
      confidence: Math.round(next() * 100) / 100,
      claimCount: 1,
      ...(k % 3 === 0 ? { validFrom: '2025-01-01' } : {}),
    });
  }
  return { entities, relations };
}

/** What a snapshot of these records holds, read from the records (the objects the snapshot kept before it packed them). */
function expected(entities: readonly EntityRecord[], relations: readonly RelationRecord[], canonical: boolean) {
  const nodes = canonical ? [...entities].sort((a, b) => compareIds(a.id, b.id)) : entities;
  const at = new Map(nodes.map((e, i) => [e.id, i]));
  const edges = relations.filter((r) => at.has(r.from) && at.has(r.to));
  if (canonical) edges.sort((a, b) => at.get(a.from)! - at.get(b.from)! || compareIds(a.id, b.id));
  return {
    ids: nodes.map((e) => e.id),
    names: nodes.map((e) => e.name),
    nodeProps: nodes.map((e) => e.props),
    aliases: nodes.map((e) => e.aliases),
    edgeIds: edges.map((r) => r.id),
    edgeProps: edges.map((r) => r.props),
  };
}

describe('the packed snapshot', () => {
  const { entities, relations } = world(CHUNK + 5000, 11);

  it('gives back the records’ strings and props, built canonically and in insertion order, past a chunk of each column', () => {
    for (const [s, canonical] of [
      [Snapshot.canonical(entities, relations, 1), true],
      [Snapshot.fromRecords(entities, relations, 1), false],
    ] as const) {
      const want = expected(entities, relations, canonical);
      expect(s.nodeCount).toBe(entities.length);
      expect(s.edgeCount).toBe(relations.length);
      expect(snapshotLists(s)).toEqual(want);
      // every id found at its index; unknown and empty ids not found
      for (let i = 0; i < s.nodeCount; i++) expect(s.indexOf(want.ids[i]!)).toBe(i);
      expect(s.indexOf('chip:none')).toBeUndefined();
      expect(s.indexOf(want.ids[5]!.slice(0, -1))).toBeUndefined();
      for (let e = 0; e < s.edgeCount; e += 97) expect(s.edgeIndexOf(want.edgeIds[e]!)).toBe(e);
      // the entity record, its props the same object each time; the edges without props share one frozen object
      const i = want.ids.findIndex((id, k) => entities.find((x) => x.id === id)!.props.nested && k > CHUNK);
      expect(s.entity(i)).toEqual({ ...entities.find((x) => x.id === want.ids[i])!, props: want.nodeProps[i] });
      expect(s.propsOf(i)).toBe(s.propsOf(i));
      expect(want.edgeProps.filter((p) => !Object.keys(p).length).length).toBe(snapshotLists(s).edgeProps.filter((p) => p === NO_PROPS).length);
      // id order without reading the ids
      const order = Array.from({ length: s.nodeCount }, (_, k) => k);
      expect(order.sort((a, b) => s.compareIdsAt(a, b)).map((k) => want.ids[k])).toEqual([...want.ids].sort(compareIds));
    }
  });

  it('keeps an id added twice once, as the first (insertion order) and in id order', () => {
    const twice: EntityRecord[] = [entities[0]!, { ...entities[0]!, name: 'second' }, entities[1]!];
    expect(snapshotLists(Snapshot.fromRecords(twice, [])).names).toEqual([entities[0]!.name, entities[1]!.name]);
    const b = new CanonicalBuilder();
    b.addEntities(twice);
    expect(snapshotLists(b.build()).names).toEqual(expected([entities[0]!, entities[1]!], [], true).names);
  });

  it('patches (applyChangesSteps, in slices) to what a full build of the new records gives', async () => {
    const before = Snapshot.canonical(entities, relations, 1);
    const kept = snapshotLists(before);
    const next = rng(5);
    const fresh = world(300, 23).entities.map((e, k) => ({ ...e, id: `${e.id}-new${k}` }));
    const renamed = [entities[3]!, entities[CHUNK + 7]!, entities[40_000 - CHUNK]!].map((e) => ({ ...e, name: `${e.name} 🚀 renamed`, props: { renamed: true, list: ['', 'ü'] }, aliases: ['x', ''] }));
    const removed = relations.filter(() => next() < 0.01);
    const gone = new Set(removed.map((r) => r.id));
    const added: RelationRecord[] = fresh.slice(0, 100).map((e, k) => ({
      id: `rel:new-${k}-ö`,
      type: 'RUNS_ON',
      from: e.id,
      to: entities[k * 300]!.id,
      props: (k % 2 ? { note: `new ${ODD[k % ODD.length]}` } : {}) as Props,
      confidence: 0.5,
      claimCount: 1,
    }));
    const changedEdge = { ...relations.find((r) => !gone.has(r.id))!, props: { changed: '✓' } };
    const changes: SnapshotChanges = {
      entities: [...fresh, ...renamed],
      relations: [...added, changedEdge],
      removed: removed.map((r) => ({ id: r.id, from: r.from, to: r.to, type: r.type })),
    };
    const patched = await runPaced(before.applyChangesSteps(changes, 2), 0);
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const e of [...fresh, ...renamed]) byId.set(e.id, e);
    const rels = new Map(relations.filter((r) => !gone.has(r.id)).map((r) => [r.id, r]));
    for (const r of [...added, changedEdge]) rels.set(r.id, r);
    const full = Snapshot.canonical(byId.values(), rels.values(), 2);
    expect(snapshotLists(patched)).toEqual(snapshotLists(full));
    expect(snapshotLists(patched)).toEqual(expected([...byId.values()], [...rels.values()], true));
    expect([...patched.edgeFrom]).toEqual([...full.edgeFrom]);
    expect([...patched.edgeTo]).toEqual([...full.edgeTo]);
    expect([...patched.outOffsets]).toEqual([...full.outOffsets]);
    for (const e of fresh) expect(patched.indexOf(e.id)).toBe(full.indexOf(e.id));
    // the snapshot patched is left as it was
    expect(snapshotLists(before)).toEqual(kept);
    // a rename alone shares the ids and the edge columns
    const renamedOnly = before.applyChanges({ entities: renamed, relations: [], removed: [] }, 3);
    expect(renamedOnly.parts().ids).toBe(before.parts().ids);
    expect(renamedOnly.parts().edgeIds).toBe(before.parts().edgeIds);
    expect(renamedOnly.name(before.indexOf(renamed[1]!.id)!)).toBe(renamed[1]!.name);
  });
});

describe('text columns', () => {
  it('copy runs of another column across chunk boundaries', () => {
    const values = Array.from({ length: 2 * CHUNK + 10 }, (_, i) => (i % 9 === 0 ? '' : `${ODD[i % ODD.length]}${i}`));
    const c = textColumn(values);
    expect(c.texts.length).toBe(3);
    const b = new TextColumnBuilder();
    b.add('first');
    b.addRange(c, 5, CHUNK + 100);
    b.add('');
    b.addRange(c, CHUNK + 100, 2 * CHUNK + 10);
    const copy = b.build();
    const want = ['first', ...values.slice(5)];
    want.splice(1 + CHUNK + 95, 0, '');
    expect(Array.from({ length: copy.ends.length }, (_, i) => textAt(copy, i))).toEqual(want);
  });
});
