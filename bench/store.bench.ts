// What the store reads to answer three everyday asks, beside what it read before for the same
// ask, on the embedded store with a generated graph (deployments on chips, one hub chip that
// every tenth deployment runs on): a health probe (the version node, against the version plus
// grouped counts), the names ingest resolves against (entities page by page, against the whole
// graph with its relations), and one page of a hub's relations of one type and direction
// (typed, directed and limited in the query, against all the hub's relations filtered after).
import { openEmbeddedStore } from '../graph/embedded/grafeo-executor.js';
import { LABELS } from '../schema/generated/model.js';
import type { ClaimRecord, EntityRecord } from '../schema/records.js';
import type { BenchResult } from './run.js';
import { table, timeIt } from './measure.js';

function world(nodes: number): { entities: EntityRecord[]; claims: ClaimRecord[] } {
  const entities: EntityRecord[] = [];
  const claims: ClaimRecord[] = [];
  const chips = Math.max(5, Math.floor(nodes / 200));
  for (let i = 0; i < chips; i++) entities.push({ id: `chip:c${i}`, label: 'Chip', name: `Chip ${i}`, aliases: [`C${i}`], props: { kind: 'gpu' } });
  for (let i = chips; i < nodes; i++) {
    entities.push({ id: `deployment:d${i}`, label: 'Deployment', name: `Deployment ${i}`, aliases: [], props: { dataClasses: ['public'] } });
    const targets = new Set([`chip:c${(i * 7) % chips}`, `chip:c${(i * 7 + 13) % chips}`, ...(i % 10 === 0 ? ['chip:c0'] : [])]);
    for (const to of targets)
      claims.push({
        id: `claim:${i}:${to}`,
        subject: `deployment:d${i}`,
        rel: 'RUNS_ON',
        object: to,
        props: {},
        documentId: 'doc:bench',
        extractor: 'bench',
        confidence: 0.9,
        observedAt: '2026-01-01',
      });
  }
  return { entities, claims };
}

const NAMED = LABELS.filter((l) => l !== 'Document');

export async function run(opts: { quick: boolean }): Promise<BenchResult> {
  const sizes = opts.quick ? [5_000] : [5_000, 20_000];
  const runs = opts.quick ? 5 : 9;
  const rows: (string | number)[][] = [];
  const data: unknown[] = [];
  for (const n of sizes) {
    const w = world(n);
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    await store.write({ entities: w.entities, documents: [{ id: 'doc:bench', url: 'https://example.org/bench', kind: 'record' }] });
    for (let i = 0; i < w.claims.length; i += 5000) await store.write({ claims: w.claims.slice(i, i + 5000) });
    const hubDegree = w.claims.filter((c) => c.object === 'chip:c0').length;

    const probe = await timeIt(() => store.graphVersion(), runs);
    const probeBefore = await timeIt(() => Promise.all([store.graphVersion(), store.counts()]), runs);
    const names = await timeIt(() => store.entitiesOf(NAMED), runs);
    const namesBefore = await timeIt(() => store.readAll(), runs);
    const page = await timeIt(() => store.relationPage('chip:c0', { direction: 'in', types: ['RUNS_ON'], first: 10 }), runs);
    const pageBefore = await timeIt(async () => {
      // as neighbours() did: every relation of the hub with its neighbour, filtered and cut after
      const all = (await store.relationsOf(['chip:c0'])).get('chip:c0')!;
      const ends = await store.getEntities(all.map((r) => r.from));
      return all.filter((r) => r.type === 'RUNS_ON' && r.to === 'chip:c0' && ends.has(r.from)).slice(0, 10);
    }, runs);
    await store.close();

    const ratio = (before: number, now: number) => `${(before / now).toFixed(1)}×`;
    rows.push([n, w.claims.length, `${probe.medianMs.toFixed(2)} / ${probeBefore.medianMs.toFixed(1)}`, ratio(probeBefore.medianMs, probe.medianMs)]);
    rows.push(['', '', `names ${names.medianMs.toFixed(1)} / readAll ${namesBefore.medianMs.toFixed(1)}`, ratio(namesBefore.medianMs, names.medianMs)]);
    rows.push(['', `hub in-degree ${hubDegree}`, `page of 10 ${page.medianMs.toFixed(2)} / all ${pageBefore.medianMs.toFixed(1)}`, ratio(pageBefore.medianMs, page.medianMs)]);
    data.push({
      nodes: n,
      edges: w.claims.length,
      hubDegree,
      healthProbeMs: probe.medianMs,
      healthProbeBeforeMs: probeBefore.medianMs,
      namesMs: names.medianMs,
      readAllMs: namesBefore.medianMs,
      hubPageMs: page.medianMs,
      hubAllMs: pageBefore.medianMs,
    });
  }
  const markdown = `${table(['nodes', 'edges', 'now / before (ms, median)', 'before ÷ now'], rows)}

Per size, three rows: the health probe (the version node, against the version plus counts by label, by relation type and of claims);
the entities ingest builds its gazetteer from (page by page, no relations) against the whole graph with relations (\`readAll\`);
one page of 10 of a hub's incoming RUNS_ON relations (typed, directed and limited in the query) against all its relations read and filtered after.
Embedded store, generated graph, medians of ${runs} runs after a warm-up, in the same run.`;
  return { name: 'store', markdown, data };
}
