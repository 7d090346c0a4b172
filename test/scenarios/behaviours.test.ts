// One small world per behaviour a strategy team acts on, each with the status, the cause (the shock
// that starts it, the entity it names, the relations to the deployment) and the mitigation expected.
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../graph/snapshot.js';
import { rankChokepoints } from '../../scenarios/chokepoints.js';
import { runScenario, type Impact, type ScenarioResult } from '../../scenarios/engine.js';
import { fromObject } from '../../scenarios/scenario-file.js';
import { world, type EdgeSpec } from './small-world.js';
import type { Props } from '../../schema/records.js';

const pub = { dataClasses: ['public'] };
const health = { dataClasses: ['health'] };

type SmallWorld = { nodes: Record<string, Props>; edges: EdgeSpec[] };

interface Expected {
  status: Impact['status'] | 'UNAFFECTED';
  /** the first cause: its shock type, the entity it names, and the relation types from there to the deployment */
  cause?: { type: string; origin: string; rels: string[] };
  /** the first mitigation (null: none offered) */
  mitigation?: { replace: string; with: string; basis: string } | null;
  lost?: number;
}

interface Row {
  behaviour: string;
  nodes: Record<string, Props>;
  edges: EdgeSpec[];
  scenario: Record<string, unknown>;
  expect: Record<string, Expected>;
}

// a cloud with a Frankfurt and a UAE region, both run by Amazon
const REGIONS: SmallWorld = {
  nodes: {
    'nation:us': {},
    'nation:de': {},
    'nation:fr': {},
    'nation:ae': {},
    'nation:eu': { kind: 'bloc' },
    'org:amazon': {},
    'org:ovh': {},
    'cloud:aws': {},
    'cloud:ovh': {},
    'dc:fra': {},
    'dc:uae': {},
    'dc:gra': {},
    'deployment:frankfurt-hospital': health,
    'deployment:eu-any-region': health,
    'deployment:uae-shop': pub,
    'deployment:uae-bank': { dataClasses: ['financial'] },
    'deployment:us-any-region': pub,
    'deployment:fr-ovh': pub,
  },
  edges: [
    ['nation:de', 'MEMBER_OF', 'nation:eu'],
    ['nation:fr', 'MEMBER_OF', 'nation:eu'],
    ['org:amazon', 'HEADQUARTERED_IN', 'nation:us'],
    ['org:ovh', 'HEADQUARTERED_IN', 'nation:fr'],
    ['cloud:aws', 'HEADQUARTERED_IN', 'nation:us'],
    ['cloud:aws', 'OPERATED_BY', 'org:amazon'],
    ['cloud:aws', 'HOSTED_ON', 'dc:fra'],
    ['cloud:aws', 'HOSTED_ON', 'dc:uae'],
    ['cloud:ovh', 'OPERATED_BY', 'org:ovh'],
    ['cloud:ovh', 'LOCATED_IN', 'nation:fr'],
    ['cloud:ovh', 'HOSTED_ON', 'dc:gra'],
    ['dc:fra', 'LOCATED_IN', 'nation:de'],
    ['dc:fra', 'OPERATED_BY', 'org:amazon'],
    ['dc:uae', 'LOCATED_IN', 'nation:ae'],
    ['dc:uae', 'OPERATED_BY', 'org:amazon'],
    ['dc:gra', 'LOCATED_IN', 'nation:fr'],
    ['dc:gra', 'OPERATED_BY', 'org:ovh'],
    ['dc:fra', 'SUBSTITUTES', 'dc:uae'],
    ['deployment:frankfurt-hospital', 'LOCATED_IN', 'nation:de'],
    ['deployment:frankfurt-hospital', 'HOSTED_ON', 'cloud:aws'],
    ['deployment:frankfurt-hospital', 'HOSTED_ON', 'dc:fra'],
    ['deployment:eu-any-region', 'LOCATED_IN', 'nation:de'],
    ['deployment:eu-any-region', 'HOSTED_ON', 'cloud:aws'],
    ['deployment:uae-shop', 'LOCATED_IN', 'nation:ae'],
    ['deployment:uae-shop', 'HOSTED_ON', 'dc:uae'],
    ['deployment:uae-bank', 'LOCATED_IN', 'nation:ae'],
    ['deployment:uae-bank', 'HOSTED_ON', 'dc:uae'],
    ['deployment:us-any-region', 'LOCATED_IN', 'nation:us'],
    ['deployment:us-any-region', 'HOSTED_ON', 'cloud:aws'],
    ['deployment:fr-ovh', 'LOCATED_IN', 'nation:fr'],
    ['deployment:fr-ovh', 'HOSTED_ON', 'cloud:ovh'],
  ],
};

