// Snapshot build time and bytes per edge, beside the baseline of reading the same graph from
// the embedded store (what a rebuild costs end to end); then what a replica pays to follow the
// graph on the embedded store: patching its snapshot from the change log against reading the
// whole graph again (time, peak heap), snapshot memory per edge, and request latency while a
// rebuild runs against idle.
//
// Sizes of the replica part: BENCH_SNAPSHOT_EDGES=1000000 (a comma list runs several); default
// 100k edges (20k with --quick).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { constants, performance, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import grafeo from '@grafeo-db/js';
import { Q } from '../graph/cypher/catalogue.js';
import { openEmbeddedStore } from '../graph/embedded/grafeo-executor.js';
import { loadSnapshot, readSnapshot, SnapshotCache } from '../graph/snapshot-cache.js';
import { WarmMemory } from '../graph/snapshot-memory.js';
import { Snapshot } from '../graph/snapshot.js';
import { reach } from '../graph/traverse.js';
import type { GraphStore } from '../graph/store.js';
import type { ClaimRecord, EntityRecord, RelationRecord } from '../schema/records.js';
import { claimId, documentId, relationId } from '../schema/records.js';
import type { BenchResult } from './run.js';
import { table, timeIt } from './measure.js';
import { SLICE_MS, runPaced } from '../graph/snapshot-pacing.js';
import { rng } from './scenarios-world.js';
import { spawn } from 'node:child_process';
import { loadConfig } from '../api/config.js';
import { startServer } from '../api/server/serve.js';
import { AnalysisPool } from '../api/graphql/analysis-pool.js';
import { packSnapshot, unpackSnapshot } from '../api/graphql/analysis-tasks.js';

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

async function buildTable(quick: boolean): Promise<{ markdown: string; data: unknown[] }> {
  const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
  const rows: (string | number)[][] = [];
  const data: unknown[] = [];
  for (const n of sizes) {
    const w = world(n);
    const build = await timeIt(() => Snapshot.fromRecords(w.entities, w.relations), quick ? 3 : 5);
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
  return { markdown, data };
}

// --- the replica part -------------------------------------------------------------------------

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 2 ** 20;

/** Runs fn once: wall time, and the heap it took above what was live before (sampled every ms, and at the end). */
async function measured<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number; peakMb: number; baseHeap: number }> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(sampler);
  return { value, ms, peakMb: (peak - base) / MB, baseHeap: base };
}

/**
 * How long fn took, and the heap what it makes keeps alive (retainedBytes), as numbers only: what fn made is let go here,
 * not held by the caller's suspended frame into the next measurement (an async function keeps a value it awaited alive
 * until the slot is reused, and a snapshot held so reads as negative heap in the next one).
 */
async function timeOf<T>(fn: () => Promise<T> | T): Promise<number> {
  const r = await measured(fn);
  r.value = null as T;
  return r.ms;
}
async function keptBy(fn: () => Promise<Snapshot> | Snapshot): Promise<number> {
  const r = await retainedBytes(fn);
  // the heap it keeps, and the shared memory of its arrays and packed columns (outside the heap)
  const bytes = r.bytes + r.value.sharedBytes();
  r.value = null as unknown as Snapshot;
  return bytes;
}

/** Shared memory `next` holds that `previous` does not share with it (a patch shares the packed values of every column). */
function ownSharedBytes(next: Snapshot, previous: Snapshot): number {
  const columns = (s: Snapshot) => [s.ids, s.names, s.nodeProps, s.aliases, s.edgeProps, s.edgeIds];
  const before = columns(previous);
  return columns(next).reduce((bytes, c, k) => (c.table.bytes.buffer === before[k]!.table.bytes.buffer ? bytes - c.table.bytes.byteLength - c.table.starts.byteLength : bytes), next.sharedBytes());
}

/** Heap that what fn makes keeps alive: the heap after it (garbage collected) less the heap before. */
async function retainedBytes<T>(fn: () => Promise<T> | T): Promise<{ value: T; bytes: number }> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = await fn();
  gc();
  return { value, bytes: process.memoryUsage().heapUsed - before };
}

/** Writes a generated graph of about `edges` relations straight into an embedded store's file with the catalogue's own queries (a bulk load, not claim by claim). */
async function generatedStore(edges: number, dir: string): Promise<{ store: GraphStore; deployments: number; chips: number; loadMs: number }> {
  const started = performance.now();
  await (await openEmbeddedStore({ dataDir: dir })).close();
  const db = grafeo.GrafeoDB.create(join(dir, 'chokepoint.grafeo'));
  const deployments = Math.ceil(edges / 4);
  const chips = Math.max(5, Math.floor(deployments / 200));
  const chipId = (i: number) => `chip:c${i}`;
  const deploymentId = (i: number) => `deployment:d${i}`;
  const BATCH = 5000;
  for (let i = 0; i < chips; i += BATCH) {
    const rows = [];
    for (let k = i; k < Math.min(chips, i + BATCH); k++) rows.push({ id: chipId(k), props: { id: chipId(k), label: 'Chip', name: `Chip ${k}`, aliases: [], searchText: `chip ${k}`, kind: 'gpu' } });
    await db.executeCypher(Q.upsertEntities('Chip'), { rows });
  }
  for (let i = 0; i < deployments; i += BATCH) {
    const rows = [];
    for (let k = i; k < Math.min(deployments, i + BATCH); k++)
      rows.push({ id: deploymentId(k), props: { id: deploymentId(k), label: 'Deployment', name: `Deployment ${k}`, aliases: [], searchText: `deployment ${k}`, dataClasses: ['public'] } });
    await db.executeCypher(Q.upsertEntities('Deployment'), { rows });
  }
  for (let i = 0; i < deployments; i += BATCH / 4) {
    const rows = [];
    for (let k = i; k < Math.min(deployments, i + BATCH / 4); k++)
      for (let j = 0; j < 4; j++) {
        const to = chipId((k * 7 + j * 13) % chips);
        rows.push({ from: deploymentId(k), to, props: { id: relationId(deploymentId(k), 'RUNS_ON', to), confidence: 0.9, claimCount: 1, firstSeen: '2026-01-01', lastSeen: '2026-01-01' } });
      }
    await db.executeCypher(Q.mergeRelations('RUNS_ON'), { rows });
  }
  await db.executeCypher(Q.bumpVersion);
  db.close();
  // the log keeps one version, so two writes put a replica too far behind (the rebuild case)
  const store = await openEmbeddedStore({ dataDir: dir, changeLogVersions: 1 });
  return { store, deployments, chips, loadMs: performance.now() - started };
}

