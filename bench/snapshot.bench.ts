// Snapshot build time and bytes per edge, beside the baseline of reading the same graph from
// the embedded store (what a rebuild costs end to end).
import { openEmbeddedStore } from '../graph/embedded/grafeo-executor.js';
import { Snapshot } from '../graph/snapshot.js';
import type { EntityRecord, RelationRecord } from '../schema/records.js';
import { relationId } from '../schema/records.js';
import type { BenchResult } from './run.js';
import { table, timeIt } from './measure.js';

function world(nodes: number): { entities: EntityRecord[]; relations: RelationRecord[] } {
  const entities: EntityRecord[] = [];
  const relations: RelationRecord[] = [];
  const chips = Math.max(5, Math.floor(nodes / 200));
  for (let i = 0; i < chips; i++) entities.push({ id: `chip:c${i}`, label: 'Chip', name: `Chip ${i}`, aliases: [], props: {} });
  for (let i = chips; i < nodes; i++) {
    entities.push({ id: `deployment:d${i}`, label: 'Deployment', name: `Deployment ${i}`, aliases: [], props: { dataClasses: ['public'] } });
    for (let k = 0; k < 4; k++) {
      const to = `chip:c${(i * 7 + k * 13) % chips}`;
      relations.push({ id: relationId(`deployment:d${i}`, 'RUNS_ON', to), type: 'RUNS_ON', from: `deployment:d${i}`, to, props: {}, confidence: 0.9, claimCount: 1 });
    }
  }
  return { entities, relations };
}

export async function run(opts: { quick: boolean }): Promise<BenchResult> {
  const sizes = opts.quick ? [10_000] : [10_000, 100_000, 1_000_000];
  const rows: (string | number)[][] = [];
  const data: unknown[] = [];
  for (const n of sizes) {
    const w = world(n);
    const build = await timeIt(() => Snapshot.fromRecords(w.entities, w.relations), opts.quick ? 3 : 5);
    const snap = Snapshot.fromRecords(w.entities, w.relations);
    const bytesPerEdge = snap.topologyBytes() / snap.edgeCount;
    let storeRead = NaN;
    if (n <= 10_000) {
      // baseline: the same graph read back from the embedded store, as a rebuild does
      const store = await openEmbeddedStore({ dataDir: ':memory:' });
      await store.write({ entities: w.entities });
      const claims = w.relations.map((r, i) => ({
        id: `claim:${i}`,
        subject: r.from,
        rel: r.type,
        object: r.to,
        props: {},
        documentId: 'doc:bench',
        extractor: 'bench',
        confidence: 0.9,
        observedAt: '2026-01-01',
      }));
      for (let i = 0; i < claims.length; i += 5000) await store.write({ claims: claims.slice(i, i + 5000) });
      storeRead = (await timeIt(() => store.readAll(), 3)).medianMs;
      await store.close();
    }
    rows.push([n, snap.edgeCount, build.medianMs, bytesPerEdge, Number.isNaN(storeRead) ? 'n/a' : storeRead, Number.isNaN(storeRead) ? 'n/a' : `${(storeRead / build.medianMs).toFixed(1)}×`]);
    data.push({ nodes: n, edges: snap.edgeCount, buildMs: build.medianMs, bytesPerEdge, storeReadAllMs: storeRead });
  }
  const markdown = `${table(['nodes', 'edges', 'snapshot build (ms, median)', 'topology bytes/edge', 'baseline: store.readAll (ms)', 'readAll / build'], rows)}

The snapshot packs topology into typed arrays (CSR in both directions, a type byte, validity dates and confidence per edge).
The baseline is reading the same graph from the embedded store, which every rebuild also pays; it is measured at 10k nodes only.`;
  return { name: 'snapshot', markdown, data };
}
