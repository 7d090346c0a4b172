import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDomain, SchemaFileError } from '../../schema/meta.js';
import { render } from '../../schema/generate.js';
import { labelProps, LABELS, RELATION_TYPES } from '../../schema/generated/model.js';
import { entityId, slugify, claimId } from '../../schema/records.js';

const root = join(import.meta.dirname, '../../schema');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function copySchema(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-schema-'));
  temps.push(dir);
  cpSync(join(root, 'labels'), join(dir, 'labels'), { recursive: true });
  cpSync(join(root, 'relations'), join(dir, 'relations'), { recursive: true });
  return dir;
}

describe('domain model as data', () => {
  it('generated files are up to date with the YAML (run `npm run generate` if this fails)', () => {
    const files = render(loadDomain(root));
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(root, 'generated', name), 'utf8'), name).toBe(text);
    for (const text of Object.values(files)) expect(text.split('\n')[0]).toMatch(/GENERATED/);
  });

  it('declares every label and the relation types the contracts name', () => {
    expect([...LABELS].sort()).toEqual(['Chip', 'Cloud', 'DataCenter', 'Deal', 'Deployment', 'Document', 'Lab', 'Model', 'Nation', 'Organization', 'Regulation']);
    for (const rel of [
      'HEADQUARTERED_IN',
      'LOCATED_IN',
      'MEMBER_OF',
      'DEVELOPED_BY',
      'DERIVED_FROM',
      'TRAINED_ON',
      'RUNS_ON',
      'DESIGNED_BY',
      'FABRICATED_BY',
      'OPERATED_BY',
      'HOSTED_ON',
      'USES_MODEL',
      'AVAILABLE_ON',
      'ENACTED_BY',
      'APPLIES_TO',
      'PARTY_TO',
      'COVERS',
      'INVESTS_IN',
      'PARTNERS_WITH',
      'SUBSTITUTES',
      'COMPETES_WITH',
    ])
      expect(RELATION_TYPES).toContain(rel);
  });

  it('validates properties with the generated zod validators', () => {
    expect(labelProps.Deployment.safeParse({ dataClasses: ['personal'] }).success).toBe(true);
    expect(labelProps.Deployment.safeParse({ dataClasses: ['secret'] }).success).toBe(false);
    expect(labelProps.Deployment.safeParse({}).success).toBe(false);
    expect(labelProps.Model.safeParse({ releaseDate: 'April 2026' }).success).toBe(false);
    expect(labelProps.Model.safeParse({ releaseDate: '2026-04-24', somethingNew: 'kept' }).data).toMatchObject({ somethingNew: 'kept' });
  });

  it.each([
    ['labels/chip.yaml', 'properties:\n  kind:\n    type: enum\n', /chip\.yaml: label: .*expected string/],
    ['labels/chip.yaml', 'label: Chip\nidPrefix: chip\ndescription: x\nproperties:\n  kind: {type: colour, description: y}\n', /chip\.yaml: properties\.kind\.type/],
    ['relations/runs-on.yaml', 'type: RUNS_ON\ndescription: x\nfrom: [Model]\nto: [Chipp]\n', /runs-on\.yaml: to\.0: unknown label "Chipp"/],
    ['relations/runs-on.yaml', 'type: RUNS_ON\n  description: : x\n', /runs-on\.yaml: \(yaml\)/],
    [
      'labels/deployment.yaml',
      'label: Deployment\nidPrefix: deployment\ndescription: x\nproperties:\n  dataClasses: {type: list, values: [public, health], placeFree: [open], description: y}\n',
      /deployment\.yaml: properties\.dataClasses\.placeFree\.0: "open" is not one of the property's values/,
    ],
    [
      'relations/uses-model.yaml',
      'type: USES_MODEL\ndescription: x\nfrom: [Deployment]\nto: [Model]\nreplacement: {property: via, values: {api: {holdsData: true}}}\n',
      /uses-model\.yaml: replacement\.property: "via" is not a property of USES_MODEL/,
    ],
    [
      'relations/designed-by.yaml',
      'type: DESIGNED_BY\ndescription: x\nfrom: [Chip]\nto: [Organization, Lab]\nnotTo: {property: kind, values: [foundry, bakery]}\n',
      /designed-by\.yaml: notTo\.values\.1: "bakery" is not a value of kind/,
    ],
  ])('a broken %s gives an error naming the file and field', (file, text, message) => {
    const dir = copySchema();
    writeFileSync(join(dir, file), text);
    expect(() => loadDomain(dir)).toThrow(SchemaFileError);
    expect(() => loadDomain(dir)).toThrow(message);
  });
});

describe('ids', () => {
  it('are stable slugs', () => {
    expect(entityId('Chip', 'NVIDIA H20')).toBe('chip:nvidia-h20');
    expect(entityId('Model', 'GLM-5.1')).toBe('model:glm-5.1');
    expect(entityId('Nation', 'China', { iso: 'CN' })).toBe('nation:cn');
    expect(slugify('Mistral Médium 3.')).toBe('mistral-medium-3');
  });
  it('hash claims from content, so the same claim has the same id', () => {
    const c = { subject: 'a:x', rel: 'RUNS_ON' as const, object: 'chip:y', props: { count: 1, z: 2 }, documentId: 'doc:1', extractor: 'seed' };
    expect(claimId(c)).toBe(claimId({ ...c, props: { z: 2, count: 1 } }));
    expect(claimId(c)).not.toBe(claimId({ ...c, quote: 'other' }));
  });
});