/** One ingest-like write: a few new deployments, renamed ones, and claims on new and existing pairs. */
function ingestWrite(step: number, deployments: number, chips: number) {
  const doc = documentId(`https://example.org/bench/${step}`);
  const fresh: EntityRecord[] = Array.from({ length: 5 }, (_, k) => ({
    id: `deployment:n${step}-${k}`,
    label: 'Deployment',
    name: `New ${step}-${k}`,
    aliases: [],
    props: { dataClasses: ['public'] },
  }));
  const renamed: EntityRecord[] = Array.from({ length: 2 }, (_, k) => ({
    id: `deployment:d${(step * 7919 + k) % deployments}`,
    label: 'Deployment',
    name: `Renamed ${step}-${k}`,
    aliases: [],
    props: { dataClasses: ['public'] },
  }));
  const claims: ClaimRecord[] = [];
  for (let k = 0; k < 100; k++) {
    const subject = k < 25 ? fresh[k % 5]!.id : `deployment:d${(step * 104729 + k * 31) % deployments}`;
    const base = { subject, rel: 'RUNS_ON' as const, object: `chip:c${(k * 17 + step) % chips}`, props: {}, documentId: doc, quote: `${subject} runs on chips (${step}.${k})`, extractor: 'bench' };
    claims.push({ ...base, id: claimId(base), confidence: 0.8, observedAt: '2026-05-01' });
  }
  return { batch: { entities: [...fresh, ...renamed], documents: [{ id: doc, url: doc, kind: 'news' as const }], claims }, claims };
}

/**
 * Open-loop requests every `periodMs` (a 2-hop reach from a random deployment on the snapshot the
 * cache serves), each timed from when it was due, so a blocked event loop counts in full.
 */
async function requestLatencies(cache: SnapshotCache, until: () => boolean, periodMs: number, deployments: number): Promise<number[]> {
  const latencies: number[] = [];
  const start = performance.now();
  let k = 0;
  const next = rng(12345);
  const rand = () => next() * deployments;
  while (!until()) {
    const due = start + k * periodMs;
    // a timer may fire a little early: wait until the request is due
    while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, Math.max(1, due - performance.now())));
    const s = await cache.get();
    const i = s.indexOf(`deployment:d${Math.floor(rand())}`);
    if (i !== undefined) reach(s, i, 'downstream', 2);
    latencies.push(performance.now() - due);
    k++;
  }
  return latencies;
}

/** Now, in milliseconds since the epoch (sub-millisecond): one clock for this process and the probe's. */
const epochMs = (): number => performance.timeOrigin + performance.now();

/**
 * Requests sent from a second process at a fixed rate for `seconds` (an open loop: a slow answer does
 * not hold back the next request), each timed from when it was due: [due (epoch ms), latency (ms), code]; a failed request
 * has minus its HTTP status (-1: no answer) for its latency and its error code; an answer from an older graph version than
 * the one served (X-Graph-Current-Version sent, api/graphql/mount.ts) has the code 'stale'.
 */
