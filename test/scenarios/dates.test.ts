import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from '../../scenarios/engine.js';
import { fromObject } from '../../scenarios/scenario-file.js';
import { SMALL_EDGES, SMALL_NODES, world } from './small-world.js';

const h20Ban = { type: 'export_control', issuer: 'nation:us', items: ['chip:nvidia-h20'], destinations: ['nation:cn'], effect: 'ban' };
const pub = { dataClasses: ['public'] };

// cn-old ran on H20 until the end of 2025; cn-new moves onto H20 in 2027; cn-moved sat in the US
// until 2026 and in China after, on H20 throughout.
const snap = world({ ...SMALL_NODES, 'deployment:cn-old': pub, 'deployment:cn-new': pub, 'deployment:cn-moved': pub, 'reg:repealed-rule': { status: 'repealed', effectiveDate: '2025-01-01' } }, [
  ...SMALL_EDGES,
  ['deployment:cn-old', 'LOCATED_IN', 'nation:cn'],
  ['deployment:cn-old', 'RUNS_ON', 'chip:nvidia-h20', {}, { validTo: '2025-12-31' }],
  ['deployment:cn-new', 'LOCATED_IN', 'nation:cn'],
  ['deployment:cn-new', 'RUNS_ON', 'chip:nvidia-h20', {}, { validFrom: '2027-01-01' }],
  ['deployment:cn-moved', 'LOCATED_IN', 'nation:us', {}, { validTo: '2025-12-31' }],
  ['deployment:cn-moved', 'LOCATED_IN', 'nation:cn', {}, { validFrom: '2026-01-01' }],
  ['deployment:cn-moved', 'RUNS_ON', 'chip:nvidia-h20'],
]);

function statusOf(r: ScenarioResult, id: string): string {
  return r.impacts.find((i) => i.deployment.id === id)?.status ?? 'UNAFFECTED';
}

function run(asOf: string | undefined, shock: Record<string, unknown> = h20Ban): ScenarioResult {
  return runScenario(snap, fromObject({ name: 'dated', title: 'dated', ...(asOf ? { asOf } : {}), shocks: [shock] }));
}

describe('asOf', () => {
  it('ignores a dependency that ended before asOf', () => {
    expect(statusOf(run('2026-05-01'), 'deployment:cn-old')).toBe('UNAFFECTED');
    expect(statusOf(run('2025-06-01'), 'deployment:cn-old')).toBe('BROKEN');
  });

  it('ignores a dependency that starts after asOf', () => {
    expect(statusOf(run('2026-05-01'), 'deployment:cn-new')).toBe('UNAFFECTED');
    expect(statusOf(run('2027-02-01'), 'deployment:cn-new')).toBe('BROKEN');
  });

  it('places a deployment by the location valid at asOf', () => {
    expect(statusOf(run('2025-06-01'), 'deployment:cn-moved')).toBe('UNAFFECTED');
    expect(statusOf(run('2026-05-01'), 'deployment:cn-moved')).toBe('BROKEN');
  });

  it('takes every relation as current without a date', () => {
    const r = run(undefined);
    expect(r.asOf).toBeNull();
    expect(statusOf(r, 'deployment:cn-old')).toBe('BROKEN');
    expect(statusOf(r, 'deployment:cn-new')).toBe('BROKEN');
  });

  it('lets the run option override the scenario date', () => {
    const sc = fromObject({ name: 'dated', title: 'dated', asOf: '2026-05-01', shocks: [h20Ban] });
    expect(statusOf(runScenario(snap, sc, { asOf: '2025-06-01' }), 'deployment:cn-old')).toBe('BROKEN');
  });

  it('ignores a shock whose regulation has been repealed', () => {
    expect(run('2026-05-01', { ...h20Ban, regulation: 'reg:repealed-rule' }).summary.broken).toBe(0);
  });

  it('applies a shock from the day its regulation takes effect', () => {
    expect(run('2026-12-31', { ...h20Ban, regulation: 'reg:future-rule' }).summary.broken).toBe(0);
    expect(run('2027-01-01', { ...h20Ban, regulation: 'reg:future-rule' }).summary.broken).toBeGreaterThan(0);
  });

  it('rejects a malformed asOf, naming the field', () => {
    expect(() => runScenario(snap, fromObject({ name: 'dated', title: 'dated', shocks: [h20Ban] }), { asOf: '01/05/2026' })).toThrow(/asOf/);
  });
});
