import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankChokepoints, rankChokepointsNaive } from '../../scenarios/chokepoints.js';
import { runScenario, STATUSES, type ScenarioResult } from '../../scenarios/engine.js';
import { fromObject } from '../../scenarios/scenario-file.js';
import { NODE_IDS, edgeArb, edgesOf, randomWorld, shockArb, type EdgeDraw } from './random-world.js';
import { world, type EdgeSpec } from './small-world.js';
import type { Props } from '../../schema/records.js';

const SEVERITY = { UNAFFECTED: 0, DEGRADED: 1, AT_RISK: 2, BROKEN: 3 } as const;
const graphArb = fc.array(edgeArb, { minLength: 5, maxLength: 60 });
const RUNS = { numRuns: 150 };

function severities(r: ScenarioResult): Map<string, number> {
  return new Map(r.impacts.map((i) => [i.deployment.id, SEVERITY[i.status]]));
}

function scenario(shocks: unknown[]) {
  return fromObject({ name: 'p', title: 'p', shocks });
}

describe('engine properties on generated graphs', () => {
  it('adding an unaffected alternative never worsens a status', () => {
    fc.assert(
      fc.property(graphArb, fc.array(shockArb, { minLength: 1, maxLength: 3 }), fc.nat(5), (draws, shocks, d) => {
        const edges = edgesOf(draws as EdgeDraw[]);
        const before = severities(runScenario(randomWorld(edges), scenario(shocks), { statusOnly: true }));
        // a fresh chip and a fresh cloud: nothing depends on them, no shock names them
        const extra = randomWorldWithFresh(edges, `deployment:deployment${d}`);
        const after = severities(runScenario(extra, scenario(shocks), { statusOnly: true }));
        for (const [id, s] of after) expect(s).toBeLessThanOrEqual(before.get(id) ?? 0);
      }),
      RUNS,
    );
  });

  it('removing a shock never breaks more', () => {
    fc.assert(
      fc.property(graphArb, fc.array(shockArb, { minLength: 2, maxLength: 4 }), (draws, shocks) => {
        const snap = randomWorld(edgesOf(draws as EdgeDraw[]));
        const all = severities(runScenario(snap, scenario(shocks), { statusOnly: true }));
        const fewer = severities(runScenario(snap, scenario(shocks.slice(1)), { statusOnly: true }));
        for (const [id, s] of fewer) expect(s).toBeLessThanOrEqual(all.get(id) ?? 0);
      }),
      RUNS,
    );
  });

  it('every cause chain is a connected chain of existing relations ending at the deployment', () => {
    fc.assert(
      fc.property(graphArb, fc.array(shockArb, { minLength: 1, maxLength: 3 }), (draws, shocks) => {
        const edges = edgesOf(draws as EdgeDraw[]);
        const exists = new Set(edges.map(([f, t, to]) => `${f} ${t} ${to}`));
        const r = runScenario(randomWorld(edges), scenario(shocks));
        for (const imp of r.impacts) {
          expect(imp.causes.length).toBeGreaterThan(0);
          for (const c of imp.causes) {
            c.steps.forEach((st, i) => {
              expect(exists.has(`${st.from} ${st.rel} ${st.to}`)).toBe(true);
              const next = c.steps[i + 1];
              if (next) expect([next.from, next.to].some((x) => x === st.from || x === st.to)).toBe(true);
            });
            const last = c.steps[c.steps.length - 1];
            if (last) expect([last.from, last.to]).toContain(imp.deployment.id);
          }
          for (let i = 1; i < imp.causes.length; i++) expect(imp.causes[i]!.steps.length).toBeGreaterThanOrEqual(imp.causes[i - 1]!.steps.length);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic and lists impacts in status order, then by id', () => {
    fc.assert(
      fc.property(graphArb, fc.array(shockArb, { minLength: 1, maxLength: 3 }), (draws, shocks) => {
        const edges = edgesOf(draws as EdgeDraw[]);
        const a = runScenario(randomWorld(edges), scenario(shocks));
        const b = runScenario(randomWorld(edges), scenario(shocks));
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        const keys = a.impacts.map((i) => [STATUSES.indexOf(i.status), i.deployment.id] as const);
        const sorted = [...keys].sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1));
        expect(keys).toEqual(sorted);
      }),
      RUNS,
    );
  });

  it('mitigations never change a status and never replace an entity with itself', () => {
    fc.assert(
      fc.property(graphArb, fc.array(shockArb, { minLength: 1, maxLength: 2 }), (draws, shocks) => {
        const snap = randomWorld(edgesOf(draws as EdgeDraw[]));
        const full = runScenario(snap, scenario(shocks));
        const bare = runScenario(snap, scenario(shocks), { statusOnly: true });
        expect(full.impacts.map((i) => [i.deployment.id, i.status])).toEqual(bare.impacts.map((i) => [i.deployment.id, i.status]));
        for (const imp of full.impacts) for (const m of imp.mitigations) expect(m.with).not.toBe(m.replace);
      }),
      RUNS,
    );
  });
});

describe('chokepoints', () => {
  it('the one-pass ranking equals the naive per-entity loop', () => {
    fc.assert(
      fc.property(graphArb, (draws) => {
        const snap = randomWorld(edgesOf(draws as EdgeDraw[]));
        expect(rankChokepoints(snap, { first: 0 })).toEqual(rankChokepointsNaive(snap, { first: 0 }));
      }),
      { numRuns: 300 },
    );
  });
});

// Gives a deployment a fresh chip and a fresh cloud beside the ones it already needs.
function randomWorldWithFresh(edges: EdgeSpec[], deployment: string) {
  const more = [...edges];
  const has = (t: string) => edges.some(([f, rel]) => f === deployment && rel === t);
  if (has('RUNS_ON')) more.push([deployment, 'RUNS_ON', 'chip:fresh']);
  if (has('HOSTED_ON')) more.push([deployment, 'HOSTED_ON', 'cloud:fresh']);
  const nodes = Object.fromEntries([...NODE_IDS, 'chip:fresh', 'cloud:fresh'].map((id) => [id, id.startsWith('deployment:') ? { dataClasses: ['government'] } : ({} as Props)]));
  return world(nodes, more);
}
