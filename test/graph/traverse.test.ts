// Traversals, k-shortest paths and exposure on small snapshots.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SnapshotBuilder, type Snapshot } from '../../graph/snapshot.js';
import { anySteps, dependencySteps, reach } from '../../graph/traverse.js';
import { kShortestPaths } from '../../graph/paths.js';
import { exposure, homeOf, jurisdictionsOf } from '../../graph/exposure.js';
import { FAILURE_LAYERS as LAYERS } from '../../schema/layers.js';
import type { Label, RelationType } from '../../schema/generated/model.js';

function graph(nodes: [string, Label][], edges: [string, RelationType, string, Record<string, string>?][]): Snapshot {
  const b = new SnapshotBuilder();
  for (const [id, label] of nodes) b.addNode(id, label, id);
  for (const [f, t, to, props] of edges) b.addEdge(f, t, to, props ?? {}, { id: `${f}-${t}-${to}` });
  return b.build(1);
}

// a deployment in France using a French model over an API, hosted on a US cloud; the model runs on a US-designed chip
const world = graph(
  [
    ['nation:fr', 'Nation'],
    ['nation:eu', 'Nation'],
    ['nation:us', 'Nation'],
    ['deployment:d', 'Deployment'],
    ['model:m', 'Model'],
    ['lab:l', 'Lab'],
    ['cloud:c', 'Cloud'],
    ['org:op', 'Organization'],
    ['chip:x', 'Chip'],
    ['org:designer', 'Organization'],
  ],
  [
    ['nation:fr', 'MEMBER_OF', 'nation:eu'],
    ['deployment:d', 'LOCATED_IN', 'nation:fr'],
    ['deployment:d', 'USES_MODEL', 'model:m', { via: 'api' }],
    ['deployment:d', 'HOSTED_ON', 'cloud:c'],
    ['model:m', 'DEVELOPED_BY', 'lab:l'],
    ['lab:l', 'HEADQUARTERED_IN', 'nation:fr'],
    ['model:m', 'RUNS_ON', 'chip:x'],
    ['chip:x', 'DESIGNED_BY', 'org:designer'],
    ['org:designer', 'HEADQUARTERED_IN', 'nation:us'],
    ['cloud:c', 'OPERATED_BY', 'org:op'],
    ['org:op', 'HEADQUARTERED_IN', 'nation:us'],
  ],
);
const at = (id: string) => world.indexOf(id)!;
const ids = (s: Snapshot, ns: number[]) => ns.map((n) => s.ids.at(n));

