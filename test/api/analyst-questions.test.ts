// The fifteen questions an analyst put to the API, each answered by ONE GraphQL query over the
// seeded graph, with the ids the seed articles give; question 13 (what changed between two dates)
// asks after a document read once the seeds are in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { loadConfig } from '../../api/config.js';
import { createLogger } from '../../api/log.js';
import { mountGraphQL } from '../../api/graphql/mount.js';
import { seedIfEmpty } from '../../api/seeding.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import { claimId, documentId } from '../../schema/records.js';

type Data = Record<string, unknown>;
type Node = { id: string } & Data;
const nodes = (c: unknown) => (c as { edges: { node: Node }[] }).edges.map((e) => e.node);
const ids = (c: unknown) => nodes(c).map((n) => n.id);

interface Question {
  n: number;
  ask: string;
  query: string;
  check: (data: Data) => void;
}

const CN_MODELS = `developer: {nation: {id: {eq: "nation:cn"}}}`;
const QUESTIONS: Question[] = [
  {
    n: 1,
    ask: 'Chinese models trained on NVIDIA vs on Ascend, with the quotes',
    query: `{ nvidia: models(where: {${CN_MODELS}, trainedOn: {designer: {id: {eq: "org:nvidia"}}}}) { edges { node { id
          relations(types: [TRAINED_ON], where: {other: {designer: {id: {eq: "org:nvidia"}}}}) { to { id } sources { quote } } } } }
        ascend: models(where: {${CN_MODELS}, trainedOn: {designer: {id: {eq: "org:huawei"}}}}) { edges { node { id
          relations(types: [TRAINED_ON], where: {other: {designer: {id: {eq: "org:huawei"}}}}) { to { id } sources { quote } } } } } }`,
    check: (d) => {
      expect(ids(d.nvidia)).toEqual(['model:deepseek-v3']);
      expect(ids(d.ascend)).toEqual(['model:glm-5.1', 'model:kimi-k2.6', 'model:minimax-m2.7']);
      const glm = nodes(d.ascend)[0]!.relations as { to: { id: string }; sources: { quote: string }[] }[];
      expect(glm[0]!.to.id).toBe('chip:huawei-ascend-910b');
      expect(glm[0]!.sources[0]!.quote).toMatch(/trained entirely on approximately 100,000 Huawei Ascend 910B chips/);
    },
  },
  {
    n: 2,
    ask: "DeepSeek V4-Pro's hardware",
    query: `{ entity(id: "model:deepseek-v4-pro") { relations(direction: OUT, types: [RUNS_ON, TRAINED_ON], orderBy: [{field: OTHER_NAME}]) { type to { id } sources { quote } } } }`,
    check: (d) => {
      const rels = (d.entity as { relations: { type: string; to: { id: string }; sources: { quote: string }[] }[] }).relations;
      expect(rels.map((r) => r.to.id)).toEqual(['chip:huawei-ascend-910c', 'chip:huawei-ascend-npu', 'chip:nvidia-h20', 'chip:nvidia-h200']);
      expect(rels.find((r) => r.to.id === 'chip:nvidia-h20')!.sources[0]!.quote).toMatch(/8×H20 HGX cluster at FP4/);
    },
  },
  {
    n: 3,
    ask: 'What the H20 ban breaks, and whether the H20 is export-controlled today',
    query: `{ runScenario(name: "h20-ban") { summary { broken degraded atRisk } impacts { deployment { id } status } }
        controlled: chips(where: {exportControlled: true, designer: {id: {eq: "org:nvidia"}}}) { edges { node { id } } } }`,
    check: (d) => {
      const run = d.runScenario as { summary: Data; impacts: { deployment: { id: string }; status: string }[] };
      expect(run.summary).toEqual({ broken: 2, degraded: 0, atRisk: 0 });
      expect(run.impacts.map((i) => i.deployment.id)).toEqual(['deployment:chinese-enterprise-deepseek-h20', 'deployment:deepseek-chat-service']);
      // the H20 is the China-compliant part: only a proposed rule would ban it
      expect(ids(d.controlled)).toEqual(['chip:nvidia-gb300', 'chip:nvidia-h100', 'chip:nvidia-h200', 'chip:nvidia-h800']);
    },
  },
  {
    n: 4,
    ask: 'EU public bodies on US clouds',
    query: `{ deployments(where: {location: {id: {within: "nation:eu"}}, dataClasses: {eq: "government"},
        host: {OR: [{nation: {id: {eq: "nation:us"}}}, {operator: {nation: {id: {eq: "nation:us"}}}}]}}) {
        edges { node { id relations(types: [HOSTED_ON], orderBy: [{field: OTHER_NAME}]) { to { id } } } } } }`,
    check: (d) => {
      expect(ids(d.deployments)).toEqual(['deployment:eu-regulated-inference-on-us-clouds']);
      const hosts = (nodes(d.deployments)[0]!.relations as { to: { id: string } }[]).map((r) => r.to.id);
      expect(hosts).toEqual(['cloud:aws', 'cloud:microsoft-azure']);
    },
  },
  {
    n: 5,
    ask: "The European Commission's sovereign cloud picks",
    query: `{ deals(where: {parties: {id: {eq: "org:european-commission"}}, kind: {eq: "framework"}}) {
        edges { node { id relations(direction: OUT, types: [COVERS], orderBy: [{field: OTHER_NAME}]) { to { id } } } } } }`,
    check: (d) => {
      expect(ids(d.deals)).toEqual(['deal:ec-sovereign-cloud-framework-contract']);
      expect((nodes(d.deals)[0]!.relations as { to: { id: string } }[]).map((r) => r.to.id)).toEqual(['cloud:clever-cloud', 'cloud:deep', 'cloud:ovhcloud']);
    },
  },
  {
    n: 6,
    ask: "Microsoft's $15.2B UAE investment and its parts",
    query: `{ deals(where: {parties: {id: {eq: "org:microsoft"}}, OR: [{parties: {id: {eq: "nation:ae"}}}, {parties: {nation: {id: {eq: "nation:ae"}}}}, {covers: {nation: {id: {eq: "nation:ae"}}}}]},
        orderBy: [{field: AMOUNT_USD, direction: DESC}]) { edges { node { id ... on Deal { amountRange { min max currency } } } } } }`,
    check: (d) => {
      expect(ids(d.deals)).toEqual(['deal:microsoft-uae-2023-2029', 'deal:microsoft-uae-datacenter-capex', 'deal:microsoft-g42-equity']);
      expect(nodes(d.deals)[0]!.amountRange).toEqual({ min: 15.2e9, max: 15.2e9, currency: 'USD' });
    },
  },
  {
    n: 7,
    ask: 'Deals of $10B or more, largest first (a range keeps both bounds)',
    query: `{ deals(where: {amountUsd: {gte: 1e10}}, orderBy: [{field: AMOUNT_USD, direction: DESC}]) { totalCount edges { node { id amountUsd amountRange { min max currency } } } } }`,
    check: (d) => {
      expect(ids(d.deals)).toEqual([
        'deal:france-ai-infrastructure-plan',
        'deal:anthropic-aws-spending-commitment',
        'deal:saudi-project-transcendence',
        'deal:humain-ai-strategy',
        'deal:us-chips-act-funding',
        'deal:france-uae-1gw-datacenter',
        'deal:japan-ai-package',
        'deal:microsoft-uae-2023-2029',
        'deal:microsoft-japan-2026-2029',
      ]);
      expect(nodes(d.deals).find((n) => n.id === 'deal:france-uae-1gw-datacenter')!.amountRange).toEqual({ min: 30e9, max: 50e9, currency: 'USD' });
    },
  },
  {
    n: 8,
    ask: 'Anthropic and Amazon (or a cloud Amazon operates), with the dates the sources give',
    query: `{ deals(where: {AND: [{parties: {id: {eq: "lab:anthropic"}}}, {parties: {OR: [{id: {eq: "org:amazon"}}, {operator: {id: {eq: "org:amazon"}}}]}}]}) {
        edges { node { id ... on Deal { date datePrecision amountUsd } } } } }`,
    check: (d) => {
      expect(ids(d.deals)).toEqual(['deal:amazon-anthropic-investment-2026', 'deal:anthropic-aws-spending-commitment']);
      expect(nodes(d.deals)[0]).toMatchObject({ date: '2026-04-18', datePrecision: 'week', amountUsd: 5e9 });
    },
  },
  {
    n: 9,
    ask: 'The NSA and Mythos',
    query: `{ deployments(where: {operator: {id: {eq: "org:nsa"}}, usesModel: {id: {eq: "model:claude-mythos"}}}) {
        edges { node { id relations(types: [USES_MODEL]) { to { id } sources { quote document { url } } } } } } }`,
    check: (d) => {
      expect(ids(d.deployments)).toEqual(['deployment:nsa-mythos']);
      const rel = (nodes(d.deployments)[0]!.relations as { sources: { quote: string; document: { url: string } }[] }[])[0]!;
      expect(rel.sources[0]).toEqual({ quote: "Reuters reported that the NSA is using Anthropic's Mythos model despite prior blacklist restrictions.", document: { url: '000_5bd969b460eb2ace.txt' } });
    },
  },
  {
    n: 10,
    ask: 'Open-weight models under MIT or Apache (any spelling)',
    query: `{ models(where: {openWeights: {eq: true}, OR: [{license: {contains: "mit"}}, {license: {contains: "apache"}}]}, first: 100) { totalCount edges { node { id ... on Model { license } } } } }`,
    check: (d) => {
      expect(ids(d.models)).toEqual([
        'model:alia-40b',
        'model:codestral-2',
        'model:deepseek-r1',
        'model:deepseek-r1-distill-llama-70b',
        'model:deepseek-r1-distill-qwen-32b',
        'model:gemma-4',
        'model:glm-5.1',
        'model:gpt-oss-120b',
        'model:kimi-k2',
        'model:mistral-small-3.1',
        'model:phi-4',
        'model:qwen2.5-32b',
        'model:qwen3',
        'model:sarvam-m',
      ]);
      expect(new Set(nodes(d.models).map((n) => n.license))).toEqual(new Set(['Apache-2.0', 'MIT', 'Modified MIT']));
    },
  },
  {
    n: 11,
    ask: 'Paths from DeepSeek to TSMC',
    query: `{ paths(from: "lab:deepseek", to: "org:tsmc", first: 3, directed: false) { length steps { relation { type } entity { id } } } }`,
    check: (d) => {
      const paths = d.paths as { length: number; steps: { relation: { type: string }; entity: { id: string } }[] }[];
      expect(paths.map((p) => p.length)).toEqual([3, 3, 3]);
      for (const p of paths) {
        expect(p.steps.at(-1)!.entity.id).toBe('org:tsmc');
        expect(p.steps.map((s) => s.entity.id)).toContain('chip:nvidia-h20');
      }
    },
  },
  {
    n: 12,
    ask: "Japan's ABCI 3.0: its foreign-controlled dependencies",
    query: `{ exposure(nation: "nation:jp", subjects: [DATA_CENTER]) { layers { layer items { subject { id } dependency { id } jurisdictions { id } } } } }`,
    check: (d) => {
      const layers = (d.exposure as { layers: { layer: string; items: { subject: { id: string }; dependency: { id: string }; jurisdictions: { id: string }[] }[] }[] }).layers;
      const abci = layers.flatMap((l) => l.items.filter((i) => i.subject.id === 'dc:abci-3').map((i) => `${l.layer} ${i.dependency.id} ${i.jurisdictions.map((j) => j.id).join(',')}`));
      expect(abci.sort()).toEqual([
        'serving chip:nvidia-h200 nation:us',
        // HBM3E is a JEDEC standard with several makers: its makers are foreign-controlled, the standard is not
        'supply org:asml nation:nl',
        'supply org:micron nation:us',
        'supply org:nvidia nation:us',
        'supply org:samsung nation:kr',
        'supply org:sk-hynix nation:kr',
        'supply org:tsmc nation:tw',
      ]);
    },
  },
  {
    n: 14,
    ask: 'US labs cut API access from China: what breaks',
    query: `{ runScenario(name: "us-api-cutoff-china") { summary { broken degraded atRisk } impacts { deployment { id } status } } }`,
    check: (d) => {
      const run = d.runScenario as { summary: Data; impacts: { deployment: { id: string }; status: string }[] };
      expect(run.summary).toEqual({ broken: 2, degraded: 0, atRisk: 0 });
      expect(run.impacts.map((i) => `${i.status} ${i.deployment.id}`)).toEqual(['BROKEN deployment:china-enterprise-us-model-access', 'BROKEN deployment:chinese-firms-distillation-pipelines']);
    },
  },
  {
    n: 15,
    ask: 'Regulations that target China, directly or through its firms (not its own)',
    query: `{ regulations(where: {OR: [{appliesTo: {id: {eq: "nation:cn"}}}, {appliesTo: {nation: {id: {eq: "nation:cn"}}}}],
        NOT: {issuer: {OR: [{id: {eq: "nation:cn"}}, {nation: {id: {eq: "nation:cn"}}}]}}}) { totalCount edges { node { id } } } }`,
    check: (d) => {
      expect(ids(d.regulations)).toEqual([
        'reg:bis-advanced-computing-rule-2022',
        'reg:bis-advanced-computing-rule-2023',
        'reg:dod-dji-ban',
        'reg:ostp-distillation-memo-2026',
        'reg:pentagon-chinese-military-companies-list',
        'reg:us-ai-chip-export-controls',
        'reg:us-clean-network',
        'reg:us-critical-infrastructure-chinese-ai-guidance',
        'reg:us-entity-list-huawei',
        'reg:us-h20-export-restriction-proposed',
        'reg:us-open-weight-distribution-controls-proposed',
      ]);
    },
  },
];

