import { describe, expect, it } from 'vitest';
import { relationsFromClaims } from '../../graph/claims.js';
import { Snapshot } from '../../graph/snapshot.js';
import { loadSeeds } from '../../seeds/load.js';
import { runScenario, type ScenarioResult } from '../../scenarios/engine.js';
import { findScenario, loadLibrary } from '../../scenarios/scenario-file.js';

// The seeded graph. A seed folder that does not load, or holds no deployments, fails these tests.
const seeds = loadSeeds();
const snap = Snapshot.fromRecords(seeds.entities, relationsFromClaims(seeds.claims));
const library = loadLibrary().scenarios;

// runs a library scenario by name, with fields of it replaced (horizon, shocks…)
function run(name: string, extra: Record<string, unknown> = {}): ScenarioResult {
  return runScenario(snap, { ...findScenario(name), ...extra });
}

function statusOf(r: ScenarioResult, id: string): string {
  return r.impacts.find((i) => i.deployment.id === id)?.status ?? 'UNAFFECTED';
}

describe('library scenarios on the seeded graph', () => {
  it('the seeded graph holds deployments', () => {
    expect(snap.ids.toArray().filter((id) => id.startsWith('deployment:')).length).toBeGreaterThan(20);
  });

  it('every chain of every library scenario (alone, over its baseline, at 6 months) starts at the entity its shock names and ends at the deployment', () => {
    for (const sc of library)
      for (const extra of [{}, { baseline: true }, { horizon: '6m' }]) {
        const r = runScenario(snap, { ...sc, ...extra });
        for (const imp of r.impacts) {
          expect(imp.causes.length, `${sc.name} ${imp.deployment.id}`).toBeGreaterThan(0);
          for (const c of imp.causes) {
            const where = `${sc.name} ${JSON.stringify(extra)} ${imp.deployment.id}`;
            expect(c.shock, where).toBeGreaterThanOrEqual(0);
            expect([c.steps[0]?.from, c.steps[0]?.to], where).toContain(c.origin);
            expect(c.steps.at(-1)!.from, where).toBe(imp.deployment.id);
          }
        }
      }
  });

  for (const sc of library)
    it(`${sc.name} hits something and spares something`, () => {
      const r = runScenario(snap, sc);
      expect(r.summary.broken + r.summary.degraded + r.summary.atRisk).toBeGreaterThan(0);
      expect(r.summary.unaffected).toBeGreaterThan(0);
    });
});

describe('h20-ban on the seeded graph', () => {
  const r = run('h20-ban');

  it("h20-ban: a base model's serving hardware does not reach self-hosted users of a derived model", () => {
    // DeepSeek V4-Flash derives from V4-Pro, whose API is served on H20 in China; self-hosted Flash abroad keeps working
    for (const id of ['deployment:cairo-university-open-weights', 'deployment:sao-paulo-legal-open-weights', 'deployment:vietnam-industrial-edge']) expect(statusOf(r, id)).toBe('UNAFFECTED');
    for (const imp of r.impacts) for (const c of imp.causes) expect(c.steps.map((s) => s.rel)).not.toContain('DERIVED_FROM');
  });

  it('breaks the Chinese deployments serving on H20 and suggests an Ascend chip', () => {
    expect(statusOf(r, 'deployment:deepseek-chat-service')).toBe('BROKEN');
    const imp = r.impacts.find((i) => i.deployment.id === 'deployment:deepseek-chat-service')!;
    expect(imp.mitigations[0]?.replace).toBe('chip:nvidia-h20');
    expect(imp.mitigations[0]?.with).toMatch(/^chip:huawei-ascend/);
  });
});

