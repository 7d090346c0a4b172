// The GraphStore contract: one suite, run against every adapter (embedded always, Neo4j when
// NEO4J_URI is set). It checks behaviour a user relies on, not implementation details.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimId, documentId, relationId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';
import { InvalidInput } from '../../schema/errors.js';
import { LeaseLost, type GraphStore } from '../../graph/store.js';

const doc = documentId('test-article.txt');
const doc2 = documentId('https://example.org/other');

function claim(subject: string, rel: ClaimRecord['rel'], object: string, extra: Partial<ClaimRecord> = {}): ClaimRecord {
  const base = {
    subject,
    rel,
    object,
    props: extra.props ?? {},
    documentId: extra.documentId ?? doc,
    quote: extra.quote ?? `${subject} ${rel} ${object}`,
    extractor: extra.extractor ?? 'test',
    validFrom: extra.validFrom,
    validTo: extra.validTo,
  };
  return { ...base, id: claimId(base), confidence: extra.confidence ?? 0.9, observedAt: extra.observedAt ?? '2026-04-24' };
}

const entities: EntityRecord[] = [
  { id: 'chip:nvidia-h20', label: 'Chip', name: 'NVIDIA H20', aliases: ['H20'], description: 'Hopper GPU for the Chinese market', props: { kind: 'gpu', memoryGb: 96 } },
  { id: 'chip:huawei-ascend-910b', label: 'Chip', name: 'Huawei Ascend 910B', aliases: ['Ascend 910B'], props: { kind: 'npu' } },
  { id: 'org:nvidia', label: 'Organization', name: 'NVIDIA', aliases: ['Nvidia Corporation'], props: { kind: 'chip_designer' } },
  { id: 'org:huawei', label: 'Organization', name: 'Huawei', aliases: [], props: { kind: 'chip_designer' } },
  { id: 'nation:cn', label: 'Nation', name: 'China', aliases: ['PRC'], props: { kind: 'country', iso: 'CN' } },
  { id: 'nation:us', label: 'Nation', name: 'United States', aliases: ['US', 'U.S.'], props: { kind: 'country', iso: 'US' } },
  { id: 'model:glm-5.1', label: 'Model', name: 'GLM-5.1', aliases: ['GLM 5.1'], props: { openWeights: true, license: 'MIT', languages: ['en', 'zh'] } },
  { id: 'deployment:bank-chatbot', label: 'Deployment', name: 'Bank chatbot', aliases: [], props: { dataClasses: ['personal', 'financial'] } },
];

