// A leased ingest run: it renews its lease while it lives, its writes carry the lease's token (so
// once another worker has taken the job, nothing more of this run lands and the inputs it had not
// reached are recorded as lease_lost), and it asks the store only for what it resolves: the
// entities once per run (no relations, no re-read after a document adds entities) and, per
// document, one read of ids and one batch of searches however many names it proposes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { IngestPipeline, type IngestTarget } from '../../ingest/pipeline/pipeline.js';
import { countingStore } from '../api/counting-store.js';

const article = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ingest', 'article.html'));
const policy = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ingest', 'policy.html'));
const targets = (n: number): IngestTarget[] => Array.from({ length: n }, (_, i) => ({ location: `https://example.org/doc-${i}.html`, content: i % 2 ? policy : article }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The store, with every write delayed (a slow store, so a run outlasts a short lease). */
function slowWrites(inner: GraphStore, ms: number): GraphStore {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop !== 'write' || typeof value !== 'function') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      return async (...args: unknown[]) => {
        await sleep(ms);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let store: GraphStore;
beforeEach(async () => {
  store = await openEmbeddedStore({ dataDir: ':memory:' });
});
afterEach(async () => {
  await store.close();
});

describe('a leased ingest run', () => {
  it('renews its lease while it lives, so another worker cannot take the job past the first term, and frees it at the end', { timeout: 20_000 }, async () => {
    // the extractor loads its language model on first use: warm it up, so no pause of the event loop outlasts the term below
    const scratch = await openEmbeddedStore({ dataDir: ':memory:' });
    await new IngestPipeline({ store: scratch, owner: 'warm-up' }).run('warm-up', targets(2));
    await scratch.close();
    // extraction holds the event loop for a few hundred ms a document on a busy machine: the term is well above that
    const pipeline = new IngestPipeline({ store: slowWrites(store, 700), owner: 'me' });
    const run = pipeline.runLeased('slow', targets(4), 1200);
    await sleep(1700);
    // past the first 1.2 s term: only renewal keeps the lease ours
    const grabbed = await store.acquireLease('ingest:slow', 'other', 60_000);
    const report = await run;
    expect(grabbed).toBeNull();
    // the run did outlast the first term: its writes alone took 2 x 700 ms
    expect(report!.failures).toEqual([]);
    expect(report!.documents.added + report!.documents.changed + report!.documents.unchanged).toBe(4);
    expect(await store.acquireLease('ingest:slow', 'other', 60_000)).toMatchObject({ owner: 'other' });
  });

  it('once another worker took the job, writes nothing more and records the inputs it did not reach as lease_lost', async () => {
    let taken = false;
    const pipeline = new IngestPipeline({
      store,
      owner: 'me',
      // after the first document, the lease passes to another worker (as when this one stalled past its term)
      onDocument: () => {
        if (taken) return;
        taken = true;
        void store.releaseLease('ingest:stolen', 'me').then(() => store.acquireLease('ingest:stolen', 'other', 60_000));
      },
    });
    const report = (await pipeline.runLeased('stolen', targets(4)))!;
    await sleep(10);
    expect(report.documents.added).toBe(1);
    expect(report.failures.map((f) => f.reason)).toEqual(['lease_lost', 'lease_lost', 'lease_lost']);
    expect(report.failures[0]!.message).toMatch(/ingest:stolen: grant \d+ is no longer held .*the write was not made/);
    expect(report.failures[1]!.message).toMatch(/^not read: /);
    expect(await store.allDocuments()).toHaveLength(1);
    // the other worker's lease is untouched by this run's release
    expect(await store.acquireLease('ingest:stolen', 'third', 60_000)).toBeNull();
  });
});

describe('what a run reads from the store', () => {
  it('reads the entities once per run, never the whole graph, and not again after documents add entities', async () => {
    const counting = countingStore(store);
    const pipeline = new IngestPipeline({ store: counting.store, owner: 'me' });
    const report = await pipeline.run('reads', targets(4));
    expect(report.entitiesWritten).toBeGreaterThan(0);
    expect(counting.calls.get('readAll') ?? 0).toBe(0);
    expect(counting.calls.get('entitiesOf')).toBe(1);
  });

  it("resolves a document's new names in one batch of searches, never one search per name", async () => {
    const counting = countingStore(store);
    const pipeline = new IngestPipeline({ store: counting.store, owner: 'me' });
    const report = await pipeline.run('names', targets(2));
    expect(report.entitiesWritten).toBeGreaterThan(2);
    expect(counting.calls.get('search') ?? 0).toBe(0);
    expect(counting.calls.get('searchMany')).toBeLessThanOrEqual(2);
  });
});