// an H20 fleet in China, the Ascend that substitutes for it, an H200 under a licence rule in force
// for China, and a phone chip that is no data-centre accelerator
const CHIPS: SmallWorld = {
  nodes: {
    'nation:us': {},
    'nation:cn': {},
    'org:nvidia': {},
    'org:qualcomm': {},
    'org:huawei': {},
    'chip:h20': { segment: 'data_center' },
    'chip:h200': { segment: 'data_center' },
    'chip:h100': { segment: 'data_center' },
    'chip:ascend': { segment: 'data_center' },
    'chip:snapdragon': { segment: 'mobile' },
    'reg:licence-rule': { status: 'in_force', effectiveDate: '2023-11-17' },
    'deployment:cn-h20': pub,
    'deployment:cn-h100': pub,
  },
  edges: [
    ['org:nvidia', 'HEADQUARTERED_IN', 'nation:us'],
    ['org:huawei', 'HEADQUARTERED_IN', 'nation:cn'],
    ['chip:h20', 'DESIGNED_BY', 'org:nvidia'],
    ['chip:h200', 'DESIGNED_BY', 'org:nvidia'],
    ['chip:h100', 'DESIGNED_BY', 'org:nvidia'],
    ['chip:ascend', 'DESIGNED_BY', 'org:huawei'],
    ['chip:snapdragon', 'DESIGNED_BY', 'org:qualcomm'],
    ['chip:snapdragon', 'SUBSTITUTES', 'chip:h20'],
    ['chip:h200', 'SUBSTITUTES', 'chip:h20'],
    ['chip:ascend', 'SUBSTITUTES', 'chip:h20'],
    ['reg:licence-rule', 'APPLIES_TO', 'chip:h200', { effect: 'license_required' }],
    ['reg:licence-rule', 'APPLIES_TO', 'chip:h100', { effect: 'license_required' }],
    ['reg:licence-rule', 'APPLIES_TO', 'nation:cn', { effect: 'license_required' }],
    ['deployment:cn-h20', 'LOCATED_IN', 'nation:cn'],
    ['deployment:cn-h20', 'RUNS_ON', 'chip:h20'],
    ['deployment:cn-h100', 'LOCATED_IN', 'nation:cn'],
    ['deployment:cn-h100', 'RUNS_ON', 'chip:h100'],
  ],
};
const H20_BAN = { type: 'export_control', issuer: 'nation:us', items: ['chip:h20'], destinations: ['nation:cn'], effect: 'ban' };

// a chip made 60/40 at two foundries, a fleet of 100,000 A and 20,000 B
const SUPPLY = (shares: boolean): SmallWorld => ({
  nodes: {
    'nation:us': {},
    'nation:tw': {},
    'nation:kr': {},
    'org:tsmc': { kind: 'foundry' },
    'org:samsung': { kind: 'foundry' },
    'chip:x': {},
    'chip:a': {},
    'chip:b': {},
    'deployment:on-x': pub,
    'deployment:fleet': pub,
  },
  edges: [
    ['org:tsmc', 'LOCATED_IN', 'nation:tw'],
    ['org:samsung', 'LOCATED_IN', 'nation:kr'],
    ['chip:x', 'FABRICATED_BY', 'org:tsmc', shares ? { share: 0.6 } : {}],
    ['chip:x', 'FABRICATED_BY', 'org:samsung', shares ? { share: 0.4 } : {}],
    ['deployment:on-x', 'LOCATED_IN', 'nation:us'],
    ['deployment:on-x', 'RUNS_ON', 'chip:x'],
    ['deployment:fleet', 'LOCATED_IN', 'nation:us'],
    ['deployment:fleet', 'RUNS_ON', 'chip:a', shares ? { count: 100000 } : {}],
    ['deployment:fleet', 'RUNS_ON', 'chip:b', shares ? { count: 20000 } : {}],
  ],
});

