import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { Fetcher } from '../../ingest/fetch/fetcher.js';
import { IngestPipeline } from '../../ingest/pipeline/pipeline.js';
import { ingestStatus } from '../../ingest/ingest-service.js';
import { documentId } from '../../schema/records.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

let server: FixtureServer;
let store: GraphStore;
const fetcher = () => new Fetcher({ allowPrivate: true, timeoutMs: 800, retries: 0, perHostDelayMs: 0, perHostConcurrency: 4 });

beforeAll(async () => {
  server = await startFixtureServer();
  store = await openEmbeddedStore({ dataDir: ':memory:' });
});
afterAll(async () => {
  await store.close();
  await server.close();
});

describe('ingest over a loopback server', () => {
  it('turns each hostile input into a named failure or a correct document, and the run goes on', async () => {
    const pipeline = new IngestPipeline({ store, fetcher: fetcher() });
    const paths = ['/big', '/loop-a', '/never', '/malformed.xml', '/binary', '/feed.xml', '/atom.xml', '/card.md', '/latin1', '/script-title', '/models.csv'];
    const report = await pipeline.run(
      'hostile',
      paths.map((p) => ({ location: server.base + p })),
    );
    const reasons = Object.fromEntries(report.failures.map((f) => [f.url.replace(server.base, ''), f.reason]));
    expect(reasons).toEqual({
      '/big': 'too_large',
      '/loop-a': 'redirect_loop',
      '/never': 'timeout',
      '/malformed.xml': 'parse_error',
      '/binary': 'content_type',
      '/gone': 'http_status',
      '/models.csv': 'bad_row',
    });
    // article (canonical URL), the dead item from its feed text, policy, card, latin1, script-title, table
    expect(report.documents.added).toBe(7);
    expect(report.documents.fromFeedText).toBe(1);
    const docs = await store.getDocuments([documentId('https://news.example.com/2026/02/zhipu-glm-5-ascend'), documentId(`${server.base}/gone`), documentId(`${server.base}/script-title`)]);
    expect(docs.get(documentId('https://news.example.com/2026/02/zhipu-glm-5-ascend'))?.title).toBe('Zhipu AI trains GLM-5 on Huawei Ascend chips');
    expect(docs.get(documentId(`${server.base}/gone`))?.kind).toBe('feed');
    expect(docs.get(documentId(`${server.base}/script-title`))?.title).not.toMatch(/<script/i);
    const claims = await store.allClaims();
    expect(claims.length).toBeGreaterThan(10);
    for (const c of claims) {
      expect(c.documentId).toMatch(/^doc:/);
      expect(c.extractor).toMatch(/^ingest\//);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.quote).toBeTruthy();
    }
    const status = await ingestStatus(store);
    expect(status.text).toContain('redirect_loop');
    expect(status.runs[0]!.job).toBe('hostile');
  });

  it('ingesting the same documents again changes nothing', async () => {
    const before = await store.counts();
    const version = await store.graphVersion();
    const pipeline = new IngestPipeline({ store, fetcher: fetcher() });
    const report = await pipeline.run(
      'again',
      ['/article', '/card.md', '/models.csv'].map((p) => ({ location: server.base + p })),
    );
    expect(report.documents).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
    expect(report.claimsAdded).toBe(0);
    expect(await store.counts()).toEqual(before);
    expect(await store.graphVersion()).toBe(version);
  });

  it('a changed document supersedes its old claims', async () => {
    const pipeline = new IngestPipeline({ store, fetcher: fetcher() });
    const target = [{ location: `${server.base}/mutable` }];
    server.setMutable('Scale AI acquired ICG Solutions.');
    const first = await pipeline.run('mutable', target);
    expect(first.documents.added).toBe(1);
    server.setMutable('Microsoft invested $10 billion in OpenAI.');
    const second = await pipeline.run('mutable', target);
    expect(second.documents.changed).toBe(1);
    expect(second.claimsRetracted).toBe(first.claimsAdded);
    const live = (await store.allClaims()).filter((c) => c.documentId === documentId(`${server.base}/mutable`));
    expect(live.every((c) => !c.subject.includes('scale-ai') && !c.object.includes('scale-ai'))).toBe(true);
    expect(live.some((c) => c.rel === 'INVESTS_IN')).toBe(true);
  });

  it('uses ETag validators: an unchanged resource answers 304 and is skipped', async () => {
    const pipeline = new IngestPipeline({ store, fetcher: fetcher() });
    const first = await pipeline.run('etag', [{ location: `${server.base}/etag` }]);
    expect(first.documents.added).toBe(1);
    const second = await pipeline.run('etag', [{ location: `${server.base}/etag` }]);
    expect(second.documents.notModified).toBe(1);
  });

  it('refuses loopback addresses unless private addresses are allowed', async () => {
    const pipeline = new IngestPipeline({ store, fetcher: new Fetcher({ retries: 0 }) });
    const report = await pipeline.run('ssrf', [{ location: `${server.base}/article` }, { location: 'http://localhost:1/x' }, { location: 'http://169.254.169.254/latest/meta-data/' }]);
    expect(report.failures.map((f) => f.reason)).toEqual(['ssrf_blocked', 'ssrf_blocked', 'ssrf_blocked']);
  });

  it('runs a job only under its lease', async () => {
    expect(await store.acquireLease('ingest:leased', 'someone-else', 60_000)).not.toBeNull();
    const pipeline = new IngestPipeline({ store, fetcher: fetcher(), owner: 'me' });
    expect(await pipeline.runLeased('leased', [{ location: `${server.base}/article` }])).toBeNull();
    await store.releaseLease('ingest:leased', 'someone-else');
    expect(await pipeline.runLeased('leased', [{ location: `${server.base}/article` }])).not.toBeNull();
  });
});
