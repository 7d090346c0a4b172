import { describe, expect, it } from 'vitest';
import { relationsFromClaims } from '../../graph/claims.js';
import { Snapshot } from '../../graph/snapshot.js';
import { loadSeeds } from '../../seeds/load.js';
import { runScenario, type ScenarioResult } from '../../scenarios/engine.js';
import { findScenario, loadLibrary } from '../../scenarios/scenario-file.js';

// The seeded graph. A seed folder that does not load, or holds no deployments, fails these tests.
const seeds = loadSeeds();
const snap = Snapshot.fromRecords(seeds.entities, relationsFromClaims(seeds.claims));

function statusOf(r: ScenarioResult, id: string): string {
  return r.impacts.find((i) => i.deployment.id === id)?.status ?? 'UNAFFECTED';
}

describe('library scenarios on the seeded graph', () => {
  it('the seeded graph holds deployments', () => {
    expect(snap.ids.filter((id) => id.startsWith('deployment:')).length).toBeGreaterThan(20);
  });

  for (const sc of loadLibrary().scenarios)
    it(`${sc.name} hits something and spares something`, () => {
      const r = runScenario(snap, sc);
      expect(r.summary.broken + r.summary.degraded + r.summary.atRisk).toBeGreaterThan(0);
      expect(r.summary.unaffected).toBeGreaterThan(0);
    });
});

describe('h20-ban on the seeded graph', () => {
  const r = runScenario(snap, findScenario('h20-ban'));

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

describe('mitigations on the seeded graph read right', () => {
  it('a foundry outage suggests another foundry, never just any company', () => {
    const r = runScenario(snap, findScenario('taiwan-fab-outage'));
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
    const r = runScenario(snap, findScenario('cloud-act-ruling'));
    const suggested = r.impacts.flatMap((i) => i.mitigations.map((m) => m.with));
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested).not.toContain('cloud:aws-european-sovereign-cloud');
    expect(suggested).not.toContain('cloud:aws');
    expect(suggested).not.toContain('cloud:microsoft-azure');
  });
});
