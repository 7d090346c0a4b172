// A replica's whole-graph read in a worker thread (graph/snapshot-worker.ts) gives the snapshot the
// read on the serving thread gives, from the embedded store's undecoded rows and from a store that
// answers with records; a read that fails, in the store or in the worker, reaches onError and the
// previous snapshot stays served.
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { CypherGraphStore } from '../../graph/cypher/cypher-store.js';
import { readSnapshot, SnapshotCache } from '../../graph/snapshot-cache.js';
import { readSnapshotInWorker } from '../../graph/snapshot-worker.js';
import { NO_PROPS, type Snapshot } from '../../graph/snapshot.js';
import type { GraphStore } from '../../graph/store.js';
import { claimId, documentId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';
import { rng } from '../../bench/scenarios-world.js';
import { snapshotLists } from './snapshot-lists.js';

const open: CypherGraphStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function store(changeLogVersions?: number): Promise<CypherGraphStore> {
  const s = await openEmbeddedStore({ dataDir: ':memory:', shuffleUnordered: true, ...(changeLogVersions ? { changeLogVersions } : {}) });
  open.push(s);
  return s;
}

/** Everything the snapshot holds, array for array. */
function contents(s: Snapshot) {
  return {
    version: Number(s.version),
    canonical: s.canonical,
    ...snapshotLists(s),
    labels: [...s.labelOf],
    from: [...s.edgeFrom],
    to: [...s.edgeTo],
    type: [...s.edgeType],
    validFrom: [...s.edgeValidFrom],
    validTo: [...s.edgeValidTo],
    confidence: [...s.edgeConfidence],
    out: [...s.outOffsets, -1, ...s.outEdges],
    in: [...s.inOffsets, -1, ...s.inEdges],
  };
}

/**
 * A generated graph of `n` deployments, chips and organisations, with props of every kind a record
 * carries (text, numbers, booleans, lists), aliases, descriptions, and claims with props, validity
 * dates and confidences; written as an ingest does.
 */
async function generated(s: GraphStore, n: number, seed: number): Promise<void> {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chips = Math.max(3, Math.floor(n / 8));
  const orgs = Math.max(2, Math.floor(n / 20));
  const entities: EntityRecord[] = [];
  for (let i = 0; i < orgs; i++)
    entities.push({
      id: `org:o${i}`,
      label: 'Organization',
      name: `Org ${i} "quoted" é`,
      aliases: i % 2 ? [`O${i}`, `Org-${i}`] : [],
      props: { kind: pick(['chip_designer', 'foundry', 'cloud_operator']) },
    });
  for (let i = 0; i < chips; i++)
    entities.push({
      id: `chip:c${i}`,
      label: 'Chip',
      name: `Chip ${i}`,
      aliases: [],
      props: { kind: 'gpu', ...(i % 3 ? { memoryGb: 16 * (1 + (i % 5)) } : {}) },
      ...(i % 4 ? {} : { description: `chip ${i}\nsecond line` }),
    });
  for (let i = 0; i < n; i++)
    entities.push({ id: `deployment:d${i}`, label: 'Deployment', name: `Deployment ${i}`, aliases: i % 5 ? [] : [`D${i}`], props: { dataClasses: i % 2 ? ['public'] : ['public', 'personal'] } });
  await s.write({ entities });
  const doc = documentId('https://example.org/generated');
  const claims: ClaimRecord[] = [];
  for (let i = 0; i < n; i++)
    for (let k = 0; k < 3; k++) {
      const base = {
        subject: `deployment:d${i}`,
        rel: 'RUNS_ON' as const,
        object: `chip:c${Math.floor(next() * chips)}`,
        props: {},
        documentId: doc,
        quote: `d${i} runs on a chip (${k})`,
        extractor: 'test',
        ...(k === 1 ? { validFrom: '2025-01-01' } : {}),
        ...(k === 2 && i % 3 === 0 ? { validTo: '2027-06-30' } : {}),
      };
      claims.push({ ...base, id: claimId(base), confidence: 0.5 + next() / 2, observedAt: '2026-03-01' });
    }
  for (let i = 0; i < chips; i++) {
    const base = {
      subject: `chip:c${i}`,
      rel: 'FABRICATED_BY' as const,
      object: `org:o${i % orgs}`,
      props: { process: `${3 + (i % 3)}nm` },
      documentId: doc,
      quote: `c${i} is fabricated by o${i % orgs}`,
      extractor: 'test',
    };
    claims.push({ ...base, id: claimId(base), confidence: 0.9, observedAt: '2026-03-01' });
  }
  await s.write({ documents: [{ id: doc, url: 'https://example.org/generated', kind: 'news' }], claims });
}

/** The store with only GraphStore's methods: no undecoded rows, so the worker is sent records. */
function recordsOnly(s: GraphStore): GraphStore {
  return new Proxy(s, {
    get(target, key, receiver) {
      if (key === 'wholeGraphRows') return undefined;
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The store with one method replaced. */
function replacing(s: GraphStore, key: keyof GraphStore, value: () => unknown): GraphStore {
  return new Proxy(s, {
    get(target, k, receiver) {
      if (k === key) return value;
      const v = Reflect.get(target, k, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('the whole-graph read in a worker', () => {
  it('builds the snapshot the read on the serving thread builds, from the embedded store’s rows and from records', async () => {
    const s = await store();
    await generated(s, 400, 7);
    expect(s.wholeGraphRows).toBeDefined();
    // small pages, so that the worker reads many, and the serving thread's page sizes vary
    for (const source of [s, recordsOnly(s)]) {
      const here = await readSnapshot(s, 37);
      expect(here.edgeCount).toBeGreaterThan(1000);
      const there = await readSnapshotInWorker(source, 37);
      expect(contents(there)).toEqual(contents(here));
      for (const id of ['deployment:d0', 'chip:c3', 'org:o1']) expect(there.indexOf(id)).toBe(here.indexOf(id));
      // the edges without props share the one frozen object, as a snapshot built here does
      expect(snapshotLists(there).edgeProps.filter((p) => p === NO_PROPS).length).toBe(snapshotLists(here).edgeProps.filter((p) => p === NO_PROPS).length);
      // and it patches like one
      await s.write({ entities: [{ id: 'chip:new', label: 'Chip', name: 'New chip', aliases: [], props: { kind: 'gpu' } }] });
      const changes = await s.changesSince(Number(there.version));
      if (changes.kind !== 'changes') throw new Error('the log does not reach back');
      expect(contents(there.applyChanges(changes, changes.version))).toEqual(contents(await readSnapshot(s)));
    }
  });

  it('reads an empty graph', async () => {
    const s = await store();
    expect(contents(await readSnapshotInWorker(s))).toEqual(contents(await readSnapshot(s)));
  });

  it('keeps serving the previous snapshot when the store fails during the read, and tells onError', async () => {
    const s = await store(1);
    await generated(s, 30, 3);
    let fail = false;
    const flaky = replacing(s, 'wholeGraphRows', (...args: unknown[]) => (fail ? Promise.reject(new Error('store went away')) : s.wholeGraphRows!(...(args as [never, never]))));
    const errors: unknown[] = [];
    const cache = new SnapshotCache(flaky, 0, { backgroundRead: readSnapshotInWorker, onError: (err) => errors.push(err) });
    const first = await cache.get();
    await s.write({ entities: [{ id: 'chip:x1', label: 'Chip', name: 'X1', aliases: [], props: {} }] });
    await s.write({ entities: [{ id: 'chip:x2', label: 'Chip', name: 'X2', aliases: [], props: {} }] });
    fail = true;
    expect(await cache.get()).toBe(first);
    await cache.settled();
    expect(errors.map((e) => (e as Error).message)).toEqual(['store went away']);
    expect(cache.status()).toMatchObject({ version: Number(first.version), rebuilding: false, rebuilt: 1 });
    fail = false;
    // the next check retries
    expect(await cache.get()).toBe(first);
    await cache.settled();
    const rebuilt = await cache.get();
    expect(Number(rebuilt.version)).toBe(await s.graphVersion());
    expect(contents(rebuilt)).toEqual(contents(await readSnapshot(s)));
  });

  it('keeps serving the previous snapshot when the worker fails, and tells onError', async () => {
    const s = await store(1);
    await generated(s, 30, 5);
    // rows the worker cannot decode: its error crosses back
    const broken = replacing(s, 'wholeGraphRows', async () => [{ p: null }]);
    const errors: unknown[] = [];
    const cache = new SnapshotCache(broken, 0, { backgroundRead: readSnapshotInWorker, onError: (err) => errors.push(err) });
    const first = await cache.get();
    await s.write({ entities: [{ id: 'chip:y1', label: 'Chip', name: 'Y1', aliases: [], props: {} }] });
    await s.write({ entities: [{ id: 'chip:y2', label: 'Chip', name: 'Y2', aliases: [], props: {} }] });
    expect(await cache.get()).toBe(first);
    await cache.settled();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(Error);
    expect(cache.status()).toMatchObject({ version: Number(first.version), rebuilding: false, rebuilt: 1 });
    expect(await cache.get()).toBe(first);
    await cache.settled();
  });
});
