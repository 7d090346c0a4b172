import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult, type Status } from '../../scenarios/engine.js';
import { fromObject } from '../../scenarios/scenario-file.js';
import { SMALL_EDGES, SMALL_NODES, smallWorld, world } from './small-world.js';
import { DOMAIN } from '../../schema/generated/domain.js';
import { RELATION_TYPES } from '../../schema/generated/model.js';
import { SUBSTITUTION_TYPES } from '../../scenarios/reach.js';

const snap = smallWorld();

function run(shocks: unknown[], asOf?: string): ScenarioResult {
  return runScenario(snap, fromObject({ name: 'case', title: 'case', asOf, shocks }));
}

function statuses(r: ScenarioResult): Record<string, Status> {
  return Object.fromEntries(r.impacts.map((i) => [i.deployment.id, i.status]));
}

const h20Ban = { type: 'export_control', issuer: 'nation:us', items: ['chip:nvidia-h20'], destinations: ['nation:cn'], effect: 'ban' };

describe('export_control', () => {
  const r = run([h20Ban]);
  const s = statuses(r);

  it('breaks a deployment that uses a model via API whose serving hardware is banned (transitive)', () => {
    expect(s['deployment:cn-api']).toBe('BROKEN');
    const imp = r.impacts.find((i) => i.deployment.id === 'deployment:cn-api')!;
    expect(imp.causes[0]!.steps).toEqual([
      { from: 'model:deepseek-v4', rel: 'RUNS_ON', to: 'chip:nvidia-h20' },
      { from: 'deployment:cn-api', rel: 'USES_MODEL', to: 'model:deepseek-v4' },
    ]);
  });

  it('degrades a deployment with an unaffected alternative chip in place', () => {
    expect(s['deployment:cn-dual']).toBe('DEGRADED');
  });

  it('puts at risk a self-hosted model trained on the banned chip', () => {
    expect(s['deployment:cn-self']).toBe('AT_RISK');
    const imp = r.impacts.find((i) => i.deployment.id === 'deployment:cn-self')!;
    expect(imp.causes[0]!.steps.map((st) => st.rel)).toEqual(['TRAINED_ON', 'USES_MODEL']);
  });

  it('spares deployments outside the destinations', () => {
    expect(s['deployment:us-h20']).toBeUndefined();
    expect(s['deployment:fr-ministry']).toBeUndefined();
  });

  it('summarises every deployment once', () => {
    const total = r.summary.broken + r.summary.degraded + r.summary.atRisk + r.summary.unaffected;
    expect(total).toBe(12);
    expect(r.summary).toEqual({ broken: 1, degraded: 1, atRisk: 1, unaffected: 9 });
  });

  it('suggests the declared substitute that the ban does not hit', () => {
    const imp = r.impacts.find((i) => i.deployment.id === 'deployment:cn-api')!;
    expect(imp.mitigations[0]).toEqual({ replace: 'chip:nvidia-h20', with: 'chip:huawei-ascend-910c', basis: 'substitute', note: 'needs porting to CANN' });
  });

  it('puts at risk instead of breaking when a licence is required', () => {
    const s2 = statuses(run([{ ...h20Ban, effect: 'license_required' }]));
    expect(s2['deployment:cn-api']).toBe('AT_RISK');
    expect(s2['deployment:cn-dual']).toBe('DEGRADED');
  });

  it('reaches chips through their memory (HBM ban hits the Chinese Ascend, not the US H20)', () => {
    const s3 = statuses(run([{ type: 'export_control', issuer: 'nation:kr', items: ['chip:hbm3'], destinations: ['nation:cn'] }]));
    expect(s3['deployment:cn-self']).toBe('BROKEN');
    // cn-dual keeps its H20s, but self-hosts GLM, trained on the Ascend chips the ban starves
    expect(s3['deployment:cn-dual']).toBe('AT_RISK');
    expect(s3['deployment:cn-api']).toBeUndefined();
  });
});

describe('sanction', () => {
  it('cuts the target and what it controls off from dependents in the sanctioning jurisdictions only', () => {
    const s = statuses(run([{ type: 'sanction', issuer: 'nation:us', targets: ['org:huawei'], scope: ['nation:us', 'nation:eu'] }]));
    expect(s['deployment:fr-ascend']).toBe('BROKEN');
    expect(s['deployment:cn-self']).toBeUndefined();
  });
});

describe('api_cutoff', () => {
  const s = statuses(run([{ type: 'api_cutoff', providers: ['lab:openai', 'lab:meta-ai'], destinations: ['nation:cn'] }]));
  it('breaks API use in the destinations', () => expect(s['deployment:cn-gpt']).toBe('BROKEN'));
  it('spares self-hosted weights', () => expect(s['deployment:cn-llama']).toBeUndefined());
});

describe('cloud_act_ruling', () => {
  const r = run([{ type: 'cloud_act_ruling', jurisdiction: 'nation:us', protected: ['nation:eu'], dataClasses: ['government', 'personal'] }]);
  const s = statuses(r);
  it('breaks an EU ministry on a US-owned cloud', () => expect(s['deployment:fr-ministry']).toBe('BROKEN'));
  it('reaches a US-owned sovereign cloud located in the EU through ownership', () => expect(s['deployment:fr-esc']).toBe('BROKEN'));
  it('spares data classes the ruling does not cover', () => expect(s['deployment:fr-public']).toBeUndefined());
  it('spares deployments outside the protected bloc', () => expect(s['deployment:us-aws']).toBeUndefined());
  it('suggests an EU-owned cloud', () => {
    const imp = r.impacts.find((i) => i.deployment.id === 'deployment:fr-ministry')!;
    expect(imp.mitigations.map((m) => m.with)).toContain('cloud:ovhcloud');
    expect(imp.mitigations.map((m) => m.with)).not.toContain('cloud:aws-european-sovereign-cloud');
  });
});

