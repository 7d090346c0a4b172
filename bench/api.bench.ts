// GraphQL API load: five representative analyst queries, each run over HTTP by autocannon (a second
// process, loopback, concurrency 16, bounded time) beside the same query executed in-process
// without HTTP at the same concurrency (Apollo's executeOperation), giving the HTTP overhead ratio.
// The server runs in this process on an in-memory store seeded from seeds/. Then: a mixed load of
// those queries at concurrency 64 (60 s; 10 s in quick mode), and a probe query's latency and the
// server's memory idle beside the same under a flood of abusive requests (every guard but the
// per-address rate limit, which would turn a single-address flood away at the door), then under
// that flood and a client sending allowed but expensive requests; three rounds, each with the
// machine's load average, since other work on the machine moves every figure.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRequire } from 'node:module';
import { startServer } from '../api/server/serve.js';
import { loadConfig } from '../api/config.js';
import { createLogger } from '../api/log.js';
import { createGraphQLServer } from '../api/graphql/mount.js';
import { SharedReads, createLoaders } from '../api/graphql/loaders.js';
import type { GraphContext } from '../api/graphql/context.js';
import { WorkMeter } from '../api/graphql/budget.js';
import { SnapshotCache } from '../graph/snapshot-cache.js';
import { table } from './measure.js';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

const CONCURRENCY = 16;

const QUERIES: { name: string; query: string }[] = [
  {
    name: 'entity with relations and sources',
    query: `{ entity(id: "chip:nvidia-h20") { id name type ... on Chip { exportClass } relations { type confidence from { id name } to { id name } sources { quote confidence observedAt document { title url publisher } } } } }`,
  },
  { name: 'search "nvidia h20"', query: `{ search(query: "nvidia h20", first: 10) { id name type } }` },
  {
    name: 'open-weights models (list, 50)',
    query: `{ models(first: 50, openWeights: true) { totalCount pageInfo { endCursor hasNextPage } edges { node { id name ... on Model { license releaseDate } relations(types: [DEVELOPED_BY]) { to { id name } } } } } }`,
  },
  { name: 'dependencies depth 3', query: `{ dependencies(id: "deployment:chatgpt", depth: 3) { nodes { id name type } edges { type from { id } to { id } } } }` },
  {
    name: 'k-shortest paths (3)',
    query: `{ paths(from: "deployment:chatgpt", to: "nation:tw", maxLength: 6, first: 3) { length steps { relation { type sources { quote document { title } } } entity { id name } } } }`,
  },
];

interface CannonRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** autocannon in a second process cycling through several requests (its programmatic API). */
export function autocannonMany(url: string, requests: CannonRequest[], seconds: number, connections: number): Promise<CannonResult & { statusCodeStats?: Record<string, { count: number }> }> {
  // the options go through stdin: the abusive bodies are too large for a command line
  const script = `const a = require(process.argv[1]); let t = ''; process.stdin.on('data', (d) => (t += d));
process.stdin.on('end', () => a(JSON.parse(t), (err, res) => { if (err) { console.error(err); process.exit(1); } process.stdout.write(JSON.stringify(res)); }));`;
  const bin = createRequire(import.meta.url).resolve('autocannon');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, bin], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as CannonResult) : reject(new Error(`autocannon exited ${code}`))));
    child.stdin.end(JSON.stringify({ url, connections, duration: seconds, requests }));
  });
}

const MIXED_CONCURRENCY = 64;
/** rounds of the abuse measurement (one in quick mode) */
const ABUSE_ROUNDS = 3;
export const PROBE = JSON.stringify({ query: '{ entity(id: "chip:nvidia-h20") { id name relations(first: 5) { type to { id } } } }' });
const json = { 'content-type': 'application/json' };
const nestedRelations = (levels: number) => {
  let inner = 'id name';
  for (let i = 0; i < levels; i++) inner = `relations { type to { ${inner} } sources { quote document { title } } }`;
  return `{ entity(id: "nation:us") { ${inner} } }`;
};

