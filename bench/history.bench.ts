// What the history costs to read and to keep, on the embedded store with a generated graph
// (deployments on chips, loaded in batches of 5,000 claims, then single retractions): a page of
// `changes` newest first (read in windows of versions on the version index) against the same
// page as one query sorting the whole history, a filtered page (one entity), a relation's history,
// and the time a single-claim write takes, beside one page of a hub's relations read in the same run.
import { openEmbeddedStore } from '../graph/embedded/grafeo-executor.js';
import { Q } from '../graph/cypher/catalogue.js';
import type { CypherExecutor } from '../graph/cypher/cypher-store.js';
import { relationId, type ClaimRecord, type EntityRecord } from '../schema/records.js';
import type { BenchResult } from './run.js';
import { table, timeIt } from './measure.js';

function world(nodes: number): { entities: EntityRecord[]; claims: ClaimRecord[] } {
  const entities: EntityRecord[] = [];
  const claims: ClaimRecord[] = [];
  const chips = Math.max(5, Math.floor(nodes / 200));
  for (let i = 0; i < chips; i++) entities.push({ id: `chip:c${i}`, label: 'Chip', name: `Chip ${i}`, aliases: [], props: { kind: 'gpu' } });
  for (let i = chips; i < nodes; i++) {
    entities.push({ id: `deployment:d${i}`, label: 'Deployment', name: `Deployment ${i}`, aliases: [], props: { dataClasses: ['public'] } });
    for (const to of new Set([`chip:c${(i * 7) % chips}`, `chip:c${(i * 7 + 13) % chips}`]))
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

export async function run(opts: { quick: boolean }): Promise<BenchResult> {
  const sizes = opts.quick ? [5_000] : [5_000, 20_000];
  const runs = opts.quick ? 5 : 9;
  const singles = 100;
  const rows: (string | number)[][] = [];
  const data: unknown[] = [];
  for (const n of sizes) {
    const w = world(n);
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    await store.write({ entities: w.entities, documents: [{ id: 'doc:bench', url: 'https://example.org/bench', kind: 'record' }] });
    const loadStart = process.hrtime.bigint();
    for (let i = 0; i < w.claims.length; i += 5000) await store.write({ claims: w.claims.slice(i, i + 5000) });
    const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const singleStart = process.hrtime.bigint();
    for (let i = 0; i < singles; i++) await store.write({ retractClaims: [w.claims[i]!.id] });
    const singleMs = Number(process.hrtime.bigint() - singleStart) / 1e6 / singles;
    const events = w.claims.length * 2 + singles * 2;

    const page = await timeIt(() => store.history({ first: 50 }), runs);
    // the same page as one query over every version: what reading it without windows costs
    const x = (store as unknown as { x: CypherExecutor }).x;
    const whole = await timeIt(
      () =>
        x.read(Q.historyPage, {
          sinceVersion: 0,
          untilVersion: Number.MAX_SAFE_INTEGER,
          since: '',
          until: '\uffff',
          types: [],
          kinds: [],
          entity: '',
          document: '',
          relation: '',
          beforeVersion: Number.MAX_SAFE_INTEGER,
          afterId: '',
          limit: 51,
        }),
      runs,
    );
    const filtered = await timeIt(() => store.history({ entity: `deployment:d${n - 1}`, first: 50 }), runs);
    const relation = relationId(w.claims[0]!.subject, 'RUNS_ON', w.claims[0]!.object);
    const history = await timeIt(() => store.relationHistory([relation]), runs);
    const hubPage = await timeIt(() => store.relationPage('chip:c0', { direction: 'in', types: ['RUNS_ON'], first: 50 }), runs);
    await store.close();

    const ratio = (a: number, b: number) => `${(a / b).toFixed(a < b ? 2 : 1)}×`;
    rows.push([n, events, 'page of 50 newest, windows / one query', `${page.medianMs.toFixed(1)} / ${whole.medianMs.toFixed(1)}`, ratio(whole.medianMs, page.medianMs)]);
    rows.push([
      '',
      '',
      'page of 50 for one entity (scans the history) / hub relation page',
      `${filtered.medianMs.toFixed(1)} / ${hubPage.medianMs.toFixed(1)}`,
      ratio(filtered.medianMs, hubPage.medianMs),
    ]);
    rows.push(['', '', "a relation's history / hub relation page", `${history.medianMs.toFixed(2)} / ${hubPage.medianMs.toFixed(1)}`, ratio(history.medianMs, hubPage.medianMs)]);
    rows.push(['', '', 'load per 1,000 claims (with their events) / one single-claim write', `${((loadMs / w.claims.length) * 1000).toFixed(0)} / ${singleMs.toFixed(1)}`, '–']);
    data.push({
      nodes: n,
      claims: w.claims.length,
      events,
      loadMs,
      singleWriteMs: singleMs,
      pageMs: page.medianMs,
      wholeSortMs: whole.medianMs,
      entityPageMs: filtered.medianMs,
      relationHistoryMs: history.medianMs,
      hubPageMs: hubPage.medianMs,
    });
  }
  const markdown = `${table(['nodes', 'history events', 'read', 'ms (median)', 'ratio'], rows)}

Per size: a page of \`changes\` newest first, read in windows of versions from the newest down, against the same page as one
query sorting every event (the ratio is how much slower the one query is); a page filtered to one entity, which scans the history,
and a relation's history (by its index), each against one page of 50 of a hub's relations in the same run (the ratio is how many
hub pages it costs); the load of the graph in batches of 5,000 claims and ${singles} single-claim retractions, each write
keeping its events. Embedded store, generated graph, medians of ${runs} runs after a warm-up.`;
  return { name: 'history', markdown, data };
}
