// The snapshot analyses run in a worker thread give the answers they give in this thread, follow
// the graph version, and stop at their request's deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { Snapshot } from '../../graph/snapshot.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import { AnalysisPool } from '../../api/graphql/analysis-pool.js';
import { packSnapshot, runAnalysis, unpackSnapshot, type AnalysisTask } from '../../api/graphql/analysis-tasks.js';
import { writeFixture } from './fixture.js';

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

  it('stops a task past its deadline with TIMEOUT', async () => {
    const task: AnalysisTask = { kind: 'paths', from: at('deployment:fr-gov-assistant'), to: at('nation:us'), maxLength: 6, k: 3, directed: false, asOfMs: Number.NaN };
    await expect(pool.run(s, task, Date.now() - 1)).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
  });
});