function probeHttp(url: string, bodies: string[], seconds: number, everyMs: number): Promise<[number, number, string][]> {
  const script = `const [url, seconds, every] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const now = () => performance.timeOrigin + performance.now();
let input = ''; process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const bodies = JSON.parse(input); const out = []; const pending = []; const start = now() + 50;
  for (let k = 0; start + k * every <= start + seconds * 1000; k++) {
    const due = start + k * every;
    while (now() < due) await new Promise((r) => setTimeout(r, Math.max(0, due - now() - 0.5)));
    pending.push(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[k % bodies.length] })
      .then(async (r) => { const text = await r.text(); let code = ''; if (!r.ok) { try { code = JSON.parse(text).errors?.[0]?.extensions?.code ?? ''; } catch {} } if (r.ok && r.headers.get('x-graph-current-version')) code = 'stale'; out.push([due, r.ok ? now() - due : -r.status, code]); }, () => out.push([due, -1, ''])));
  }
  await Promise.all(pending); process.stdout.write(JSON.stringify(out));
});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, String(seconds), String(everyMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as [number, number, string][]) : reject(new Error(`the HTTP probe exited ${code}`))));
    child.stdin.end(JSON.stringify(bodies));
  });
}

/**
 * What a GraphQL client sees: the API server on the same store, a 2-hop dependencies question about a
 * random deployment sent over HTTP from a second process every 5 ms, idle and while the server's
 * snapshot is read again in the background (two writes put it too far behind the change log; each
 * rebuild's interval is recorded, and only requests due inside one count as "during"). The writes
 * themselves, on this process's embedded store, are left out of both.
 */
/** How long after a new snapshot is first served its requests count as "after" (ms). */
const HANDOVER_WINDOW_MS = 1000;
/** The pause between the end of one background read and the writes that start the next: one at a time, and back to back (ms). */
const REBUILD_GAPS = [
  { mode: 'one at a time', gapMs: 1500 },
  { mode: 'back to back', gapMs: 200 },
] as const;

async function httpLatencies(
  store: GraphStore,
  deployments: number,
  chips: number,
  seconds: number,
  gapMs: number,
  firstStep: number,
): Promise<{
  idle: number[];
  afterWrite: number[];
  afterWriteFailed: number;
  afterWriteStale: number;
  during: number[];
  after: number[];
  writing: number[];
  failed: number;
  stale: number;
  failures: string;
  rebuilds: number;
}> {
  // the version is asked only when this bench says so (invalidate, as a write through the server does): a request
  // between the two writes would otherwise patch the first and no read would start
  const server = await startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_SECOND: '0', SNAPSHOT_RECHECK_MS: '600000' }), { store });
  try {
    await server.snapshots.get();
    const next = rng(777);
    const bodies = Array.from({ length: 64 }, () => JSON.stringify({ query: `{ dependencies(id: "deployment:d${Math.floor(next() * deployments)}", depth: 2) { nodes { id } depths } }` }));
    const url = `${server.url}/graphql`;
    // warm up (connections opened, code compiled), then idle
    await probeHttp(url, bodies, 2, 5);
    const idle = await probeHttp(url, bodies, seconds, 5);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // the baseline of the second after a read: the second after one write, which the replica patches in (no read), when
    // every question is answered afresh as after a read (the graph version keys the response cache and the ETags)
    const afterWrite: number[] = [];
    // the requests due in those seconds that failed (a 503 has no latency, so it is in no percentile), and the answers sent
    // from the version before the write
    let afterWriteFailed = 0;
    let afterWriteStale = 0;
    let aroundWrites: [number, number, string][] = [];
    {
      const spans: [number, number][] = [];
      let done = false;
      const probeW = probeHttp(url, bodies, seconds, 5).finally(() => (done = true));
      for (let step = firstStep + 500; !done; step++) {
        await sleep(500);
        const wrote = epochMs();
        await store.write(ingestWrite(step, deployments, chips).batch);
        spans.push([wrote, epochMs()]);
        server.snapshots.invalidate();
        await sleep(1000);
      }
      aroundWrites = await probeW;
      for (const [t, l, code] of aroundWrites)
        if (!spans.some(([a, b]) => t >= a && t <= b + 50) && spans.some(([, b]) => t > b + 50 && t <= b + HANDOVER_WINDOW_MS)) {
          if (l < 0) afterWriteFailed++;
          else afterWrite.push(l);
          if (code === 'stale') afterWriteStale++;
        }
    }
    const intervals: [number, number][] = [];
    // when this bench's own writes ran (on the serving thread: the embedded store is this process's)
    const writes: [number, number][] = [];
    let stop = false;
    const probe = probeHttp(url, bodies, seconds * 2, 5).finally(() => (stop = true));
    // (each phase writes steps of its own: a write repeated would change nothing, and start no read)
    for (let step = firstStep; !stop; step += 2) {
      const wrote = epochMs();
      await store.write(ingestWrite(step, deployments, chips).batch);
      await store.write(ingestWrite(step + 1, deployments, chips).batch);
      writes.push([wrote, epochMs()]);
      // the next request finds the log too far behind and starts the read
      server.snapshots.invalidate();
      const asked = performance.now();
      while (!stop && !server.snapshots.status().rebuilding && performance.now() - asked < 3000) await sleep(2);
      // (a read that started is recorded however long it ran: under the probe's load it may run for seconds)
      const started = server.snapshots.status().rebuilding;
      const from = epochMs();
      while (server.snapshots.status().rebuilding) await sleep(2);
      if (started) intervals.push([from, epochMs()]);
      await sleep(gapMs);
    }
    const samples = await probe;
    // a request due while the bench wrote, or in the 50 ms after (the answer it then waited for), is counted in neither
    const writing = (t: number) => writes.some(([a, b]) => t >= a && t <= b + 50);
    const inside = (t: number) => !writing(t) && intervals.some(([a, b]) => t >= a && t <= b);
    // the second after a read ended: the new snapshot just served (the analysis workers made it before, inside the interval)
    const justAfter = (t: number) => !writing(t) && !intervals.some(([a, b]) => t >= a && t <= b) && intervals.some(([, b]) => t > b && t <= b + HANDOVER_WINDOW_MS);
    const ok = (xs: [number, number, string][]) => xs.filter(([, l]) => l >= 0);
    // what the failed requests got (an HTTP status and the error's code, or no answer), and when: idle, while a read ran, or else
    // (while the writes that started a read, or its catch-up and hand-over, ran)
    const failures = new Map<string, number>();
    const failedIn = (xs: [number, number, string][], when: (t: number) => string) => {
      for (const [t, l, code] of xs)
        if (l < 0) {
          const what = `${l === -1 ? 'no answer' : `HTTP ${-l}${code ? ` ${code}` : ''}`} ${when(t)}`;
          failures.set(what, (failures.get(what) ?? 0) + 1);
        }
    };
    failedIn(idle, () => 'idle');
    failedIn(aroundWrites, () => 'around single writes (the baseline phase)');
    failedIn(samples, (t) => (inside(t) ? 'while a read ran' : 'between reads (writes, catch-up)'));
    return {
      idle: ok(idle).map(([, l]) => l),
      afterWrite,
      during: ok(samples)
        .filter(([t]) => inside(t))
        .map(([, l]) => l),
      after: ok(samples)
        .filter(([t]) => justAfter(t))
        .map(([, l]) => l),
      afterWriteFailed,
      afterWriteStale,
      failed: [...idle, ...aroundWrites, ...samples].filter(([, l]) => l < 0).length,
      stale: [...idle, ...aroundWrites, ...samples].filter(([, , code]) => code === 'stale').length,
      failures: [...failures].map(([what, n]) => `${what} ×${n}`).join(', '),
      writing: ok(samples)
        .filter(([t]) => writing(t))
        .map(([, l]) => l),
      rebuilds: intervals.length,
    };
  } finally {
    await server.stop();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Request latency idle and while a whole-graph read runs, in one round (ms). */
interface LatencyRound {
  /** the machine's 1-minute load average over the round (other work shares the cores) */
  loadAverage: number;
  idle: { p50: number; p99: number; max: number; n: number };
  during: { p50: number; p99: number; max: number; n: number };
  /** the second after the read ended (the old snapshot let go, the new one in use) */
  after: { p50: number; p99: number; max: number; n: number };
  backgroundRebuildMs: number;
  /** young-generation collections (scavenges) while the read ran: how many, and their pauses (ms) */
  scavenges: { n: number; totalMs: number; maxMs: number };
}

/** Counts the young-generation collections (their pauses) from now until stop() is called. */
function watchScavenges(): { stop(): LatencyRound['scavenges'] } {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) pauses.push(e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return { n: pauses.length, totalMs: pauses.reduce((a, b) => a + b, 0), maxMs: pauses.reduce((a, b) => Math.max(a, b), 0) };
    },
  };
}

/** The largest graph the old rebuild (readAll + build) is measured on: BENCH_SNAPSHOT_OLD_MAX_EDGES, default 2,000,000. */
const OLD_REBUILD_MAX_EDGES = Number(process.env.BENCH_SNAPSHOT_OLD_MAX_EDGES ?? 2_000_000);

/** Request latency over HTTP in one mode of rebuilds: idle, during a read and in the hand-over after it. */
interface HttpRow {
  edges: number;
  mode: string;
  load: number;
  idleP50: number;
  idleP99: number;
  idleN: number;
  duringP50: number;
  duringP99: number;
  duringN: number;
  afterP50: number;
  afterP99: number;
  afterN: number;
  /** the second after one write (patched in, no read): the baseline of the second after a read */
  afterWriteP50: number;
  afterWriteP99: number;
  afterWriteN: number;
  /** requests due in the second after a write that failed (in no percentile), and answers sent from the version before */
  afterWriteFailed: number;
  afterWriteStale: number;
  /** the requests due while this bench wrote, counted in neither (the writes run on the serving thread) */
  writingP99: number;
  writingN: number;
  rebuilds: number;
  failed: number;
  /** answers sent from an older graph version than the one served, in every phase */
  stale: number;
}

async function replica(edges: number, latencyRounds: number): Promise<{ rows: Record<string, number>; rounds: LatencyRound[]; http: HttpRow[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
  try {
    const { store, deployments, chips, loadMs } = await generatedStore(edges, dir);
    console.error(`bench: loaded ${edges} edges in ${(loadMs / 1000).toFixed(0)} s`);
    // baseline: what the cache did before, on every version change: readAll, then one build; it holds
    // every record at once (about 1.3 KB of heap per edge), so above OLD_REBUILD_MAX_EDGES it is not run
    const old =
      edges <= OLD_REBUILD_MAX_EDGES
        ? await measured(async () => {
            const all = await store.readAll();
            return Snapshot.fromRecords(all.entities, all.relations, all.version);
          })
        : { value: null, ms: Number.NaN, peakMb: Number.NaN };
    const oldEdges = old.value?.edgeCount ?? Number.NaN;
    old.value = null;
    // a full read as a replica does it now: in pages, off the request path; its time, peak heap and what it keeps
    // (built in the store's thread, GraphStore.buildSnapshot)
    const full = await measured(() => loadSnapshot(store));
    const fullEdges = full.value.edgeCount;
    const topologyBytes = full.value.topologyBytes();
    const sharedBytes = full.value.sharedBytes();
    gc();
    const snapshotHeapBytes = process.memoryUsage().heapUsed - full.baseHeap;
    const snapshotBytes = snapshotHeapBytes + sharedBytes;
    let base = full.value;
    // (the measurement keeps no snapshot: at 10M edges each holds over a gigabyte)
    (full as { value: Snapshot | null }).value = null;

    // patches: an ingest-like write, then a retraction of half its claims, three times; each applied as the cache does it
    // (its arrays on the reserve's buffers, refilled after it, its pages written before the next write) and, as the
    // baseline, on new buffers (as every patch was before)
    const patches: { ms: number; readMs: number; applyMs: number; freshApplyMs: number; peakMb: number }[] = [];
    const reserve = new WarmMemory();
    let lastClaims: ClaimRecord[] = [];
    for (let step = 1; step <= 6; step++) {
      if (step % 2) {
        const write = ingestWrite(step, deployments, chips);
        lastClaims = write.claims;
        await store.write(write.batch);
      } else await store.write({ retractClaims: lastClaims.filter((_, k) => k % 2).map((c) => c.id) });
      let readMs = 0;
      // the baseline first: the same patch on new buffers (let go at once)
      let freshApplyMs = 0;
      {
        const changes = await store.changesSince(Number(base.version));
        if (changes.kind !== 'changes') throw new Error(`bench: ${changes.reason}`);
        gc();
        const t = performance.now();
        await runPaced(base.applyChangesSteps(changes, changes.version));
        freshApplyMs = performance.now() - t;
      }
      const patched = await measured(async () => {
        const t = performance.now();
        const changes = await store.changesSince(Number(base.version));
        readMs = performance.now() - t;
        if (changes.kind !== 'changes') throw new Error(`bench: ${changes.reason}`);
        // as the cache runs it: in slices that let requests in between, on the reserve's buffers
        return { next: await runPaced(base.applyChangesSteps(changes, changes.version, reserve)), readMs };
      });
      patches.push({ ms: patched.ms, readMs, applyMs: patched.ms - readMs, freshApplyMs, peakMb: patched.peakMb });
      base = patched.value.next;
      reserve.refill();
      while (reserve.writingCount) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const reserveBytes = reserve.bytes;
    await reserve.close();
    // what a patched snapshot adds to the heap beside the one it came from (shared strings and props)
    let previous = base;
    await store.write(ingestWrite(7, deployments, chips).batch);
    const more = await store.changesSince(Number(previous.version));
    if (more.kind !== 'changes') throw new Error('bench: the log does not reach back');
    const patched = await retainedBytes(() => previous.applyChanges(more, more.version));
    const patchBytes = patched.bytes + ownSharedBytes(patched.value, previous);
    (patched as { value: Snapshot | null }).value = null;
    // a whole-graph read while a snapshot is served (a replica too far behind): sharing what did not
    // change with the served snapshot, against the same read sharing nothing, each beside the served one
    // (four more whole-graph reads: above OLD_REBUILD_MAX_EDGES, where one read takes minutes, not run)
    const large = edges > OLD_REBUILD_MAX_EDGES;
    let sharedRead = { ms: Number.NaN, bytes: Number.NaN };
    let plainRead = { ms: Number.NaN, bytes: Number.NaN };
    if (!large) {
      // timed first, each, then read again for what it keeps (a warm read: the first of a kind allocates for good)
      // built in the store's thread, against the same read and packing on this thread (readSnapshot)
      const sharedMs = await timeOf(() => loadSnapshot(store));
      const plainMs = await timeOf(() => readSnapshot(store));
      sharedRead = { ms: sharedMs, bytes: await keptBy(() => loadSnapshot(store)) };
      plainRead = { ms: plainMs, bytes: await keptBy(() => readSnapshot(store)) };
    }
    // the snapshots measured above are let go before the latency rounds (at 10M edges each holds over a gigabyte)
    const measuredSize = { edges: base.edgeCount, nodes: base.nodeCount, previousEdges: previous.edgeCount };
    // (after the heap measurements above, which the pool's threads and messages would disturb)
    // the analysis workers' copy after a write: the patched snapshot carried to them (its buffers and the values the patch
    // added, taken on the version the worker holds) against the whole snapshot sent, each timed to the first answer at the new version, with the serving thread's busy time
    const handovers: { patchMs: number; patchBusyMs: number; wholeMs: number; wholeBusyMs: number }[] = [];
    {
      const pool = new AnalysisPool();
      const far = () => Date.now() + 600_000;
      const question = (snap: Snapshot) => ({ kind: 'reach' as const, root: snap.indexOf('deployment:d1')!, way: 'upstream' as const, depth: 2, asOfMs: Number.NaN });
      const timedAnswer = async (snap: Snapshot) => {
        const elu = performance.eventLoopUtilization();
        const t = performance.now();
        await pool.run(snap, question(snap), far());
        return { ms: performance.now() - t, busyMs: performance.eventLoopUtilization(elu).active };
      };
      try {
        // the graph as it is now (the write measured above included); the snapshots measured above are let go
        let current = previous.applyChanges(more, more.version);
        previous = null as unknown as Snapshot;
        base = null as unknown as Snapshot;
        let held = current;
        await pool.run(held, question(held), far());
        for (let step = 101; step <= 103; step++) {
          await store.write(ingestWrite(step, deployments, chips).batch);
          const changes = await store.changesSince(Number(current.version));
          if (changes.kind !== 'changes') throw new Error(`bench: ${changes.reason}`);
          // the new version, patched from the one the workers hold (as the cache patches the one it serves)
          const next = await runPaced(held.applyChangesSteps(changes, changes.version));
          const patch = await timedAnswer(next);
          // the same version sent whole: a copy without its lineage, under a version of its own (above OLD_REBUILD_MAX_EDGES
          // not run: the copy, its packed form and each worker's copy of it beside the versions they hold outgrow 24 GB at 10M edges)
          if (large) {
            handovers.push({ patchMs: patch.ms, patchBusyMs: patch.busyMs, wholeMs: Number.NaN, wholeBusyMs: Number.NaN });
            held = next;
          } else {
            const packed = packSnapshot(next);
            const copy = unpackSnapshot({ ...packed, version: `${String(changes.version)}-whole` });
            const whole = await timedAnswer(copy);
            handovers.push({ patchMs: patch.ms, patchBusyMs: patch.busyMs, wholeMs: whole.ms, wholeBusyMs: whole.busyMs });
            held = copy;
          }
          current = next;
        }
      } finally {
        await pool.close();
      }
    }
    base = null as unknown as Snapshot;

    // request latency: idle, then while a whole-graph read runs in the background; in rounds,
    // since other work on the machine moves every figure
    // the production recheck interval: the version is asked at most once a second
    const cache = new SnapshotCache(store, 1000);
    await cache.get();
    const rounds: LatencyRound[] = [];
    // one round above OLD_REBUILD_MAX_EDGES: its read alone takes minutes
    for (let k = 0; k < (large ? 1 : latencyRounds); k++) {
      const load = loadavg()[0]!;
      const idleUntil = performance.now() + 3000;
      const idle = await requestLatencies(cache, () => performance.now() > idleUntil, 2, deployments);
      await store.write(ingestWrite(8 + 2 * k, deployments, chips).batch);
      await store.write(ingestWrite(9 + 2 * k, deployments, chips).batch);
      const rebuildStart = performance.now();
      const scavenges = watchScavenges();
      cache.invalidate();
      await cache.get();
      if (!cache.status().rebuilding) throw new Error('bench: the cache did not start a rebuild');
      const during = await requestLatencies(cache, () => !cache.status().rebuilding, 2, deployments);
      const rebuildMs = performance.now() - rebuildStart;
      // let the observer hear of the last collections before it stops
      await new Promise((resolve) => setImmediate(resolve));
      const young = scavenges.stop();
      const afterUntil = performance.now() + HANDOVER_WINDOW_MS;
      const after = await requestLatencies(cache, () => performance.now() > afterUntil, 2, deployments);
      await cache.settled();
      const summary = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99), max: xs.reduce((a, b) => Math.max(a, b), -Infinity), n: xs.length });
      rounds.push({ loadAverage: (load + loadavg()[0]!) / 2, idle: summary(idle), during: summary(during), after: summary(after), backgroundRebuildMs: rebuildMs, scavenges: young });
    }
    // the same kind of question as a GraphQL client asks it, over HTTP (up to OLD_REBUILD_MAX_EDGES: above, one
    // rebuild outlasts the probe)
    const http = [];
    if (edges <= OLD_REBUILD_MAX_EDGES)
      for (const { mode, gapMs } of REBUILD_GAPS) {
        const load = loadavg()[0]!;
        const r = await httpLatencies(store, deployments, chips, latencyRounds > 1 ? 10 : 4, gapMs, 1000 * (http.length + 1));
        http.push({ mode, load: (load + loadavg()[0]!) / 2, ...r });
      }
    await store.close();

    const median = (xs: number[]) => percentile(xs, 50);
    const patch = {
      ms: median(patches.map((p) => p.ms)),
      readMs: median(patches.map((p) => p.readMs)),
      applyMs: median(patches.map((p) => p.applyMs)),
      freshApplyMs: median(patches.map((p) => p.freshApplyMs)),
      peakMb: Math.max(...patches.map((p) => p.peakMb)),
    };
    return {
      rows: {
        edges: measuredSize.edges,
        nodes: measuredSize.nodes,
        loadMs,
        oldRebuildMs: old.ms,
        oldRebuildPeakMb: old.peakMb,
        oldEdges,
        fullReadMs: full.ms,
        fullReadPeakMb: full.peakMb,
        patchMs: patch.ms,
        patchReadMs: patch.readMs,
        patchApplyMs: patch.applyMs,
        patchFreshApplyMs: patch.freshApplyMs,
        reserveBytesPerEdge: reserveBytes / measuredSize.edges,
        patchPeakMb: patch.peakMb,
        snapshotBytesPerEdge: snapshotBytes / fullEdges,
        snapshotHeapBytesPerEdge: snapshotHeapBytes / fullEdges,
        snapshotSharedBytesPerEdge: sharedBytes / fullEdges,
        topologyBytesPerEdge: topologyBytes / fullEdges,
        patchedSnapshotBytesPerEdge: patchBytes / measuredSize.previousEdges,
        handoverPatchMs: median(handovers.map((h) => h.patchMs)),
        handoverPatchBusyMs: median(handovers.map((h) => h.patchBusyMs)),
        handoverWholeMs: median(handovers.map((h) => h.wholeMs)),
        handoverWholeBusyMs: median(handovers.map((h) => h.wholeBusyMs)),
        sharedReadBytesPerEdge: sharedRead.bytes / measuredSize.previousEdges,
        plainReadBytesPerEdge: plainRead.bytes / measuredSize.previousEdges,
        sharedReadMs: sharedRead.ms,
        plainReadMs: plainRead.ms,
      },
      rounds,
      http: http.map((h) => ({
        edges: measuredSize.edges,
        mode: h.mode,
        load: h.load,
        idleP50: percentile(h.idle, 50),
        idleP99: percentile(h.idle, 99),
        idleN: h.idle.length,
        duringP50: percentile(h.during, 50),
        duringP99: percentile(h.during, 99),
        duringN: h.during.length,
        afterP50: percentile(h.after, 50),
        afterP99: percentile(h.after, 99),
        afterN: h.after.length,
        afterWriteP50: percentile(h.afterWrite, 50),
        afterWriteP99: percentile(h.afterWrite, 99),
        afterWriteN: h.afterWrite.length,
        afterWriteFailed: h.afterWriteFailed,
        afterWriteStale: h.afterWriteStale,
        writingP99: percentile(h.writing, 99),
        writingN: h.writing.length,
        rebuilds: h.rebuilds,
        failed: h.failed,
        stale: h.stale,
      })),
      notes: http.filter((h) => h.failed).map((h) => `HTTP requests that failed at ${measuredSize.edges} edges, rebuilds ${h.mode}: ${h.failures}`),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(opts: { quick: boolean }): Promise<BenchResult> {
  const built = await buildTable(opts.quick);
  const sizes = (process.env.BENCH_SNAPSHOT_EDGES ?? (opts.quick ? '20000' : '100000')).split(',').map((s) => Number(s.trim()));
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 1000);
  if (bad !== undefined) throw new Error(`BENCH_SNAPSHOT_EDGES: expected whole numbers of edges of at least 1000, separated by commas, got ${process.env.BENCH_SNAPSHOT_EDGES}`);
  const replicas: Record<string, number>[] = [];
  const latencies: { edges: number; rounds: LatencyRound[] }[] = [];
  const notes: string[] = [];
  const http: HttpRow[] = [];
  for (const edges of sizes) {
    console.error(`bench: snapshot replica at ${edges} edges`);
    const r = await replica(edges, opts.quick ? 1 : 3);
    replicas.push(r.rows);
    latencies.push({ edges: r.rows.edges!, rounds: r.rounds });
    notes.push(...r.notes);
    http.push(...r.http);
  }
  const f = (n: number) => (Number.isNaN(n) ? 'not run' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×` : 'n/a');
  const rows = replicas.map((r) => [
    r.edges!,
    f(r.patchMs!),
    `${f(r.patchReadMs!)} + ${f(r.patchApplyMs!)}`,
    f(r.patchFreshApplyMs!),
    f(r.reserveBytesPerEdge!),
    f(r.fullReadMs!),
    f(r.oldRebuildMs!),
    ratio(r.fullReadMs!, r.patchMs!),
    f(r.patchPeakMb!),
    f(r.fullReadPeakMb!),
    f(r.oldRebuildPeakMb!),
  ]);
  const mem = replicas.map((r) => [
    r.edges!,
    r.nodes!,
    f(r.snapshotBytesPerEdge!),
    `${f(r.snapshotHeapBytesPerEdge!)} / ${f(r.snapshotSharedBytesPerEdge!)}`,
    f(r.topologyBytesPerEdge!),
    f(r.patchedSnapshotBytesPerEdge!),
    `${f(r.sharedReadBytesPerEdge!)} (${f(r.sharedReadMs!)} ms)`,
    `${f(r.plainReadBytesPerEdge!)} (${f(r.plainReadMs!)} ms)`,
  ]);
  const lat = latencies.flatMap(({ edges, rounds }, i) =>
    rounds.map((x, k) => [
      edges,
      k + 1,
      x.loadAverage.toFixed(1),
      `${f(x.idle.p50)} / ${f(x.idle.p99)} / ${f(x.idle.max)} (${x.idle.n})`,
      `${f(x.during.p50)} / ${f(x.during.p99)} / ${f(x.during.max)} (${x.during.n})`,
      ratio(x.during.p99, x.idle.p99),
      `${f(x.after.p50)} / ${f(x.after.p99)} / ${f(x.after.max)} (${x.after.n})`,
      f(x.backgroundRebuildMs),
      `${x.scavenges.n}: ${f(x.scavenges.totalMs)} / ${f(x.scavenges.maxMs)}`,
      f(replicas[i]!.oldRebuildMs!),
    ]),
  );
  const ratios = latencies.map(({ edges, rounds }) => {
    const rs = rounds.map((x) => x.during.p99 / x.idle.p99).sort((a, b) => a - b);
    return `${edges} edges: median ${rs[Math.floor((rs.length - 1) / 2)]!.toFixed(1)}× (${rs[0]!.toFixed(1)}–${rs.at(-1)!.toFixed(1)}×; target 2×)`;
  });
  const markdown = `## Snapshot build

${built.markdown}

## A replica following the graph (embedded store, generated graph: deployments each running on 4 of deployments/200 chips)

One write (5 new deployments, 2 renamed, 100 claims) or one retraction of 50 claims, then the replica catches up (medians of six; the apply as the cache runs it, its arrays on buffers of the reserve, whose pages a thread of its own wrote after the patch before, beside the same apply on new buffers; the first patch finds the reserve empty).

${table(['edges', 'patch (ms)', 'change-log read + apply (ms)', 'baseline: apply on new buffers (ms)', 'the reserve, bytes/edge', 'full read, built in the store thread (ms)', 'baseline: readAll + build (ms)', 'full read / patch', 'patch peak heap (MB)', 'full read peak heap, this thread (MB)', 'baseline peak heap (MB)'], rows)}

The analysis workers (the threads that answer dependencies, paths, exposure, scenarios) hold the snapshot too (its shared buffers). After a write, the first analysis at the new version (a 2-hop reach; medians of three writes):
the patched snapshot carried with the task (and broadcast) as its shared buffers and the values the patch added, which the worker takes on the version it holds (before this release it made the new version itself from the patch: 135 ms at 1M edges in the last run), against the whole snapshot sent (its shared buffers and every value patches added, in one message). Busy: the serving thread's share of that time (event-loop utilisation).

${table(
  ['edges', 'patched: first answer (ms)', 'of which the serving thread busy (ms)', 'baseline: whole snapshot sent, first answer (ms)', 'of which the serving thread busy (ms)', 'whole / patched'],
  replicas.map((r) => [r.edges!, f(r.handoverPatchMs!), f(r.handoverPatchBusyMs!), f(r.handoverWholeMs!), f(r.handoverWholeBusyMs!), ratio(r.handoverWholeMs!, r.handoverPatchMs!)]),
)}

Snapshot memory (per edge: the heap the snapshot keeps alive on this thread, plus the shared memory of its arrays and packed columns, outside the heap; nodes, ids, names and props included):

${table(['edges', 'nodes', 'snapshot bytes/edge', 'of which heap / shared memory', 'of which topology arrays', 'a patched snapshot beside its previous one, bytes/edge', 'a whole-graph read built in the store thread: bytes/edge (read time)', 'baseline: the same read and packing on this thread'], mem)}

Request latency (a 2-hop reach from a random deployment on the snapshot served, one due every 2 ms, timed from when it was due), p50 / p99 / max in ms (requests):

${table(['edges', 'round', 'load', 'idle', 'while a whole-graph read runs', 'p99 rebuild / idle', 'the second after it', 'background read (ms)', 'scavenges during the read: count: total / longest pause (ms)', 'baseline: a request waited (ms)'], lat)}

p99 while a whole-graph read runs ÷ idle p99, over the rounds: ${ratios.join('; ')}. The read and its packing run in the embedded store's thread (pages sized to hold that thread about ${SLICE_MS} ms each), the snapshot is taken here as its shared buffers, and the catch-up patch runs here in slices of ${SLICE_MS} ms.
A young-generation collection (scavenge) stops the event loop for as long as it copies what survives; the count and pauses are those V8 reported (perf_hooks) while the read ran.

${
  http.length
    ? `The same over HTTP, as a GraphQL client sees it (the API server on the same store; \`dependencies\` of a random deployment, depth 2, sent from a second process every 5 ms, timed from when it was due; the server's own background reads, each started by two writes past the change log; "during" counts the requests due while a read ran, its hand-over included (the analysis workers are sent the new snapshot, its shared buffers, and take it between their tasks before it is served), "after" those due in the ${HANDOVER_WINDOW_MS / 1000} s after the new snapshot was first served, when every question is asked afresh at the new version (the graph version keys the response cache; identical questions share one execution, and a read asked while it runs or while every work slot is busy is answered from the version before), beside its baseline: the ${HANDOVER_WINDOW_MS / 1000} s after a single write, patched in without a read; the requests due while the bench's own writes ran (on the serving thread: the embedded store is the server's), or in the 50 ms after, are counted in neither and shown apart). A failed request (503) has no latency and is in no percentile: the failures are counted apart, those of the second after a write too; "answered from the version before" or "from an older version" counts the answers the server sent, marked, from an older graph version's cached answer (a read refused a work slot or that would wait for one, or asked again while its new answer was computed: \`STALE_ANSWER_MS\`; they count in the percentiles). Rebuilds one at a time: the next writes ${REBUILD_GAPS[0].gapMs / 1000} s after a read ended; back to back: ${REBUILD_GAPS[1].gapMs} ms after:

${table(
  [
    'edges',
    'rebuilds',
    'load',
    'idle p50 / p99 (ms, requests)',
    'during a read p50 / p99 (ms, requests, reads)',
    'after a read p50 / p99 (ms, requests)',
    'baseline: after a write p50 / p99 (ms, requests)',
    'after a write: failed / answered from the version before',
    'p99 after a write / idle',
    'p99 during / idle',
    'p99 after a read / idle',
    'p99 after a read / after a write',
    'while the bench wrote: p99 (ms, requests)',
    'failed',
    'answered from an older version',
  ],
  http.map((h) => [
    h.edges,
    h.mode,
    h.load.toFixed(1),
    `${f(h.idleP50)} / ${f(h.idleP99)} (${h.idleN})`,
    `${f(h.duringP50)} / ${f(h.duringP99)} (${h.duringN}, ${h.rebuilds})`,
    `${f(h.afterP50)} / ${f(h.afterP99)} (${h.afterN})`,
    `${f(h.afterWriteP50)} / ${f(h.afterWriteP99)} (${h.afterWriteN})`,
    `${h.afterWriteFailed} / ${h.afterWriteStale}`,
    ratio(h.afterWriteP99, h.idleP99),
    ratio(h.duringP99, h.idleP99),
    ratio(h.afterP99, h.idleP99),
    ratio(h.afterP99, h.afterWriteP99),
    `${f(h.writingP99)} (${h.writingN})`,
    h.failed,
    h.stale,
  ]),
)}`
    : `The same over HTTP is not run above ${OLD_REBUILD_MAX_EDGES.toLocaleString('en')} edges: the server's own reads would hold more copies of a snapshot than the machine has room for.`
}
${notes.length ? `\n${notes.join('\n')}\n` : ''}
The patch reads the change records and the current state of what they name, then builds a new snapshot from the previous one:
the packed columns (ids, names, props) are shared and the values it adds go after theirs, the typed arrays are copied in blocks (into buffers of the reserve) and the adjacency is rebuilt, so the old snapshot stays intact for the requests holding it.
Peak heap is sampled every millisecond above the heap live before the step. The baseline is what the cache did before on every version change,
with every request waiting for it. Larger sizes: \`BENCH_SNAPSHOT_EDGES=1000000 npm run bench -- --only snapshot\` (the graph is bulk-loaded into a temporary embedded store first). Above ${OLD_REBUILD_MAX_EDGES.toLocaleString('en')} edges the old rebuild is not run (\`BENCH_SNAPSHOT_OLD_MAX_EDGES\`): it holds every record at once.`;
  return { name: 'snapshot', markdown, data: { build: built.data, replica: replicas, http } };
}
