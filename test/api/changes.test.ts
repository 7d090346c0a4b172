// "What changed" over GraphQL: the changes between two versions after an import, a relation's
// history, the claims a document contributed, paging and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.js';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { factsToBatch, parseFactLines } from '../../graph/facts.js';
import type { GraphStore } from '../../graph/store.js';
import { documentId, relationId } from '../../schema/records.js';
import { codeOf, gql } from './client.js';
import { writeFixture } from './fixture.js';

const IMPORT = [
  '{"kind":"fact","rel":"FABRICATED_BY","subject":{"id":"chip:nvidia-h100"},"object":{"id":"org:tsmc"},"quote":"TSMC makes the H100.","source":"https://example.org/fab-report"}',
  '{"kind":"fact","rel":"TRAINED_ON","subject":{"id":"model:deepseek-v3"},"object":{"id":"chip:nvidia-h20"},"props":{"count":20000},"quote":"A third estimate says 20,000 H20s.","source":"https://example.org/fab-report","confidence":0.95}',
].join('\n');
const FAB = relationId('chip:nvidia-h100', 'FABRICATED_BY', 'org:tsmc');
const TRAINED = relationId('model:deepseek-v3', 'TRAINED_ON', 'chip:nvidia-h20');
const EDITOR = { authorization: 'Bearer ed' };