describe('seed dates', () => {
  it('h20-ban: as of 2020 nothing runs on the H20 yet (DeepSeek V4 came out after Q4 2025); as of May 2026 the ban breaks the DeepSeek service', () => {
    const before = runScenario(snap, findScenario('h20-ban'), { asOf: '2020-01-01' });
    expect(before.summary.broken + before.summary.degraded + before.summary.atRisk).toBe(0);
    const after = runScenario(snap, findScenario('h20-ban'), { asOf: '2026-05-01' });
    expect(statusOf(after, 'deployment:deepseek-chat-service')).toBe('BROKEN');
  });

  it('dates the claims their sources date: models from their release, rules from their effect', () => {
    const dated = (from: string, rel: string, to: string) => seeds.claims.filter((c) => c.subject === from && c.rel === rel && c.object === to).map((c) => c.validFrom);
    expect(dated('deployment:deepseek-chat-service', 'USES_MODEL', 'model:deepseek-v4-pro')).toEqual(['2025-10-01']);
    expect(dated('reg:us-cloud-act', 'ENACTED_BY', 'nation:us')).toEqual(['2018-03-23']);
    expect(dated('model:kimi-k2.6', 'DEVELOPED_BY', 'lab:moonshot-ai').every((d) => d === '2026-02-01')).toBe(true);
    expect(seeds.claims.filter((c) => c.validFrom).length).toBeGreaterThan(250);
  });
});

describe('mitigations on the seeded graph read right', () => {
  it('a foundry outage suggests another foundry, never just any company', () => {
    const r = run('taiwan-fab-outage');
    const foundries = new Set(
      relationsFromClaims(seeds.claims)
        .filter((x) => x.type === 'FABRICATED_BY')
        .map((x) => x.to),
    );
    const tsmc = r.impacts.flatMap((i) => i.mitigations).filter((m) => m.replace === 'org:tsmc');
    expect(tsmc.length).toBeGreaterThan(0);
    for (const m of tsmc) expect(foundries.has(m.with)).toBe(true);
  });

  it('a CLOUD Act ruling never suggests a US-owned cloud to an EU deployment', () => {
    const r = run('cloud-act-ruling');
    const suggested = r.impacts.flatMap((i) => i.mitigations.map((m) => m.with));
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested).not.toContain('cloud:aws-european-sovereign-cloud');
    expect(suggested).not.toContain('cloud:aws');
    expect(suggested).not.toContain('cloud:microsoft-azure');
  });
});