describe('data_localization', () => {
  const s = statuses(run([{ type: 'data_localization', jurisdiction: 'nation:eu', dataClasses: ['government'] }]));
  it('breaks government data on a cloud seated outside the bloc', () => expect(s['deployment:fr-ministry']).toBe('BROKEN'));
  it('accepts a cloud located inside the bloc', () => expect(s['deployment:fr-esc']).toBeUndefined());
});

describe('outage', () => {
  const s = statuses(run([{ type: 'outage', targets: ['nation:ae'] }]));
  it('breaks a deployment hosted only in the struck region', () => expect(s['deployment:ae-direct']).toBe('BROKEN'));
  it('leaves alone deployments on a cloud that keeps another region: the cloud takes the loss, not its users', () => {
    expect(s['deployment:us-aws']).toBeUndefined();
    expect(s['deployment:fr-ministry']).toBeUndefined();
  });
  it('takes an organisation down with what it controls', () => {
    const s2 = statuses(run([{ type: 'outage', targets: ['org:tsmc'] }]));
    expect(s2['deployment:us-h20']).toBe('BROKEN');
    expect(s2['deployment:cn-api']).toBe('BROKEN');
    expect(s2['deployment:cn-self']).toBe('AT_RISK');
  });
});

describe('license_change', () => {
  it('breaks self-hosted use when the licence is revoked', () => {
    expect(statuses(run([{ type: 'license_change', model: 'model:llama-4', license: 'none', effect: 'revoked' }]))['deployment:cn-llama']).toBe('BROKEN');
  });
  it('puts at risk when the terms are restricted, only in the excluded jurisdictions', () => {
    const s = statuses(run([{ type: 'license_change', model: 'model:llama-4', license: 'no use in CN', excluded: ['nation:us'] }]));
    expect(s['deployment:cn-llama']).toBeUndefined();
    expect(statuses(run([{ type: 'license_change', model: 'model:llama-4', license: 'restricted' }]))['deployment:cn-llama']).toBe('AT_RISK');
  });
});

describe('combined shocks and dates', () => {
  it('breaks a deployment whose two alternatives are hit by two different shocks', () => {
    const s = statuses(run([h20Ban, { type: 'sanction', issuer: 'nation:cn', targets: ['org:huawei'], scope: ['nation:cn'] }]));
    expect(s['deployment:cn-dual']).toBe('BROKEN');
  });
  it('ignores a shock whose regulation is not yet in effect', () => {
    const before = run([{ ...h20Ban, regulation: 'reg:future-rule' }], '2026-05-01');
    const after = run([{ ...h20Ban, regulation: 'reg:future-rule' }], '2027-02-01');
    expect(before.summary.broken).toBe(0);
    expect(after.summary.broken).toBe(1);
  });
  it('is deterministic: byte-identical JSON', () => {
    expect(JSON.stringify(run([h20Ban]))).toBe(JSON.stringify(run([h20Ban])));
  });
});

describe('h20-ban: lineage carries weights, not serving', () => {
  const pub = { dataClasses: ['public'] };
  const snap2 = world({ ...SMALL_NODES, 'model:base-x': {}, 'model:derived-x': { openWeights: true }, 'deployment:fr-derived': pub, 'deployment:cn-derived': pub }, [
    ...SMALL_EDGES,
    ['model:base-x', 'DEVELOPED_BY', 'lab:deepseek'],
    ['model:base-x', 'RUNS_ON', 'chip:nvidia-h20'],
    ['model:derived-x', 'DERIVED_FROM', 'model:base-x'],
    ['deployment:fr-derived', 'LOCATED_IN', 'nation:fr'],
    ['deployment:fr-derived', 'USES_MODEL', 'model:derived-x', { via: 'self_hosted' }],
    ['deployment:cn-derived', 'LOCATED_IN', 'nation:cn'],
    ['deployment:cn-derived', 'USES_MODEL', 'model:derived-x', { via: 'self_hosted' }],
  ]);
  const run2 = (shocks: unknown[]) => statuses(runScenario(snap2, fromObject({ name: 'case', title: 'case', shocks })));

  it("h20-ban: a base model's serving hardware does not reach self-hosted users of a derived model", () => {
    const s = run2([h20Ban]);
    expect(s['deployment:fr-derived']).toBeUndefined();
    expect(s['deployment:cn-derived']).toBeUndefined();
  });

  it("a change to the base model's licence does reach them (lineage carries weights)", () => {
    const s = run2([{ type: 'license_change', model: 'model:base-x', license: 'none', effect: 'revoked' }]);
    expect(s['deployment:fr-derived']).toBe('AT_RISK');
  });
});

describe('schema flags', () => {
  it('mitigations take substitutes from relations flagged `substitution`, whatever their name', () => {
    const flagged = DOMAIN.relations.filter((r) => r.substitution).map((r) => (RELATION_TYPES as readonly string[]).indexOf(r.type));
    expect(flagged.length).toBeGreaterThan(0);
    expect([...SUBSTITUTION_TYPES].sort()).toEqual(flagged.sort());
  });

  it("lineage passes the weights layer, and a distillation its teacher's provider too (dependency.carries, passes)", () => {
    const dep = DOMAIN.relations.find((r) => r.type === 'DERIVED_FROM')!.dependency!;
    expect(dep.carries).toEqual(['weights', 'provider']);
    expect(dep.passes!.layers.distillation).toEqual(['weights', 'provider']);
    expect(dep.passes!.layers.finetune).toEqual(['weights']);
  });
});