describe('dependency steps follow the schema flags', () => {
  it('walks upstream from a dependent to what it depends on, and downstream back', () => {
    expect(
      ids(
        world,
        dependencySteps(world, at('model:m'), 'upstream').map((s) => s.node),
      ).sort(),
    ).toEqual(['chip:x', 'lab:l']);
    expect(
      ids(
        world,
        dependencySteps(world, at('chip:x'), 'downstream').map((s) => s.node),
      ),
    ).toEqual(['model:m']);
    expect(dependencySteps(world, at('chip:x'), 'downstream')[0]!.reversed).toBe(true);
  });

  it('reaches dependencies breadth-first up to a depth', () => {
    const r = reach(world, at('deployment:d'), 'upstream', 2);
    expect(ids(world, r.nodes)).toEqual(['deployment:d', 'nation:fr', 'model:m', 'cloud:c', 'nation:eu', 'lab:l', 'chip:x', 'org:op']);
    expect(r.depths).toEqual([0, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('lists every relation in either direction for undirected walks', () => {
    expect(anySteps(world, at('model:m')).length).toBe(3);
  });
});

describe('k-shortest paths (Yen)', () => {
  it('finds the shortest path first, then the next ones, all simple', () => {
    const paths = kShortestPaths(world, at('deployment:d'), at('nation:us'), { maxLength: 6, k: 5, directed: true });
    expect(
      paths.map((p) =>
        ids(
          world,
          p.steps.map((s) => s.node),
        ),
      ),
    ).toEqual([
      ['cloud:c', 'org:op', 'nation:us'],
      ['model:m', 'chip:x', 'org:designer', 'nation:us'],
    ]);
  });

  it('respects maxLength and answers nothing for unreachable targets', () => {
    expect(kShortestPaths(world, at('deployment:d'), at('nation:us'), { maxLength: 2, k: 3, directed: true })).toEqual([]);
    expect(kShortestPaths(world, at('nation:us'), at('deployment:d'), { maxLength: 6, k: 3, directed: true })).toEqual([]);
    expect(kShortestPaths(world, at('nation:us'), at('deployment:d'), { maxLength: 6, k: 1, directed: false })[0]!.steps).toHaveLength(3);
  });

  // the oracle: every simple path by depth-first search, sorted by length
  function allSimplePaths(s: Snapshot, from: number, to: number, maxLength: number): number[] {
    const lengths: number[] = [];
    const visit = (n: number, seen: Set<number>, len: number) => {
      if (n === to) return void lengths.push(len);
      if (len === maxLength) return;
      for (const st of anySteps(s, n)) if (!seen.has(st.node)) visit(st.node, new Set([...seen, st.node]), len + 1);
    };
    visit(from, new Set([from]), 0);
    return lengths.sort((a, b) => a - b);
  }

  it('matches brute force on random graphs (path lengths, simple, distinct)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 6 }), (pairs, k) => {
        const b = new SnapshotBuilder();
        for (let i = 0; i < 7; i++) b.addNode(`org:n${i}`, 'Organization', `n${i}`);
        pairs.forEach(([f, t], i) => b.addEdge(f, 'PARTNERS_WITH', t, {}, { id: `e${i}` }));
        const s = b.build();
        const found = kShortestPaths(s, 0, 6, { maxLength: 5, k, directed: false });
        const oracle = allSimplePaths(s, 0, 6, 5).slice(0, k);
        expect(found.map((p) => p.steps.length)).toEqual(oracle);
        const keys = found.map((p) => p.steps.map((st) => `${st.edge}${st.reversed}`).join());
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of found) expect(new Set([0, ...p.steps.map((st) => st.node)]).size).toBe(p.steps.length + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('exposure', () => {
  it("counts a bloc's members as home and walks control chains to foreign jurisdictions", () => {
    expect(ids(world, [...homeOf(world, at('nation:eu'))]).sort()).toEqual(['nation:eu', 'nation:fr']);
    const j = jurisdictionsOf(world, at('cloud:c'));
    expect(ids(world, [...j.keys()])).toEqual(['nation:us']);
    expect(j.get(at('nation:us'))!.map((e) => world.edgeIds.at(e))).toEqual(['cloud:c-OPERATED_BY-org:op', 'org:op-HEADQUARTERED_IN-nation:us']);
  });

  it('reports per layer the subjects that depend on foreign-controlled parts, with the edges behind them', () => {
    const r = exposure(world, at('nation:fr'), { subjects: ['Deployment', 'Model'] });
    expect(ids(world, r.subjects)).toEqual(['deployment:d', 'model:m']);
    const layer = (l: string) => r.layers.find((x) => x.layer === l)!;
    expect(layer('serving').exposed).toBe(2);
    expect(layer('provider').exposed).toBe(0);
    // the layers are the schema's, the same list the scenario engine uses
    expect(r.layers.map((l) => l.layer)).toEqual([...LAYERS]);
    const item = layer('serving').items.find((i) => world.ids.at(i.dependency) === 'chip:x' && world.ids.at(i.subject) === 'deployment:d')!;
    expect(item.path.map((e) => world.edgeIds.at(e))).toEqual(['deployment:d-USES_MODEL-model:m', 'model:m-RUNS_ON-chip:x']);
    expect(ids(world, item.jurisdictions)).toEqual(['nation:us']);
  });

  it('lets a self-hosted model pass only its weights layer', () => {
    const selfHosted = graph(
      [
        ['nation:fr', 'Nation'],
        ['nation:us', 'Nation'],
        ['deployment:d', 'Deployment'],
        ['model:m', 'Model'],
        ['lab:l', 'Lab'],
      ],
      [
        ['deployment:d', 'LOCATED_IN', 'nation:fr'],
        ['deployment:d', 'USES_MODEL', 'model:m', { via: 'self_hosted' }],
        ['model:m', 'DEVELOPED_BY', 'lab:l'],
        ['lab:l', 'HEADQUARTERED_IN', 'nation:us'],
      ],
    );
    const r = exposure(selfHosted, selfHosted.indexOf('nation:fr')!, { subjects: ['Deployment'] });
    // the model itself is US-controlled (the `direct` layer of USES_MODEL); its provider is not reached
    expect(r.layers.filter((l) => l.exposed > 0).map((l) => l.layer)).toEqual(['direct']);
    const api = exposure(world, at('nation:fr'), { subjects: ['Deployment'] });
    expect(api.exposed).toBe(1);
  });
});
