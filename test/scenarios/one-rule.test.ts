// Each rule exists once: the failure layers (schema/layers.ts), the level rule (scenarios/levels.ts)
// and where an entity sits (graph/placement.ts), whoever asks.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exposure, LAYERS as EXPOSURE_LAYERS } from '../../graph/exposure.js';
import { placementOf } from '../../graph/placement.js';
import { seatOf } from '../../api/embed/relation-roles.js';
import { FAILURE_LAYERS } from '../../schema/layers.js';
import { failureLayers, loadDomain, MAX_FAILURE_LAYERS, SchemaFileError } from '../../schema/meta.js';
import { groupOf, statusOf, throughEdge } from '../../scenarios/levels.js';
import { LAYERS, reachIndex } from '../../scenarios/reach.js';
import { CONDITIONAL, DEGRADED, HARD } from '../../scenarios/rules/rule.js';
import { smallWorld, world } from './small-world.js';

const root = join(import.meta.dirname, '../../schema');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function schemaWithLayers(extra: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-layers-'));
  temps.push(dir);
  cpSync(join(root, 'labels'), join(dir, 'labels'), { recursive: true });
  cpSync(join(root, 'relations'), join(dir, 'relations'), { recursive: true });
  for (let i = 0; i < extra; i++)
    writeFileSync(
      join(dir, 'relations', `z-extra-${i}.yaml`),
      `type: EXTRA_${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}\ndescription: A test relation.\nfrom: [Chip]\nto: [Organization]\ndependency:\n  dependent: from\n  strength: hard\n  layer: extra_${'abcdefghijklmnopqrstuvwxyz'[i]}\n`,
    );
  return dir;
}

describe('the failure layers are defined once', () => {
  it('the engine, exposure and the schema share one list', () => {
    expect(LAYERS).toBe(FAILURE_LAYERS);
    expect(EXPOSURE_LAYERS).toBe(FAILURE_LAYERS);
    expect(FAILURE_LAYERS).toEqual(['direct', 'hosting', 'provider', 'serving', 'supply', 'weights']);
  });

  it('a 9th layer added through YAML loads, and the engine stores masks wide enough for it', () => {
    const domain = loadDomain(schemaWithLayers(3));
    expect(failureLayers(domain.relations)).toHaveLength(9);
    // layer masks are 16-bit: bit 8 survives in the packed index
    expect(reachIndex(smallWorld()).depAllowed).toBeInstanceOf(Uint16Array);
  });

  it('more layers than the masks hold are refused when the schema loads, naming the file', () => {
    const dir = schemaWithLayers(MAX_FAILURE_LAYERS - FAILURE_LAYERS.length + 1);
    expect(() => loadDomain(dir)).toThrow(SchemaFileError);
    expect(() => loadDomain(dir)).toThrow(/z-extra-\d+\.yaml: dependency\.layer: 17 failure layers .* at most 16/);
  });
});

describe('the level rule is written once', () => {
  it.each([
    [HARD, 1, HARD],
    [HARD, 0, CONDITIONAL],
    [CONDITIONAL, 1, CONDITIONAL],
    [DEGRADED, 1, 0],
  ])('a level %i through an edge of hardness %i is seen as %i', (level, hard, seen) => expect(throughEdge(level, hard)).toBe(seen));

  it.each([
    [0, 0, 0],
    [0, HARD, DEGRADED],
    [HARD, HARD, HARD],
    [CONDITIONAL, HARD, CONDITIONAL],
  ])('a group whose best member is %i and worst %i is %i', (min, max, level) => expect(groupOf(min, max)).toBe(level));

  it('names a status per level', () => {
    expect([HARD, CONDITIONAL, DEGRADED, 0].map(statusOf)).toEqual(['BROKEN', 'AT_RISK', 'DEGRADED', 'UNAFFECTED']);
  });
});

describe('where an entity sits is one module', () => {
  it('the embeds name the seat the placement module gives', () => {
    const s = smallWorld();
    const dc = s.indexOf('dc:uae-1')!;
    const p = placementOf(s);
    expect(seatOf(s, dc, Number.NaN)).toBe(s.names.at(p.primarySeat(dc)!));
    expect(p.where(dc).map((n) => s.ids.at(n))).toEqual(['nation:ae']);
  });
});

describe('the narrowing rule is the same for scenarios and exposure', () => {
  it('a hospital hosted on AWS and its Frankfurt region is not tied to the UAE region, in exposure either', () => {
    const s = world({ 'nation:de': {}, 'nation:ae': {}, 'nation:us': {}, 'org:amazon': {}, 'cloud:aws': {}, 'dc:fra': {}, 'dc:uae': {}, 'deployment:hospital': { dataClasses: ['health'] } }, [
      ['org:amazon', 'HEADQUARTERED_IN', 'nation:us'],
      ['cloud:aws', 'OPERATED_BY', 'org:amazon'],
      ['cloud:aws', 'HOSTED_ON', 'dc:fra'],
      ['cloud:aws', 'HOSTED_ON', 'dc:uae'],
      ['dc:fra', 'LOCATED_IN', 'nation:de'],
      ['dc:uae', 'LOCATED_IN', 'nation:ae'],
      ['deployment:hospital', 'LOCATED_IN', 'nation:de'],
      ['deployment:hospital', 'HOSTED_ON', 'cloud:aws'],
      ['deployment:hospital', 'HOSTED_ON', 'dc:fra'],
    ]);
    const r = exposure(s, s.indexOf('nation:de')!, { subjects: ['Deployment'] });
    const deps = r.layers.flatMap((l) => l.items.map((i) => s.ids.at(i.dependency)));
    expect(deps).toContain('cloud:aws');
    expect(deps).not.toContain('dc:uae');
  });
});
