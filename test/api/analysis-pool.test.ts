// The snapshot analyses and the expensive queries run in a worker thread give the answers they
// give in this thread, follow the graph version, keep the codes of their errors, never write, and
// stop at their request's deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { Snapshot } from '../../graph/snapshot.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import { AnalysisPool } from '../../api/graphql/analysis-pool.js';
import { packSnapshot, receiveSnapshot, runAnalysis, sendSnapshot, unpackSnapshot, type AnalysisTask } from '../../api/graphql/analysis-tasks.js';
import { writeFixture } from './fixture.js';
import type { RelationRecord } from '../../schema/records.js';
import { MessageChannel } from 'node:worker_threads';
import { serveStoreReads, storeOverPort } from '../../api/graphql/analysis-store.js';
import { createGraphQLServer } from '../../api/graphql/mount.js';
import { SharedReads, createLoaders } from '../../api/graphql/loaders.js';
import { WorkMeter } from '../../api/graphql/budget.js';
import { loadConfig } from '../../api/config.js';
import { createLogger } from '../../api/log.js';
import { StoreUnavailable } from '../../schema/errors.js';
import type { QueryTask } from '../../api/graphql/analysis-pool.js';

describe('the analysis pool', () => {
  let store: GraphStore;
  let s: Snapshot;
  const pool = new AnalysisPool();
  const later = () => Date.now() + 60_000;
  const at = (id: string) => s.indexOf(id)!;

  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    await writeFixture(store);
    s = await new SnapshotCache(store).get();
  });
  afterAll(async () => {
    await pool.close();
    await store.close();
  });

  it('rebuilds a snapshot from its packed data', () => {
    const copy = unpackSnapshot(structuredClone(packSnapshot(s)));
    expect(copy.version).toBe(s.version);
    expect([...copy.ids]).toEqual([...s.ids]);
    expect(copy.indexOf('deployment:fr-gov-assistant')).toBe(at('deployment:fr-gov-assistant'));
    expect([...copy.outEdges]).toEqual([...s.outEdges]);
  });

  it('receives a snapshot sent as its shared buffers as the snapshot sent', async () => {
    // large enough for many slices of each field at the smallest slice size
    const chips = Array.from({ length: 30 }, (_, i) => ({ id: `chip:c${String(i).padStart(3, '0')}`, label: 'Chip' as const, name: `Chip ${i}`, aliases: [`c${i}`], props: { kind: 'gpu' } }));
    const deployments = Array.from({ length: 600 }, (_, i) => ({ id: `deployment:d${String(i).padStart(4, '0')}`, label: 'Deployment' as const, name: `D ${i}`, aliases: [], props: {} }));
    const relations = deployments.flatMap((d, i) =>
      [0, 1].map((k): RelationRecord => {
        const to = chips[(i + k * 7) % 30]!.id;
        return { id: `${d.id}|RUNS_ON|${to}`, type: 'RUNS_ON' as const, from: d.id, to, props: k ? { share: 0.5 } : {}, confidence: 0.7, claimCount: 1, validFrom: '2025-01-01' };
      }),
    );
    const big = Snapshot.canonical([...chips, ...deployments], relations, 'sliced');
    const { port1, port2 } = new MessageChannel();
    try {
      const received = receiveSnapshot(port2);
      await sendSnapshot(big, port1);
      const copy = await received;
      expect(copy.version).toBe('sliced');
      expect(packSnapshot(copy)).toEqual(packSnapshot(big));
      expect([...copy.inEdges]).toEqual([...big.inEdges]);
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('answers reach, paths and exposure as this thread does', async () => {
    const tasks: AnalysisTask[] = [
      { kind: 'reach', root: at('deployment:fr-gov-assistant'), way: 'upstream', depth: 4, asOfMs: Number.NaN },
      { kind: 'reach', root: at('nation:us'), way: 'downstream', depth: 8, asOfMs: Number.NaN },
      { kind: 'paths', from: at('deployment:fr-gov-assistant'), to: at('nation:us'), maxLength: 6, k: 3, directed: false, asOfMs: Number.NaN },
      { kind: 'exposure', nation: at('nation:fr'), subjects: ['Deployment', 'DataCenter', 'Model'], depth: 6, asOfMs: Number.NaN },
    ];
    for (const task of tasks) {
      const here = runAnalysis(s, task, () => undefined);
      expect(await pool.run(s, task, later())).toEqual(here);
    }
    const paths = await pool.run(s, tasks[2] as Extract<AnalysisTask, { kind: 'paths' }>, later());
    expect(paths.length).toBeGreaterThan(0);
  });

  it('follows the graph version: a new snapshot is sent before it is walked', async () => {
    const smaller = Snapshot.fromRecords([s.entity(at('nation:us')), s.entity(at('nation:cn'))], [], `${s.version}-other`);
    const r = await pool.run(smaller, { kind: 'reach', root: 0, way: 'downstream', depth: 3, asOfMs: Number.NaN }, later());
    expect(r.nodes).toEqual([0]);
    const back = await pool.run(s, { kind: 'reach', root: at('nation:us'), way: 'downstream', depth: 8, asOfMs: Number.NaN }, later());
    expect(back.nodes.length).toBeGreaterThan(1);
  });

  it('hands a patched snapshot over as its shared buffers and the values the patch added: the worker takes it from the version it holds, and still answers on that one', async () => {
    const task = (snap: Snapshot): Extract<AnalysisTask, { kind: 'reach' }> => ({ kind: 'reach', root: snap.indexOf('nation:us')!, way: 'downstream', depth: 8, asOfMs: Number.NaN });
    // the workers hold s
    await pool.run(s, task(s), later());
    const before = pool.handovers();
    const deployment = { id: 'deployment:patched-in', label: 'Deployment' as const, name: 'Patched in', aliases: [], props: {} };
    const relation: RelationRecord = { id: 'deployment:patched-in|RUNS_ON|chip:nvidia-h20', type: 'RUNS_ON', from: deployment.id, to: 'chip:nvidia-h20', props: {}, confidence: 0.8, claimCount: 1 };
    const next = s.applyChanges({ entities: [deployment], relations: [relation], removed: [] }, `${s.version}-patched`);
    expect(next.patchedFrom?.version).toBe(s.version);
    const there = await pool.run(next, task(next), later());
    expect(there).toEqual(runAnalysis(next, task(next), () => undefined));
    expect(there.nodes).toContain(next.indexOf('deployment:patched-in'));
    // a request that began on the version before still runs there
    expect(await pool.run(s, task(s), later())).toEqual(runAnalysis(s, task(s), () => undefined));
    const after = pool.handovers();
    expect(after.patched).toBe(before.patched + 1);
    expect(after.sentWhole).toBe(before.sentWhole);
  });

  it("prepares a whole-graph read's patched snapshot before it is served: every worker takes it from the broadcast, and the tasks after carry nothing", async () => {
    const task = (snap: Snapshot): Extract<AnalysisTask, { kind: 'reach' }> => ({ kind: 'reach', root: snap.indexOf('nation:us')!, way: 'downstream', depth: 8, asOfMs: Number.NaN });
    await pool.run(s, task(s), later());
    const before = pool.handovers();
    const deployment = { id: 'deployment:read-whole', label: 'Deployment' as const, name: 'Read whole', aliases: [], props: {} };
    const relation: RelationRecord = { id: 'deployment:read-whole|RUNS_ON|chip:nvidia-h20', type: 'RUNS_ON', from: deployment.id, to: 'chip:nvidia-h20', props: {}, confidence: 0.8, claimCount: 1 };
    const next = s.applyChanges({ entities: [deployment], relations: [relation], removed: [] }, `${s.version}-read-whole`);
    // meanwhile the version held is answered
    const [, held] = await Promise.all([pool.prepare(next), pool.run(s, task(s), later())]);
    expect(held).toEqual(runAnalysis(s, task(s), () => undefined));
    // every worker took it from the broadcast: a task that carries nothing finds it there, nothing is sent whole
    const bare = unpackSnapshot({ ...packSnapshot(next) });
    expect(bare.patchedFrom).toBeUndefined();
    for (let k = 0; k < 4; k++) expect(await pool.run(bare, task(bare), later())).toEqual(runAnalysis(next, task(next), () => undefined));
    expect(pool.handovers()).toEqual({ patched: before.patched + 1, sentWhole: before.sentWhole });
  });

  it('a worker that cannot take a broadcast patched snapshot says so, so the hand-over ends at once and the tasks have the whole sent', async () => {
    const task = (snap: Snapshot): Extract<AnalysisTask, { kind: 'reach' }> => ({ kind: 'reach', root: snap.indexOf('nation:us')!, way: 'downstream', depth: 8, asOfMs: Number.NaN });
    // the workers hold a snapshot not in canonical order, which no patch can be applied to
    const odd = Snapshot.fromRecords([s.entity(at('nation:us')), s.entity(at('nation:cn'))], [], `${s.version}-odd`);
    await pool.run(odd, task(odd), later());
    const changes = { entities: [{ id: 'deployment:unpatchable', label: 'Deployment' as const, name: 'Unpatchable', aliases: [], props: {} }], relations: [], removed: [] };
    const next = s.applyChanges(changes, `${s.version}-unpatchable`);
    next.patchedFrom = { ...next.patchedFrom!, version: odd.version };
    const before = pool.handovers();
    // (waiting for the workers' word past loadMs, two minutes, would outlast the test)
    await pool.prepare(next);
    expect(await pool.run(next, task(next), later())).toEqual(runAnalysis(next, task(next), () => undefined));
    expect(pool.handovers().sentWhole).toBe(before.sentWhole + 1);
  });

  it('stops a task past its deadline with TIMEOUT', async () => {
    const task: AnalysisTask = { kind: 'paths', from: at('deployment:fr-gov-assistant'), to: at('nation:us'), maxLength: 6, k: 3, directed: false, asOfMs: Number.NaN };
    await expect(pool.run(s, task, Date.now() - 1)).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
  });

  describe('expensive queries', () => {
    const query = (q: string, deadline = later(), cost = 0): QueryTask => ({ request: { query: q }, role: null, cost, deadline, introspection: true, logLevel: 'silent' });
    const QUERIES = [
      '{ paths(from: "deployment:fr-gov-assistant", to: "nation:us", first: 3, directed: false) { length steps { reversed relation { type sources { quote } } entity { id name } } } }',
      '{ entity(id: "nation:us") { relations(first: 1000) { type to { id relations(first: 100) { type to { id name } } } } } }',
      '{ exposure(nation: "nation:fr", subjects: [DEPLOYMENT, DATA_CENTER, MODEL]) { exposed layers { layer items { subject { id } path { type } } } } }',
      '{ runScenario(name: "h20-ban") { summary { broken degraded atRisk } impacts { deployment { id } status } } }',
      '{ chokepoints(first: 5) { entity { id } broken } }',
    ];

    it('answers in the worker what this thread answers, serialised', async () => {
      const config = loadConfig({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent' });
      const logger = createLogger('silent');
      const snapshots = new SnapshotCache(store);
      const apollo = createGraphQLServer({ store, snapshots, config, logger });
      await apollo.start();
      try {
        for (const q of QUERIES) {
          const contextValue = {
            store,
            snapshots,
            loaders: createLoaders(store, { reads: new SharedReads(), version: s.version }),
            role: null,
            logger,
            deadline: later(),
            meter: new WorkMeter(later()),
            seen: {},
          };
          const here = await apollo.executeOperation({ query: q }, { contextValue });
          expect(here.body.kind).toBe('single');
          const expected = here.body.kind === 'single' ? here.body.singleResult : null;
          expect(expected?.errors).toBeUndefined();
          // the serving thread hands over the cost it computed
          const there = await pool.execute(s, store, query(q, later(), (expected?.extensions?.cost as { requested: number }).requested));
          expect(there.status).toBe(200);
          expect(JSON.parse(there.text)).toEqual(JSON.parse(JSON.stringify(expected)));
        }
      } finally {
        await apollo.stop();
      }
    });

    it('keeps the code of an error the store raises, and of a resolver error', async () => {
      const failing = new Proxy(store, {
        get(target, key, receiver) {
          if (key === 'relationsOf') return () => Promise.reject(new StoreUnavailable('the store is down'));
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      // another version: the worker's record cache of this one holds what the other tests read
      const other = unpackSnapshot({ ...packSnapshot(s), version: `${s.version}-store-down` });
      // (handed over first: while it is sent, a query would be answered from the version the workers hold)
      await pool.run(other, { kind: 'reach', root: at('nation:us'), way: 'downstream', depth: 1, asOfMs: Number.NaN }, later());
      const down = JSON.parse((await pool.execute(other, failing, query('{ entity(id: "nation:us") { relations { type } } }'))).text) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(down.errors[0]).toMatchObject({ message: 'the store is down', extensions: { code: 'STORE_UNAVAILABLE' } });
      const missing = JSON.parse((await pool.execute(s, store, query('{ paths(from: "nation:nowhere", to: "nation:us") { length } }'))).text) as { errors: { extensions: { code: string } }[] };
      expect(missing.errors[0]!.extensions.code).toBe('NOT_FOUND');
    });

    it('answers TIMEOUT with 503 for a query past its deadline', async () => {
      const late = await pool.execute(s, store, query(QUERIES[0]!, Date.now() - 1));
      expect(late.status).toBe(503);
      expect(JSON.parse(late.text)).toMatchObject({ errors: [{ extensions: { code: 'TIMEOUT' } }] });
    });

    it('answers at once from the version the workers hold while a new one is sent whole, never kept as the new one', async () => {
      const q = '{ dependencies(id: "deployment:fr-gov-assistant", depth: 2) { nodes { id } } }';
      const settled = await pool.execute(s, store, query(q));
      expect(settled.status).toBe(200);
      // the same graph read again (a whole-graph read makes a snapshot with no patch behind it)
      const reread = unpackSnapshot({ ...packSnapshot(s), version: `${s.version}-reread` });
      const first = await pool.execute(reread, store, query(q));
      expect(first.status).toBe(200);
      expect(first.seen.volatile).toBe(true);
      expect(JSON.parse(first.text)).toEqual(JSON.parse(settled.text));
      // once the hand-over is done, answers are of the new version
      let later_ = first;
      for (let k = 0; k < 100 && later_.seen.volatile; k++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        later_ = await pool.execute(reread, store, query(q));
      }
      expect(later_.seen.volatile).toBeFalsy();
      expect(JSON.parse(later_.text)).toEqual(JSON.parse(settled.text));
    });

    it('answers only reads over the store port', async () => {
      const { port1, port2 } = new MessageChannel();
      serveStoreReads(store, port1);
      const remote = storeOverPort(port2, store.info);
      try {
        expect((await remote.getEntities(['nation:us'])).get('nation:us')?.name).toBe('United States');
        await expect(remote.write({ entities: [] })).rejects.toThrow('store.write: not a read of the store');
        await expect(remote.clear()).rejects.toThrow('not a read');
      } finally {
        port1.close();
      }
    });
  });
});