/** The abusive requests of the flood: each must be refused or bounded by a guard. */
export function attacks(): CannonRequest[] {
  const post = (body: unknown, headers: Record<string, string> = {}): CannonRequest => ({ method: 'POST', path: '/graphql', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  return [
    // nested relations with the default first, and the same with first: $n
    post({ query: nestedRelations(4) }),
    post({ query: `query($n: Int) { entity(id: "nation:us") { relations(first: $n) { to { relations(first: $n) { to { relations(first: $n) { id } } } } } } }`, variables: { n: 1000 } }),
    // oversized inputs under the body limit: a 300k-character search, 50k ids, 900 KB of unused variables
    post({ query: 'query($q: String!) { search(query: $q) { id } }', variables: { q: 'nvidia '.repeat(43_000) } }),
    post({ query: 'query($ids: [ID!]!) { entities(ids: $ids) { id } }', variables: { ids: Array.from({ length: 50_000 }, (_, i) => `chip:x${i}`) } }),
    post({ query: '{ graphVersion }', variables: { pad: 'y'.repeat(900 * 1024) } }),
    // a syntax error and a persisted-query hash that does not match
    post({ query: '{ entity(id: "x") { id ' }),
    post({ query: '{ graphVersion }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
  ];
}

/** Allowed but expensive requests (within every cap and the cost limit): what an abusive client sends once its attacks are refused. */
export function heavy(): CannonRequest[] {
  const post = (query: string): CannonRequest => ({ method: 'POST', path: '/graphql', headers: { ...json, 'cache-control': 'no-cache' }, body: JSON.stringify({ query }) });
  return [
    // 20 undirected paths of up to 10 hops: the most one paths request may ask
    post('{ paths(from: "deployment:chatgpt", to: "nation:tw", maxLength: 10, first: 20, directed: false) { length steps { entity { id } } } }'),
    // a page of 1,000 relations, each with 100 of its own (cost about 706,000 of the 1,000,000 allowed)
    post('{ entity(id: "nation:us") { relations(first: 1000) { type to { id relations(first: 100) { type to { id name } } } } } }'),
    post('{ exposure(nation: "nation:eu", subjects: [DEPLOYMENT, DATA_CENTER, MODEL]) { exposed layers { layer items { subject { id } path { type } } } } }'),
    post('{ dependents(id: "nation:us", depth: 8) { nodes { id } edges { type } } }'),
  ];
}

/**
 * Bodies over the limit, sent by a second process in a loop (one at a time): the server answers 413
 * and closes the connection, which autocannon does not reconnect from, so fetch sends them.
 */
function floodOversized(url: string, seconds: number): Promise<Record<string, number>> {
  const script = `const until = Date.now() + Number(process.argv[2]) * 1000; const url = process.argv[1]; const counts = {};
const bodies = [JSON.stringify({ query: '{ graphVersion }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
  JSON.stringify({ query: 'query($ids: [ID!]!) { entities(ids: $ids) { id } }', variables: { ids: Array.from({ length: 150000 }, (_, i) => 'chip:x' + i) } })];
const one = async (i) => { while (Date.now() < until) { let k; try { const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i++ % 2] }); await r.arrayBuffer(); k = String(r.status); } catch { k = 'error'; } counts[k] = (counts[k] || 0) + 1; } };
Promise.all([0].map(one)).then(() => process.stdout.write(JSON.stringify(counts)));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, String(seconds)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`oversized flood exited ${code}`))));
  });
}

/** A garbage collection on demand (V8's gc, exposed at run time), so memory is compared after collection. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => gc();
}

/** One POST body from CONCURRENCY connections (`uncached`: past the response cache). */
function autocannon(url: string, body: string, seconds: number, uncached = false): Promise<CannonResult> {
  const headers = { ...json, ...(uncached ? { 'cache-control': 'no-cache' } : {}) };
  return autocannonMany(url, [{ method: 'POST', path: new URL(url).pathname, headers, body }], seconds, CONCURRENCY);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Runs `work` and measures this thread's event-loop delay while it runs. */
async function withLoopDelay<T>(work: () => Promise<T>): Promise<[T, { p99Ms: number; maxMs: number }]> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const result = await work();
  loop.disable();
  return [result, { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 }];
}

/** The API benchmark. */
export async function run(opts: { quick: boolean }): Promise<{ name: string; markdown: string; data: unknown }> {
  // one loopback client stands for many: the per-address rate limit is off (it would answer 429)
  const config = loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_SECOND: '0' });
  const server = await startServer(config);
  const seconds = opts.quick ? 2 : 8;
  const inProcessMs = opts.quick ? 1500 : 5000;
  const logger = createLogger('silent');
  const snapshots = new SnapshotCache(server.store);
  const apollo = createGraphQLServer({ store: server.store, snapshots, config, logger });
  await apollo.start();
  const reads = new SharedReads();
  const rows: Record<string, unknown>[] = [];
  let mixed: { seconds: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; total: number; non2xx: number; errors: number; loadAverage: number } | null = null;
  let abuse: Record<string, unknown> | null = null;
  try {
    for (const q of QUERIES) {
      const body = JSON.stringify({ query: q.query });
      // correctness first: the query must answer without errors
      const check = (await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { errors?: unknown[] };
      if (check.errors) throw new Error(`${q.name}: ${JSON.stringify(check.errors)}`);

      await autocannon(`${server.url}/graphql`, body, 1, true); // warm-up
      // uncached: every request executes (Cache-Control: no-cache bypasses the response cache)
      const http = await autocannon(`${server.url}/graphql`, body, seconds, true);
      // cached: repeated reads at one graph version, as dashboards and embeds send them
      const cachedRun = await autocannon(`${server.url}/graphql`, body, seconds);

      // in-process: 16 concurrent loops for a fixed time, each a fresh context as a request would have
      const latencies: number[] = [];
      const until = Date.now() + inProcessMs;
      const loop = async () => {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          const version = (await snapshots.get()).version;
          const contextValue: GraphContext = {
            store: server.store,
            snapshots,
            loaders: createLoaders(server.store, { reads, version }),
            role: null,
            logger,
            deadline: Date.now() + 10_000,
            meter: new WorkMeter(Date.now() + 10_000),
            seen: {},
          };
          const res = await apollo.executeOperation({ query: q.query }, { contextValue });
          if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(`${q.name}: in-process errors`);
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, loop));
      const elapsed = (Date.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const inProc = { p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99), requestsPerSecond: latencies.length / elapsed };
      rows.push({
        query: q.name,
        http: { p50Ms: http.latency.p50, p99Ms: http.latency.p99, requestsPerSecond: http.requests.average, total: http.requests.total, non2xx: http.non2xx, errors: http.errors },
        cached: { p50Ms: cachedRun.latency.p50, p99Ms: cachedRun.latency.p99, requestsPerSecond: cachedRun.requests.average, non2xx: cachedRun.non2xx },
        inProcess: inProc,
        overhead: { p50: http.latency.p50 / Math.max(inProc.p50Ms, 0.001), throughput: inProc.requestsPerSecond / Math.max(http.requests.average, 0.001) },
      });
    }

    // the mixed load: the five queries, each executed and cached, from 64 connections
    const mixedSeconds = opts.quick ? 10 : 60;
    const requests = QUERIES.flatMap((q) =>
      [false, true].map((uncached): CannonRequest => ({
        method: 'POST',
        path: '/graphql',
        headers: { ...json, ...(uncached ? { 'cache-control': 'no-cache' } : {}) },
        body: JSON.stringify({ query: q.query }),
      })),
    );
    const loadBefore = loadavg()[0]!;
    const m = await autocannonMany(`${server.url}/graphql`, requests, mixedSeconds, MIXED_CONCURRENCY);
    mixed = {
      seconds: mixedSeconds,
      requestsPerSecond: m.requests.average,
      p50Ms: m.latency.p50,
      p99Ms: m.latency.p99,
      total: m.requests.total,
      non2xx: m.non2xx,
      errors: m.errors,
      loadAverage: (loadBefore + loadavg()[0]!) / 2,
    };

    // a probe idle, then under the flood; memory before, at the end of the flood, and after it settles
    const probeSeconds = opts.quick ? 4 : 10;
    const probeRequest: CannonRequest = { method: 'POST', path: '/graphql', headers: { ...json, 'cache-control': 'no-cache' }, body: PROBE };
    // the worker threads start on first use: one large body and one analysis start them before anything is timed
    const warm = JSON.stringify({
      query: 'query($ids: [ID!]!) { entities(ids: $ids) { id } }',
      variables: { ids: Array.from({ length: 1000 }, (_, i) => `chip:warm-up-${String(i).padStart(40, '0')}`) },
    });
    for (const body of [warm, JSON.stringify({ query: QUERIES[4]!.query })])
      await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { ...json, 'cache-control': 'no-cache' }, body })).text();
    // each round: the probe alone, under the attack flood, then under the flood and the allowed
    // expensive requests; repeated, because the machine's other work moves every figure
    const round = async (): Promise<AbuseRound> => {
      const load = loadavg()[0]!;
      // the server's event-loop delay while only the probe runs: on a machine busy with other work it
      // is the delay of being scheduled at all, the floor under the figures measured during the floods
      const [idle, idleLoop] = await withLoopDelay(() => autocannonMany(`${server.url}/graphql`, [probeRequest], probeSeconds, 1));
      const [[flooded, flood, oversized], floodLoop] = await withLoopDelay(() =>
        Promise.all([
          autocannonMany(`${server.url}/graphql`, [probeRequest], probeSeconds, 1),
          // the attacks one after another, as one abusive client sends them
          autocannonMany(`${server.url}/graphql`, attacks(), probeSeconds, 1),
          floodOversized(`${server.url}/graphql`, probeSeconds),
        ]),
      );
      // the same, with a third client sending allowed expensive requests back to back
      const [[heavyProbe, heavyAttacks, heavyFlood], heavyLoop] = await withLoopDelay(() =>
        Promise.all([
          autocannonMany(`${server.url}/graphql`, [probeRequest], probeSeconds, 1),
          autocannonMany(`${server.url}/graphql`, attacks(), probeSeconds, 1),
          autocannonMany(`${server.url}/graphql`, heavy(), probeSeconds, 1),
          floodOversized(`${server.url}/graphql`, probeSeconds),
        ]),
      );
      return {
        loadAverage: (load + loadavg()[0]!) / 2,
        idle: { p50Ms: idle.latency.p50, p99Ms: idle.latency.p99, requestsPerSecond: idle.requests.average },
        underFlood: { p50Ms: flooded.latency.p50, p99Ms: flooded.latency.p99, requestsPerSecond: flooded.requests.average, non2xx: flooded.non2xx, errors: flooded.errors },
        flood: { requestsPerSecond: flood.requests.average, total: flood.requests.total, non2xx: flood.non2xx, errors: flood.errors, statusCodes: flood.statusCodeStats ?? {} },
        oversized,
        p99Ratio: flooded.latency.p99 / Math.max(idle.latency.p99, 1),
        loop: floodLoop,
        idleLoop,
        withHeavy: {
          underFlood: { p50Ms: heavyProbe.latency.p50, p99Ms: heavyProbe.latency.p99, requestsPerSecond: heavyProbe.requests.average, non2xx: heavyProbe.non2xx, errors: heavyProbe.errors },
          attacks: { total: heavyAttacks.requests.total, statusCodes: heavyAttacks.statusCodeStats ?? {} },
          heavy: { total: heavyFlood.requests.total, requestsPerSecond: heavyFlood.requests.average, errors: heavyFlood.errors, statusCodes: heavyFlood.statusCodeStats ?? {} },
          p99Ratio: heavyProbe.latency.p99 / Math.max(idle.latency.p99, 1),
          loop: heavyLoop,
        },
      };
    };
    const gc = collector();
    gc();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
    const rounds: AbuseRound[] = [];
    for (let k = 0; k < (opts.quick ? 1 : ABUSE_ROUNDS); k++) rounds.push(await round());
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 3000));
    gc();
    const rssAfter = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;
    const up = (await fetch(`${server.url}/graphql`, { method: 'POST', headers: json, body: PROBE })).status === 200;
    abuse = {
      seconds: probeSeconds,
      rounds,
      rssMiB: { before: rssBefore / 2 ** 20, peak: rssPeak / 2 ** 20, after: rssAfter / 2 ** 20 },
      heapMiB: { before: heapBefore / 2 ** 20, after: heapAfter / 2 ** 20 },
      rssAfterRatio: rssAfter / rssBefore,
      heapAfterRatio: heapAfter / heapBefore,
      serverUp: up,
    };
  } finally {
    await apollo.stop();
    await server.stop();
  }
  type Row = {
    query: string;
    http: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number };
    cached: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number };
    inProcess: { p50Ms: number; p99Ms: number; requestsPerSecond: number };
    overhead: { p50: number; throughput: number };
  };
  const typed = rows as unknown as Row[];
  const entityRow = typed[0]!;
  const markdown = [
    `Server on an in-memory store seeded from seeds/; autocannon in a second process on loopback (it shares the cores), concurrency ${CONCURRENCY}, ${seconds} s per query and mode.`,
    '"HTTP executed" sends `Cache-Control: no-cache` so every request runs resolvers and store reads; "HTTP cached" is the same request repeated at one graph version (the response cache answers).',
    `"In-process" runs the query through Apollo's executeOperation (no HTTP, no response cache, the same shared record cache) at the same concurrency for ${inProcessMs / 1000} s; overhead = in-process req/s ÷ HTTP executed req/s.`,
    '',
    table(
      [
        'query',
        'executed p50 ms',
        'executed p99 ms',
        'executed req/s',
        'cached p50 ms',
        'cached p99 ms',
        'cached req/s',
        'in-process p50 ms',
        'in-process p99 ms',
        'in-process req/s',
        'HTTP overhead',
        'non-2xx',
      ],
      typed.map((r) => [
        r.query,
        r.http.p50Ms,
        r.http.p99Ms,
        Math.round(r.http.requestsPerSecond),
        r.cached.p50Ms,
        r.cached.p99Ms,
        Math.round(r.cached.requestsPerSecond),
        r.inProcess.p50Ms,
        r.inProcess.p99Ms,
        Math.round(r.inProcess.requestsPerSecond),
        r.overhead.throughput,
        r.http.non2xx + r.cached.non2xx,
      ]),
    ),
    '',
    `Target: entity-with-relations p99 < 50 ms on 2 cores — executed ${entityRow.http.p99Ms} ms (${entityRow.http.p99Ms < 50 ? 'met' : 'not met'}), cached ${entityRow.cached.p99Ms} ms (${entityRow.cached.p99Ms < 50 ? 'met' : 'not met'}).`,
    '',
    ...(mixed
      ? [
          `Mixed load: the five queries above, each executed (no-cache) and cached, cycled by ${MIXED_CONCURRENCY} connections for ${mixed.seconds} s: ` +
            `${Math.round(mixed.requestsPerSecond)} req/s, p50 ${mixed.p50Ms} ms, p99 ${mixed.p99Ms} ms, ${mixed.total} requests, ${mixed.non2xx} non-2xx, ${mixed.errors} errors ` +
            `at a load average of ${mixed.loadAverage.toFixed(1)} ` +
            `(target: 1,000 req/s or more with 0 errors — ${mixed.requestsPerSecond >= 1000 && mixed.non2xx + mixed.errors === 0 ? 'met' : 'not met'}).`,
        ]
      : []),
    ...(abuse ? ['', abuseSummary(abuse as unknown as Abuse)] : []),
  ].join('\n');
  return { name: 'api', markdown, data: { concurrency: CONCURRENCY, seconds, inProcessMs, queries: rows, targetEntityP99Ms: 50, mixed, abuse } };
}

/** One round of the abuse measurement. */
interface AbuseRound {
  /** the machine's 1-minute load average over the round (other work shares the cores) */
  loadAverage: number;
  idle: { p50Ms: number; p99Ms: number; requestsPerSecond: number };
  underFlood: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number; errors: number };
  flood: { requestsPerSecond: number; total: number; non2xx: number; errors: number; statusCodes: Record<string, { count: number }> };
  oversized: Record<string, number>;
  p99Ratio: number;
  loop: { p99Ms: number; maxMs: number };
  idleLoop: { p99Ms: number; maxMs: number };
  withHeavy: {
    underFlood: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number; errors: number };
    attacks: { total: number; statusCodes: Record<string, { count: number }> };
    heavy: { total: number; requestsPerSecond: number; errors: number; statusCodes: Record<string, { count: number }> };
    p99Ratio: number;
    loop: { p99Ms: number; maxMs: number };
  };
}

interface Abuse {
  seconds: number;
  rounds: AbuseRound[];
  rssMiB: { before: number; peak: number; after: number };
  heapMiB: { before: number; after: number };
  rssAfterRatio: number;
  heapAfterRatio: number;
  serverUp: boolean;
}

const statuses = (codes: Record<string, { count: number }>) =>
  Object.entries(codes)
    .map(([code, v]) => `${code}: ${v.count}`)
    .join(', ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const spread = (xs: number[], digits = 1) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

function abuseSummary(a: Abuse): string {
  const r = a.rounds;
  const floodRatios = r.map((x) => x.p99Ratio);
  const heavyRatios = r.map((x) => x.withHeavy.p99Ratio);
  const sum = (xs: Record<string, { count: number }>[]) => {
    const out: Record<string, { count: number }> = {};
    for (const codes of xs) for (const [k, v] of Object.entries(codes)) out[k] = { count: (out[k]?.count ?? 0) + v.count };
    return statuses(out);
  };
  const oversized: Record<string, number> = {};
  for (const x of r) for (const [k, v] of Object.entries(x.oversized)) oversized[k] = (oversized[k] ?? 0) + v;
  return [
    `Under abuse, ${r.length} round${r.length > 1 ? 's' : ''}, each: one probe connection (an entity with 5 relations, executed) for ${a.seconds} s alone, then beside one connection cycling ${attacks().length} abusive requests back to back ` +
      '(nested relations with default and variable `first`, a 300k-character search, 50k ids, 900 KB of unused variables, a syntax error, a wrong persisted-query hash) ' +
      'and one more sending bodies over the 1 MB limit (2 MB of variables, 150k ids); per-address rate limit off. ' +
      `Then the same again beside a third connection sending ${heavy().length} allowed but expensive requests back to back (20 undirected paths of up to 10 hops, a page of 1,000 relations each with 100 of its own, ` +
      'the EU\'s exposure, dependents of the US at depth 8), which execute in the analysis worker. "Event loop" is the server\'s event-loop delay (perf_hooks) over each phase; "load" the machine\'s 1-minute load average over the round (2 cores shared with other work). Memory is the server process after a garbage collection, before the first round and 3 s after the last.',
    '',
    table(
      [
        'round',
        'load',
        'probe p99 idle ms',
        'under the flood ms',
        'ratio',
        'flood and expensive requests ms',
        'ratio',
        'event loop p99 idle / flood / expensive ms',
        'probe req/s idle / flood / expensive',
      ],
      r.map((x, k) => [
        k + 1,
        x.loadAverage.toFixed(1),
        x.idle.p99Ms,
        x.underFlood.p99Ms,
        x.p99Ratio.toFixed(2),
        x.withHeavy.underFlood.p99Ms,
        x.withHeavy.p99Ratio.toFixed(2),
        `${x.idleLoop.p99Ms.toFixed(1)} / ${x.loop.p99Ms.toFixed(1)} / ${x.withHeavy.loop.p99Ms.toFixed(1)}`,
        `${Math.round(x.idle.requestsPerSecond)} / ${Math.round(x.underFlood.requestsPerSecond)} / ${Math.round(x.withHeavy.underFlood.requestsPerSecond)}`,
      ]),
    ),
    '',
    `Probe p99 under the flood ÷ idle: median ${spread(floodRatios, 2)} (target < 5: ${Math.max(...floodRatios) < 5 ? 'met in every round' : median(floodRatios) < 5 ? 'met by the median' : 'not met'}); ` +
      `with the allowed expensive requests: ${spread(heavyRatios, 2)} (${Math.max(...heavyRatios) < 5 ? 'under 5 in every round' : median(heavyRatios) < 5 ? 'under 5 by the median' : 'not under 5'}). ` +
      `Probe non-2xx ${r.reduce((n, x) => n + x.underFlood.non2xx + x.withHeavy.underFlood.non2xx, 0)}, errors ${r.reduce((n, x) => n + x.underFlood.errors + x.withHeavy.underFlood.errors, 0)}. ` +
      `Attacks: ${sum(r.map((x) => x.flood.statusCodes))} (alone), ${sum(r.map((x) => x.withHeavy.attacks.statusCodes))} (beside the expensive requests); ` +
      `expensive requests answered: ${sum(r.map((x) => x.withHeavy.heavy.statusCodes))}, ${r.reduce((n, x) => n + x.withHeavy.heavy.errors, 0)} connection errors; ` +
      `oversized bodies: ${Object.entries(oversized)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}. ` +
      `Server heap ${a.heapMiB.before.toFixed(0)} MiB before, ${a.heapMiB.after.toFixed(0)} MiB 3 s after (${((a.heapAfterRatio - 1) * 100).toFixed(0)}%; target within 20%: ${a.heapAfterRatio <= 1.2 ? 'met' : 'not met'}); ` +
      `RSS ${a.rssMiB.before.toFixed(0)} MiB before, ${a.rssMiB.peak.toFixed(0)} MiB at peak, ${a.rssMiB.after.toFixed(0)} MiB after (${((a.rssAfterRatio - 1) * 100).toFixed(0)}%); ` +
      `the server ${a.serverUp ? 'answered' : 'did not answer'} afterwards.`,
  ].join('\n');
}
