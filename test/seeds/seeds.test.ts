import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../schema/errors.js';
import { loadSeeds } from '../../seeds/load.js';

const seeds = loadSeeds();
const articles = join(import.meta.dirname, '..', 'fixtures', 'articles');
const byId = new Map(seeds.entities.map((e) => [e.id, e]));
const docs = new Map(seeds.documents.map((d) => [d.id, d]));

describe('seed dataset', () => {
  it('validates and every relation endpoint is defined', () => {
    for (const c of seeds.claims) {
      expect(byId.has(c.subject), c.subject).toBe(true);
      expect(byId.has(c.object), c.object).toBe(true);
    }
  });

  it('gives no two entities the same name or alias', () => {
    const seen = new Map<string, string>();
    for (const e of seeds.entities)
      for (const n of new Set([e.name, ...e.aliases].map((x) => x.toLowerCase()))) {
        expect(seen.get(n) ?? e.id, `${n} in ${e.id}`).toBe(e.id);
        seen.set(n, e.id);
      }
  });

  it('quotes every article fact exactly', () => {
    const text = new Map<string, string>();
    for (const c of seeds.claims) {
      const doc = docs.get(c.documentId)!;
      if (doc.kind !== 'news') continue;
      if (!text.has(doc.url)) text.set(doc.url, readFileSync(join(articles, doc.url), 'utf8'));
      expect(c.quote, `${c.subject} ${c.rel} ${c.object}`).toBeTruthy();
      expect(text.get(doc.url)!.includes(c.quote!), `${doc.url}: ${c.quote}`).toBe(true);
    }
  });

  it('meets the minimum counts per label', () => {
    const count = (label: string) => seeds.entities.filter((e) => e.label === label).length;
    const minimum: Record<string, number> = { Nation: 30, Lab: 20, Organization: 30, Model: 50, Chip: 20, Cloud: 15, DataCenter: 15, Regulation: 20, Deal: 25, Deployment: 50 };
    for (const [label, n] of Object.entries(minimum)) expect(count(label), label).toBeGreaterThanOrEqual(n);
  });

  it('gives every claim a source document, a confidence and an observedAt', () => {
    for (const c of seeds.claims) {
      expect(docs.has(c.documentId)).toBe(true);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.observedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(c.extractor).toBe('seed');
    }
  });

  it('gives every deployment data classes, a location and a model', () => {
    for (const d of seeds.entities.filter((e) => e.label === 'Deployment')) {
      expect((d.props.dataClasses as string[]).length, d.id).toBeGreaterThan(0);
      const out = seeds.claims.filter((c) => c.subject === d.id);
      expect(
        out.some((c) => c.rel === 'LOCATED_IN'),
        `${d.id} LOCATED_IN`,
      ).toBe(true);
      expect(
        out.some((c) => c.rel === 'USES_MODEL' && (c.props.via === 'api' || c.props.via === 'self_hosted')),
        `${d.id} USES_MODEL`,
      ).toBe(true);
    }
  });

  it('names the foundry of every chip that something runs or trains on', () => {
    // A chip without FABRICATED_BY survives every supply shock, so it would pass for an unaffected alternative.
    const fabricated = new Set(seeds.claims.filter((c) => c.rel === 'FABRICATED_BY').map((c) => c.subject));
    const used = new Set(seeds.claims.filter((c) => (c.rel === 'RUNS_ON' || c.rel === 'TRAINED_ON') && byId.get(c.object)?.label === 'Chip').map((c) => c.object));
    expect([...used].filter((id) => !fabricated.has(id))).toEqual([]);
  });

  it('parses deal money into amount, currency and a dated USD value', () => {
    const deal = byId.get('deal:indiaai-mission-budget')!;
    expect(deal.props).toMatchObject({ amount: 103719200000, currency: 'INR', fxRateDate: '2024-12-31' });
    expect(byId.get('deal:france-ai-infrastructure-plan')!.props).toMatchObject({ amount: 109e9, currency: 'EUR' });
  });

  it('is deterministic: loading twice gives the same records', () => {
    expect(loadSeeds()).toEqual(seeds);
  });

  it('defines the canonical ids other modules refer to', () => {
    for (const id of [
      'nation:us',
      'nation:eu',
      'nation:gcc',
      'lab:tii',
      'org:us-department-of-commerce',
      'chip:nvidia-h20',
      'chip:huawei-ascend-910c',
      'chip:hbm3e',
      'cloud:aws-european-sovereign-cloud',
      'model:claude-mythos',
      'model:glm-5.1',
      'model:qwen3',
      'model:deepseek-v4-flash',
    ])
      expect(byId.has(id), id).toBe(true);
  });
});

describe('broken seed files', () => {
  const broken = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    copyFileSync(join(import.meta.dirname, '..', '..', 'seeds', 'sources.yaml'), join(dir, 'sources.yaml'));
    writeFileSync(join(dir, 'bad.yaml'), yaml);
    try {
      loadSeeds(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInput);
      return (e as Error).message;
    }
    throw new Error('expected loadSeeds to fail');
  };

  it('names file, line, record and field of a bad property', () => {
    const msg = broken('entities:\n  - {id: chip:x1, type: Chip, name: X1, props: {kind: gpu}}\n  - {id: chip:x2, type: Chip, name: X2, props: {kind: quantum}}\n');
    expect(msg).toContain('bad.yaml:3 entities[1] (chip:x2): props.kind');
  });

  it('reports dangling references, wrong endpoints and unlisted sources together', () => {
    const msg = broken(
      [
        'entities:',
        '  - {id: nation:zz, type: Nation, name: Zedland, props: {kind: country, iso: ZZ}}',
        'relations:',
        '  - {from: nation:zz, rel: MEMBER_OF, to: nation:nowhere, source: "https://european-union.europa.eu/principles-countries-history/eu-countries_en", confidence: 1}',
        '  - {from: nation:zz, rel: USES_MODEL, to: nation:zz, props: {via: api}, source: "https://nowhere.example", confidence: 1}',
      ].join('\n'),
    );
    expect(msg).toContain('relations[0] (nation:zz MEMBER_OF nation:nowhere): to: no entity "nation:nowhere"');
    expect(msg).toContain('relations[1] (nation:zz USES_MODEL nation:zz): from: USES_MODEL starts at Deployment');
    expect(msg).toContain('source: "https://nowhere.example" is not listed in sources.yaml');
  });

  it('rejects a name that another entity already uses', () => {
    const msg = broken('entities:\n  - {id: chip:nvidia-h20, type: Chip, name: NVIDIA H20, aliases: [H20]}\n  - {id: org:h20-fan-club, type: Organization, name: Fans, aliases: [h20]}\n');
    expect(msg).toMatch(/bad.yaml:3 entities\[1\] \(org:h20-fan-club\): name: "h20" is also a name or alias of chip:nvidia-h20/);
  });

  it('requires a quote for facts from an article', () => {
    const msg = broken('relations:\n  - {from: nation:fr, rel: MEMBER_OF, to: nation:eu, source: 000_5bd969b460eb2ace.txt, confidence: 1}\n');
    expect(msg).toContain('relations[0] (nation:fr MEMBER_OF nation:eu): quote');
  });
});