const ROWS: Row[] = [
  {
    behaviour: 'region outage: a strike on the UAE breaks what is hosted there, not what names another region or a cloud that keeps one',
    ...REGIONS,
    scenario: { shocks: [{ type: 'outage', targets: ['nation:ae'] }] },
    expect: {
      'deployment:uae-shop': {
        status: 'BROKEN',
        cause: { type: 'outage', origin: 'nation:ae', rels: ['LOCATED_IN', 'HOSTED_ON'] },
        mitigation: { replace: 'dc:uae', with: 'dc:fra', basis: 'substitute' },
      },
      // a bank's data stays home: the Frankfurt region is no host for it
      'deployment:uae-bank': { status: 'BROKEN', cause: { type: 'outage', origin: 'nation:ae', rels: ['LOCATED_IN', 'HOSTED_ON'] }, mitigation: null },
      'deployment:frankfurt-hospital': { status: 'UNAFFECTED' },
      'deployment:us-any-region': { status: 'UNAFFECTED' },
    },
  },
  {
    behaviour: 'residency reads location: EU data residency spares the Frankfurt region of a US cloud and fails the cloud at large',
    ...REGIONS,
    scenario: { shocks: [{ type: 'data_localization', jurisdiction: 'nation:eu', dataClasses: ['health'] }] },
    expect: {
      'deployment:frankfurt-hospital': { status: 'UNAFFECTED' },
      'deployment:eu-any-region': {
        status: 'BROKEN',
        // the chain starts at the jurisdiction the law binds, down to the deployment by where it sits
        cause: { type: 'data_localization', origin: 'nation:eu', rels: ['MEMBER_OF', 'LOCATED_IN', 'HOSTED_ON'] },
        mitigation: { replace: 'cloud:aws', with: 'cloud:ovh', basis: 'seated' },
      },
    },
  },
  {
    behaviour: 'the CLOUD Act reads control: the Frankfurt region is reached through its US operator',
    ...REGIONS,
    scenario: { shocks: [{ type: 'cloud_act_ruling', jurisdiction: 'nation:us', protected: ['nation:eu'], dataClasses: ['health'] }] },
    expect: {
      'deployment:frankfurt-hospital': {
        status: 'BROKEN',
        cause: { type: 'cloud_act_ruling', origin: 'nation:us', rels: ['HEADQUARTERED_IN', 'OPERATED_BY', 'HOSTED_ON'] },
        mitigation: { replace: 'dc:fra', with: 'dc:gra', basis: 'seated' },
      },
      'deployment:fr-ovh': { status: 'UNAFFECTED' },
    },
  },
  {
    behaviour: 'horizon: at once, an installed H20 fleet runs on at risk; the legal substitute is offered, not the licensed H200 nor a phone chip',
    ...CHIPS,
    scenario: { horizon: 'immediate', shocks: [H20_BAN] },
    expect: {
      'deployment:cn-h20': {
        status: 'AT_RISK',
        cause: { type: 'export_control', origin: 'chip:h20', rels: ['RUNS_ON'] },
        mitigation: { replace: 'chip:h20', with: 'chip:ascend', basis: 'substitute' },
      },
    },
  },
  {
    behaviour: 'horizon: over 24 months the same fleet breaks',
    ...CHIPS,
    scenario: { horizon: '24m', shocks: [H20_BAN] },
    expect: {
      'deployment:cn-h20': {
        status: 'BROKEN',
        cause: { type: 'export_control', origin: 'chip:h20', rels: ['RUNS_ON'] },
        mitigation: { replace: 'chip:h20', with: 'chip:ascend', basis: 'substitute' },
      },
    },
  },
  {
    behaviour: 'shares: losing the foundry with 60% of a chip degrades its users by 0.6',
    ...SUPPLY(true),
    scenario: { shocks: [{ type: 'outage', targets: ['org:tsmc'] }] },
    // no other foundry serves the US; an accelerator already in use there does
    expect: {
      'deployment:on-x': {
        status: 'DEGRADED',
        lost: 0.6,
        cause: { type: 'outage', origin: 'org:tsmc', rels: ['FABRICATED_BY', 'RUNS_ON'] },
        mitigation: { replace: 'chip:x', with: 'chip:a', basis: 'serving' },
      },
    },
  },
  {
    behaviour: 'shares: without shares the other foundry takes the loss',
    ...SUPPLY(false),
    scenario: { shocks: [{ type: 'outage', targets: ['org:tsmc'] }] },
    expect: { 'deployment:on-x': { status: 'UNAFFECTED' } },
  },
  {
    behaviour: 'counts: banning 100,000 of a fleet of 120,000 accelerators loses 5/6 of it',
    ...SUPPLY(true),
    scenario: { shocks: [{ type: 'sanction', issuer: 'nation:us', targets: ['chip:a'] }] },
    expect: { 'deployment:fleet': { status: 'DEGRADED', lost: 0.833, cause: { type: 'sanction', origin: 'chip:a', rels: ['RUNS_ON'] } } },
  },
  {
    behaviour: 'Entity List: a sanction on a company reaches the chips of its subsidiary',
    nodes: { 'nation:us': {}, 'nation:cn': {}, 'org:huawei': {}, 'org:hisilicon': {}, 'chip:kirin': {}, 'deployment:us-kirin': pub },
    edges: [
      ['org:huawei', 'HEADQUARTERED_IN', 'nation:cn'],
      ['org:hisilicon', 'SUBSIDIARY_OF', 'org:huawei'],
      ['chip:kirin', 'DESIGNED_BY', 'org:hisilicon'],
      ['deployment:us-kirin', 'LOCATED_IN', 'nation:us'],
      ['deployment:us-kirin', 'RUNS_ON', 'chip:kirin'],
    ],
    scenario: { shocks: [{ type: 'sanction', issuer: 'nation:us', targets: ['org:huawei'] }] },
    expect: { 'deployment:us-kirin': { status: 'BROKEN', cause: { type: 'sanction', origin: 'org:huawei', rels: ['SUBSIDIARY_OF', 'DESIGNED_BY', 'RUNS_ON'] }, mitigation: null } },
  },
  {
    behaviour: 'baseline: the licence rule in force puts the H100 fleet at risk before any shock',
    ...CHIPS,
    scenario: { baseline: true, shocks: [H20_BAN] },
    expect: {
      'deployment:cn-h100': { status: 'AT_RISK', cause: { type: 'rule_in_force', origin: 'chip:h100', rels: ['RUNS_ON'] } },
      'deployment:cn-h20': {
        status: 'BROKEN',
        cause: { type: 'export_control', origin: 'chip:h20', rels: ['RUNS_ON'] },
        mitigation: { replace: 'chip:h20', with: 'chip:ascend', basis: 'substitute' },
      },
    },
  },
  {
    behaviour: 'irrevocable licence: revoking Apache-2.0 weights already out puts their users at risk; a revocable licence breaks them',
    nodes: { 'nation:fr': {}, 'model:apache': { openWeights: true, irrevocableLicense: true }, 'model:community': { openWeights: true }, 'deployment:on-apache': pub, 'deployment:on-community': pub },
    edges: [
      ['deployment:on-apache', 'LOCATED_IN', 'nation:fr'],
      ['deployment:on-apache', 'USES_MODEL', 'model:apache', { via: 'self_hosted' }],
      ['deployment:on-community', 'LOCATED_IN', 'nation:fr'],
      ['deployment:on-community', 'USES_MODEL', 'model:community', { via: 'self_hosted' }],
    ],
    scenario: {
      shocks: [
        { type: 'license_change', model: 'model:apache', license: 'none', effect: 'revoked' },
        { type: 'license_change', model: 'model:community', license: 'none', effect: 'revoked' },
      ],
    },
    expect: {
      'deployment:on-apache': { status: 'AT_RISK', cause: { type: 'license_change', origin: 'model:apache', rels: ['USES_MODEL'] } },
      'deployment:on-community': { status: 'BROKEN', cause: { type: 'license_change', origin: 'model:community', rels: ['USES_MODEL'] } },
    },
  },
  {
    behaviour: 'distillation: a model distilled from a cut-off provider is at risk, a fine-tune of it is not; the chain starts at the lab',
    nodes: {
      'nation:us': {},
      'nation:cn': {},
      'lab:us-lab': {},
      'lab:cn-lab': {},
      'model:teacher': {},
      'model:student': { openWeights: true },
      'model:tuned': { openWeights: true },
      'deployment:on-student': pub,
      'deployment:on-tuned': pub,
    },
    edges: [
      ['lab:us-lab', 'HEADQUARTERED_IN', 'nation:us'],
      ['lab:cn-lab', 'HEADQUARTERED_IN', 'nation:cn'],
      ['model:teacher', 'DEVELOPED_BY', 'lab:us-lab'],
      ['model:student', 'DEVELOPED_BY', 'lab:cn-lab'],
      ['model:tuned', 'DEVELOPED_BY', 'lab:cn-lab'],
      ['model:student', 'DERIVED_FROM', 'model:teacher', { relation: 'distillation' }],
      ['model:tuned', 'DERIVED_FROM', 'model:teacher', { relation: 'finetune' }],
      ['deployment:on-student', 'LOCATED_IN', 'nation:cn'],
      ['deployment:on-student', 'USES_MODEL', 'model:student', { via: 'self_hosted' }],
      ['deployment:on-tuned', 'LOCATED_IN', 'nation:cn'],
      ['deployment:on-tuned', 'USES_MODEL', 'model:tuned', { via: 'self_hosted' }],
    ],
    scenario: { shocks: [{ type: 'api_cutoff', providers: ['lab:us-lab'], destinations: ['nation:cn'] }] },
    expect: {
      'deployment:on-student': { status: 'AT_RISK', cause: { type: 'api_cutoff', origin: 'lab:us-lab', rels: ['DEVELOPED_BY', 'DERIVED_FROM', 'USES_MODEL'] } },
      'deployment:on-tuned': { status: 'UNAFFECTED' },
    },
  },
];

