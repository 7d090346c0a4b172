// The HTTP integration suite of the GraphQL API, run against a real server over a given store
// (embedded in memory, or Neo4j when NEO4J_URI is set). The store is wrapped in a counting proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadConfig, type Config } from '../../api/config.js';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import type { GraphStore } from '../../graph/store.js';
import { claimId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';
import { codeOf, gql } from './client.js';
import { countingStore, type CountingStore } from './counting-store.js';
import { DOCS, writeFixture } from './fixture.js';

const ENTITY_WITH_SOURCES = `query($id: ID!) { entity(id: $id) { id type name aliases ... on Chip { exportClass memoryGb }
  relations { id type contested claimCount from { id } to { id }
    sources { id quote properties extractor confidence observedAt document { id url title publisher } } } } }`;

type Rel = {
  id: string;
  type: string;
  contested: boolean;
  claimCount: number;
  from: { id: string };
  to: { id: string };
  sources: { id: string; quote: string | null; properties: Record<string, unknown>; document: { title: string } }[];
};

/** Registers the suite for a store factory; the factory returns null to skip (with a reason logged). */
export function apiSuite(name: string, openStore: () => Promise<GraphStore | null>, env: Record<string, string> = {}): void {
  describe(`GraphQL over HTTP (${name})`, () => {
    let server: RunningServer;
    let counting: CountingStore;
    let url: string;
    let config: Config;
    let skip = false;

    beforeAll(async () => {
      const inner = await openStore();
      if (!inner) {
        skip = true;
        return;
      }
      await inner.clear();
      await writeFixture(inner);
      counting = countingStore(inner);
      config = loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'ed:editor,rd:reader', SEED_ON_START: 'false', ...env });
      server = await startServer(config, { store: counting.store });
      url = server.url;
    });
    afterAll(async () => {
      if (skip) return;
      await server.stop();
      await counting.store.close();
    });

    describe('entities and provenance', () => {
      it('returns an entity with typed properties, relations and the sources behind each', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{ entity: { type: string; exportClass: string; memoryGb: number; relations: Rel[] } }>(url, ENTITY_WITH_SOURCES, { id: 'chip:nvidia-h20' });
        expect(r.body.errors).toBeUndefined();
        const e = r.body.data!.entity;
        expect(e).toMatchObject({ type: 'CHIP', exportClass: '3A090', memoryGb: 96 });
        const designed = e.relations.find((x) => x.type === 'DESIGNED_BY')!;
        expect(designed.to.id).toBe('org:nvidia');
        expect(designed.sources[0]!.document.title).toBe('Export rule on H20');
      });

      it('keeps contradicting claims visible, each with its own source, and flags the relation', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{ entity: { relations: Rel[] } }>(url, ENTITY_WITH_SOURCES, { id: 'chip:nvidia-h20' });
        const trained = r.body.data!.entity.relations.find((x) => x.type === 'TRAINED_ON')!;
        expect(trained.contested).toBe(true);
        expect(trained.claimCount).toBe(2);
        expect(trained.sources.map((x) => x.properties.count).sort()).toEqual([10_000, 50_000]);
        expect(trained.sources.map((x) => x.document.title).sort()).toEqual(['A second estimate', 'DeepSeek hardware report']);
      });

      it('filters relations by direction, type and asOf', async ({ skip: s }) => {
        if (skip) s();
        const q = `query($asOf: Date) { entity(id: "chip:nvidia-h20") { relations(direction: IN, asOf: $asOf) { type } out: relations(direction: OUT, types: [DESIGNED_BY]) { type } } }`;
        const before = await gql<{ entity: { relations: { type: string }[]; out: { type: string }[] } }>(url, q, { asOf: '2025-01-01' });
        const after = await gql<{ entity: { relations: { type: string }[] } }>(url, q, { asOf: '2025-06-01' });
        expect(before.body.data!.entity.relations.map((x) => x.type)).not.toContain('APPLIES_TO');
        expect(after.body.data!.entity.relations.map((x) => x.type)).toContain('APPLIES_TO');
        expect(before.body.data!.entity.out).toEqual([{ type: 'DESIGNED_BY' }]);
      });

      it('answers null for an unknown id and lists the claims about an entity by date', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{ entity: null; timeline: { observedAt: string; relationType: string }[] }>(
          url,
          `{ entity(id: "chip:none") { id } timeline(id: "chip:nvidia-h20") { observedAt relationType } }`,
        );
        expect(r.body.data!.entity).toBeNull();
        const dates = r.body.data!.timeline.map((t) => t.observedAt);
        expect(dates).toEqual([...dates].sort());
        expect(r.body.data!.timeline.length).toBeGreaterThanOrEqual(5);
      });
    });

    describe('search', () => {
      it.for(['nvidia h20', 'H20', 'NVIDIA H20', 'nvidia-h20', 'nvdia h20'])('"%s" finds chip:nvidia-h20 first', async (query, { skip: s }) => {
        if (skip) s();
        const r = await gql<{ search: { id: string }[] }>(url, `query($q: String!) { search(query: $q, first: 5) { id } }`, { q: query });
        expect(r.body.data!.search[0]!.id).toBe('chip:nvidia-h20');
      });

      it('restricts to types and ranks exact names first', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{ searchHits: { entity: { id: string; type: string }; score: number }[] }>(url, `{ searchHits(query: "nvidia", types: [ORGANIZATION]) { entity { id type } score } }`);
        expect(r.body.data!.searchHits[0]!.entity.id).toBe('org:nvidia');
        expect(r.body.data!.searchHits.every((h) => h.entity.type === 'ORGANIZATION')).toBe(true);
      });
    });

    describe('typed lists', () => {
      const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((x) => x.node.id);
      it('filters models, chips, deployments, regulations and deals the way analysts ask', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<Record<string, { totalCount: number; edges: { node: { id: string } }[] }>>(
          url,
          `{ open: models(openWeights: true) { totalCount edges { node { id } } }
             byDev: models(developer: "lab:mistral-ai") { totalCount edges { node { id } } }
             mit: models(license: "mit") { totalCount edges { node { id } } }
             nv: chips(designer: "org:nvidia", exportControlled: true) { totalCount edges { node { id } } }
             free: chips(exportControlled: false) { totalCount edges { node { id } } }
             eu: deployments(nation: "nation:eu") { totalCount edges { node { id } } }
             gov: deployments(dataClass: "government", cloud: "cloud:aws", model: "model:mistral-large") { totalCount edges { node { id } } }
             lic: regulations(effect: "license_required", issuer: "nation:us", appliesTo: "chip:nvidia-h20") { totalCount edges { node { id } } }
             big: deals(party: "nation:fr", minUsd: 1e9, since: "2025-01-01") { totalCount edges { node { id } } }
             late: deals(since: "2026-01-01") { totalCount edges { node { id } } } }`,
        );
        expect(r.body.errors).toBeUndefined();
        const d = r.body.data!;
        expect(ids(d.open!)).toEqual(['model:deepseek-v3']);
        expect(ids(d.byDev!)).toEqual(['model:mistral-large']);
        expect(ids(d.mit!)).toEqual(['model:deepseek-v3']);
        // export control is what a regulation in force says, not an export-class text (the H100 here has only the text)
        expect(ids(d.nv!)).toEqual(['chip:nvidia-h20']);
        expect(ids(d.free!)).toEqual(['chip:huawei-ascend-910b', 'chip:nvidia-h100']);
        expect(ids(d.eu!)).toEqual(['deployment:fr-gov-assistant']);
        expect(ids(d.gov!)).toEqual(['deployment:fr-gov-assistant']);
        expect(ids(d.lic!)).toEqual(['reg:h20-license-rule']);
        expect(ids(d.big!)).toEqual(['deal:eu-ai-gigafactory']);
        expect(d.late!.totalCount).toBe(0);
      });

      it('pages with opaque cursors and reports totalCount', async ({ skip: s }) => {
        if (skip) s();
        const q = `query($after: String) { nations(first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id } } } }`;
        const seen: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 5; i++) {
          const r: Awaited<ReturnType<typeof gql<{ nations: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { node: { id: string } }[] } }>>> = await gql(url, q, {
            after,
          });
          const page = r.body.data!.nations;
          expect(page.totalCount).toBe(5);
          seen.push(...page.edges.map((x) => x.node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(seen).toEqual(['nation:cn', 'nation:eu', 'nation:fr', 'nation:tw', 'nation:us']);
        const bad = await gql(url, q, { after: 'not-a-cursor' });
        expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      });
    });

    describe('traversals on the snapshot', () => {
      it('lists dependencies and dependents as subgraphs', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{ deps: { nodes: { id: string }[]; edges: { type: string }[]; depths: number[] }; dependents: { nodes: { id: string }[] } }>(
          url,
          `{ deps: dependencies(id: "deployment:fr-gov-assistant", depth: 2) { nodes { id } edges { type } depths }
             dependents(id: "org:nvidia", depth: 3) { nodes { id } } }`,
        );
        const deps = r.body.data!.deps;
        expect(deps.nodes[0]!.id).toBe('deployment:fr-gov-assistant');
        expect(deps.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['cloud:aws', 'model:mistral-large', 'org:amazon', 'chip:nvidia-h100']));
        expect(Math.max(...deps.depths)).toBe(2);
        expect(r.body.data!.dependents.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['chip:nvidia-h20', 'model:deepseek-v3', 'deployment:fr-gov-assistant']));
      });

      it('finds the shortest and k-shortest dependency paths with the sources of each step', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{ paths: { length: number; steps: { relation: { type: string; sources: { document: { title: string } }[] }; entity: { id: string } }[] }[] }>(
          url,
          `{ paths(from: "deployment:fr-gov-assistant", to: "nation:us", maxLength: 5, first: 3) { length steps { relation { type sources { document { title } } } entity { id } } } }`,
        );
        const paths = r.body.data!.paths;
        expect(paths).toHaveLength(3);
        expect(paths.map((p) => p.length)).toEqual([3, 4, 4]);
        expect(paths[0]!.steps.map((st) => st.entity.id)).toEqual(['cloud:aws', 'org:amazon', 'nation:us']);
        for (const p of paths) for (const st of p.steps) expect(st.relation.sources.length).toBeGreaterThan(0);
      });

      it("measures a bloc's exposure per layer, each figure traceable to edges", async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{
          exposure: {
            subjects: number;
            exposed: number;
            home: { id: string }[];
            layers: {
              layer: string;
              exposed: number;
              total: number;
              items: {
                subject: { id: string };
                dependency: { id: string };
                jurisdictions: { id: string }[];
                path: { from: { id: string }; to: { id: string } }[];
                control: { from: { id: string }; to: { id: string } }[];
              }[];
            }[];
          };
        }>(
          url,
          `{ exposure(nation: "nation:eu") { subjects exposed home { id } layers { layer exposed total items { subject { id } dependency { id } jurisdictions { id }
              path { from { id } to { id } } control { from { id } to { id } } } } } }`,
        );
        expect(r.body.errors).toBeUndefined();
        const x = r.body.data!.exposure;
        expect(x.home.map((h) => h.id).sort()).toEqual(['nation:eu', 'nation:fr']);
        expect(x.subjects).toBe(2); // the French deployment and Mistral Large
        const serving = x.layers.find((l) => l.layer === 'serving')!;
        expect(serving.exposed).toBe(2);
        for (const l of x.layers)
          for (const it of l.items) {
            // the path walks from the subject to the dependency, the control chain to a foreign jurisdiction
            expect(it.path[0]!.from.id).toBe(it.subject.id);
            const ends = new Set(it.path.flatMap((p) => [p.from.id, p.to.id]));
            expect(ends.has(it.dependency.id)).toBe(true);
            expect(it.control.map((c) => c.to.id)).toEqual(expect.arrayContaining(it.jurisdictions.map((j) => j.id)));
            expect(it.jurisdictions.map((j) => j.id)).not.toContain('nation:fr');
          }
        const provider = x.layers.find((l) => l.layer === 'provider')!;
        expect(provider.exposed).toBe(0); // Mistral is French
      });
    });

    describe('scenarios', () => {
      it('lists the library and runs ad-hoc shocks with causes backed by sources', async ({ skip: s }) => {
        if (skip) s();
        const lib = await gql<{ scenarios: { name: string }[] }>(url, `{ scenarios { name title shocks } }`);
        expect(lib.body.data!.scenarios.map((x) => x.name)).toContain('h20-ban');
        const shocks = [{ type: 'export_control', issuer: 'nation:us', items: ['chip:nvidia-h100'], destinations: ['nation:fr'], effect: 'ban' }];
        const r = await gql<{
          runScenario: {
            summary: { broken: number };
            impacts: { deployment: { id: string }; status: string; causes: { steps: { from: string; rel: string; to: string; relation: { sources: unknown[] } | null }[] }[] }[];
          };
        }>(url, `query($s: JSON) { runScenario(shocks: $s) { summary { broken } impacts { deployment { id } status causes { steps { from rel to relation { sources { id } } } } } } }`, { s: shocks });
        expect(r.body.errors).toBeUndefined();
        const run = r.body.data!.runScenario;
        expect(run.summary.broken).toBe(1);
        expect(run.impacts[0]).toMatchObject({ deployment: { id: 'deployment:fr-gov-assistant' }, status: 'BROKEN' });
        const steps = run.impacts[0]!.causes[0]!.steps;
        expect(steps.every((st) => (st.relation?.sources.length ?? 0) > 0)).toBe(true);
        // the same shape as `scenario run --json`: steps are {from, rel, to} ids
        expect(steps[0]).toMatchObject({ from: expect.any(String), rel: 'RUNS_ON', to: 'chip:nvidia-h100' });
        expect([steps.at(-1)!.from, steps.at(-1)!.to]).toContain('deployment:fr-gov-assistant');
      });

      it('ranks chokepoints and refuses an unknown scenario or a bad shock', async ({ skip: s }) => {
        if (skip) s();
        const r = await gql<{ chokepoints: { entity: { id: string }; broken: number }[] }>(url, `{ chokepoints(type: CHIP, first: 3) { entity { id } broken share } }`);
        expect(r.body.data!.chokepoints[0]).toMatchObject({ entity: { id: 'chip:nvidia-h100' }, broken: 1 });
        expect(codeOf(await gql(url, `{ runScenario(name: "no-such-scenario") { scenario } }`))).toBe('NOT_FOUND');
        expect(codeOf(await gql(url, `query($s: JSON) { runScenario(shocks: $s) { scenario } }`, { s: [{ type: 'meteor' }] }))).toBe('BAD_USER_INPUT');
      });
    });

    describe('mutations and API keys', () => {
      const upsert = `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) { id name aliases ... on Lab { kind founded } } }`;
      const lab = { type: 'LAB', name: 'Test Lab One', aliases: ['TL1'], properties: { kind: 'private', founded: 2024 } };

      it('needs a key: none is UNAUTHENTICATED, a reader is FORBIDDEN, an unknown key is a 401', async ({ skip: s }) => {
        if (skip) s();
        expect(codeOf(await gql(url, upsert, { input: lab }))).toBe('UNAUTHENTICATED');
        expect(codeOf(await gql(url, upsert, { input: lab }, { 'x-api-key': 'rd' }))).toBe('FORBIDDEN');
        const wrong = await gql(url, `{ graphVersion }`, {}, { authorization: 'Bearer nope' });
        expect(wrong.status).toBe(401);
        expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      });

      it('upserts an entity for an editor and validates its properties', async ({ skip: s }) => {
        if (skip) s();
        const ok = await gql<{ upsertEntity: { id: string; kind: string; founded: number } }>(url, upsert, { input: lab }, { authorization: 'Bearer ed' });
        expect(ok.body.errors).toBeUndefined();
        expect(ok.body.data!.upsertEntity).toMatchObject({ id: 'lab:test-lab-one', kind: 'private', founded: 2024 });
        const bad = await gql(url, upsert, { input: { ...lab, properties: { kind: 'pirate' } } }, { authorization: 'Bearer ed' });
        expect(codeOf(bad)).toBe('BAD_USER_INPUT');
        expect(bad.body.errors![0]!.message).toMatch(/kind/);
        const wrongPrefix = await gql(url, upsert, { input: { ...lab, id: 'chip:x' } }, { authorization: 'Bearer ed' });
        expect(codeOf(wrongPrefix)).toBe('BAD_USER_INPUT');
      });

      it('adds a claim that reads back at once (the snapshot is invalidated) and retracts it', async ({ skip: s }) => {
        if (skip) s();
        const add = await gql<{ addClaim: { claim: { id: string }; relation: { type: string; sources: { quote: string }[] } } }>(
          url,
          `mutation($input: AddClaimInput!) { addClaim(input: $input) { claim { id } relation { type sources { quote } } } }`,
          {
            input: {
              subject: 'model:deepseek-v3',
              type: 'RUNS_ON',
              object: 'chip:huawei-ascend-910b',
              source: { url: 'https://example.org/ascend', title: 'Ascend serving' },
              quote: 'V3 is served on Ascend 910B.',
              confidence: 0.7,
            },
          },
          { 'x-api-key': 'ed' },
        );
        expect(add.body.errors).toBeUndefined();
        const claim = add.body.data!.addClaim.claim.id;
        expect(add.body.data!.addClaim.relation.sources[0]!.quote).toBe('V3 is served on Ascend 910B.');
        const path = await gql<{ paths: unknown[] }>(url, `{ paths(from: "model:deepseek-v3", to: "chip:huawei-ascend-910b") { length } }`);
        expect(path.body.data!.paths).toHaveLength(1);
        const retract = await gql<{ retractClaim: { retracted: number } }>(url, `mutation($id: ID!) { retractClaim(id: $id) { retracted } }`, { id: claim }, { 'x-api-key': 'ed' });
        expect(retract.body.data!.retractClaim.retracted).toBe(1);
        const again = await gql(url, `mutation($id: ID!) { retractClaim(id: $id) { retracted } }`, { id: claim }, { 'x-api-key': 'ed' });
        expect(codeOf(again)).toBe('NOT_FOUND');
        const gone = await gql<{ paths: unknown[] }>(url, `{ paths(from: "model:deepseek-v3", to: "chip:huawei-ascend-910b") { length } }`);
        expect(gone.body.data!.paths).toHaveLength(0);
      });

      it('refuses claims with unknown endpoints or wrong endpoint types', async ({ skip: s }) => {
        if (skip) s();
        const q = `mutation($input: AddClaimInput!) { addClaim(input: $input) { claim { id } } }`;
        const src = { url: 'https://example.org/x' };
        expect(codeOf(await gql(url, q, { input: { subject: 'model:nope', type: 'RUNS_ON', object: 'chip:nvidia-h20', source: src } }, { 'x-api-key': 'ed' }))).toBe('NOT_FOUND');
        const wrong = await gql(url, q, { input: { subject: 'nation:fr', type: 'RUNS_ON', object: 'chip:nvidia-h20', source: src } }, { 'x-api-key': 'ed' });
        expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
        expect(wrong.body.errors![0]!.message).toMatch(/RUNS_ON cannot start at a Nation/);
        // a comparison joins two of one kind: a chip is not compared with a model
        const kinds = await gql(url, q, { input: { subject: 'chip:nvidia-h20', type: 'COMPETES_WITH', object: 'model:deepseek-v3', source: src } }, { 'x-api-key': 'ed' });
        expect(codeOf(kinds)).toBe('BAD_USER_INPUT');
        expect(kinds.body.errors![0]!.message).toMatch(/COMPETES_WITH relates two entities of one kind, not a Chip and a Model/);
      });

      it('merges a duplicate into the kept entity, moving its claims and names', async ({ skip: s }) => {
        if (skip) s();
        const dup: EntityRecord = { id: 'lab:deep-seek', label: 'Lab', name: 'Deep Seek', aliases: [], props: { kind: 'private' } };
        const body: Omit<ClaimRecord, 'id' | 'observedAt' | 'confidence'> = {
          subject: 'lab:deep-seek',
          rel: 'HEADQUARTERED_IN',
          object: 'nation:cn',
          props: {},
          documentId: DOCS[1]!.id,
          extractor: 'test',
        };
        await counting.store.write({ entities: [dup], claims: [{ ...body, id: claimId(body), confidence: 0.5, observedAt: '2025-05-01' }] });
        const r = await gql<{ mergeEntities: { entity: { id: string; aliases: string[] }; movedClaims: number } }>(
          url,
          `mutation { mergeEntities(keep: "lab:deepseek", merge: ["lab:deep-seek"]) { entity { id aliases } movedClaims } }`,
          {},
          { 'x-api-key': 'ed' },
        );
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data!.mergeEntities.movedClaims).toBe(1);
        expect(r.body.data!.mergeEntities.entity.aliases).toContain('Deep Seek');
        const rel = await gql<{ entity: { relations: { claimCount: number }[] } }>(url, `{ entity(id: "lab:deepseek") { relations(types: [HEADQUARTERED_IN]) { claimCount } } }`);
        expect(rel.body.data!.entity.relations[0]!.claimCount).toBe(2);
      });
    });

    describe('under load and abuse', () => {
      it('fetches a page of 100 entities with relations and sources in a bounded number of store round trips', async ({ skip: s }) => {
        if (skip) s();
        const entities: EntityRecord[] = Array.from({ length: 100 }, (_, i) => ({
          id: `model:bulk-${String(i).padStart(3, '0')}`,
          label: 'Model',
          name: `Bulk ${i}`,
          aliases: [],
          props: { family: 'Bulk' },
        }));
        const claims: ClaimRecord[] = entities.flatMap((e) =>
          (['chip:nvidia-h100', 'chip:nvidia-h20'] as const).map((chip) => {
            const body: Omit<ClaimRecord, 'id' | 'observedAt' | 'confidence'> = {
              subject: e.id,
              rel: 'RUNS_ON',
              object: chip,
              props: {},
              documentId: DOCS[2]!.id,
              quote: `${e.name} runs on ${chip}`,
              extractor: 'test',
            };
            return { ...body, id: claimId(body), confidence: 0.8, observedAt: '2025-05-01' };
          }),
        );
        await counting.store.write({ entities, claims });
        await gql(url, `{ graphVersion }`); // lets the snapshot catch up outside the measured request
        await new Promise((r) => setTimeout(r, 1100));
        await gql(url, `{ graphVersion }`);
        counting.reset();
        const r = await gql<{ models: { edges: { node: { relations: { sources: unknown[]; to: { name: string } }[] } }[] } }>(
          url,
          `{ models(first: 100, family: "Bulk") { edges { node { id name relations { type to { id name } from { id } sources { quote confidence document { title url } } } } } } }`,
        );
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data!.models.edges).toHaveLength(100);
        expect(r.body.data!.models.edges.every((x) => x.node.relations.length === 2 && x.node.relations.every((rel) => rel.sources.length === 1))).toBe(true);
        const dataCalls = counting.total(['getEntities', 'relationsOf', 'claimsFor', 'getDocuments', 'findEntities', 'neighbours', 'claimsAbout', 'search']);
        // entities of the page, their relations, the other endpoints, the claims, the documents
        expect(dataCalls).toBeLessThanOrEqual(5);
      });

      it('allows depth 10 and refuses a 12-level query with a clear error', async ({ skip: s }) => {
        if (skip) s();
        const nest = (levels: number): string => (levels <= 1 ? 'id' : `relations(first: 1) { from { ${nest(levels - 2)} } }`);
        const deep10 = await gql(url, `{ entity(id: "chip:nvidia-h20") { ${nest(9)} } }`);
        expect(deep10.body.errors).toBeUndefined();
        const deep12 = await gql(
          url,
          `{ entity(id: "chip:nvidia-h20") { relations { from { relations { from { relations { from { relations { from { relations { from { relations { id } } } } } } } } } } } } }`,
        );
        expect(deep12.status).toBe(400);
        expect(deep12.body.errors![0]!.message).toMatch(/depth limit of 10 exceeded/i);
      });

      it('limits aliases and reports the query cost in extensions', async ({ skip: s }) => {
        if (skip) s();
        const many = Array.from({ length: 40 }, (_, i) => `a${i}: graphVersion`).join(' ');
        const refused = await gql(url, `{ ${many} }`);
        expect(refused.body.errors![0]!.message).toMatch(/aliases limit/i);
        const ok = await gql(url, `{ entity(id: "chip:nvidia-h20") { id name } }`);
        expect(ok.body.extensions!.cost).toMatchObject({ requested: expect.any(Number), limit: expect.any(Number) });
      });

      it('answers a repeated read from the response cache, and a write moves it on', async ({ skip: s }) => {
        if (skip) s();
        const q = `{ entity(id: "lab:mistral-ai") { id name aliases } }`;
        await gql(url, q);
        counting.reset();
        const cached = await gql<{ entity: { aliases: string[] } }>(url, q);
        expect(counting.total(['getEntities', 'relationsOf', 'claimsFor'])).toBe(0);
        const bypass = await gql(url, q, {}, { 'cache-control': 'no-cache' });
        expect(bypass.body.data).toEqual(cached.body.data);
        await gql(url, `mutation { upsertEntity(input: { type: LAB, name: "Mistral AI", id: "lab:mistral-ai", aliases: ["Mistral AI SAS"] }) { id } }`, {}, { 'x-api-key': 'ed' });
        const fresh = await gql<{ entity: { aliases: string[] } }>(url, q);
        expect(fresh.body.data!.entity.aliases).toContain('Mistral AI SAS');
      });

      it('masks unexpected errors behind an opaque id', async ({ skip: s }) => {
        if (skip) s();
        counting.failNext('claimsAbout', new Error('driver exploded at 10.0.0.7:7687'));
        const r = await gql(url, `{ timeline(id: "chip:nvidia-h20") { id } }`);
        expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
        expect(r.body.errors![0]!.message).toMatch(/^internal error \(id [0-9a-f]{8}\)$/);
        expect(JSON.stringify(r.body)).not.toContain('10.0.0.7');
      });

      it('blocks simple cross-site requests (CSRF prevention)', async ({ skip: s }) => {
        if (skip) s();
        const get = await fetch(`${url}/graphql?query=${encodeURIComponent('{ graphVersion }')}`);
        expect(get.status).toBe(400);
        const form = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ graphVersion }"}' });
        expect(form.status).toBe(400);
      });
    });

    describe('GET, persisted queries and HTTP caching', () => {
      const headers = { 'apollo-require-preflight': 'true' };
      it('serves GET queries with an ETag and answers 304 until the graph changes', async ({ skip: s }) => {
        if (skip) s();
        const target = `${url}/graphql?query=${encodeURIComponent('{ entity(id: "nation:fr") { id name } }')}`;
        const first = await fetch(target, { headers });
        expect(first.status).toBe(200);
        const etag = first.headers.get('etag')!;
        expect(etag).toMatch(/^W\/"v\d+-/);
        expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
        const again = await fetch(target, { headers: { ...headers, 'if-none-match': etag } });
        expect(again.status).toBe(304);
        await gql(
          url,
          `mutation($i: UpsertEntityInput!) { upsertEntity(input: $i) { id } }`,
          { i: { type: 'NATION', name: 'France', id: 'nation:fr', aliases: ['République française'] } },
          { 'x-api-key': 'ed' },
        );
        await new Promise((r) => setTimeout(r, 1100)); // other replicas notice within the snapshot recheck interval
        const changed = await fetch(target, { headers: { ...headers, 'if-none-match': etag } });
        expect(changed.status).toBe(200);
        expect(changed.headers.get('etag')).not.toBe(etag);
        const mutationOverGet = await fetch(`${url}/graphql?query=${encodeURIComponent('mutation { retractClaim(id: "x") { retracted } }')}`, { headers });
        expect(mutationOverGet.status).toBe(405);
      });

      it('supports automatic persisted queries over POST and GET', async ({ skip: s }) => {
        if (skip) s();
        const query = '{ entity(id: "chip:nvidia-h20") { id name } }';
        const sha256Hash = createHash('sha256').update(query).digest('hex');
        const extensions = { persistedQuery: { version: 1, sha256Hash } };
        const post = (body: unknown) =>
          fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
            (r) => r.json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>,
          );
        expect((await post({ extensions })).errors![0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
        expect((await post({ query, extensions })).data).toEqual({ entity: { id: 'chip:nvidia-h20', name: 'NVIDIA H20' } });
        const get = await fetch(`${url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers });
        expect(get.status).toBe(200);
        expect(((await get.json()) as { data: unknown }).data).toEqual({ entity: { id: 'chip:nvidia-h20', name: 'NVIDIA H20' } });
        expect(get.headers.get('etag')).toBeTruthy();
      });
    });
  });
}