describe('the analyst questions, one query each (seeded graph)', () => {
  let store: GraphStore;
  let app: Hono;
  let close: () => Promise<void>;
  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    await seedIfEmpty(store);
    app = new Hono();
    close = await mountGraphQL(app, { store, snapshots: new SnapshotCache(store), config: loadConfig({ LOG_LEVEL: 'silent' }), logger: createLogger('silent') });
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await store?.close();
  });

  it.for(QUESTIONS)('$n: $ask', async (q) => {
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query }) });
    const body = (await res.json()) as { data?: Data; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    q.check(body.data!);
  });

  it('13: what changed between two dates, each change with its document', async () => {
    // a document read after the seeds: its claim is what changed since then
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const url = 'https://example.org/news/h200-shipments';
    const claim = {
      subject: 'chip:nvidia-h200',
      rel: 'DESIGNED_BY' as const,
      object: 'org:nvidia',
      props: {},
      documentId: documentId(url),
      quote: 'The H200 is an NVIDIA design.',
      extractor: 'import',
    };
    await store.write({ documents: [{ id: claim.documentId, url, kind: 'news' }], claims: [{ ...claim, id: claimId(claim), confidence: 0.9, observedAt: '2026-05-02' }] });
    const query = `{ changes(since: "${since}", kinds: [ADDED]) { edges { node { kind subject { id } object { id } claim { quote } documents { url } } } } }`;
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: Data; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    const changes = nodes(body.data!.changes) as unknown as { kind: string; subject: Node; object: Node; claim: { quote: string }; documents: { url: string }[] }[];
    expect(changes.map((c) => [c.kind, c.subject.id, c.object.id])).toEqual([['ADDED', 'chip:nvidia-h200', 'org:nvidia']]);
    expect(changes[0]!.documents.map((d) => d.url)).toEqual([url]);
  });
});
