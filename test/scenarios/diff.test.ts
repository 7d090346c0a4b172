import { describe, expect, it } from 'vitest';
import { diffScenarios, baselineOf } from '../../scenarios/diff.js';
import { runScenario } from '../../scenarios/engine.js';
import { fromObject } from '../../scenarios/scenario-file.js';
import { smallWorld } from './small-world.js';

const snap = smallWorld();
const h20Ban = fromObject({ name: 'ban', title: 'ban', shocks: [{ type: 'export_control', issuer: 'nation:us', items: ['chip:nvidia-h20'], destinations: ['nation:cn'], effect: 'ban' }] });
const h20Licence = fromObject({
  name: 'licence',
  title: 'licence',
  shocks: [{ type: 'export_control', issuer: 'nation:us', items: ['chip:nvidia-h20'], destinations: ['nation:cn'], effect: 'license_required' }],
});
const gulf = fromObject({ name: 'gulf', title: 'gulf', shocks: [{ type: 'outage', targets: ['nation:ae'] }] });

describe('diffScenarios', () => {
  const ban = runScenario(snap, h20Ban);
  const licence = runScenario(snap, h20Licence);

  it('against the baseline lists every affected deployment as a change from UNAFFECTED', () => {
    const d = diffScenarios(ban);
    expect(d.from).toBe('baseline');
    expect(d.to).toBe('ban');
    expect(d.changes).toEqual([
      { deployment: { id: 'deployment:cn-api', name: 'cn-api' }, before: 'UNAFFECTED', after: 'BROKEN' },
      { deployment: { id: 'deployment:cn-dual', name: 'cn-dual' }, before: 'UNAFFECTED', after: 'DEGRADED' },
      { deployment: { id: 'deployment:cn-self', name: 'cn-self' }, before: 'UNAFFECTED', after: 'AT_RISK' },
    ]);
    expect(d.summary).toEqual({ broken: 1, degraded: 1, atRisk: 1, unaffected: -3 });
  });

  it('between two scenarios lists only the deployments whose status differs, with summary deltas', () => {
    const d = diffScenarios(licence, ban);
    expect(d.changes).toEqual([{ deployment: { id: 'deployment:cn-api', name: 'cn-api' }, before: 'AT_RISK', after: 'BROKEN' }]);
    expect(d.summary).toEqual({ broken: 1, degraded: 0, atRisk: -1, unaffected: 0 });
  });

  it('finds nothing between a result and itself, and reverses cleanly', () => {
    expect(diffScenarios(ban, ban).changes).toEqual([]);
    const there = diffScenarios(licence, ban);
    const back = diffScenarios(ban, licence);
    expect(back.changes.map((c) => [c.deployment.id, c.before, c.after])).toEqual(there.changes.map((c) => [c.deployment.id, c.after, c.before]));
  });

  it('counts the baseline over the same deployments', () => {
    const b = baselineOf(ban);
    expect(b.impacts).toEqual([]);
    expect(b.summary.unaffected).toBe(12);
  });

  it('reports a deployment that recovers (hit in the first, spared in the second)', () => {
    const d = diffScenarios(runScenario(snap, gulf), ban);
    const aeDirect = d.changes.find((c) => c.deployment.id === 'deployment:ae-direct');
    expect(aeDirect).toEqual({ deployment: { id: 'deployment:ae-direct', name: 'ae-direct' }, before: 'BROKEN', after: 'UNAFFECTED' });
  });
});