type ChangePage = { nodes: ChangeNode[]; edges: { cursor: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
type ChangeNode = {
  entry: string;
  kind: string;
  version: number;
  at: string;
  relationId: string;
  relationType: string;
  subject: { id: string };
  object: { id: string };
  claim: { id: string; quote: string; addedVersion: number; retraction: string | null } | null;
  relation: { id: string; claimCount: number } | null;
  documents: { url: string }[];
  claims: { id: string }[];
  before: { confidence: number; claimCount: number; properties: Record<string, unknown> } | null;
  after: { confidence: number; claimCount: number; properties: Record<string, unknown> } | null;
};
const CHANGES = `query($since: String, $until: String, $sinceVersion: Int, $untilVersion: Int, $types: [RelationType!], $kinds: [ChangeKind!], $entity: ID, $document: String, $first: Int, $after: String) {
  changes(since: $since, until: $until, sinceVersion: $sinceVersion, untilVersion: $untilVersion, types: $types, kinds: $kinds, entity: $entity, document: $document, first: $first, after: $after) {
    nodes { entry kind version at relationId relationType subject { id } object { id }
      claim { id quote addedVersion retraction } relation { id claimCount } documents { url } claims { id }
      before { confidence claimCount properties } after { confidence claimCount properties } }
    edges { cursor }
    pageInfo { endCursor hasNextPage } } }`;

describe('what changed, over GraphQL', () => {
  let server: RunningServer;
  let store: GraphStore;
  let fixtureVersion = 0;
  let importVersion = 0;
  const changes = async (vars: Record<string, unknown>) =>
    gql<{ changes: { nodes: ChangeNode[]; edges: { cursor: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>(server.url, CHANGES, vars);

  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    fixtureVersion = (await writeFixture(store)).version;
    const config = loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'ed:editor,rd:reader', SEED_ON_START: 'false' });
    server = await startServer(config, { store });
    // an import, as `chokepoint import` loads fact records
    const { batch, rejected } = await factsToBatch(parseFactLines(IMPORT).records, store, { defaultSource: 'changes.jsonl' });
    expect(rejected).toEqual([]);
    importVersion = (await store.write(batch)).version;
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });

  it('lists what an import changed between two versions: claims added and the relations they created or moved, each with its document', async () => {
    const r = await changes({ sinceVersion: fixtureVersion, untilVersion: importVersion });
    expect(r.body.errors).toBeUndefined();
    const nodes = r.body.data!.changes.nodes;
    // claims first, then the relations they moved (each group by id)
    expect(nodes.map((n) => n.entry)).toEqual(['CLAIM', 'CLAIM', 'RELATION', 'RELATION']);
    expect(nodes.map((n) => [n.version, n.entry, n.kind, n.relationId]).sort()).toEqual(
      [
        [importVersion, 'CLAIM', 'ADDED', FAB],
        [importVersion, 'CLAIM', 'ADDED', TRAINED],
        [importVersion, 'RELATION', 'CREATED', FAB],
        [importVersion, 'RELATION', 'CHANGED', TRAINED],
      ].sort(),
    );
    for (const n of nodes) expect(n.documents).toEqual([{ url: 'https://example.org/fab-report' }]);
    const added = nodes.find((n) => n.entry === 'CLAIM' && n.relationId === FAB)!;
    expect(added.claim).toMatchObject({ quote: 'TSMC makes the H100.', addedVersion: importVersion, retraction: null });
    expect(added.relation).toEqual({ id: FAB, claimCount: 1 });
    // the third estimate is the most confident: the aggregate's count and confidence moved
    const moved = nodes.find((n) => n.entry === 'RELATION' && n.relationId === TRAINED)!;
    expect(moved.before).toEqual({ confidence: 0.7, claimCount: 2, properties: { count: 10_000 } });
    expect(moved.after).toEqual({ confidence: 0.95, claimCount: 3, properties: { count: 20_000 } });
    expect(moved.claims).toHaveLength(1);
    expect(moved.subject.id).toBe('model:deepseek-v3');
    // nothing before the fixture's version is in the window
    expect((await changes({ untilVersion: fixtureVersion - 1 })).body.data!.changes.nodes).toEqual([]);
  });

  it('reads the same window by dates, filters by type, entity, document and kind, and pages newest first', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const all = (await changes({ since: today, until: today, first: 500 })).body.data!.changes.nodes;
    expect(all.length).toBeGreaterThan(4);
    expect(all.map((n) => n.version)).toEqual([...all.map((n) => n.version)].sort((a, b) => b - a));
    expect((await changes({ until: '2000-01-01' })).body.data!.changes.nodes).toEqual([]);
    const fab = (await changes({ types: ['FABRICATED_BY'], sinceVersion: fixtureVersion })).body.data!.changes.nodes;
    expect(fab.map((n) => n.kind).sort()).toEqual(['ADDED', 'CREATED']);
    const onH20 = (await changes({ entity: 'chip:nvidia-h20', sinceVersion: fixtureVersion })).body.data!.changes.nodes;
    expect(onH20.map((n) => n.relationId)).toEqual([TRAINED, TRAINED]);
    const byUrl = (await changes({ document: 'https://example.org/fab-report' })).body.data!.changes.nodes;
    expect(byUrl).toHaveLength(4);
    expect((await changes({ kinds: ['CREATED'], sinceVersion: fixtureVersion })).body.data!.changes.nodes.map((n) => n.relationId)).toEqual([FAB]);

    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ChangePage = (await changes({ first: 3, after })).body.data!.changes;
      pages.push(...page.nodes.map((n) => `${n.version}|${n.entry}|${n.relationId}|${n.claim?.id ?? ''}`));
      expect(page.edges.at(-1)?.cursor ?? null).toBe(page.pageInfo.endCursor);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(all.map((n) => `${n.version}|${n.entry}|${n.relationId}|${n.claim?.id ?? ''}`));
  });

  it("keeps a retracted claim in the document's claims and the relation's history, marked with when and how", async () => {
    const doc = `query($id: ID!) { entity(id: $id) { ... on Document { claims { id retracted addedVersion retractedVersion retraction relationType } } } }`;
    const before = await gql<{ entity: { claims: { id: string; relationType: string }[] } }>(server.url, doc, { id: documentId('https://example.org/fab-report') });
    const fabClaim = before.body.data!.entity.claims.find((c) => c.relationType === 'FABRICATED_BY')!;
    const retracted = await gql<{ retractClaim: unknown }>(server.url, `mutation($id: ID!) { retractClaim(id: $id) { retracted graphVersion } }`, { id: fabClaim.id }, EDITOR);
    expect(retracted.body.errors).toBeUndefined();
    const version = await store.graphVersion();

    const after = await gql<{ entity: { claims: { id: string; retracted: boolean; addedVersion: number; retractedVersion: number | null; retraction: string | null }[] } }>(server.url, doc, {
      id: documentId('https://example.org/fab-report'),
    });
    expect(after.body.data!.entity.claims.find((c) => c.id === fabClaim.id)).toEqual({
      id: fabClaim.id,
      retracted: true,
      addedVersion: importVersion,
      retractedVersion: version,
      retraction: 'RETRACTED',
      relationType: 'FABRICATED_BY',
    });

    const history = await gql<{ entity: { relations: { id: string; history: { kind: string; version: number; claim: { id: string; retraction: string | null } | null }[] }[] } }>(
      server.url,
      `{ entity(id: "model:deepseek-v3") { relations(types: [TRAINED_ON]) { id history { kind version claim { id retraction } } } } }`,
    );
    const trained = history.body.data!.entity.relations[0]!;
    expect(trained.history.map((h) => [h.kind, h.version])).toEqual([
      ['ADDED', importVersion],
      ['CHANGED', importVersion],
      ['ADDED', fixtureVersion],
      ['ADDED', fixtureVersion],
      ['CREATED', fixtureVersion],
    ]);
    // the relation that lost its only claim is gone from current reads; its changes say so
    const gone = (await changes({ sinceVersion: importVersion })).body.data!.changes.nodes;
    expect(gone.map((n) => [n.kind, n.relationId, n.relation])).toEqual([
      ['RETRACTED', FAB, null],
      ['REMOVED', FAB, null],
    ]);
    expect(gone[0]!.claim).toMatchObject({ id: fabClaim.id, retraction: 'RETRACTED' });
  });

  it('refuses bad windows and cursors with a message naming the argument', async () => {
    const bad = await changes({ since: 'yesterday' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.body.errors![0]!.message).toBe('since: expected a date (2026-05-01) or a date-time (2026-05-01T12:00:00Z), got "yesterday"');
    expect(bad.body.errors![0]!.message).not.toContain('\n');
    expect(codeOf(await changes({ until: '2026-02-30' }))).toBe('BAD_USER_INPUT');
    const cursor = await changes({ after: 'nope' });
    expect(codeOf(cursor)).toBe('BAD_USER_INPUT');
    expect(cursor.body.errors![0]!.message).toMatch(/^after: "nope" is not a cursor of this list/);
  });
});
