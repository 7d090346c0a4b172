import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../schema/errors.js';
import { runScenario } from '../../scenarios/engine.js';
import { findScenario, loadLibrary, loadScenarioFile, parseScenario } from '../../scenarios/scenario-file.js';
import { smallWorld } from './small-world.js';

const H20 = `name: h20-ban
title: US bans NVIDIA H20 exports to China
asOf: 2026-05-01
shocks:
  - type: export_control
    issuer: nation:us
    items: [chip:nvidia-h20]
    destinations: [nation:cn]
    effect: ban
`;

describe('scenario YAML', () => {
  it('parses the contract example', () => {
    const s = parseScenario(H20);
    expect(s.shocks[0]).toMatchObject({ type: 'export_control', items: ['chip:nvidia-h20'], effect: 'ban' });
    expect(s.asOf).toBe('2026-05-01');
  });

  it('names the file and line of invalid YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scn-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\ntitle: x\nshocks:\n  - type: outage\n    targets: [dc:a\n  oops: : :\n');
    expect(() => loadScenarioFile(file)).toThrow(InvalidInput);
    expect(() => loadScenarioFile(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: invalid YAML`));
  });

  it('names the field of a schema error', () => {
    expect(() => parseScenario(H20.replace('effect: ban', 'effect: embargo'), 'x.yaml')).toThrow(/x\.yaml: shocks\.0\.effect/);
    expect(() => parseScenario(H20.replace('export_control', 'meteor'), 'x.yaml')).toThrow(/shocks\.0\.type/);
  });

  it('names the field path and the value of an unknown entity', () => {
    const s = parseScenario(H20.replace('chip:nvidia-h20', 'chip:nvidia-h2o'));
    expect(() => runScenario(smallWorld(), s)).toThrow('shocks.0.items.0: unknown entity "chip:nvidia-h2o"');
  });

  it('rejects an entity of the wrong label', () => {
    const s = parseScenario(H20.replace('destinations: [nation:cn]', 'destinations: [chip:nvidia-h100]'));
    expect(() => runScenario(smallWorld(), s)).toThrow('shocks.0.destinations.0: expected Nation, got Chip "chip:nvidia-h100"');
  });

  it('loads the library: at least eight named scenarios with titles, descriptions and sources', () => {
    const { scenarios, errors } = loadLibrary();
    expect(errors).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    for (const name of ['h20-ban', 'cloud-act-ruling', 'us-api-cutoff-china', 'ascend-sanctions', 'gulf-datacenter-strike', 'eu-sovereign-cloud-mandate', 'taiwan-fab-outage', 'hbm-export-ban'])
      expect(scenarios.map((s) => s.name)).toContain(name);
    expect(scenarios.some((s) => s.shocks.some((sh) => sh.type === 'license_change'))).toBe(true);
    for (const s of scenarios) {
      expect(s.description.length).toBeGreaterThan(40);
      expect(s.sources.length).toBeGreaterThan(0);
    }
  });

  it('reports a bad library file and still loads the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lib-'));
    writeFileSync(join(dir, 'good.yaml'), H20.replace('name: h20-ban', 'name: good'));
    writeFileSync(join(dir, 'broken.yaml'), 'name: broken\ntitle: [unclosed\n');
    const r = loadLibrary(dir);
    expect(r.scenarios.map((s) => s.name)).toEqual(['good']);
    expect(r.errors[0]!.message).toMatch(/broken\.yaml:\d+: invalid YAML/);
  });

  it('finds by name and reports unknown names with the known ones', () => {
    expect(findScenario('h20-ban').name).toBe('h20-ban');
    expect(() => findScenario('no-such')).toThrow(/unknown scenario "no-such" \(known: .*h20-ban/);
  });
});