// Expected outcomes of the library, written from the articles each scenario cites.
describe('library scenarios read as their source articles', () => {
  const ids = (r: ScenarioResult, status: string) => r.impacts.filter((i) => i.status === status).map((i) => i.deployment.id);

  it('h20-ban (001: "significant but not decisive", Ascend the backup): installed H20 clusters run on at 6 months, break in the long run', () => {
    const long = run('h20-ban');
    const soon = run('h20-ban', { horizon: '6m' });
    expect(ids(long, 'BROKEN')).toEqual(['deployment:chinese-enterprise-deepseek-h20', 'deployment:deepseek-chat-service']);
    expect(ids(soon, 'BROKEN')).toEqual([]);
    expect(ids(soon, 'AT_RISK')).toEqual(['deployment:chinese-enterprise-deepseek-h20', 'deployment:deepseek-chat-service']);
    for (const imp of long.impacts) {
      expect(imp.causes[0]).toMatchObject({ type: 'export_control', origin: 'chip:nvidia-h20' });
      expect(imp.mitigations[0]?.with).toMatch(/^chip:huawei-ascend/);
      // the H200 is under licence for China by a rule in force: never offered there
      expect(imp.mitigations.map((m) => m.with)).not.toContain('chip:nvidia-h200');
    }
  });

  it('gulf-datacenter-strike (004: strikes on Middle East cloud infrastructure): only what is hosted in the struck regions breaks', () => {
    const r = run('gulf-datacenter-strike');
    expect(ids(r, 'BROKEN')).toEqual(['deployment:g42-microsoft-uae-capacity', 'deployment:uae-falcon-sovereign']);
    for (const id of ['deployment:chatgpt', 'deployment:nsa-mythos', 'deployment:us-federal-openai-azure-government', 'deployment:german-hospital-ai-aws-frankfurt'])
      expect(statusOf(r, id)).toBe('UNAFFECTED');
    // a classified machine is no host for anyone else
    expect(r.impacts.flatMap((i) => i.mitigations.map((m) => m.with))).not.toContain('dc:french-defense-classified-supercomputer');
  });

  it('cloud-act-ruling (001: US law reaches data "regardless of where the data resides"): AWS Frankfurt fails through its US operator; EU-owned clouds do not', () => {
    const r = run('cloud-act-ruling');
    const hospital = r.impacts.find((i) => i.deployment.id === 'deployment:german-hospital-ai-aws-frankfurt')!;
    expect(hospital.status).toBe('BROKEN');
    expect(hospital.causes[0]).toMatchObject({ type: 'cloud_act_ruling', origin: 'nation:us' });
    expect(hospital.causes[0]!.steps.map((s) => s.to)).toContain('org:amazon');
    expect(statusOf(r, 'deployment:ec-sovereign-cloud-workloads')).toBe('UNAFFECTED');
  });

  it("EU data residency reads where data sits: AWS Frankfurt keeps the hospital's data in the EU; the US model API it calls does not", () => {
    const r = run('eu-sovereign-cloud-mandate', { shocks: [{ type: 'data_localization', jurisdiction: 'nation:eu', dataClasses: ['health'] }] });
    const hospital = r.impacts.find((i) => i.deployment.id === 'deployment:german-hospital-ai-aws-frankfurt')!;
    const touched = hospital.causes.flatMap((c) => [c.origin, ...c.steps.flatMap((s) => [s.from, s.to])]);
    expect(touched).not.toContain('dc:aws-eu-central-1');
    expect(touched).not.toContain('cloud:aws');
    expect(hospital.causes[0]!.steps.at(-1)!.rel).toBe('USES_MODEL');
    // the chain starts at the law's jurisdiction and reaches the hospital by where it sits
    expect(hospital.causes[0]).toMatchObject({ type: 'data_localization', origin: 'nation:eu' });
    expect(hospital.causes[0]!.steps.slice(0, 2)).toEqual([
      { from: 'nation:de', rel: 'MEMBER_OF', to: 'nation:eu' },
      { from: 'deployment:german-hospital-ai-aws-frankfurt', rel: 'LOCATED_IN', to: 'nation:de' },
    ]);
  });

  it('us-api-cutoff-china (000, 003: US labs block Chinese users): the chains start at the lab that cut access; self-hosted weights run on', () => {
    const r = run('us-api-cutoff-china');
    expect(ids(r, 'BROKEN')).toEqual(['deployment:china-enterprise-us-model-access', 'deployment:chinese-firms-distillation-pipelines']);
    for (const imp of r.impacts) for (const c of imp.causes) expect(c.origin).toMatch(/^lab:(openai|anthropic|google-deepmind)$/);
    // a model swap stays among the mitigations
    expect(r.impacts[0]!.mitigations.some((m) => m.replace.startsWith('model:'))).toBe(true);
  });

  it('ascend-sanctions and hbm-export-ban (001, 004): the Ascend pathway breaks, the US H20 does not', () => {
    for (const name of ['ascend-sanctions', 'hbm-export-ban']) {
      const r = run(name);
      expect(ids(r, 'BROKEN'), name).toEqual(['deployment:deepseek-v4-on-ascend', 'deployment:zhipu-glm-service']);
      expect(statusOf(r, 'deployment:deepseek-chat-service'), name).toBe('UNAFFECTED');
    }
  });

  it('sk-hynix-hbm-outage (004: HBM from Samsung and SK Hynix; Counterpoint: SK hynix 62% of HBM): HBM is a standard several makers build, so nothing breaks and HBM3E users lose 62%', () => {
    const r = run('sk-hynix-hbm-outage');
    expect(r.summary.broken).toBe(0);
    const chatgpt = r.impacts.find((i) => i.deployment.id === 'deployment:chatgpt')!;
    expect(chatgpt).toMatchObject({ status: 'DEGRADED', lost: 0.62 });
    expect(chatgpt.causes[0]!.steps[0]).toEqual({ from: 'chip:hbm3e', rel: 'FABRICATED_BY', to: 'org:sk-hynix' });
    // HBM3 still comes from Samsung: the H20 and H100 fleets are untouched
    for (const id of ['deployment:deepseek-chat-service', 'deployment:chinese-enterprise-deepseek-h20']) expect(statusOf(r, id)).toBe('UNAFFECTED');
    // no maker designs (controls) an HBM generation
    expect(seeds.claims.filter((c) => c.rel === 'DESIGNED_BY' && c.subject.startsWith('chip:hbm'))).toEqual([]);
  });

  it('eu-sovereign-cloud-mandate (000: "European-owned infrastructure as the mandated substrate for government and regulated-industry AI workloads"): regulated inference on AWS and Azure breaks and moves to EU-owned clouds; the Commission\'s own framework and French defence run on', () => {
    const r = run('eu-sovereign-cloud-mandate');
    expect(ids(r, 'BROKEN')).toEqual(['deployment:eu-regulated-inference-on-us-clouds']);
    for (const id of ['deployment:ec-sovereign-cloud-workloads', 'deployment:french-defense-classified-ai']) expect(statusOf(r, id)).toBe('UNAFFECTED');
    const imp = r.impacts[0]!;
    expect(imp.causes[0]).toMatchObject({ type: 'data_localization', origin: 'nation:eu' });
    const hosts = imp.mitigations.filter((m) => m.replace === 'cloud:aws' || m.replace === 'cloud:microsoft-azure').map((m) => m.with);
    expect(hosts.length).toBeGreaterThan(0);
    for (const h of hosts) expect(['cloud:ovhcloud', 'cloud:deep', 'cloud:clever-cloud', 'cloud:mistral-compute']).toContain(h);
  });

  it('llama-license-withdrawn (002: nations "license the best available open-source models"): Groq\'s Saudi service loses Llama 4 but keeps serving its other open models, and only open weights are offered in its place', () => {
    const r = run('llama-license-withdrawn');
    expect(r.summary).toMatchObject({ broken: 0, degraded: 1 });
    const groq = r.impacts.find((i) => i.deployment.id === 'deployment:groqcloud-saudi-inference')!;
    expect(groq.status).toBe('DEGRADED');
    expect(groq.causes[0]).toMatchObject({ type: 'license_change', origin: 'model:llama-4' });
    const models = new Map(seeds.entities.map((e) => [e.id, e.props]));
    expect(groq.mitigations.length).toBeGreaterThan(0);
    for (const m of groq.mitigations) expect(models.get(m.with)?.openWeights, m.with).toBe(true);
  });

  it('every library scenario has its expected outcome here', () => {
    const covered = [
      'h20-ban',
      'gulf-datacenter-strike',
      'cloud-act-ruling',
      'eu-sovereign-cloud-mandate',
      'us-api-cutoff-china',
      'ascend-sanctions',
      'hbm-export-ban',
      'llama-license-withdrawn',
      'sk-hynix-hbm-outage',
      'taiwan-fab-outage',
    ];
    expect(
      loadLibrary()
        .scenarios.map((sc) => sc.name)
        .sort(),
    ).toEqual([...covered].sort());
  });

  it('taiwan-fab-outage (001: "a significant escalation, over Taiwan"): an outage of Taiwan as a place takes its fabs down, and ASML heads the chokepoints below the chip', async () => {
    const tw = run('taiwan-fab-outage', { shocks: [{ type: 'outage', targets: ['nation:tw'] }] });
    const tsmc = run('taiwan-fab-outage');
    expect(tw.summary.broken).toBe(tsmc.summary.broken);
    expect(tw.summary.broken).toBeGreaterThan(20);
    const { rankChokepoints } = await import('../../scenarios/chokepoints.js');
    const top = rankChokepoints(snap, { first: 3 }).map((r) => r.entity.id);
    expect(top).toContain('org:asml');
    expect(top).toContain('org:tsmc');
  });
});