function impactOf(r: ScenarioResult, id: string): Impact | undefined {
  return r.impacts.find((i) => i.deployment.id === id);
}

// runs a scenario titled `title` with the given fields (shocks, horizon…) over a small world
function run(w: SmallWorld | Snapshot, title: string, fields: Record<string, unknown>): ScenarioResult {
  return runScenario(w instanceof Snapshot ? w : world(w.nodes, w.edges), fromObject({ name: 'case', title, ...fields }));
}

describe('behaviours, one small world each', () => {
  for (const row of ROWS)
    it(row.behaviour, () => {
      const r = run(row, row.behaviour, row.scenario);
      for (const [id, want] of Object.entries(row.expect)) {
        const imp = impactOf(r, id);
        expect(imp?.status ?? 'UNAFFECTED', id).toBe(want.status);
        if (!imp) continue;
        // every chain starts at the entity a shock names, names that shock and ends at the deployment
        for (const c of imp.causes) {
          expect(c.steps.length, `${id}: empty chain`).toBeGreaterThan(0);
          expect([c.steps[0]!.from, c.steps[0]!.to], id).toContain(c.origin);
          expect(c.steps.at(-1)!.from, id).toBe(id);
        }
        if (want.cause) {
          const c = imp.causes[0]!;
          expect({ type: c.type, origin: c.origin, rels: c.steps.map((s) => s.rel) }, id).toEqual(want.cause);
        }
        if (want.mitigation !== undefined) {
          const m = imp.mitigations[0];
          expect(m ? { replace: m.replace, with: m.with, basis: m.basis } : null, id).toEqual(want.mitigation);
        }
        if (want.lost !== undefined) expect(imp.lost, id).toBe(want.lost);
      }
    });

  it('baseline: the result lists only what the shocks change beyond the rules in force', () => {
    const r = run(CHIPS, 'baseline', { baseline: true, shocks: [H20_BAN] });
    expect(r.baseline!.summary).toEqual({ broken: 0, degraded: 0, atRisk: 1, unaffected: 1 });
    expect(r.baseline!.changes).toEqual([{ deployment: { id: 'deployment:cn-h20', name: 'cn-h20' }, before: 'UNAFFECTED', after: 'BROKEN' }]);
  });

  it('mitigations are not capped so that a model swap is lost behind chip alternatives', () => {
    const nodes: Record<string, Props> = { 'nation:cn': {}, 'nation:us': {}, 'lab:us-lab': {}, 'lab:cn-lab': {}, 'model:gpt': {}, 'model:qwen': {}, 'deployment:cn-app': pub };
    const edges: EdgeSpec[] = [
      ['lab:us-lab', 'HEADQUARTERED_IN', 'nation:us'],
      ['lab:cn-lab', 'HEADQUARTERED_IN', 'nation:cn'],
      ['model:gpt', 'DEVELOPED_BY', 'lab:us-lab'],
      ['model:qwen', 'DEVELOPED_BY', 'lab:cn-lab'],
      ['model:qwen', 'SUBSTITUTES', 'model:gpt'],
      ['deployment:cn-app', 'LOCATED_IN', 'nation:cn'],
      ['deployment:cn-app', 'USES_MODEL', 'model:gpt', { via: 'api' }],
    ];
    for (let i = 0; i < 5; i++) {
      nodes[`lab:other-${i}`] = {};
      edges.push([`lab:other-${i}`, 'HEADQUARTERED_IN', 'nation:cn']);
    }
    const r = run({ nodes, edges }, 'cut', { shocks: [{ type: 'api_cutoff', providers: ['lab:us-lab'], destinations: ['nation:cn'] }] });
    const m = impactOf(r, 'deployment:cn-app')!.mitigations;
    expect(m).toContainEqual(expect.objectContaining({ replace: 'model:gpt', with: 'model:qwen', basis: 'substitute' }));
  });

  it('model swaps keep the role (modality), the licence class the use needs (open weights to self-host) and, for data bound to a place, a provider seated there', () => {
    const nodes: Record<string, Props> = {
      'nation:fr': {},
      'nation:us': {},
      'nation:cn': {},
      'lab:us-lab': {},
      'lab:fr-lab': {},
      'lab:cn-lab': {},
      'model:us-chat': { openWeights: false, modality: 'text' },
      'model:cn-chat': { openWeights: true, modality: 'text' },
      'model:fr-chat': { openWeights: false, modality: 'text' },
      'model:fr-coder': { openWeights: true, modality: 'code' },
      'model:fr-open': { openWeights: true },
      'model:community': { openWeights: true, modality: 'text' },
      'deployment:fr-hospital': health,
      'deployment:fr-self': pub,
      'deployment:fr-other': pub,
    };
    const edges: EdgeSpec[] = [
      ['lab:us-lab', 'HEADQUARTERED_IN', 'nation:us'],
      ['lab:fr-lab', 'HEADQUARTERED_IN', 'nation:fr'],
      ['lab:cn-lab', 'HEADQUARTERED_IN', 'nation:cn'],
      ['model:us-chat', 'DEVELOPED_BY', 'lab:us-lab'],
      ['model:cn-chat', 'DEVELOPED_BY', 'lab:cn-lab'],
      ['model:fr-chat', 'DEVELOPED_BY', 'lab:fr-lab'],
      ['model:fr-coder', 'DEVELOPED_BY', 'lab:fr-lab'],
      ['model:fr-open', 'DEVELOPED_BY', 'lab:fr-lab'],
      ['model:community', 'DEVELOPED_BY', 'lab:fr-lab'],
      // declared substitutes that do not fit: one seated in China, one a code model, one closed
      ['model:cn-chat', 'SUBSTITUTES', 'model:us-chat'],
      ['model:fr-coder', 'SUBSTITUTES', 'model:us-chat'],
      ['model:fr-chat', 'SUBSTITUTES', 'model:community'],
      ['deployment:fr-other', 'LOCATED_IN', 'nation:fr'],
      ['deployment:fr-other', 'USES_MODEL', 'model:fr-chat', { via: 'api' }],
      ['deployment:fr-other', 'USES_MODEL', 'model:fr-open', { via: 'self_hosted' }],
      ['deployment:fr-hospital', 'LOCATED_IN', 'nation:fr'],
      ['deployment:fr-hospital', 'USES_MODEL', 'model:us-chat', { via: 'api' }],
      ['deployment:fr-self', 'LOCATED_IN', 'nation:fr'],
      ['deployment:fr-self', 'USES_MODEL', 'model:community', { via: 'self_hosted' }],
    ];
    const r = run({ nodes, edges }, 'swaps', {
      shocks: [
        { type: 'api_cutoff', providers: ['lab:us-lab'], destinations: ['nation:fr'] },
        { type: 'license_change', model: 'model:community', license: 'none', effect: 'revoked' },
      ],
    });
    const swaps = (id: string, model: string) =>
      impactOf(r, id)!
        .mitigations.filter((m) => m.replace === model)
        .map((m) => m.with);
    // health data through an API stays with a provider seated in France; the code model is not a chat model
    expect(swaps('deployment:fr-hospital', 'model:us-chat')).toEqual(['model:fr-chat', 'model:fr-open']);
    // self-hosting needs published weights: the closed substitute is not offered
    expect(swaps('deployment:fr-self', 'model:community')).toEqual(['model:fr-open']);
  });

  it('a chain names the shock that reaches its deployment, not an earlier one on the same entity scoped elsewhere', () => {
    const elsewhere = { ...H20_BAN, destinations: ['nation:us'] };
    const r = run(CHIPS, 'two bans', { shocks: [elsewhere, H20_BAN] });
    expect(impactOf(r, 'deployment:cn-h20')!.causes[0]).toMatchObject({ shock: 1, type: 'export_control', origin: 'chip:h20' });
  });

  it('lithography: ASML is the chokepoint below two foundries, counted as the outage rule counts it', () => {
    const snap = world(
      { 'nation:nl': {}, 'org:asml': {}, 'org:tsmc': {}, 'org:samsung': {}, 'org:nvidia': {}, 'chip:x': {}, 'chip:y': {}, 'deployment:on-x': pub, 'deployment:on-y': pub, 'deployment:on-both': pub },
      [
        ['org:asml', 'LOCATED_IN', 'nation:nl'],
        ['org:tsmc', 'EQUIPPED_BY', 'org:asml', { tool: 'EUV lithography' }],
        ['org:samsung', 'EQUIPPED_BY', 'org:asml', { tool: 'EUV lithography' }],
        ['chip:x', 'FABRICATED_BY', 'org:tsmc'],
        ['chip:y', 'FABRICATED_BY', 'org:samsung'],
        ['chip:x', 'DESIGNED_BY', 'org:nvidia'],
        ['deployment:on-x', 'RUNS_ON', 'chip:x'],
        ['deployment:on-y', 'RUNS_ON', 'chip:y'],
        ['deployment:on-both', 'RUNS_ON', 'chip:x'],
        ['deployment:on-both', 'RUNS_ON', 'chip:y'],
      ],
    );
    const rows = rankChokepoints(snap, { first: 0 });
    expect(rows[0]).toMatchObject({ entity: { id: 'org:asml' }, broken: 3, degraded: 0, atRisk: 0 });
    // a foundry alone breaks its chip's users and degrades the one with both chips
    expect(rows.find((r) => r.entity.id === 'org:tsmc')).toMatchObject({ broken: 1, degraded: 1 });
    const atOnce = run(snap, 'asml', { horizon: '6m', shocks: [{ type: 'outage', targets: ['org:asml'] }] });
    expect(atOnce.summary).toMatchObject({ broken: 0, atRisk: 3 });
  });

  it('dates: an impossible --as-of is refused naming the value', () => {
    const snap = world(CHIPS.nodes, CHIPS.edges);
    expect(() => runScenario(snap, fromObject({ name: 'case', title: 'x', shocks: [H20_BAN] }), { asOf: '2019-00-10' })).toThrow('asOf: "2019-00-10" is not a calendar date (month 00 does not exist)');
    expect(() => fromObject({ name: 'case', title: 'x', asOf: '2019-00-10', shocks: [H20_BAN] })).toThrow(/asOf/);
    expect(() => fromObject({ name: 'case', title: 'x', horizon: 'soon', shocks: [H20_BAN] })).toThrow('horizon: expected immediate or a number of months like 6m or 24m');
  });
});