/** Runs the contract against a fresh store from `open` (the store is cleared before each test). */
export function runStoreContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await store.clear();
    });

    const seed = () =>
      store.write({
        entities,
        documents: [
          { id: doc, url: 'test-article.txt', kind: 'news', title: 'A test article', publishedAt: '2026-04-24' },
          { id: doc2, url: 'https://example.org/other', kind: 'record' },
        ],
        claims: [
          claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia'),
          claim('chip:huawei-ascend-910b', 'DESIGNED_BY', 'org:huawei'),
          claim('org:nvidia', 'HEADQUARTERED_IN', 'nation:us'),
          claim('model:glm-5.1', 'TRAINED_ON', 'chip:huawei-ascend-910b', { props: { count: 100000 } }),
          claim('deployment:bank-chatbot', 'USES_MODEL', 'model:glm-5.1', { props: { via: 'self_hosted' } }),
          claim('deployment:bank-chatbot', 'LOCATED_IN', 'nation:cn'),
        ],
      });

    it('writes entities, documents and claims and reads them back', async () => {
      const r = await seed();
      expect(r).toMatchObject({ entities: 8, documents: 2, claimsAdded: 6, relationsChanged: 6 });
      const got = await store.getEntities(['chip:nvidia-h20', 'model:glm-5.1', 'nope:x']);
      expect(got.size).toBe(2);
      expect(got.get('chip:nvidia-h20')).toEqual(entities[0]);
      expect(got.get('model:glm-5.1')!.props).toEqual({ openWeights: true, license: 'MIT', languages: ['en', 'zh'] });
      const docs = await store.getDocuments([doc]);
      expect(docs.get(doc)).toMatchObject({ url: 'test-article.txt', title: 'A test article', kind: 'news', publishedAt: '2026-04-24' });
    });

    it('keeps document inputs beside the graph: read back whole, listed without bodies, replaced by document id, gone with clear', async () => {
      await seed();
      const version = await store.graphVersion();
      const input = { documentId: doc, url: 'test-article.txt', readAs: 'auto', body: 'Line one.\nMATCH (n) DETACH DELETE n', encoding: 'utf8' as const, job: 'manual' };
      await store.write({ inputs: [input] });
      expect(await store.graphVersion()).toBe(version);
      expect((await store.getDocumentInputs([doc, doc2])).get(doc)).toEqual(input);
      expect((await store.getDocumentInputs([doc, doc2])).has(doc2)).toBe(false);
      await store.write({ inputs: [{ ...input, extractedWith: 'abc123def456', contentType: 'text/plain' }] });
      expect(await store.listDocumentInputs()).toEqual([{ documentId: doc, url: 'test-article.txt', readAs: 'auto', job: 'manual', extractedWith: 'abc123def456' }]);
      expect((await store.getDocumentInputs([doc])).get(doc)).toMatchObject({ body: input.body, contentType: 'text/plain' });
      // a new input replaces the old one whole: nothing of it lingers
      await store.write({ inputs: [{ ...input, readAs: 'news' }] });
      expect((await store.getDocumentInputs([doc])).get(doc)).toEqual({ ...input, readAs: 'news' });
      await store.clear();
      expect(await store.listDocumentInputs()).toEqual([]);
    });

    it('writing the same batch twice is a no-op and leaves the version alone', async () => {
      const first = await seed();
      const second = await seed();
      expect(second).toMatchObject({ entities: 0, documents: 0, claimsAdded: 0, relationsChanged: 0, version: first.version });
      expect(await store.graphVersion()).toBe(first.version);
      expect((await store.counts()).claims).toBe(6);
    });

    it('moves the graph version on every write that changes something', async () => {
      const v0 = await store.graphVersion();
      await seed();
      const v1 = await store.graphVersion();
      expect(v1).toBeGreaterThan(v0);
      await store.write({ entities: [{ ...entities[0]!, props: { ...entities[0]!.props, memoryGb: 141 } }] });
      expect(await store.graphVersion()).toBeGreaterThan(v1);
    });

    it('aggregates claims into one relation with all its sources; retracting the last claim removes it', async () => {
      await seed();
      const second = claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia', { documentId: doc2, quote: 'NVIDIA designs the H20', confidence: 0.99 });
      await store.write({ claims: [second] });
      const rels = (await store.relationsOf(['chip:nvidia-h20'])).get('chip:nvidia-h20')!;
      const designed = rels.filter((r) => r.type === 'DESIGNED_BY');
      expect(designed).toHaveLength(1);
      expect(designed[0]).toMatchObject({ from: 'chip:nvidia-h20', to: 'org:nvidia', confidence: 0.99, claimCount: 2 });
      const sources = (await store.claimsFor([designed[0]!.id])).get(designed[0]!.id)!;
      expect(sources.map((c) => c.documentId).sort()).toEqual([doc, doc2].sort());
      const first = claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia');
      await store.write({ retractClaims: [first.id] });
      expect((await store.relationsOf(['chip:nvidia-h20'])).get('chip:nvidia-h20')!.find((r) => r.type === 'DESIGNED_BY')).toMatchObject({ claimCount: 1 });
      await store.write({ retractClaims: [second.id] });
      expect((await store.relationsOf(['chip:nvidia-h20'])).get('chip:nvidia-h20')!.find((r) => r.type === 'DESIGNED_BY')).toBeUndefined();
    });

    it('reads claims by id, live or retracted, with their state; unknown ids are absent', async () => {
      await seed();
      const live = claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia');
      const gone = claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia', { documentId: doc2, quote: 'NVIDIA designs the H20', confidence: 0.99 });
      await store.write({ claims: [gone] });
      const { version } = await store.write({ retractClaims: [gone.id] });
      const found = await store.claimsById([live.id, gone.id, 'claim:none', live.id]);
      expect([...found.keys()].sort()).toEqual([live.id, gone.id].sort());
      expect(found.get(live.id)).toMatchObject({ id: live.id, subject: 'chip:nvidia-h20', rel: 'DESIGNED_BY', object: 'org:nvidia', documentId: doc, retracted: false });
      expect(found.get(gone.id)).toMatchObject({ id: gone.id, quote: 'NVIDIA designs the H20', retracted: true, retractedVersion: version, retractedAs: 'retracted' });
      expect((await store.claimsById([])).size).toBe(0);
    });

    it('lists a relation from an entity to itself once', async () => {
      await seed();
      await store.write({ claims: [claim('org:nvidia', 'PARTNERS_WITH', 'org:nvidia')] });
      const rels = (await store.relationsOf(['org:nvidia'])).get('org:nvidia')!.filter((r) => r.type === 'PARTNERS_WITH');
      expect(rels).toHaveLength(1);
    });

    it('keeps contradicting claims side by side', async () => {
      await seed();
      const a = claim('model:glm-5.1', 'TRAINED_ON', 'chip:huawei-ascend-910b', { props: { count: 100000 } });
      const b = claim('model:glm-5.1', 'TRAINED_ON', 'chip:huawei-ascend-910b', { props: { count: 50000 }, documentId: doc2, confidence: 0.5 });
      await store.write({ claims: [b] });
      const rel = (await store.relationsOf(['model:glm-5.1'])).get('model:glm-5.1')!.find((r) => r.type === 'TRAINED_ON')!;
      expect(rel.props.count).toBe(100000);
      const claims = (await store.claimsFor([rel.id])).get(rel.id)!;
      expect(claims.map((c) => c.props.count).sort()).toEqual([100000, 50000].sort());
      expect(claims.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    });

    it('superseding a document retracts its old claims', async () => {
      await seed();
      const r = await store.write({ retractDocumentClaims: [doc], claims: [claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia')] });
      expect(r.claimsRetracted).toBe(5);
      expect((await store.counts()).claims).toBe(1);
    });

    it('rejects a claim whose endpoint is unknown or of the wrong label, and writes nothing of that batch', async () => {
      await seed();
      const before = await store.counts();
      await expect(store.write({ claims: [claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nobody')] })).rejects.toThrow(/unknown object entity "org:nobody"/);
      await expect(store.write({ claims: [claim('nation:cn', 'DESIGNED_BY', 'org:nvidia')] })).rejects.toBeInstanceOf(InvalidInput);
      await expect(store.write({ entities: [{ id: 'deployment:x', label: 'Deployment', name: 'X', aliases: [], props: {} }] })).rejects.toThrow(/dataClasses/);
      expect(await store.counts()).toEqual(before);
    });

    it('finds entities by label with filters and cursors', async () => {
      await seed();
      const page1 = await store.findEntities('Chip', { first: 1 });
      expect(page1).toMatchObject({ totalCount: 2, hasNextPage: true });
      const page2 = await store.findEntities('Chip', { first: 1, after: page1.endCursor! });
      expect(page2.hasNextPage).toBe(false);
      expect([...page1.items, ...page2.items].map((e) => e.id)).toEqual(['chip:huawei-ascend-910b', 'chip:nvidia-h20']);
      expect((await store.findEntities('Chip', { where: { kind: 'npu' } })).items.map((e) => e.id)).toEqual(['chip:huawei-ascend-910b']);
      expect((await store.findEntities('Model', { where: { languages: 'zh' } })).totalCount).toBe(1);
      await expect(store.findEntities('Chip', { where: { 'x) DETACH DELETE n //': 1 } })).rejects.toBeInstanceOf(InvalidInput);
    });

    it('lists neighbours in both directions with type filters', async () => {
      await seed();
      const n = await store.neighbours('chip:huawei-ascend-910b');
      expect(n.map((x) => `${x.direction} ${x.relation.type} ${x.entity.id}`).sort()).toEqual(['in TRAINED_ON model:glm-5.1', 'out DESIGNED_BY org:huawei']);
      expect((await store.neighbours('chip:huawei-ascend-910b', { direction: 'out' })).map((x) => x.entity.id)).toEqual(['org:huawei']);
      expect((await store.neighbours('chip:huawei-ascend-910b', { types: ['TRAINED_ON'] })).map((x) => x.entity.id)).toEqual(['model:glm-5.1']);
    });

    it("pages an entity's relations by type and direction in the store, a self-loop once each way", async () => {
      await seed();
      await store.write({ claims: [claim('org:nvidia', 'COMPETES_WITH', 'org:nvidia'), claim('org:huawei', 'COMPETES_WITH', 'org:nvidia')] });
      const all = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page = await store.relationPage('org:nvidia', { first: 1, after, timeoutMs: 5_000 });
        all.push(...page.items.map((n) => `${n.direction} ${n.relation.type} ${n.entity.id}`));
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
      expect(all.sort()).toEqual(
        ['in COMPETES_WITH org:huawei', 'in COMPETES_WITH org:nvidia', 'in DESIGNED_BY chip:nvidia-h20', 'out COMPETES_WITH org:nvidia', 'out HEADQUARTERED_IN nation:us'].sort(),
      );
      const typed = await store.relationPage('org:nvidia', { types: ['COMPETES_WITH'], direction: 'in' });
      expect(typed.items.map((n) => n.entity.id).sort()).toEqual(['org:huawei', 'org:nvidia']);
      expect(typed.hasNextPage).toBe(false);
      await expect(store.relationPage('org:nvidia', { types: ['NOT_A_TYPE'] })).rejects.toThrow(/types: unknown relation type "NOT_A_TYPE"/);
    });

    it('filters search by label before its limit, so other labels never crowd the answer out', async () => {
      await seed();
      // "nvidia" names the organisation and (in its search text) the chip
      expect((await store.search('nvidia', { labels: ['Organization'], limit: 1 })).map((h) => h.entity.id)).toEqual(['org:nvidia']);
      expect((await store.search('nvidia', { labels: ['Chip'], limit: 1 })).map((h) => h.entity.id)).toEqual(['chip:nvidia-h20']);
      const many = await store.searchMany([{ query: 'Ascend', labels: ['Chip'] }, { query: '  ' }, { query: 'PRC' }]);
      expect(many.map((hits) => hits[0]?.entity.id ?? null)).toEqual(['chip:huawei-ascend-910b', null, 'nation:cn']);
    });

    it('refuses values Neo4j cannot store (mixed lists, nested maps) before writing, naming the field', async () => {
      await seed();
      const before = await store.graphVersion();
      const mixed = { ...entities[0]!, props: { ...entities[0]!.props, tags: [1, 'a', true] } };
      await expect(store.write({ entities: [mixed] })).rejects.toThrow(/entity chip:nvidia-h20: props\.tags: a list must hold values of one type/);
      const nested = claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia', { props: { detail: { node: '4N' } } as never });
      await expect(store.write({ claims: [nested] })).rejects.toBeInstanceOf(InvalidInput);
      await expect(store.write({ claims: [nested] })).rejects.toThrow(/props\.detail: expected a string, number, boolean or a list of one of them, got a map/);
      expect(await store.graphVersion()).toBe(before);
    });

    it('keeps one edge per relation however often its claims change', async () => {
      await seed();
      await store.write({ claims: [claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia', { documentId: doc2, confidence: 0.95 })] });
      await store.write({ claims: [claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia', { documentId: doc2, quote: 'another', confidence: 0.5 })] });
      const designed = (await store.readAll()).relations.filter((r) => r.from === 'chip:nvidia-h20' && r.type === 'DESIGNED_BY');
      expect(designed).toHaveLength(1);
      expect(designed[0]).toMatchObject({ claimCount: 3, confidence: 0.95 });
    });

    it('reads every entity of some labels for a gazetteer, without documents', async () => {
      await seed();
      const found = await store.entitiesOf(['Chip', 'Nation']);
      expect(found.map((e) => e.id).sort()).toEqual(['chip:huawei-ascend-910b', 'chip:nvidia-h20', 'nation:cn', 'nation:us']);
      expect(found.find((e) => e.id === 'chip:nvidia-h20')).toMatchObject({ name: 'NVIDIA H20', aliases: ['H20'], props: { kind: 'gpu', memoryGb: 96 } });
    });

    it('searches names, aliases and descriptions, case-insensitively', async () => {
      await seed();
      for (const q of ['nvidia h20', 'H20', 'NVIDIA H20']) expect((await store.search(q))[0]?.entity.id, q).toBe('chip:nvidia-h20');
      expect((await store.search('Ascend', { labels: ['Chip'] })).map((h) => h.entity.id)).toEqual(['chip:huawei-ascend-910b']);
      expect((await store.search('PRC'))[0]?.entity.id).toBe('nation:cn');
      expect(await store.search('   ')).toEqual([]);
    });

    it('reads the whole graph for the snapshot, and counts it', async () => {
      await seed();
      const all = await store.readAll();
      expect(all.entities.length).toBe(10);
      expect(all.relations.map((r) => r.type).sort()).toEqual(['DESIGNED_BY', 'DESIGNED_BY', 'HEADQUARTERED_IN', 'LOCATED_IN', 'TRAINED_ON', 'USES_MODEL']);
      expect(all.relations.find((r) => r.type === 'USES_MODEL')!.props).toEqual({ via: 'self_hosted' });
      const counts = await store.counts();
      expect(counts.entities).toMatchObject({ Chip: 2, Document: 2, Nation: 2 });
      expect(counts.relations.DESIGNED_BY).toBe(2);
      expect((await store.allClaims()).length).toBe(6);
      expect((await store.claimsAbout('model:glm-5.1')).length).toBe(2);
    });

    it('stores strings from documents as values, never as query text', async () => {
      const hostile = `x'}) DETACH DELETE n; MATCH (m) RETURN m //`;
      await store.write({ entities: [{ id: 'org:hostile', label: 'Organization', name: hostile, aliases: ['<script>alert(1)</script>'], props: {} }] });
      expect((await store.getEntities(['org:hostile'])).get('org:hostile')!.name).toBe(hostile);
    });

    it('leases a job to one owner at a time until it expires or is released, with a token that grows with every grant', async () => {
      const a = await store.acquireLease('job:feeds', 'worker-a', 60_000);
      expect(a).toMatchObject({ job: 'job:feeds', owner: 'worker-a' });
      expect(Date.parse(a!.expiresAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await store.acquireLease('job:feeds', 'worker-b', 60_000)).toBeNull();
      const again = await store.acquireLease('job:feeds', 'worker-a', 60_000);
      expect(again!.token).toBe(a!.token + 1);
      await store.releaseLease('job:feeds', 'worker-a');
      const b = await store.acquireLease('job:feeds', 'worker-b', 1);
      expect(b!.owner).toBe('worker-b');
      expect(b!.token).toBe(again!.token + 1);
      await new Promise((r) => setTimeout(r, 5));
      expect((await store.acquireLease('job:feeds', 'worker-a', 60_000))!.token).toBe(b!.token + 1);
    });

    it('renews a lease only for the grant that holds it', async () => {
      const a = (await store.acquireLease('job:renew', 'worker-a', 60_000))!;
      const renewed = await store.renewLease(a, 120_000);
      expect(renewed).toMatchObject({ owner: 'worker-a', token: a.token });
      expect(Date.parse(renewed!.expiresAt)).toBeGreaterThan(Date.parse(a.expiresAt));
      await store.releaseLease('job:renew', 'worker-a', a.token);
      const b = (await store.acquireLease('job:renew', 'worker-b', 60_000))!;
      expect(await store.renewLease(a, 60_000)).toBeNull();
      // releasing with a stale token leaves the new holder's lease alone
      await store.releaseLease('job:renew', 'worker-a', a.token);
      expect(await store.acquireLease('job:renew', 'worker-a', 60_000)).toBeNull();
      await store.releaseLease('job:renew', 'worker-b', b.token);
    });

    it('fences writes: a write under a lease lands while its grant holds and is refused, writing nothing, once another worker took it', async () => {
      const a = (await store.acquireLease('job:fenced', 'worker-a', 60_000))!;
      const fenceA = { job: a.job, token: a.token };
      await store.write({ entities: [entities[0]!], fence: fenceA });
      await store.releaseLease('job:fenced', 'worker-a', a.token);
      const b = (await store.acquireLease('job:fenced', 'worker-b', 60_000))!;
      const before = await store.graphVersion();
      const stale = await store.write({ entities: [entities[1]!], fence: fenceA }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(LeaseLost);
      expect(String((stale as Error).message)).toMatch(/job:fenced.*no longer held/);
      expect((await store.getEntities([entities[1]!.id])).size).toBe(0);
      expect(await store.graphVersion()).toBe(before);
      await store.write({ entities: [entities[1]!], fence: { job: b.job, token: b.token } });
      expect((await store.getEntities([entities[1]!.id])).size).toBe(1);
      await store.releaseLease('job:fenced', 'worker-b', b.token);
    });

    it('refuses a lapsed grant even when nobody took the lease since', async () => {
      const a = (await store.acquireLease('job:lapsed', 'worker-a', 1))!;
      await new Promise((r) => setTimeout(r, 10));
      await expect(store.write({ entities: [entities[0]!], fence: { job: a.job, token: a.token } })).rejects.toThrow(/lapsed/);
      expect(await store.renewLease(a, 60_000)).toBeNull();
    });

    it('keeps small logs, newest first', async () => {
      await store.appendLog('test-runs', [
        { id: 'a', at: '2026-05-01T00:00:00Z', data: { ok: true } },
        { id: 'b', at: '2026-05-02T00:00:00Z', data: { ok: false } },
      ]);
      expect((await store.readLog('test-runs', 10)).map((e) => e.data)).toEqual([{ ok: false }, { ok: true }]);
    });

    it('logs what each write changed, and tells a reader what changed since a version', async () => {
      const start = await store.graphVersion();
      const r = await seed();
      const located = claim('deployment:bank-chatbot', 'LOCATED_IN', 'nation:cn');
      const retracted = await store.write({ retractClaims: [located.id] });
      expect(retracted.version).toBe(r.version + 1);
      const log = await store.changeLog(start);
      expect(log.map((c) => c.version)).toEqual([r.version, retracted.version]);
      expect(log[0]!.entities).toHaveLength(10);
      expect(log[0]!.claimsAdded).toHaveLength(6);
      expect(log[1]).toMatchObject({ claimsRetracted: [located.id], relations: [relationId('deployment:bank-chatbot', 'LOCATED_IN', 'nation:cn')], overflow: false });
      const since = await store.changesSince(r.version);
      expect(since).toMatchObject({
        kind: 'changes',
        version: retracted.version,
        entities: [],
        relations: [],
        removed: [{ id: relationId('deployment:bank-chatbot', 'LOCATED_IN', 'nation:cn'), type: 'LOCATED_IN', from: 'deployment:bank-chatbot', to: 'nation:cn' }],
      });
      const all = await store.changesSince(start);
      if (all.kind !== 'changes') throw new Error(all.reason);
      expect(all.relations.map((rel) => rel.id).sort()).toEqual((await store.readAll()).relations.map((rel) => rel.id).sort());
      // the store was cleared before this test: a reader from before the clear must read the whole graph
      if (start > 0) expect((await store.changesSince(start - 1)).kind).toBe('too-far-behind');
    });

    it('lists every entity id in id order and reads the relations leaving them', async () => {
      await seed();
      const ids = await store.entityIdList();
      expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(ids).toHaveLength(10);
      const from = await store.relationsFrom(['deployment:bank-chatbot']);
      expect(from.map((rel) => `${rel.type} ${rel.to}`).sort()).toEqual(['LOCATED_IN nation:cn', 'USES_MODEL model:glm-5.1']);
    });
  });
}
